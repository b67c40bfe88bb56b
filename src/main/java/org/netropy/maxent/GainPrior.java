package org.netropy.maxent;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.netropy.io.InvalidInputException;

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
 */
public record GainPrior(String kind, double[][] gains, double[] weights, boolean binary, boolean exchangeable,
                        GainFunction activation, double contextScale, double biasScale, double[][] atomContextWeights,
                        boolean classesOnly) {

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
        return new GainPrior("relu-uniform", g, w, true, true, GainFunction.RELU, Double.NaN, 0, null, false);
    }

    /**
     * ReLU with a shared Gaussian bias: {@code g_k = 1[v_k + b > 0]}, {@code v_k ~ N(0, σ_v²)}
     * i.i.d., {@code b ~ N(0, σ_b²)}. The pattern probability is the orthant probability
     * {@code ∫ N(b) Π_k Φ(±b/σ_v) db}, computed by Gauss–Hermite quadrature over b; it depends
     * only on the number of active contexts, so the prior is exchangeable.
     */
    public static GainPrior reluWithBias(int contexts, double contextScale, double biasScale) {
        InvalidInputException.inRange("contexts", contexts, 1, MAX_CLASS_CONTEXTS);
        InvalidInputException.positive("context weight scale", contextScale);
        InvalidInputException.nonNegative("bias scale", biasScale);
        double[] perSize = orthantProbabilities(contexts, contextScale, biasScale);
        if (contexts > MAX_ENUMERATED_CONTEXTS) {
            return byClass("relu-bias", contexts, perSize, contextScale, biasScale);
        }
        int n = 1 << contexts;
        double[][] g = new double[n][];
        double[] w = new double[n];
        for (int p = 0; p < n; p++) {
            g[p] = pattern(p, contexts);
            w[p] = perSize[Integer.bitCount(p)];
        }
        return new GainPrior("relu-bias", g, w, true, true, GainFunction.RELU, contextScale, biasScale, null, false);
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
        return new GainPrior(kind, g, w, true, true, GainFunction.RELU, contextScale, biasScale, null, true);
    }

    /** π of ONE pattern with m active contexts, m = 0..C (binary exchangeable priors). */
    public double[] patternPriorBySize() {
        int c = contexts();
        double[] per = new double[c + 1];
        for (int a = 0; a < size(); a++) {
            int m = (int) Math.round(java.util.Arrays.stream(gains[a]).sum());
            per[m] = classesOnly ? weights[a] / Math.exp(SymmetricDual.logBinomial(c, m)) : weights[a];
        }
        return per;
    }

    /** Probability of ONE pattern with m active contexts, m = 0..C, for {@link #reluWithBias}. */
    public static double[] orthantProbabilities(int contexts, double contextScale, double biasScale) {
        double[] p = new double[contexts + 1];
        if (biasScale == 0) {
            Arrays.fill(p, Math.pow(0.5, contexts));
            return p;
        }
        GaussHermite gh = GaussHermite.of(80);
        for (int i = 0; i < gh.size(); i++) {
            double b = biasScale * gh.node(i);
            double up = NormalDistribution.cdf(b / contextScale);
            for (int m = 0; m <= contexts; m++) {
                p[m] += gh.weight(i) * Math.pow(up, m) * Math.pow(1 - up, contexts - m);
            }
        }
        return p;
    }

    /**
     * The prior a network with this activation implies (THEORY §3): bias-free ReLU ⇒ uniform
     * binary, ReLU with a Gaussian bias ⇒ orthant probabilities, a smooth activation ⇒ continuous
     * gains on quadrature atoms. The one place where settings become a gain prior.
     */
    public static GainPrior forActivation(GainFunction activation, int contexts, double contextScale, double biasScale,
                                          int quadratureNodes, int maxAtoms) {
        if (activation.isBinary()) {
            InvalidInputException.nonNegative("bias scale", biasScale);
            return biasScale == 0 ? uniformBinary(contexts) : reluWithBias(contexts, contextScale, biasScale);
        }
        InvalidInputException.require(biasScale == 0, "bias scale", "0 for continuous gains", biasScale);
        return continuous(activation, contexts, contextScale, quadratureNodes, maxAtoms);
    }

    /** An explicit weighted list of binary or continuous gain patterns. */
    public static GainPrior explicit(double[][] gains, double[] weights) {
        boolean binary = Arrays.stream(gains).flatMapToDouble(Arrays::stream).allMatch(g -> g == 0 || g == 1);
        return new GainPrior("explicit", gains, weights, binary, false, null, Double.NaN, 0, null, false);
    }

    /**
     * Continuous gains {@code g_k = φ'(v_k)}, {@code v ~ N(0, σ_v² I_C)}: a Gauss–Hermite tensor
     * grid of {@code nodes^C} atoms when that is at most {@code maxAtoms}, otherwise
     * {@code maxAtoms} quasi-Monte-Carlo (Halton) atoms with equal weights.
     */
    public static GainPrior continuous(GainFunction activation, int contexts, double contextScale, int nodes, int maxAtoms) {
        InvalidInputException.require(!activation.isBinary(), "activation", "tanh, sigmoid or softplus for continuous gains", activation);
        InvalidInputException.inRange("contexts", contexts, 1, 64);
        InvalidInputException.positive("context weight scale", contextScale);
        InvalidInputException.inRange("quadrature nodes", nodes, 2, 200);
        InvalidInputException.inRange("maximum atoms", maxAtoms, 16, 10_000_000);
        double tensor = Math.pow(nodes, contexts);
        double[][] v;
        double[] w;
        String kind;
        if (tensor <= maxAtoms) {
            GaussHermite gh = GaussHermite.of(nodes);
            int n = (int) tensor;
            v = new double[n][contexts];
            w = new double[n];
            for (int a = 0; a < n; a++) {
                int rest = a;
                double weight = 1;
                for (int k = 0; k < contexts; k++) {
                    int idx = rest % nodes;
                    rest /= nodes;
                    v[a][k] = contextScale * gh.node(idx);
                    weight *= gh.weight(idx);
                }
                w[a] = weight;
            }
            kind = activation.label() + "-gauss-hermite-" + nodes;
        } else {
            v = new double[maxAtoms][contexts];
            w = new double[maxAtoms];
            for (int a = 0; a < maxAtoms; a++) {
                for (int k = 0; k < contexts; k++) {
                    v[a][k] = contextScale * NormalDistribution.quantile(Halton.value(a + 1, k));
                }
                w[a] = 1.0 / maxAtoms;
            }
            kind = activation.label() + "-halton-" + maxAtoms;
        }
        double[][] g = new double[v.length][contexts];
        for (int a = 0; a < v.length; a++) {
            for (int k = 0; k < contexts; k++) {
                g[a][k] = activation.gain(v[a][k]);
            }
        }
        return new GainPrior(kind, g, w, false, false, activation, contextScale, 0, v, false);
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
        if (biasScale == 0) {
            for (int k = 0; k < c; k++) {
                out[k] = (2 * pattern[k] - 1) * Math.abs(sv * random.nextGaussian());
            }
            return out;
        }
        for (int attempt = 0; attempt < 1_000_000; attempt++) {
            double b = biasScale * random.nextGaussian();
            double up = NormalDistribution.cdf(b / sv);
            double accept = 1;
            for (double g : pattern) {
                accept *= g > 0.5 ? up : 1 - up;
            }
            if (random.nextDouble() < accept) {
                for (int k = 0; k < c; k++) {
                    // v_k > -b when active, v_k < -b otherwise: truncated N(0, sv²).
                    double cut = NormalDistribution.cdf(-b / sv);
                    double u = random.nextDouble();
                    double p = pattern[k] > 0.5 ? cut + u * (1 - cut) : u * cut;
                    p = Math.min(Math.max(p, 1e-300), 1 - 1e-16);
                    out[k] = sv * NormalDistribution.quantile(p);
                }
                out[c] = b;
                return out;
            }
        }
        throw new IllegalStateException("could not draw a bias consistent with pattern " + label(pattern));
    }
}
