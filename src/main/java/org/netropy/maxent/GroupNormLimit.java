package org.netropy.maxent;

import java.util.ArrayList;
import java.util.List;
import org.netropy.io.InvalidInputException;

/**
 * The σ → 0 (structured, "rich") limit of the max-ent law, solved directly (THEORY §3): the
 * minimum group-norm problem {@code S*(A) = min Σ_g |x_g|} subject to {@code Σ_g x_g gᵀ = A},
 * over the patterns in the prior's support. Its dual is {@code max ⟨Λ, A⟩} subject to
 * {@code |Λg| ≤ 1}, whose solution is the limit of Λ̃. We solve the dual by a log-barrier
 * interior-point method (Boyd &amp; Vandenberghe §11.3), reusing the damped-Newton solver:
 * minimise {@code −t⟨Λ,A⟩ − Σ_g log(1 − |Λg|²)} for t growing tenfold, recovering
 * {@code x_g = 2Λg / (t(1 − |Λg|²))}; the duality gap is at most (number of patterns)/t.
 * In the limit {@code √κ E[|w|²/s + z²/t] → 2S*} and
 * {@code P(g) → π(g)^{2/3}|x_g|^{1/3} / Σ_h(…)}.
 */
public final class GroupNormLimit {
    private GroupNormLimit() {}

    /** Largest relative constraint violation of the returned primal amplitudes. */
    public static final double PRIMAL_TOLERANCE = 1e-10;

    /**
     * One pattern of the limit.
     *
     * @param label            0/1 pattern, context 1 first
     * @param amplitude        x_g (D numbers)
     * @param norm             |x_g|
     * @param limitProbability lim P(g) as σ → 0
     */
    public record PatternWeight(String label, double[] amplitude, double norm, double limitProbability) {}

    /**
     * @param cost        S*(A), as the value ⟨Λ, A⟩ of the dual certificate (a lower bound within
     *                    {@code gapBound} of S*)
     * @param primalCost  Σ_g |x_g| of the recovered amplitudes (equal to cost up to the centring error)
     * @param gapBound    the barrier's bound on the duality gap, (number of patterns)/t
     * @param certificate the dual Λ (D × C), {@code |Λg| ≤ 1} for every pattern
     * @param patterns    every pattern with its amplitude and limiting probability
     * @param primalResidual {@code |Σ_g x_g gᵀ − A|_F / |A|_F} of the returned amplitudes (≤ 1e-10:
     *                    the barrier's amplitudes are projected onto the constraints)
     * @param dualityGap  primalCost − cost ≥ 0 (weak duality: a feasible primal costs at least any
     *                    feasible dual); S* lies in [cost, primalCost]
     */
    public record Solution(double cost, double primalCost, double gapBound, double[][] certificate, List<PatternWeight> patterns,
                           double primalResidual, double dualityGap) {
        /** lim P of patterns with m active contexts. */
        public double classProbability(int m) {
            return patterns.stream().filter(p -> p.label().chars().filter(ch -> ch == '1').count() == m)
                    .mapToDouble(PatternWeight::limitProbability).sum();
        }
    }

