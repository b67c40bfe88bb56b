package org.netropy.maxent;

import org.netropy.activation.Nonlinearity;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.primes.Primes;
import org.apache.commons.math3.random.HaltonSequenceGenerator;
import org.netropy.io.InvalidInputException;
import smile.stat.distribution.GaussianDistribution;

/**
 * The reference law {@code π_G} of a neuron's contextual gains (THEORY §3), as weighted atoms:
 * each atom is a gain vector {@code g ∈ R^C} with prior weight {@code π(g)} and, where known,
 * the context weights {@code v} that produce it (used by the sampler).
 *
 * <p>Binary priors (ReLU) enumerate patterns; continuous gains (tanh, sigmoid, softplus)
 * replace the integral over {@code v ~ N(0, σ_v² I)} by Gauss–Hermite tensor atoms for small C
 * or quasi-Monte-Carlo atoms beyond. Which prior stands for the trained network is a modelling
 * choice (bias-free ReLU ⇒ uniform on {0,1}^C; Gaussian biases ⇒ orthant probabilities), so it
 * is a setting recorded with every result.
 *
 * @param kind        short description recorded in outputs, e.g. "relu-uniform"
 * @param gains       atoms × C gain vectors
 * @param weights     atom weights, positive, summing to 1
 * @param binary      whether every gain is 0 or 1 (enables pattern labels)
 * @param exchangeable whether the weight of a binary pattern depends only on its number of
 *                    active contexts (enables the symmetric reduced solver)
 * @param activation  the activation whose gains these are, or null for an explicit list
 * @param contextScale σ_v of the context weights that generate the gains (NaN if not applicable)
 * @param biasScale   σ_b of a shared Gaussian bias (0 for bias-free)
 * @param atomContextWeights for continuous gains, the context weights v of each atom; else null
 * @param classesOnly  true when C is too large to enumerate patterns: atom m stands for ALL
 *                     binomial(C, m) patterns with m active contexts (weight = their total), which
 *                     only the symmetric reduced solver can use
 * @param quadratureNodes continuous gains on a tensor rule: Gauss–Legendre nodes per cell; 0 for
 *                     quasi-Monte-Carlo atoms and for priors that are not a quadrature
 * @param maxAtoms     continuous gains: the atom budget of the refinement (0 otherwise)
 * @param biasMean     b₀, mean of the shared Gaussian bias (ReLU priors; 0 otherwise)
 */
