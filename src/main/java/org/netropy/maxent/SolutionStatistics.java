package org.netropy.maxent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything the max-ent law says about single neurons, computed from the optimal Λ̃ in closed
 * form (THEORY §3): {@code P*(g) = π(g) q_g^{-1/2}/Z}, {@code x_g = |Λ̃g|²},
 * {@code E[zw|g] = √κ Λ̃g/q_g}, {@code E[wwᵀ|g] = σ_w²(I + b̃b̃ᵀ/q_g)}, {@code E[z²|g] = σ_z²/q_g},
 * and {@code KL = KL_pop + KL_sel}. Under a structured reference law {@code N(0, σ_w² S)}:
 * {@code x_g = b̃ᵀSb̃}, {@code E[zw|g] = √κ S b̃/q_g}, {@code E[wwᵀ|g] = σ_w²(S + Sb̃b̃ᵀS/q_g)},
 * {@code E|w|² = σ_w²(D + b̃ᵀS²b̃/q_g)} (tr S = D) and the KL formulas unchanged (THEORY §3).
 */
final class SolutionStatistics {
    private SolutionStatistics() {}

    /** Largest number of doubles spent on per-population second-moment matrices. */
    private static final long MAX_MOMENT_DOUBLES = 20_000_000L;

    static MaxEntSolution fromAtoms(MaxEntProblem problem, double[][] scaled, int iterations, double residual,
                                    boolean converged, String method, List<String> warnings) {
        GainPrior prior = problem.prior();
        int d = problem.features();
        int c = problem.contexts();
        double s = problem.sigmaW() * problem.sigmaW();
        double t = problem.sigmaZ() * problem.sigmaZ();
        double sk = Math.sqrt(problem.kappa());
        double[] x = new double[d * c];
        for (int j = 0; j < d; j++) {
            System.arraycopy(scaled[j], 0, x, j * c, c);
        }
        int n = prior.size();
        WeightPrior shape = problem.weights();
        double[][] tilt = new double[n][];
        double[][] shaped = new double[n][];
        double[] q = new double[n];
        double[] logW = new double[n];
        for (int a = 0; a < n; a++) {
            tilt[a] = FullDual.tilt(x, prior.gains()[a], d, c);
            shaped[a] = shape.apply(tilt[a]);
            q[a] = 1 - org.netropy.linalg.Vectors.dot(tilt[a], shaped[a]);
            logW[a] = prior.weights()[a] > 0 ? Math.log(prior.weights()[a]) - 0.5 * Math.log(q[a]) : Double.NEGATIVE_INFINITY;
        }
        double logZ = SymmetricDual.logSumExp(logW);
        double[] p = new double[n];
        double maxGain = 0;
        for (int a = 0; a < n; a++) {
            p[a] = Math.exp(logW[a] - logZ);
            for (double g : prior.gains()[a]) {
                maxGain = Math.max(maxGain, g);
            }
        }
        double threshold = prior.binary() ? 0.5
                : prior.activation() != null ? prior.activation().halfSupremum() : 0.5 * maxGain;
        double klPop = 0;
        double klSel = 0;
        double meanStructure = 0;
        double priorEntropy = 0;
        double[][] achieved = new double[d][c];
        double secondMomentOfT = 0;
        double squaredNorm = 0;
        Map<String, double[]> groupSums = new TreeMap<>(); // label -> [P, π, P·x, P·g(C), P·cross(D)]
        Map<String, double[][]> groupMoments = new LinkedHashMap<>();
        long groupsBound = Math.min(n, 1L << Math.min(c, 30));
        boolean keepMoments = groupsBound * (d + 1L) * (d + 1L) <= MAX_MOMENT_DOUBLES;
        Map<Integer, double[]> classSums = new TreeMap<>(); // m -> [count, P, π, P·x]
        for (int a = 0; a < n; a++) {
            double pi = prior.weights()[a];
            if (pi <= 0) {
                continue;
            }
            double pa = p[a];
            double xa = 1 - q[a];
            double[] g = prior.gains()[a];
            priorEntropy -= pi * Math.log(pi);
            if (pa > 0) {
                klPop += pa * Math.log(pa / pi);
            }
            klSel += pa * (xa / q[a] + 0.5 * Math.log(q[a]));
            meanStructure += pa * xa;
            double ys = org.netropy.linalg.Vectors.dot(shaped[a], shaped[a]); // b̃ᵀS²b̃ (= x for S = I)
            squaredNorm += pa * (s * (d + ys / q[a]) + t / q[a]);
            double g2 = org.netropy.linalg.Vectors.dot(g, g);
            secondMomentOfT += pa * g2 * problem.kappa() * (d / q[a] + 3 * ys / (q[a] * q[a]));
            double[] cross = new double[d];
            for (int j = 0; j < d; j++) {
                cross[j] = sk * shaped[a][j] / q[a];
                for (int k = 0; k < c; k++) {
                    achieved[j][k] += pa * cross[j] * g[k];
                }
            }
            boolean[] active = new boolean[c];
            int m = 0;
            StringBuilder label = new StringBuilder(c);
            for (int k = 0; k < c; k++) {
                active[k] = g[k] >= threshold;
                label.append(active[k] ? '1' : '0');
                if (active[k]) {
                    m++;
                }
            }
            double[] cs = classSums.computeIfAbsent(m, key -> new double[4]);
            cs[0] += 1;
            cs[1] += pa;
            cs[2] += pi;
            cs[3] += pa * xa;
            String key = label.toString();
            double[] sum = groupSums.computeIfAbsent(key, k -> new double[4 + c + d]);
            sum[0] += pa;
            sum[1] += pi;
            sum[2] += pa * xa;
            sum[3] = m;
            for (int k = 0; k < c; k++) {
                sum[4 + k] += pa * g[k];
            }
            for (int j = 0; j < d; j++) {
                sum[4 + c + j] += pa * cross[j];
            }
            if (keepMoments) {
                double[][] mom = groupMoments.computeIfAbsent(key, k -> new double[d + 1][d + 1]);
                for (int i = 0; i < d; i++) {
                    for (int j = 0; j < d; j++) {
                        mom[i][j] += pa * s * (shape.entry(i, j) + shaped[a][i] * shaped[a][j] / q[a]);
                    }
                    mom[i][d] += pa * cross[i];
                    mom[d][i] += pa * cross[i];
                }
                mom[d][d] += pa * t / q[a];
            }
        }
        double achievedNorm2 = 0;
        for (double[] row : achieved) {
            for (double v : row) {
                achievedNorm2 += v * v;
            }
        }
        List<Population> populations = new ArrayList<>();
        for (Map.Entry<String, double[]> e : groupSums.entrySet()) {
            double[] sum = e.getValue();
            double pg = sum[0];
            double inv = pg > 0 ? 1 / pg : 0;
            double[] gains = new double[c];
            for (int k = 0; k < c; k++) {
                gains[k] = prior.binary() ? (e.getKey().charAt(k) == '1' ? 1 : 0) : sum[4 + k] * inv;
            }
            double[] cross = new double[d];
            for (int j = 0; j < d; j++) {
                cross[j] = sum[4 + c + j] * inv;
            }
            double[][] mom = null;
            if (keepMoments) {
                mom = groupMoments.get(e.getKey());
                for (double[] row : mom) {
                    for (int j = 0; j < row.length; j++) {
                        row[j] *= inv;
                    }
                }
            }
            populations.add(new Population(e.getKey(), gains, pg, sum[1], sum[2] * inv, cross, mom, (int) sum[3]));
        }
        List<PatternClass> classes = new ArrayList<>();
        for (Map.Entry<Integer, double[]> e : classSums.entrySet()) {
            double[] cs = e.getValue();
            classes.add(new PatternClass(e.getKey(), cs[0], cs[1], cs[2], cs[1] > 0 ? cs[3] / cs[1] : 0));
        }
        double kl = klPop + klSel;
        double entropy = referenceEntropy(problem, priorEntropy) - kl;
        return new MaxEntSolution(problem, unscale(scaled, sk), scaled, populations, classes, kl, klPop, klSel, entropy,
                secondMomentOfT - achievedNorm2, meanStructure, iterations, residual, converged, method,
                GainPrior.effectiveSampleSize(prior.weights()), GainPrior.effectiveSampleSize(p), new ArrayList<>(warnings),
                squaredNorm, Double.NaN);
    }

