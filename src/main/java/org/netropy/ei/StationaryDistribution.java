package org.netropy.ei;

import org.netropy.io.InvalidInputException;

/**
 * Stationary distribution of a finite Markov chain by the Grassmann–Taksar–Heyman (GTH) state
 * reduction (Grassmann, Taksar &amp; Heyman 1985).
 *
 * <p>WHY GTH rather than power iteration: near λ = 1 and with small ε the chain mixes very slowly
 * (metastable quiescent and active states), so power iteration may need millions of steps and stop
 * far from π. GTH is Gaussian elimination that uses only additions, multiplications and divisions
 * of non-negative numbers (the diagonal is replaced by the off-diagonal row sum), so it has small
 * relative error in every π(m), even tiny ones, at a fixed cost of ~N³/3 multiply-adds.
 */
public final class StationaryDistribution {
    private StationaryDistribution() {}

    /**
     * π with πT = π, Σπ = 1.
     *
     * @param transition row-stochastic matrix (not modified)
     * @param positiveEpsilon true when every state can reach every lower-numbered closed set (ε > 0),
     *     so an upper closed block is the unique recurrent class; false raises an error instead
     */
    public static double[] solve(double[][] transition, boolean positiveEpsilon) {
        int n = transition.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = transition[i].clone();
        }
        int first = 0; // states below `first` are transient (found when a block above is closed)
        for (int k = n - 1; k > first; k--) {
            double s = 0;
            double[] rowK = a[k];
            for (int j = first; j < k; j++) {
                s += rowK[j];
            }
            if (s == 0) {
                // States k..n-1 (after elimination of those above) never return below k: a closed set.
                if (!positiveEpsilon) {
                    throw new InvalidInputException("epsilon must be > 0 for these weights: with epsilon 0 the activity has"
                            + " more than one absorbing state, so its stationary distribution is not unique (got 0)");
                }
                return shift(solve(sub(transition, k), true), k, n);
            }
            for (int i = first; i < k; i++) {
                double f = a[i][k] / s;
                a[i][k] = f;
                if (f != 0) {
                    double[] rowI = a[i];
                    for (int j = first; j < k; j++) {
                        rowI[j] += f * rowK[j];
                    }
                }
            }
        }
        double[] x = new double[n];
        x[first] = 1;
        double total = 1;
        for (int j = first + 1; j < n; j++) {
            double v = 0;
            for (int i = first; i < j; i++) {
                v += x[i] * a[i][j];
            }
            x[j] = v;
            total += v;
            if (total > 1e250) {
                // x holds ratios π(j)/π(first), which overflow when the chain sits far from `first`
                for (int i = first; i <= j; i++) {
                    x[i] /= total;
                }
                total = 1;
            }
        }
        for (int j = 0; j < n; j++) {
            x[j] /= total;
        }
        return x;
    }

    private static double[][] sub(double[][] t, int from) {
        int n = t.length - from;
        double[][] s = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(t[from + i], from, s[i], 0, n);
        }
        return s;
    }

    private static double[] shift(double[] pi, int from, int n) {
        double[] x = new double[n];
        System.arraycopy(pi, 0, x, from, pi.length);
        return x;
    }

    /** ‖πT − π‖₁. */
    public static double residual(double[][] transition, double[] pi) {
        int n = pi.length;
        double[] next = new double[n];
        for (int i = 0; i < n; i++) {
            double w = pi[i];
            if (w != 0) {
                double[] row = transition[i];
                for (int j = 0; j < n; j++) {
                    next[j] += w * row[j];
                }
            }
        }
        double r = 0;
        for (int j = 0; j < n; j++) {
            r += Math.abs(next[j] - pi[j]);
        }
        return r;
    }
}
