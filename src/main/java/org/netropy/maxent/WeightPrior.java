package org.netropy.maxent;

import java.util.SplittableRandom;
import org.netropy.io.InvalidInputException;
import org.netropy.linalg.Cholesky;
import org.netropy.task.TaskMatrix;

/**
 * The shape of the reference law of the stimulus weights (THEORY §3, "structured reference law"):
 * {@code w ~ N(0, σ_w² S)} with S symmetric positive definite and {@code tr S = D}. σ_w keeps its
 * meaning ({@code E_π|w|² = σ_w² D} as for the isotropic law), so a structured prior changes the
 * shape of the reference law and never its size; every σ of a scan, of norm matching and of the
 * three reference scales means what it means for the isotropic law. The closed form carries over
 * with {@code q_g = 1 − b̃_gᵀ S b̃_g} and {@code w | z, g ~ N(z σ_w² S b_g, σ_w² S)}.
 *
 * <p>The low-rank shapes are those a rank-R initialisation implies plus an isotropic floor ε:
 * {@code S = ((D/R) U Uᵀ + ε I)/(1 + ε)} for orthonormal U (D × R). ε is relative to the mean
 * variance (the mean diagonal of (D/R)UUᵀ is 1); without it a rank-R prior gives no weight to task
 * directions outside span U and the law does not exist (S singular).
 *
 * @param kind  "isotropic", "task-rank" (first R task directions), "random-rank" (a random
 *              R-dimensional subspace), "initialisation" (second moment of initial weights) or
 *              "covariance" (given directly)
 * @param shape S (D × D, symmetric positive definite, trace D); null for the isotropic law (S = I
 *              in any dimension)
 * @param rank  R of the low-rank shapes, 0 otherwise
 * @param floor ε of the low-rank and initialisation shapes, NaN otherwise
 */
public record WeightPrior(String kind, double[][] shape, int rank, double floor) {

    /** The isotropic reference law {@code N(0, σ_w² I)} of THEORY §3. */
    public static final WeightPrior ISOTROPIC = new WeightPrior("isotropic", null, 0, Double.NaN);

    /**
     * The default floor ε: 5 % of the mean variance. Small enough that the prior's directions carry
     * most of the weight variance (R = 1, D = 2: 95 % + 2.5 % along u), large enough that the
     * directions outside span U stay reachable at moderate σ.
     */
    public static final double DEFAULT_FLOOR = 0.05;