    /**
     * Symmetric problems: statistics per class of m active contexts; the pattern list (only for
     * priors that enumerate patterns) is computed one pattern at a time when read.
     */
    static MaxEntSolution fromClasses(MaxEntProblem problem, SymmetricDual dual, double[] lm, double[][] scaled,
                                      int iterations, double residual, boolean converged, List<String> warnings) {
        int c = problem.contexts();
        int d = problem.features();
        double[] lw = dual.logClassWeights(lm);
        double logZ = SymmetricDual.logSumExp(lw);
        double[] perPattern = problem.prior().patternPriorBySize();
        double klPop = 0;
        double klSel = 0;
        double meanStructure = 0;
        double priorEntropy = 0;
        double secondMomentOfT = 0;
        double squaredNorm = 0;
        double s2 = problem.sigmaW() * problem.sigmaW();
        double t2 = problem.sigmaZ() * problem.sigmaZ();
        List<PatternClass> classes = new ArrayList<>();
        for (int m = 0; m <= c; m++) {
            double count = Math.exp(SymmetricDual.logBinomial(c, m));
            if (lw[m] == Double.NEGATIVE_INFINITY) {
                continue;
            }
            double pm = Math.exp(lw[m] - logZ);
            double xm = SymmetricDual.tiltNorm2(c, m, lm[0], lm[1]);
            double qm = 1 - xm;
            double piClass = count * perPattern[m];
            priorEntropy -= piClass * Math.log(perPattern[m]);
            klPop += pm * (-0.5 * Math.log(qm) - logZ);
            klSel += pm * (xm / qm + 0.5 * Math.log(qm));
            meanStructure += pm * xm;
            squaredNorm += pm * (s2 * (d + xm / qm) + t2 / qm);
            secondMomentOfT += pm * m * problem.kappa() * (d / qm + 3 * xm / (qm * qm));
            classes.add(new PatternClass(m, count, pm, piClass, xm));
        }
        double a = problem.task().get(0, 0);
        double kl = klPop + klSel;
        double entropy = referenceEntropy(problem, priorEntropy) - kl;
        List<Population> populations = problem.prior().classesOnly() ? List.of()
                : new SymmetricPopulations(problem, lm, lw, logZ, perPattern);
        return new MaxEntSolution(problem, unscale(scaled, Math.sqrt(problem.kappa())), scaled, populations, classes, kl,
                klPop, klSel, entropy, secondMomentOfT - c * a * a, meanStructure, iterations, residual, converged,
                "reduced", Double.NaN, Double.NaN, new ArrayList<>(warnings), squaredNorm, Double.NaN);
    }

