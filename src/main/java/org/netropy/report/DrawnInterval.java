package org.netropy.report;

/**
 * The interval a figure draws around a mean over seeds, chosen so that it cannot claim the
 * impossible: nothing from fewer than three seeds (the seeds are drawn as points instead), a
 * proportion's interval inside [0, 1], and an interval on a logarithmic axis computed on the log
 * scale (so it never crosses zero).
 *
 * <ul>
 *   <li>{@code t}: the table's Student-t interval {@code mean ± t·sd/√n} (linear axes).</li>
 *   <li>{@code wilson}: the Wilson score interval with the effective sample size
 *       {@code n_eff = p(1−p)/se²} of the seed mean and the same t quantile (Korn &amp; Graubard
 *       1998, for proportions estimated with a design-based standard error); inside [0, 1].</li>
 *   <li>{@code log}: {@code mean · exp(±t·se/mean)}, the delta-method interval of log(mean).</li>
 * </ul>
 *
 * @param low    lower end (NaN: no interval is drawn)
 * @param high   upper end (NaN: no interval is drawn)
 * @param method "t", "wilson", "log" or "none (n < 3)" / "none (sd = 0)"
 */
public record DrawnInterval(double low, double high, String method) {

    /** Seeds below which no interval is drawn. */
    public static final int MIN_SEEDS = 3;

    public boolean drawn() {
        return Double.isFinite(low) && Double.isFinite(high);
    }

    /**
     * The interval for one table row.
     *
     * @param mean       seed mean
     * @param sd         sample standard deviation over seeds
     * @param n          number of seeds
     * @param tHalfWidth the table's half-width {@code t·sd/√n} (ci95_high − mean)
     * @param proportion the measure is a proportion in [0, 1]
     * @param logScale   the value axis is logarithmic
     */
    public static DrawnInterval of(double mean, double sd, int n, double tHalfWidth, boolean proportion, boolean logScale) {
        if (n < MIN_SEEDS || !Double.isFinite(mean) || !Double.isFinite(tHalfWidth)) {
            return none("none (n < " + MIN_SEEDS + ")");
        }
        if (!(sd > 0)) {
            return none("none (sd = 0)");
        }
        double se = sd / Math.sqrt(n);
        double t = tHalfWidth / se;
        if (proportion) {
            double p = Math.min(1, Math.max(0, mean));
            // n_eff from the observed variance; when p is 0 or 1 with spread (cannot happen for a
            // true proportion) fall back to the count of seeds.
            double nEff = p > 0 && p < 1 ? p * (1 - p) / (se * se) : n;
            double t2 = t * t / nEff;
            double centre = (p + t2 / 2) / (1 + t2);
            double half = t / (1 + t2) * Math.sqrt(p * (1 - p) / nEff + t * t / (4 * nEff * nEff));
            return new DrawnInterval(Math.max(0, centre - half), Math.min(1, centre + half), "wilson");
        }
        if (logScale) {
            if (!(mean > 0)) {
                return none("none (mean <= 0 on a log axis)");
            }
            double f = Math.exp(tHalfWidth / mean);
            return new DrawnInterval(mean / f, mean * f, "log");
        }
        return new DrawnInterval(mean - tHalfWidth, mean + tHalfWidth, "t");
    }

    /**
     * The seed values a mean and sd of two seeds stand for: {@code mean ± sd/√2} (the sample sd of
     * two values is their distance over √2); one seed is its mean. Empty for three or more.
     */
    public static double[] seedValues(double mean, double sd, int n) {
        if (n == 1 && Double.isFinite(mean)) {
            return new double[] {mean};
        }
        if (n == 2 && Double.isFinite(mean) && Double.isFinite(sd)) {
            return new double[] {mean - sd / Math.sqrt(2), mean + sd / Math.sqrt(2)};
        }
        return new double[0];
    }

    private static DrawnInterval none(String why) {
        return new DrawnInterval(Double.NaN, Double.NaN, why);
    }
}