    public WeightPrior {
        InvalidInputException.require(kind != null && !kind.isBlank(), "weight prior kind", "a name", kind);
        InvalidInputException.require((shape == null) == kind.equals("isotropic"), "weight prior",
                "a shape matrix exactly when not isotropic", kind);
        if (shape != null) {
            int d = shape.length;
            InvalidInputException.require(d >= 1, "reference covariance", "a D x D matrix with D >= 1", d);
            double max = 0;
            double trace = 0;
            for (int i = 0; i < d; i++) {
                InvalidInputException.require(shape[i].length == d, "reference covariance",
                        "a square " + d + " x " + d + " matrix", "a row of length " + shape[i].length);
                for (int j = 0; j < d; j++) {
                    InvalidInputException.require(Double.isFinite(shape[i][j]), "reference covariance", "finite entries", shape[i][j]);
                    max = Math.max(max, Math.abs(shape[i][j]));
                }
                trace += shape[i][i];
            }
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < i; j++) {
                    InvalidInputException.require(Math.abs(shape[i][j] - shape[j][i]) <= 1e-12 * max, "reference covariance",
                            "symmetric", String.format("entries (%d,%d) and (%d,%d) differ", i + 1, j + 1, j + 1, i + 1));
                }
            }
            InvalidInputException.require(Math.abs(trace - d) <= 1e-9 * d, "reference covariance shape",
                    "trace D = " + d + " (use WeightPrior.ofCovariance to normalise)", trace);
            InvalidInputException.require(factor(shape) != null, "reference covariance",
                    "positive definite (a low-rank prior needs a floor > 0)", "a singular or indefinite matrix");
        }
    }

    /**
     * A reference covariance given directly (any positive scale): S = D Σ/tr Σ; the scale of Σ is
     * dropped, σ_w of the problem sets it.
     */
    public static WeightPrior ofCovariance(double[][] covariance) {
        return new WeightPrior("covariance", normalised(covariance), 0, Double.NaN);
    }

    /**
     * The prior of a network's own initialisation (THEORY §3): the second moment
     * {@code W0ᵀW0/N} of the initial stimulus-weight rows (their reference mean is 0) plus
     * {@code ε·(tr/D)·I}, normalised to trace D.
     *
     * @param rows  the N initial weight vectors (N × D)
     * @param floor ε ≥ 0, relative to the mean variance; must be > 0 when the rows span fewer than D
     *              directions
     * @param floorName the option's name as the user wrote it
     */
    public static WeightPrior ofInitialWeights(double[][] rows, double floor, String floorName) {
        InvalidInputException.require(rows.length >= 1, "initial weights", "at least one row", rows.length);
        checkFloor(floor, floorName);
        int d = rows[0].length;
        double[][] m = new double[d][d];
        for (double[] w : rows) {
            for (int i = 0; i < d; i++) {
                for (int j = 0; j <= i; j++) {
                    m[i][j] += w[i] * w[j] / rows.length;
                }
            }
        }
        double trace = 0;
        for (int i = 0; i < d; i++) {
            trace += m[i][i];
            for (int j = 0; j < i; j++) {
                m[j][i] = m[i][j];
            }
        }
        InvalidInputException.require(trace > 0, "initial weights", "not all zero", 0);
        for (int i = 0; i < d; i++) {
            m[i][i] += floor * trace / d;
        }
        requirePositiveDefinite(m, floor, floorName);
        return new WeightPrior("initialisation", normalised(m), 0, floor);
    }

    /**
     * The prior of a rank-R initialisation aligned with the task: U = the first R vectors of the
     * Gram–Schmidt basis of (A's columns, then the coordinate axes e_1, …, e_D), so span U holds the
     * task directions first (gd's "aligned" initialisation) and R = D gives S = I.
     */
    public static WeightPrior taskAligned(TaskMatrix task, int rank, double floor, String rankName, String floorName) {
        int d = task.features();
        checkRank(rank, d, rankName);
        checkFloor(floor, floorName);
        double[][] candidates = new double[task.contexts() + d][];
        for (int k = 0; k < task.contexts(); k++) {
            candidates[k] = task.column(k);
        }
        for (int j = 0; j < d; j++) {
            candidates[task.contexts() + j] = new double[d];
            candidates[task.contexts() + j][j] = 1;
        }
        return lowRank("task-rank", orthonormal(candidates, rank), floor, floorName);
    }

    /** The prior of a rank-R initialisation with a uniformly random (Haar) R-dimensional subspace. */
    public static WeightPrior randomSubspace(int features, int rank, double floor, SplittableRandom random,
                                             String rankName, String floorName) {
        checkRank(rank, features, rankName);
        checkFloor(floor, floorName);
        double[][] candidates = new double[features + 8][features];
        for (double[] row : candidates) {
            for (int j = 0; j < features; j++) {
                row[j] = random.nextGaussian();
            }
        }
        return lowRank("random-rank", orthonormal(candidates, rank), floor, floorName);
    }

    private static WeightPrior lowRank(String kind, double[][] u, double floor, String floorName) {
        int r = u.length;
        int d = u[0].length;
        double[][] s = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double v = 0;
                for (double[] dir : u) {
                    v += dir[i] * dir[j];
                }
                s[i][j] = ((double) d / r * v + (i == j ? floor : 0)) / (1 + floor);
            }
        }
        requirePositiveDefinite(s, floor, floorName);
        // exact trace D (rounding of the Gram–Schmidt basis)
        return new WeightPrior(kind, normalised(s), r, floor);
    }

    private static void checkRank(int rank, int features, String rankName) {
        InvalidInputException.require(rank >= 1 && rank <= features, rankName,
                "an integer in [1, D = " + features + "] (the number of stimulus features)", rank);
    }

    private static void checkFloor(double floor, String floorName) {
        InvalidInputException.require(Double.isFinite(floor) && floor >= 0, floorName,
                "a number >= 0 (relative to the mean weight variance)", floor);
    }

    private static void requirePositiveDefinite(double[][] s, double floor, String floorName) {
        InvalidInputException.require(factor(s) != null, floorName,
                "> 0 when the prior's directions span fewer than D = " + s.length + " dimensions", floor);
    }

    /** The first {@code rank} Gram–Schmidt vectors of the candidates (dependent ones skipped). */
    private static double[][] orthonormal(double[][] candidates, int rank) {
        int d = candidates[0].length;
        double[][] u = new double[rank][];
        int found = 0;
        for (double[] c : candidates) {
            if (found == rank) {
                break;
            }
            double[] v = c.clone();
            double before = Math.sqrt(org.netropy.linalg.Vectors.dot(v, v));
            for (int pass = 0; pass < 2; pass++) { // re-orthogonalise once for stability
                for (int i = 0; i < found; i++) {
                    double p = org.netropy.linalg.Vectors.dot(v, u[i]);
                    for (int j = 0; j < d; j++) {
                        v[j] -= p * u[i][j];
                    }
                }
            }
            double n = Math.sqrt(org.netropy.linalg.Vectors.dot(v, v));
            if (before > 0 && n > 1e-8 * before) {
                for (int j = 0; j < d; j++) {
                    v[j] /= n;
                }
                u[found++] = v;
            }
        }
        return u;
    }

    private static double[][] normalised(double[][] covariance) {
        int d = covariance.length;
        double trace = 0;
        for (int i = 0; i < d; i++) {
            InvalidInputException.require(covariance[i].length == d, "reference covariance", "a square " + d + " x " + d
                    + " matrix", "a row of length " + covariance[i].length);
            trace += covariance[i][i];
        }
        InvalidInputException.require(Double.isFinite(trace) && trace > 0, "reference covariance", "a positive trace", trace);
        double[][] s = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                s[i][j] = covariance[i][j] * d / trace;
            }
        }
        return s;
    }

    /** Whether S = I (the reduced solver and the closed-form σ → ∞ formulas assume it). */
    public boolean isotropic() {
        return shape == null;
    }

    /** D of a structured prior, 0 for the isotropic law (any D). */
    public int dimension() {
        return shape == null ? 0 : shape.length;
    }

    /** {@code S b} (b itself for the isotropic law). */
    double[] apply(double[] b) {
        if (shape == null) {
            return b;
        }
        double[] out = new double[b.length];
        for (int i = 0; i < b.length; i++) {
            double s = 0;
            double[] row = shape[i];
            for (int j = 0; j < b.length; j++) {
                s += row[j] * b[j];
            }
            out[i] = s;
        }
        return out;
    }

    /** Entry (i, j) of S. */
    double entry(int i, int j) {
        return shape == null ? (i == j ? 1 : 0) : shape[i][j];
    }

    /**
     * A bound on the largest eigenvalue of S (Gershgorin: the largest absolute row sum; 1 for the
     * isotropic law), for the domain check of continuous gains beyond 16 contexts.
     */
    double spectralBound() {
        if (shape == null) {
            return 1;
        }
        double max = 0;
        for (double[] row : shape) {
            double s = 0;
            for (double v : row) {
                s += Math.abs(v);
            }
            max = Math.max(max, s);
        }
        return max;
    }

    /** {@code log det S} (0 for the isotropic law): the reference entropy's shape term. */
    double logDeterminant() {
        return shape == null ? 0 : Cholesky.of(shape).logDeterminant();
    }

    /** The lower Cholesky factor L of S ({@code S = L Lᵀ}), or null for the isotropic law. */
    public double[][] choleskyFactor() {
        return shape == null ? null : factor(shape);
    }

    /**
     * Smallest squared pivot relative to the largest diagonal entry that counts as positive
     * definite: below it S is singular to rounding (a rank-R second moment without a floor), and
     * the law's moments would carry 1/pivot noise.
     */
    static final double MIN_RELATIVE_PIVOT = 1e-12;

    /** Lower Cholesky factor, or null when a squared pivot is below {@link #MIN_RELATIVE_PIVOT} of the largest diagonal. */
    private static double[][] factor(double[][] a) {
        Cholesky c = Cholesky.of(a, MIN_RELATIVE_PIVOT);
        return c == null ? null : c.lower();
    }

    /** {@code S⁻¹} (identity of size d for the isotropic law). */
    public double[][] inverse(int d) {
        if (shape == null) {
            double[][] id = new double[d][d];
            for (int i = 0; i < d; i++) {
                id[i][i] = 1;
            }
            return id;
        }
        return Cholesky.of(shape).inverse();
    }

    /**
     * The whitened task {@code L⁻¹A} (S = LLᵀ): with {@code w = L w'} the structured problem is the
     * isotropic problem of {@code L⁻¹A} in w' (THEORY §3), so pattern probabilities, structure, KL
     * and the σ → 0 limit probabilities of the two agree. Used for the limit and as a cross-check.
     */
    public TaskMatrix whiten(TaskMatrix task) {
        if (shape == null) {
            return task;
        }
        double[][] l = choleskyFactor();
        int d = task.features();
        int c = task.contexts();
        double[][] out = new double[d][c];
        for (int k = 0; k < c; k++) {
            for (int i = 0; i < d; i++) { // forward substitution L y = a_k
                double s = task.get(i, k);
                for (int j = 0; j < i; j++) {
                    s -= l[i][j] * out[j][k];
                }
                out[i][k] = s / l[i][i];
            }
        }
        return new TaskMatrix(out);
    }

    /** A short description for output headers: kind, rank and floor where they apply. */
    public String describe() {
        if (shape == null) {
            return kind;
        }
        return kind + (rank > 0 ? " rank " + rank : "") + (Double.isNaN(floor) ? "" : " floor " + floor);
    }
}