    public static Solution solve(org.netropy.task.TaskMatrix task, GainPrior prior) {
        InvalidInputException.require(prior.binary() && !prior.classesOnly(), "gain prior",
                "an enumerated binary prior for the sigma -> 0 limit", prior.kind());
        InvalidInputException.require(prior.contexts() == task.contexts(), "gain prior", "C = " + task.contexts(), prior.contexts());
        int d = task.features();
        int c = task.contexts();
        List<double[]> gains = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (int a = 0; a < prior.size(); a++) {
            if (prior.weights()[a] > 0 && java.util.Arrays.stream(prior.gains()[a]).sum() > 0) {
                gains.add(prior.gains()[a]);
                weights.add(prior.weights()[a]);
            }
        }
        double[] target = new double[d * c];
        double norm2 = 0;
        for (int j = 0; j < d; j++) {
            for (int k = 0; k < c; k++) {
                target[j * c + k] = task.get(j, k);
                norm2 += task.get(j, k) * task.get(j, k);
            }
        }
        InvalidInputException.require(norm2 > 0, "task matrix", "not all zero for the sigma -> 0 limit", 0);
        double[] x = new double[d * c];
        double t = 1;
        int patterns = gains.size();
        double targetNorm = Math.sqrt(norm2);
        while (true) {
            Barrier barrier = new Barrier(gains, target, d, c, t, targetNorm);
            x = DampedNewton.minimise(barrier, x, 1e-12, 500).x();
            if (patterns / t < 1e-9 * targetNorm) {
                break;
            }
            t *= 10;
        }
        double dual = org.netropy.linalg.Vectors.dot(x, target);
        List<double[]> amplitudes = new ArrayList<>();
        for (int a = 0; a < patterns; a++) {
            double[] b = FullDual.tilt(x, gains.get(a), d, c);
            double r = 1 - org.netropy.linalg.Vectors.dot(b, b);
            double[] amp = new double[d];
            for (int j = 0; j < d; j++) {
                amp[j] = 2 * b[j] / (t * r);
            }
            if (Math.sqrt(org.netropy.linalg.Vectors.dot(amp, amp)) < 1e-7 * targetNorm) { // unused patterns vanish in the limit
                java.util.Arrays.fill(amp, 0);
            }
            amplitudes.add(amp);
        }
        projectOntoConstraints(amplitudes, gains, target, d, c);
        double cost = 0;
        double[] raw = new double[patterns];
        double rawSum = 0;
        for (int a = 0; a < patterns; a++) {
            double n = Math.sqrt(org.netropy.linalg.Vectors.dot(amplitudes.get(a), amplitudes.get(a)));
            cost += n;
            raw[a] = Math.pow(weights.get(a), 2.0 / 3) * Math.cbrt(n);
            rawSum += raw[a];
        }
        List<PatternWeight> out = new ArrayList<>();
        for (int a = 0; a < patterns; a++) {
            double n = Math.sqrt(org.netropy.linalg.Vectors.dot(amplitudes.get(a), amplitudes.get(a)));
            out.add(new PatternWeight(GainPrior.label(gains.get(a)), amplitudes.get(a), n, raw[a] / rawSum));
        }
        double[][] cert = new double[d][c];
        for (int j = 0; j < d; j++) {
            System.arraycopy(x, j * c, cert[j], 0, c);
        }
        double residual = Math.sqrt(squaredResidual(amplitudes, gains, target, d, c)) / targetNorm;
        return new Solution(dual, cost, patterns / t, cert, out, residual, cost - dual);
    }

    /**
     * Makes the barrier's amplitudes exactly feasible: with R = A − Σ_g x_g gᵀ, adds
     * {@code δ_g = R G⁻¹ g}, {@code G = Σ gᵀg} over the patterns in use (all patterns if those do
     * not span the contexts) — the smallest change, in Σ|δ_g|², that satisfies the constraints.
     * Repeated once to remove the rounding of the first step.
     */
    private static void projectOntoConstraints(List<double[]> amplitudes, List<double[]> gains, double[] target, int d, int c) {
        for (int pass = 0; pass < 2; pass++) {
            double[] residual = target.clone();
            for (int a = 0; a < gains.size(); a++) {
                for (int j = 0; j < d; j++) {
                    for (int k = 0; k < c; k++) {
                        residual[j * c + k] -= amplitudes.get(a)[j] * gains.get(a)[k];
                    }
                }
            }
            org.netropy.linalg.Cholesky chol = null;
            boolean supportOnly = true;
            for (int attempt = 0; attempt < 2 && chol == null; attempt++) {
                supportOnly = attempt == 0;
                double[][] gram = new double[c][c];
                for (int a = 0; a < gains.size(); a++) {
                    if (supportOnly && org.netropy.linalg.Vectors.dot(amplitudes.get(a), amplitudes.get(a)) == 0) {
                        continue;
                    }
                    for (int k = 0; k < c; k++) {
                        for (int l = 0; l < c; l++) {
                            gram[k][l] += gains.get(a)[k] * gains.get(a)[l];
                        }
                    }
                }
                chol = org.netropy.linalg.Cholesky.of(gram);
            }
            if (chol == null) {
                return; // the patterns do not span the contexts: the task is infeasible anyway
            }
            double[][] e = new double[d][];
            for (int j = 0; j < d; j++) {
                e[j] = chol.solve(java.util.Arrays.copyOfRange(residual, j * c, (j + 1) * c));
            }
            for (int a = 0; a < gains.size(); a++) {
                double[] amp = amplitudes.get(a);
                if (supportOnly && org.netropy.linalg.Vectors.dot(amp, amp) == 0) {
                    continue;
                }
                for (int j = 0; j < d; j++) {
                    amp[j] += org.netropy.linalg.Vectors.dot(e[j], gains.get(a));
                }
            }
        }
    }

