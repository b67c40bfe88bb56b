package org.netropy.linalg;

import org.netropy.io.InvalidInputException;

/**
 * The four effective-rank measures of THEORY §4, functions of the singular values {@code s} of a
 * weight matrix; each equals r for a flat rank-r spectrum. Shared by every engine that reports
 * the rank of a connectivity matrix.
 */
public enum EffectiveRank {
    /** Roy &amp; Vetterli 2007: {@code exp(−Σ p_i ln p_i)}, {@code p_i = s_i / Σ s}. */
    ENTROPY("erank"),
    /** Participation ratio {@code (Σ s²)² / Σ s⁴}. */
    PARTICIPATION_RATIO("participation-ratio"),
    /** Stable rank {@code ‖W‖_F² / ‖W‖₂²}. */
    STABLE("stable-rank"),
    /** Nuclear over spectral norm {@code Σ s / s₁}. */
    NUCLEAR("nuclear-rank");

    private final String label;

    EffectiveRank(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static EffectiveRank parse(String field, String text) {
        return org.netropy.io.Labels.parse(field, text, values(), e -> e.label);
    }

    /** The measure of non-negative singular values (any order); 0 for an all-zero spectrum. */
    public double of(double[] s) {
        double sum = 0;
        double sum2 = 0;
        double sum4 = 0;
        double max = 0;
        for (double x : s) {
            InvalidInputException.require(x >= 0 && Double.isFinite(x), "singular values", "finite and >= 0", x);
            sum += x;
            sum2 += x * x;
            sum4 += x * x * x * x;
            max = Math.max(max, x);
        }
        if (max == 0) {
            return 0;
        }
        return switch (this) {
            case ENTROPY -> {
                double h = 0;
                for (double x : s) {
                    if (x > 0) {
                        double p = x / sum;
                        h -= p * Math.log(p);
                    }
                }
                yield Math.exp(h);
            }
            case PARTICIPATION_RATIO -> sum2 * sum2 / sum4;
            case STABLE -> sum2 / (max * max);
            case NUCLEAR -> sum / max;
        };
    }

    /** All four measures of a matrix, keyed by label. */
    public static java.util.Map<String, Double> all(double[][] matrix) {
        double[] s = Svd.singularValues(matrix);
        java.util.Map<String, Double> m = new java.util.LinkedHashMap<>();
        for (EffectiveRank e : values()) {
            m.put(e.label, e.of(s));
        }
        return m;
    }

    /**
     * Power-law spectrum {@code s_i ∝ i^−γ} (i = 1..n) whose measure equals {@code target}, γ ≥ 0
     * found by bisection (the measure decreases monotonically from n at γ = 0 towards 1); the
     * returned values have unit Euclidean norm. THEORY §4, continuous effective rank.
     */
    public double[] powerLawSpectrum(int n, double target) {
        InvalidInputException.require(target >= 1 && target <= n, "--effective-rank", "a number in [1, " + n + "]", target);
        if (target >= n) {
            return normalised(power(n, 0));
        }
        double lo = 0;
        double hi = 1;
        while (of(power(n, hi)) > target) {
            hi *= 2;
            if (hi > 1e6) {
                break;
            }
        }
        for (int it = 0; it < 200; it++) {
            double mid = 0.5 * (lo + hi);
            if (of(power(n, mid)) > target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return normalised(power(n, 0.5 * (lo + hi)));
    }

    private static double[] power(int n, double gamma) {
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = Math.pow(i + 1, -gamma);
        }
        return s;
    }

    private static double[] normalised(double[] s) {
        double n2 = 0;
        for (double x : s) {
            n2 += x * x;
        }
        double f = 1 / Math.sqrt(n2);
        for (int i = 0; i < s.length; i++) {
            s[i] *= f;
        }
        return s;
    }
}
