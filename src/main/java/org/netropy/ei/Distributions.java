package org.netropy.ei;

/**
 * Binomial and hypergeometric probabilities with full relative accuracy, and their truncated
 * supports.
 *
 * <p>WHY not {@code exp(lnC(n,k) + k ln p + ...)}: for n = 1000 the log-factorials are about 6000,
 * so the rounding of their difference already costs ~1e-12 relative accuracy. Loader's saddle-point
 * form (C. Loader 2000, "Fast and accurate computation of binomial probabilities"; the algorithm of
 * R's {@code dbinom}/{@code dhyper}) evaluates the small quantities (Stirling remainders and the
 * deviance {@code bd0}) directly and keeps ~1e-15 relative accuracy for every n.
 *
 * <p>Truncation: both families are log-concave, so a pmf is evaluated outward from its mode and
 * stops once a term falls below {@link #RELATIVE_CUTOFF} times the mode's probability; the dropped
 * mass is below ~1e-16 per distribution (measured and reported as the row defect of the chain).
 */
public final class Distributions {
    private Distributions() {}

    /** Terms smaller than this fraction of the pmf's largest term are dropped. */
    public static final double RELATIVE_CUTOFF = 1e-20;

    private static final double LN_2PI = Math.log(2 * Math.PI);
    private static final double[] STIRLERR_SMALL = new double[16];

    static {
        // stirlerr(n) = ln n! - (n + 1/2) ln n + n - ln sqrt(2 pi); for n <= 15 from the exact sum of
        // logs (absolute error ~1e-15, which is what enters the log-probability).
        double lnFact = 0;
        STIRLERR_SMALL[0] = 0; // R's convention for n = 0 (never used with n = 0 below)
        for (int n = 1; n <= 15; n++) {
            lnFact += Math.log(n);
            STIRLERR_SMALL[n] = lnFact - (n + 0.5) * Math.log(n) + n - 0.5 * LN_2PI;
        }
    }

    /** A pmf on the integers {@code lo .. lo + values.length - 1}, zero elsewhere. */
    public record TruncatedPmf(int lo, double[] values) {
        public int hi() {
            return lo + values.length - 1;
        }

        public double at(int k) {
            int i = k - lo;
            return i >= 0 && i < values.length ? values[i] : 0.0;
        }

        public double sum() {
            double s = 0;
            for (double v : values) {
                s += v;
            }
            return s;
        }
    }

    /** Error term of Stirling's formula for ln n!, for integer n >= 1. */
    static double stirlerr(int n) {
        if (n <= 15) {
            return STIRLERR_SMALL[n];
        }
        final double s0 = 1.0 / 12, s1 = 1.0 / 360, s2 = 1.0 / 1260, s3 = 1.0 / 1680, s4 = 1.0 / 1188;
        double nn = (double) n * n;
        if (n > 500) {
            return (s0 - s1 / nn) / n;
        }
        if (n > 80) {
            return (s0 - (s1 - s2 / nn) / nn) / n;
        }
        if (n > 35) {
            return (s0 - (s1 - (s2 - s3 / nn) / nn) / nn) / n;
        }
        return (s0 - (s1 - (s2 - (s3 - s4 / nn) / nn) / nn) / nn) / n;
    }

    /** Deviance term {@code x ln(x/np) + np - x}, computed without cancellation when x ≈ np. */
    static double bd0(double x, double np) {
        if (Math.abs(x - np) < 0.1 * (x + np)) {
            double v = (x - np) / (x + np);
            double s = (x - np) * v;
            double ej = 2 * x * v;
            v = v * v;
            for (int j = 1; j < 1000; j++) {
                ej *= v;
                double s1 = s + ej / (2 * j + 1);
                if (s1 == s) {
                    return s1;
                }
                s = s1;
            }
            return s;
        }
        return x * Math.log(x / np) + np - x;
    }

    /**
     * Binomial probability P(X = x), X ~ Bin(n, p), given both p and q = 1 - p (passing q
     * separately keeps accuracy when p is close to 1).
     */
    public static double binomial(int x, int n, double p, double q) {
        if (x < 0 || x > n) {
            return 0.0;
        }
        if (p == 0) {
            return x == 0 ? 1.0 : 0.0;
        }
        if (q == 0) {
            return x == n ? 1.0 : 0.0;
        }
        if (x == 0) {
            if (n == 0) {
                return 1.0;
            }
            double lc = p < 0.1 ? -bd0(n, n * q) - n * p : n * Math.log(q);
            return Math.exp(lc);
        }
        if (x == n) {
            double lc = q < 0.1 ? -bd0(n, n * p) - n * q : n * Math.log(p);
            return Math.exp(lc);
        }
        double lc = stirlerr(n) - stirlerr(x) - stirlerr(n - x) - bd0(x, n * p) - bd0(n - x, n * q);
        double lf = LN_2PI + Math.log(x) + Math.log1p(-(double) x / n);
        return Math.exp(lc - 0.5 * lf);
    }

