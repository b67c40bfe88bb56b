package org.netropy.linalg;

/**
 * Evenly spaced values between two ends, on a linear or a logarithmic scale, rounded to 12
 * significant digits so that table keys read cleanly (0.049999999999999996 becomes 0.05) and the
 * same grid hashes the same wherever it is built (command line ranges, spec kinds).
 */
public final class Grid {
    private Grid() {}

    /**
     * {@code points} values from {@code lo} to {@code hi} inclusive (one point: {@code lo});
     * geometric when {@code logarithmic} and {@code lo > 0}, otherwise linear.
     */
    public static double[] spaced(double lo, double hi, int points, boolean logarithmic) {
        if (points < 1 || !(lo <= hi)) {
            throw new IllegalArgumentException("a grid needs points >= 1 and lo <= hi (got " + points + ", " + lo + ", " + hi + ")");
        }
        boolean log = logarithmic && lo > 0;
        double[] x = new double[points];
        for (int i = 0; i < points; i++) {
            double t = points == 1 ? 0 : (double) i / (points - 1);
            x[i] = roundTo12Digits(log ? lo * Math.pow(hi / lo, t) : lo + (hi - lo) * t);
        }
        return x;
    }

    /** Drops floating-point noise from a computed grid value. */
    private static double roundTo12Digits(double x) {
        return x == 0 || !Double.isFinite(x) ? x : new java.math.BigDecimal(x).round(new java.math.MathContext(12)).doubleValue();
    }

    /**
     * The steps 0, 1, 2, 5, 10, 20, 50, … up to {@code last}, and {@code last} itself: where a
     * training curve is sampled for tables and log-axis plots (a few points per decade, always the
     * final step).
     */
    public static java.util.List<Integer> oneTwoFive(int last) {
        java.util.TreeSet<Integer> steps = new java.util.TreeSet<>();
        steps.add(0);
        for (long decade = 1; decade <= last; decade *= 10) {
            for (long m : new long[] {1, 2, 5}) {
                if (m * decade <= last) {
                    steps.add((int) (m * decade));
                }
            }
        }
        steps.add(Math.max(0, last));
        return java.util.List.copyOf(steps);
    }
}
