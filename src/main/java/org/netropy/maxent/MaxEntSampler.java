package org.netropy.maxent;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.netropy.connectivity.NeuronTable;
import org.netropy.io.InvalidInputException;

/**
 * Draws a finite network from a max-ent solution (THEORY §3, finite networks): a gain pattern g
 * from P*(g), then {@code z ~ N(0, σ_z²/q_g)}, {@code w = σ_w² z b_g + σ_w ξ}, and context weights
 * consistent with g ({@code v_k = (2g_k − 1)|σ_v η_k|} for bias-free ReLU). With antithetic pairs
 * each draw is followed by its mirror (−w, −z, same v), which cancels the offset
 * {@code E[z φ(v_k)]} exactly; it also doubles the variance of {@code Â = (1/N)Σ z w gᵀ}
 * (pairs carry identical {@code z w gᵀ}): {@code E|Â − A|² = 2 tr Cov(T)/N} instead of
 * {@code tr Cov(T)/N}. Under a structured reference law {@code N(0, σ_w² S)} (THEORY §3)
 * {@code w = σ_w² z S b_g + σ_w L ξ} with {@code S = L Lᵀ} (Cholesky).
 */
public final class MaxEntSampler {
    private MaxEntSampler() {}

    /**
     * @param neurons      N (even when antithetic)
     * @param antithetic   add the mirror of every draw
     * @param contextScale σ_v of the context weights where the prior does not fix it
     */
    public static NeuronTable sample(MaxEntSolution solution, int neurons, boolean antithetic, double contextScale,
                                     SplittableRandom random) {
        InvalidInputException.inRange("--neurons", neurons, antithetic ? 2 : 1, 50_000_000);
        InvalidInputException.require(!antithetic || neurons % 2 == 0, "--neurons", "even with antithetic pairs", neurons);
        InvalidInputException.positive("--context-scale", contextScale);
        MaxEntProblem problem = solution.problem();
        GainPrior prior = problem.prior();
        int d = problem.features();
        int c = problem.contexts();
        double sw = problem.sigmaW();
        double s = sw * sw;
        double sz = problem.sigmaZ();
        double sk = Math.sqrt(problem.kappa());
        AtomLaw law = AtomLaw.of(solution);
        WeightPrior shape = problem.weights();
        double[][] chol = shape.choleskyFactor();
        double[][] w = new double[neurons][];
        double[][] v = new double[neurons][];
        double[] b = new double[neurons];
        double[] z = new double[neurons];
        double[][] gains = new double[neurons][];
        int draws = antithetic ? neurons / 2 : neurons;
        for (int i = 0; i < draws; i++) {
            int atom = law.draw(random);
            double[] g = prior.classesOnly() ? randomPatternOfSize(c, atom, random) : prior.gains()[atom];
            double[] tilt = new double[d];
            for (int j = 0; j < d; j++) {
                for (int k = 0; k < c; k++) {
                    tilt[j] += solution.scaledLambda()[j][k] * g[k];
                }
            }
            double[] shaped = shape.apply(tilt);
            double q = 1 - org.netropy.linalg.Vectors.dot(tilt, shaped);
            double zi = sz / Math.sqrt(q) * random.nextGaussian();
            double[] wi = new double[d];
            if (chol == null) {
                for (int j = 0; j < d; j++) {
                    wi[j] = s * zi * tilt[j] / sk + sw * random.nextGaussian();
                }
            } else {
                double[] xi = new double[d];
                for (int j = 0; j < d; j++) {
                    xi[j] = random.nextGaussian();
                }
                for (int j = 0; j < d; j++) {
                    double noise = 0;
                    for (int k = 0; k <= j; k++) {
                        noise += chol[j][k] * xi[k];
                    }
                    wi[j] = s * zi * shaped[j] / sk + sw * noise;
                }
            }
            double[] vi;
            double bi = 0;
            double[] atomV = prior.contextWeights(atom);
            if (atomV != null) {
                vi = atomV.clone();
            } else {
                double[] vb = prior.drawContextWeights(g, contextScale, random);
                vi = Arrays.copyOf(vb, c);
                bi = vb[c];
            }
            int row = antithetic ? 2 * i : i;
            w[row] = wi;
            z[row] = zi;
            v[row] = vi;
            b[row] = bi;
            gains[row] = g.clone();
            if (antithetic) {
                w[row + 1] = Arrays.stream(wi).map(x -> -x).toArray();
                z[row + 1] = -zi;
                v[row + 1] = vi.clone();
                b[row + 1] = bi;
                gains[row + 1] = g.clone();
            }
        }
        return NeuronTable.of(w, v, b, z, gains);
    }

    private static double[] randomPatternOfSize(int c, int m, SplittableRandom random) {
        int[] idx = java.util.stream.IntStream.range(0, c).toArray();
        for (int i = 0; i < m; i++) { // partial Fisher–Yates
            int j = i + random.nextInt(c - i);
            int tmp = idx[i];
            idx[i] = idx[j];
            idx[j] = tmp;
        }
        double[] g = new double[c];
        for (int i = 0; i < m; i++) {
            g[idx[i]] = 1;
        }
        return g;
    }

    /** P* over the prior's atoms, for drawing: {@code P(a) ∝ π(a) q_a^{-1/2}}. */
    record AtomLaw(double[] cumulative) {
        static AtomLaw of(MaxEntSolution solution) {
            MaxEntProblem p = solution.problem();
            GainPrior prior = p.prior();
            int d = p.features();
            int c = p.contexts();
            double[] logW = new double[prior.size()];
            for (int a = 0; a < prior.size(); a++) {
                double[] g = prior.gains()[a];
                double[] tilt = new double[d];
                for (int j = 0; j < d; j++) {
                    for (int k = 0; k < c; k++) {
                        tilt[j] += solution.scaledLambda()[j][k] * g[k];
                    }
                }
                double b2 = org.netropy.linalg.Vectors.dot(tilt, p.weights().apply(tilt));
                logW[a] = prior.weights()[a] > 0 ? Math.log(prior.weights()[a]) - 0.5 * Math.log(1 - b2) : Double.NEGATIVE_INFINITY;
            }
            double logZ = SymmetricDual.logSumExp(logW);
            double[] cum = new double[logW.length];
            double acc = 0;
            for (int a = 0; a < logW.length; a++) {
                acc += Math.exp(logW[a] - logZ);
                cum[a] = acc;
            }
            return new AtomLaw(cum);
        }

        int draw(SplittableRandom random) {
            double u = random.nextDouble() * cumulative[cumulative.length - 1];
            int i = Arrays.binarySearch(cumulative, u);
            i = i >= 0 ? i + 1 : -i - 1;
            return Math.min(i, cumulative.length - 1);
        }
    }
}