public record GainPrior(String kind, double[][] gains, double[] weights, boolean binary, boolean exchangeable,
                        Nonlinearity activation, double contextScale, double biasScale, double[][] atomContextWeights,
                        boolean classesOnly, int quadratureNodes, int maxAtoms, double biasMean) {

    /** The standard normal (Smile: Numerical Recipes' erfc and inverse erfc, relative error ~1e-15). */
    private static final GaussianDistribution NORMAL = GaussianDistribution.getInstance();

    /** Largest C for which binary patterns are enumerated (2^C atoms). */
    public static final int MAX_ENUMERATED_CONTEXTS = 16;
    /** Largest C for the symmetric reduced solver (patterns grouped by size). */
    public static final int MAX_CLASS_CONTEXTS = 1024;

    public GainPrior {
        InvalidInputException.require(gains.length > 0 && gains.length == weights.length, "gain prior",
                "as many weights as gain patterns (at least one)", gains.length + " patterns, " + weights.length + " weights");
        double sum = 0;
        for (int a = 0; a < weights.length; a++) {
            InvalidInputException.require(Double.isFinite(weights[a]) && weights[a] >= 0, "gain prior weight", "a finite number >= 0", weights[a]);
            InvalidInputException.require(gains[a].length == gains[0].length, "gain prior pattern " + (a + 1),
                    gains[0].length + " gains", gains[a].length);
            for (double g : gains[a]) {
                InvalidInputException.require(Double.isFinite(g), "gain", "finite", g);
            }
            sum += weights[a];
        }
        InvalidInputException.require(sum > 0, "gain prior weights", "not all zero", sum);
        double[] normalised = new double[weights.length];
        for (int a = 0; a < weights.length; a++) {
            normalised[a] = weights[a] / sum;
        }
        weights = normalised;
    }

    public int contexts() {
        return gains[0].length;
    }

    public int size() {
        return gains.length;
    }

    /** Bias-free ReLU with symmetric context weights: uniform on {0,1}^C (THEORY §3). */
    public static GainPrior uniformBinary(int contexts) {
        InvalidInputException.inRange("contexts", contexts, 1, MAX_CLASS_CONTEXTS);
        if (contexts > MAX_ENUMERATED_CONTEXTS) {
            double[] perPattern = new double[contexts + 1];
            java.util.Arrays.fill(perPattern, Math.pow(0.5, contexts));
            return byClass("relu-uniform", contexts, perPattern, Double.NaN, 0);
        }
        int n = 1 << contexts;
        double[][] g = new double[n][];
        double[] w = new double[n];
        for (int p = 0; p < n; p++) {
            g[p] = pattern(p, contexts);
            w[p] = 1.0 / n;
        }
        return new GainPrior("relu-uniform", g, w, true, true, Nonlinearity.RELU, Double.NaN, 0, null, false, 0, 0, 0);
    }

    /** ReLU with a zero-mean shared Gaussian bias; see {@link #reluWithBias(int, double, double, double)}. */
    public static GainPrior reluWithBias(int contexts, double contextScale, double biasScale) {
        return reluWithBias(contexts, contextScale, 0, biasScale);
    }

    /**
     * ReLU with a shared Gaussian bias, the prior of a gradient-descent initialisation
     * (THEORY §3): {@code g_k = 1[v_k + b > 0]}, {@code v_k ~ N(0, σ_v²)} i.i.d.,
     * {@code b ~ N(b₀, σ_b²)}, i.e. the sign pattern of the equicorrelated Gaussian
     * {@code h = v + b·1}. The pattern probability is that Gaussian's orthant probability
     * {@code E_b[Φ(b/σ_v)^m (1 − Φ(b/σ_v))^(C−m)]} ({@link #orthantProbabilities}); it depends only
     * on the number m of active contexts, so the prior is exchangeable.
     */
    public static GainPrior reluWithBias(int contexts, double contextScale, double biasMean, double biasScale) {
        InvalidInputException.inRange("contexts", contexts, 1, MAX_CLASS_CONTEXTS);
        InvalidInputException.positive("context weight scale", contextScale);
        InvalidInputException.nonNegative("bias scale", biasScale);
        InvalidInputException.require(Double.isFinite(biasMean), "bias mean", "a finite number", biasMean);
        double[] perSize = orthantProbabilities(contexts, contextScale, biasMean, biasScale);
        String kind = biasScale == 0 && biasMean == 0 ? "relu-uniform" : "relu-bias";
        if (contexts > MAX_ENUMERATED_CONTEXTS) {
            GainPrior byClass = byClass(kind, contexts, perSize, contextScale, biasScale);
            return new GainPrior(kind, byClass.gains(), byClass.weights(), true, true, Nonlinearity.RELU, contextScale,
                    biasScale, null, true, 0, 0, biasMean);
        }
        int n = 1 << contexts;
        double[][] g = new double[n][];
        double[] w = new double[n];
        for (int p = 0; p < n; p++) {
            g[p] = pattern(p, contexts);
            w[p] = perSize[Integer.bitCount(p)];
        }
        return new GainPrior(kind, g, w, true, true, Nonlinearity.RELU, contextScale, biasScale, null, false, 0, 0, biasMean);
    }

    /** One representative atom per number of active contexts m, weighted by the class total. */
    private static GainPrior byClass(String kind, int contexts, double[] perPattern, double contextScale, double biasScale) {
        double[][] g = new double[contexts + 1][contexts];
        double[] w = new double[contexts + 1];
        for (int m = 0; m <= contexts; m++) {
            for (int k = 0; k < m; k++) {
                g[m][k] = 1;
            }
            w[m] = Math.exp(SymmetricDual.logBinomial(contexts, m) + Math.log(perPattern[m]));
        }
        return new GainPrior(kind, g, w, true, true, Nonlinearity.RELU, contextScale, biasScale, null, true, 0, 0, 0);
    }

    /**
     * Per-size answers already computed: a scan asks once per solve and once per statistics pass,
     * and at C = 16 each answer walks 2^16 atoms (the largest cost of {@code maxent scan} before
     * this memo). A prior is immutable and records compare their arrays by identity, so a key is
     * one prior object; keys are held weakly.
     */
    private static final java.util.Map<GainPrior, double[]> PER_SIZE =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /** π of ONE pattern with m active contexts, m = 0..C (binary exchangeable priors). */
    public double[] patternPriorBySize() {
        return PER_SIZE.computeIfAbsent(this, GainPrior::computePatternPriorBySize).clone();
    }

    private double[] computePatternPriorBySize() {
        int c = contexts();
        double[] per = new double[c + 1];
        for (int a = 0; a < size(); a++) {
            double active = 0;
            for (double g : gains[a]) {
                active += g;
            }
            int m = (int) Math.round(active);
            per[m] = classesOnly ? weights[a] / Math.exp(SymmetricDual.logBinomial(c, m)) : weights[a];
        }
        return per;
    }

    /** Zero-mean bias; see {@link #orthantProbabilities(int, double, double, double)}. */
    public static double[] orthantProbabilities(int contexts, double contextScale, double biasScale) {
        return orthantProbabilities(contexts, contextScale, 0, biasScale);
    }

    /** Absolute accuracy to which {@link #orthantProbabilities} are computed. */
    public static final double ORTHANT_TOLERANCE = 1e-13;

    /**
     * Probability of ONE pattern with m active contexts, m = 0..C, for {@link #reluWithBias}:
     * the orthant probability {@code E_b[Φ(b/σ_v)^m (1 − Φ(b/σ_v))^(C−m)]}, b ~ N(b₀, σ_b²).
     * Exact (a product) for σ_b = 0; otherwise Gauss–Hermite over b with 64, 128, … nodes until
     * two rules agree to {@link #ORTHANT_TOLERANCE} in every entry (else not converged).
     */
    public static double[] orthantProbabilities(int contexts, double contextScale, double biasMean, double biasScale) {
        if (biasScale == 0) {
            double up = NORMAL.cdf(biasMean / contextScale);
            double[] p = new double[contexts + 1];
            for (int m = 0; m <= contexts; m++) {
                p[m] = Math.pow(up, m) * Math.pow(1 - up, contexts - m);
            }
            return p;
        }
        double[] previous = null;
        for (int nodes = 64; nodes <= 1024; nodes *= 2) {
            GaussHermite gh = GaussHermite.of(nodes);
            double[] p = new double[contexts + 1];
            for (int i = 0; i < gh.size(); i++) {
                double b = biasMean + biasScale * gh.node(i);
                double up = NORMAL.cdf(b / contextScale);
                for (int m = 0; m <= contexts; m++) {
                    p[m] += gh.weight(i) * Math.pow(up, m) * Math.pow(1 - up, contexts - m);
                }
            }
            if (previous != null) {
                double change = 0;
                for (int m = 0; m <= contexts; m++) {
                    change = Math.max(change, Math.abs(p[m] - previous[m]));
                }
                if (change <= ORTHANT_TOLERANCE) {
                    return p;
                }
            }
            previous = p;
        }
        throw new org.netropy.io.NotConvergedException(String.format("orthant probabilities of the gain prior"
                + " (bias %g ± %g, context scale %g) not stable to %.0e with 1024 Gauss-Hermite nodes", biasMean, biasScale,
                contextScale, ORTHANT_TOLERANCE));
    }

    /**
     * The prior a network with this activation implies (THEORY §3): bias-free ReLU ⇒ uniform
     * binary, ReLU with a Gaussian bias ⇒ orthant probabilities, a smooth activation ⇒ continuous
     * gains on quadrature atoms. The one place where settings become a gain prior.
     */
    public static GainPrior forActivation(Nonlinearity activation, int contexts, double contextScale, double biasScale,
                                          int quadratureNodes, int maxAtoms) {
        return forActivation(activation, contexts, contextScale, 0, biasScale, quadratureNodes, maxAtoms);
    }

    /** As above, with a bias mean b₀ (a gradient-descent initialisation {@code b = b₀ + σ_b ξ}). */
    public static GainPrior forActivation(Nonlinearity activation, int contexts, double contextScale, double biasMean,
                                          double biasScale, int quadratureNodes, int maxAtoms) {
        if (activation.isBinary()) {
            InvalidInputException.nonNegative("bias scale", biasScale);
            return biasScale == 0 && biasMean == 0 ? uniformBinary(contexts)
                    : reluWithBias(contexts, contextScale, biasMean, biasScale);
        }
        InvalidInputException.require(biasScale == 0 && biasMean == 0, "bias", "0 (no hidden bias) for continuous gains",
                biasMean + " ± " + biasScale);
        return continuous(activation, contexts, contextScale, quadratureNodes, maxAtoms);
    }

    /** An explicit weighted list of binary or continuous gain patterns. */
    public static GainPrior explicit(double[][] gains, double[] weights) {
        boolean binary = Arrays.stream(gains).flatMapToDouble(Arrays::stream).allMatch(g -> g == 0 || g == 1);
        return new GainPrior("explicit", gains, weights, binary, false, null, Double.NaN, 0, null, false, 0, 0, 0);
    }

    /** Default atom budget of the continuous-gain quadrature refinement. */
    public static final int DEFAULT_MAX_ATOMS = 1_000_000;

    /** Gaussian mass left outside {@code ±L σ_v} by the continuous-gain rule. */
    static final double TAIL_MASS = 1e-15;

    /**
     * Continuous gains {@code g_k = φ'(v_k)}, {@code v ~ N(0, σ_v² I_C)} (THEORY §3): a tensor
     * product of composite Gauss–Legendre rules in v, {@code nodes} per cell. The cells of one
     * context end at 0, at the {@link Nonlinearity#breakpoints() breakpoints} where the
     * binarised pattern changes (so every cell lies in one population and the integrand is
     * analytic on it), at geometrically growing distances from 0 (where the gain varies fastest
     * and its complex singularities lie), and at {@code ±L σ_v} with Gaussian tail mass
     * {@link #TAIL_MASS} outside; each cell's weights are rescaled to its exact Gaussian mass. When the tensor grid would exceed {@code maxAtoms} atoms,
     * {@code maxAtoms/2} Halton quasi-Monte-Carlo atoms are used instead. {@link #refined()}
     * gives the next, finer rule of the same kind; the solver refines until the results agree.
     */
    public static GainPrior continuous(Nonlinearity activation, int contexts, double contextScale, int nodes, int maxAtoms) {
        InvalidInputException.require(!activation.isBinary(), "activation", "tanh, sigmoid or softplus for continuous gains", activation);
        InvalidInputException.inRange("contexts", contexts, 1, 64);
        InvalidInputException.positive("context weight scale", contextScale);
        InvalidInputException.inRange("quadrature nodes", nodes, 2, 200);
        InvalidInputException.inRange("maximum atoms", maxAtoms, 16, 100_000_000);
        double[][] rule = cellRule(activation, contextScale, nodes);
        double tensor = Math.pow(rule.length, contexts);
        if (tensor > maxAtoms) {
            return halton(activation, contexts, contextScale, maxAtoms / 2, maxAtoms);
        }
        int per = rule.length;
        int n = (int) tensor;
        double[][] v = new double[n][contexts];
        double[] w = new double[n];
        for (int a = 0; a < n; a++) {
            int rest = a;
            double weight = 1;
            for (int k = 0; k < contexts; k++) {
                int idx = rest % per;
                rest /= per;
                v[a][k] = rule[idx][0];
                weight *= rule[idx][1];
            }
            w[a] = weight;
        }
        return fromContextWeights(activation, contextScale, v, w, activation.label() + "-gauss-legendre-" + nodes, nodes, maxAtoms);
    }

    /** The next rule: 1.5× the nodes per cell, or Halton atoms doubled; null beyond the atom budget. */
    public GainPrior refined() {
        if (activation == null || binary || maxAtoms == 0) {
            return null;
        }
        if (quadratureNodes > 0) {
            int next = quadratureNodes + Math.max(2, quadratureNodes / 2);
            if (next > 200 || Math.pow(cellRule(activation, contextScale, next).length, contexts()) > maxAtoms) {
                return null;
            }
            return continuous(activation, contexts(), contextScale, next, maxAtoms);
        }
        return size() * 2L <= maxAtoms ? halton(activation, contexts(), contextScale, size() * 2, maxAtoms) : null;
    }

    /** This quadrature rule as a fixed list of atoms: solved as given, never refined. */
    public GainPrior fixedRule() {
        return new GainPrior(kind, gains, weights, binary, exchangeable, activation, contextScale, biasScale, atomContextWeights,
                classesOnly, quadratureNodes, 0, biasMean);
    }

    /** Composite Gauss–Legendre rule for N(0, σ_v²) on one context: rows {v, weight}. */
    static double[][] cellRule(Nonlinearity activation, double contextScale, int nodes) {
        double limit = -contextScale * NORMAL.quantile(TAIL_MASS / 2);
        java.util.TreeSet<Double> edges = new java.util.TreeSet<>();
        edges.add(-limit);
        edges.add(limit);
        edges.add(0.0);
        double unit = Double.POSITIVE_INFINITY;
        for (double b : activation.breakpoints()) {
            if (Math.abs(b) < limit) {
                edges.add(b);
            }
            if (b > 0) {
                unit = Math.min(unit, b);
            }
        }
        if (unit == Double.POSITIVE_INFINITY) {
            unit = 1;
        }
        for (double e = unit; 2 * e < limit; e *= 2) {
            edges.add(e);
            edges.add(-e);
        }
        Double[] cut = edges.toArray(new Double[0]);
        java.util.List<double[]> rows = new java.util.ArrayList<>();
        double total = 0;
        GaussLegendre gl = GaussLegendre.of(nodes);
        for (int c = 0; c + 1 < cut.length; c++) {
            // each cell's weights are rescaled to its exact Gaussian mass, so the prior of every
            // binarised class is exact at every level and only the integrand's variation is approximated
            double mass = NORMAL.cdf(cut[c + 1] / contextScale) - NORMAL.cdf(cut[c] / contextScale);
            double[][] cell = new double[gl.size()][];
            double cellSum = 0;
            for (int i = 0; i < gl.size(); i++) {
                double v = gl.node(i, cut[c], cut[c + 1]);
                cell[i] = new double[] {v, gl.weight(i, cut[c], cut[c + 1]) * NORMAL.p(v / contextScale) / contextScale};
                cellSum += cell[i][1];
            }
            for (double[] row : cell) {
                row[1] *= mass / cellSum;
                rows.add(row);
                total += row[1];
            }
        }
        double[][] rule = rows.toArray(new double[0][]);
        for (double[] row : rule) {
            row[1] /= total;
        }
        return rule;
    }

    private static GainPrior halton(Nonlinearity activation, int contexts, double contextScale, int atoms, int maxAtoms) {
        double[][] v = new double[atoms][contexts];
        double[] w = new double[atoms];
        // the unscrambled Halton sequence (radical inverses in the first C primes), from index 1 (index 0 is the origin)
        int[] bases = new int[contexts];
        for (int k = 0, x = 2; k < contexts; x = Primes.nextPrime(x + 1)) {
            bases[k++] = x;
        }
        HaltonSequenceGenerator halton = new HaltonSequenceGenerator(contexts, bases, null);
        halton.skipTo(0);
        for (int a = 0; a < atoms; a++) {
            double[] u = halton.nextVector();
            for (int k = 0; k < contexts; k++) {
                v[a][k] = contextScale * NORMAL.quantile(u[k]);
            }
            w[a] = 1.0 / atoms;
        }
        return fromContextWeights(activation, contextScale, v, w, activation.label() + "-halton-" + atoms, 0, maxAtoms);
    }

    private static GainPrior fromContextWeights(Nonlinearity activation, double contextScale, double[][] v, double[] w,
                                                String kind, int nodes, int maxAtoms) {
        int contexts = v[0].length;
        double[][] g = new double[v.length][contexts];
        for (int a = 0; a < v.length; a++) {
            for (int k = 0; k < contexts; k++) {
                g[a][k] = activation.slope(v[a][k]);
            }
        }
        return new GainPrior(kind, g, w, false, false, activation, contextScale, 0, v, false, nodes, maxAtoms, 0);
    }

    /**
     * The corners of the box {@code [0, sup φ']^C} that holds every attainable gain vector of a
     * continuous prior (null for pattern lists and beyond C = 16). {@code |Λ̃g|²} is convex in g,
     * so the law is normalisable for every attainable g iff it is at these corners (THEORY §3).
     */
    public double[][] gainBoxVertices() {
        if (activation == null || binary || contexts() > 16) {
            return null;
        }
        int c = contexts();
        double[][] out = new double[1 << c][];
        for (int p = 0; p < out.length; p++) {
            out[p] = pattern(p, c);
            for (int k = 0; k < c; k++) {
                out[p][k] *= activation.supremum();
            }
        }
        return out;
    }

    /** Binary pattern of index p: bit k is context k+1. */
    public static double[] pattern(int p, int contexts) {
        double[] g = new double[contexts];
        for (int k = 0; k < contexts; k++) {
            g[k] = (p >> k) & 1;
        }
        return g;
    }

    /** "0110"-style label, context 1 first (binary patterns only). */
    public static String label(double[] g) {
        StringBuilder sb = new StringBuilder(g.length);
        for (double x : g) {
            sb.append(x >= 0.5 ? '1' : '0');
        }
        return sb.toString();
    }

    /** Kish effective sample size of a weight vector: {@code (Σw)²/Σw²}. */
    public static double effectiveSampleSize(double[] weights) {
        double s = 0;
        double s2 = 0;
        for (double w : weights) {
            s += w;
            s2 += w * w;
        }
        return s * s / s2;
    }

    /** Context weights v for atom a when the prior was built from them, else null. */
    public double[] contextWeights(int atom) {
        return atomContextWeights == null ? null : atomContextWeights[atom];
    }

    /**
     * Draws context weights consistent with a binary pattern (THEORY §3, finite networks):
     * bias-free {@code v_k = (2g_k − 1)|σ_v η_k|}; with a Gaussian bias, b from its posterior
     * given the pattern (rejection) and each v_k from its truncated normal.
     * Returns {v_1..v_C, b}.
     */
    public double[] drawContextWeights(double[] pattern, double scaleIfUnset, SplittableRandom random) {
        int c = pattern.length;
        double sv = Double.isNaN(contextScale) ? scaleIfUnset : contextScale;
        double[] out = new double[c + 1];
        if (biasScale == 0 && biasMean == 0) {
            for (int k = 0; k < c; k++) {
                out[k] = (2 * pattern[k] - 1) * Math.abs(sv * random.nextGaussian());
            }
            return out;
        }
        for (int attempt = 0; attempt < 1_000_000; attempt++) {
            double b = biasMean + biasScale * random.nextGaussian();
            double up = NORMAL.cdf(b / sv);
            double accept = 1;
            for (double g : pattern) {
                accept *= biasScale == 0 ? 1 : g > 0.5 ? up : 1 - up; // a fixed bias is its own posterior
            }
            if (random.nextDouble() < accept) {
                for (int k = 0; k < c; k++) {
                    // v_k > -b when active, v_k < -b otherwise: truncated N(0, sv²).
                    double cut = NORMAL.cdf(-b / sv);
                    double u = random.nextDouble();
                    double p = pattern[k] > 0.5 ? cut + u * (1 - cut) : u * cut;
                    p = Math.min(Math.max(p, 1e-300), 1 - 1e-16);
                    out[k] = sv * NORMAL.quantile(p);
                }
                out[c] = b;
                return out;
            }
        }
        throw new IllegalStateException("could not draw a bias consistent with pattern " + label(pattern));
    }
}