    /** Smallest {@code q_a = 1 − |Λ̃g_a|²} over the prior's atoms. */
    static double minimumQ(MaxEntProblem problem, double[][] scaled) {
        int d = problem.features();
        int c = problem.contexts();
        double[] x = new double[d * c];
        for (int j = 0; j < d; j++) {
            System.arraycopy(scaled[j], 0, x, j * c, c);
        }
        double min = 1;
        for (double[] g : problem.prior().gains()) {
            double[] b = FullDual.tilt(x, g, d, c);
            min = Math.min(min, 1 - org.netropy.linalg.Vectors.dot(b, problem.weights().apply(b)));
        }
        return min;
    }

    /** H(π) = D/2·log(2πe σ_w²) + ½·log det S + ½·log(2πe σ_z²) + H(π_G), nats. */
    private static double referenceEntropy(MaxEntProblem p, double gainEntropy) {
        double twoPiE = 2 * Math.PI * Math.E;
        return 0.5 * p.features() * Math.log(twoPiE * p.sigmaW() * p.sigmaW()) + 0.5 * p.weights().logDeterminant()
                + 0.5 * Math.log(twoPiE * p.sigmaZ() * p.sigmaZ()) + gainEntropy;
    }

    private static double[][] unscale(double[][] scaled, double sk) {
        double[][] l = new double[scaled.length][];
        for (int j = 0; j < scaled.length; j++) {
            l[j] = Arrays.stream(scaled[j]).map(v -> v / sk).toArray();
        }
        return l;
    }
}