    private static double squaredResidual(List<double[]> amplitudes, List<double[]> gains, double[] target, int d, int c) {
        double sum = 0;
        for (int j = 0; j < d; j++) {
            for (int k = 0; k < c; k++) {
                double m = 0;
                for (int a = 0; a < gains.size(); a++) {
                    m += amplitudes.get(a)[j] * gains.get(a)[k];
                }
                sum += (m - target[j * c + k]) * (m - target[j * c + k]);
            }
        }
        return sum;
    }

    /**
     * Cost of the best solution that uses only patterns with m active contexts, symmetric over
     * them, for A = I_C: {@code (C/m)√(m + (m−1)²/(C−m))} (THEORY §3); infinite for m = C ≥ 2.
     * Minimal near m ≈ C/2 (≈ 2√C) against C for specialised m = 1 populations.
     */
    public static double symmetricPatternCost(int contexts, int m) {
        InvalidInputException.inRange("active contexts", m, 1, contexts);
        if (m == contexts) {
            return contexts == 1 ? 1 : Double.POSITIVE_INFINITY;
        }
        return (double) contexts / m * Math.sqrt(m + (m - 1.0) * (m - 1.0) / (contexts - m));
    }

    /** {@code −t⟨Λ,A⟩ − Σ_g log(1 − |Λg|²)}. */
    private static final class Barrier implements DualFunction {
        private final List<double[]> gains;
        private final double[] target;
        private final int d;
        private final int c;
        private final double t;
        private final double targetNorm;

        Barrier(List<double[]> gains, double[] target, int d, int c, double t, double targetNorm) {
            this.gains = gains;
            this.target = target;
            this.d = d;
            this.c = c;
            this.t = t;
            this.targetNorm = targetNorm;
        }

        @Override
        public int dimension() {
            return d * c;
        }

        @Override
        public Evaluation evaluate(double[] x, boolean withHessian) {
            int dim = d * c;
            double value = -t * org.netropy.linalg.Vectors.dot(x, target);
            double[] grad = new double[dim];
            for (int i = 0; i < dim; i++) {
                grad[i] = -t * target[i];
            }
            double[][] hess = withHessian ? new double[dim][dim] : null;
            double[] u = new double[dim];
            for (double[] g : gains) {
                double[] b = FullDual.tilt(x, g, d, c);
                double r = 1 - org.netropy.linalg.Vectors.dot(b, b);
                if (!(r > 0)) {
                    return null;
                }
                value -= Math.log(r);
                for (int j = 0; j < d; j++) {
                    for (int k = 0; k < c; k++) {
                        u[j * c + k] = b[j] * g[k];
                    }
                }
                for (int i = 0; i < dim; i++) {
                    grad[i] += 2 * u[i] / r;
                }
                if (withHessian) {
                    double r2 = 4 / (r * r);
                    for (int i = 0; i < dim; i++) {
                        for (int j = 0; j < dim; j++) {
                            hess[i][j] += r2 * u[i] * u[j];
                        }
                    }
                    for (int j = 0; j < d; j++) {
                        for (int k = 0; k < c; k++) {
                            for (int l = 0; l < c; l++) {
                                hess[j * c + k][j * c + l] += 2 * g[k] * g[l] / r;
                            }
                        }
                    }
                }
            }
            return new Evaluation(value, grad, hess);
        }

        @Override
        public double relativeResidual(double[] gradient) {
            return Math.sqrt(org.netropy.linalg.Vectors.dot(gradient, gradient)) / (t * targetNorm);
        }
    }
}