    /**
     * Hypergeometric probability that a uniformly random subset of size {@code drawn} of a
     * population with {@code marked} marked and {@code unmarked} unmarked members contains exactly
     * {@code x} marked members.
     */
    public static double hypergeometric(int x, int marked, int unmarked, int drawn) {
        if (x < 0 || x > marked || drawn - x < 0 || drawn - x > unmarked) {
            return 0.0;
        }
        if (drawn == 0) {
            return x == 0 ? 1.0 : 0.0;
        }
        int total = marked + unmarked;
        double p = (double) drawn / total;
        double q = (double) (total - drawn) / total;
        double p1 = binomial(x, marked, p, q);
        double p2 = binomial(drawn - x, unmarked, p, q);
        double p3 = binomial(drawn, total, p, q);
        return p1 * p2 / p3;
    }

    /** Bin(n, p) on its non-negligible support, every term from {@link #binomial}. */
    public static TruncatedPmf binomialPmf(int n, double p) {
        double q = 1 - p;
        int mode = (int) Math.min(n, Math.max(0, Math.floor((n + 1) * p)));
        double peak = binomial(mode, n, p, q);
        double cut = peak * RELATIVE_CUTOFF;
        int lo = mode;
        while (lo > 0 && binomial(lo - 1, n, p, q) >= cut) {
            lo--;
        }
        int hi = mode;
        while (hi < n && binomial(hi + 1, n, p, q) >= cut) {
            hi++;
        }
        double[] v = new double[hi - lo + 1];
        for (int k = lo; k <= hi; k++) {
            v[k - lo] = binomial(k, n, p, q);
        }
        return new TruncatedPmf(lo, v);
    }

    /**
     * Adds {@code weight * Bin(k; n, p)} to {@code row[k]} for every non-negligible k. The hot loop
     * of the chain: the mode is evaluated with {@link #binomial} and the rest by the exact term
     * ratio, which accumulates at most ~ (#terms) ulp of relative error.
     */
    static void addBinomial(double[] row, double weight, int n, double p, double q) {
        if (p == 0) {
            row[0] += weight;
            return;
        }
        if (q == 0) {
            row[n] += weight;
            return;
        }
        int mode = (int) Math.min(n, Math.max(0, Math.floor((n + 1) * p)));
        double peak = binomial(mode, n, p, q);
        double cut = peak * RELATIVE_CUTOFF;
        double odds = p / q;
        row[mode] += weight * peak;
        double f = peak;
        for (int k = mode; k < n; k++) {
            f *= (double) (n - k) / (k + 1) * odds;
            if (f < cut) {
                break;
            }
            row[k + 1] += weight * f;
        }
        f = peak;
        for (int k = mode; k > 0; k--) {
            f *= (double) k / (n - k + 1) / odds;
            if (f < cut) {
                break;
            }
            row[k - 1] += weight * f;
        }
    }

    /** Hyp(x; marked, unmarked, drawn) on its non-negligible support. */
    public static TruncatedPmf hypergeometricPmf(int marked, int unmarked, int drawn) {
        int min = Math.max(0, drawn - unmarked);
        int max = Math.min(drawn, marked);
        int mode = (int) Math.floor((drawn + 1.0) * (marked + 1.0) / (marked + unmarked + 2.0));
        mode = Math.max(min, Math.min(max, mode));
        double peak = hypergeometric(mode, marked, unmarked, drawn);
        double cut = peak * RELATIVE_CUTOFF;
        int lo = mode;
        while (lo > min && hypergeometric(lo - 1, marked, unmarked, drawn) >= cut) {
            lo--;
        }
        int hi = mode;
        while (hi < max && hypergeometric(hi + 1, marked, unmarked, drawn) >= cut) {
            hi++;
        }
        double[] v = new double[hi - lo + 1];
        for (int k = lo; k <= hi; k++) {
            v[k - lo] = hypergeometric(k, marked, unmarked, drawn);
        }
        return new TruncatedPmf(lo, v);
    }

    /** Shannon entropy in bits of a probability vector (terms with p = 0 contribute 0). */
    public static double entropyBits(double[] probabilities) {
        double h = 0;
        for (double p : probabilities) {
            if (p > 0) {
                h -= p * Math.log(p);
            }
        }
        return h / Math.log(2);
    }
}
