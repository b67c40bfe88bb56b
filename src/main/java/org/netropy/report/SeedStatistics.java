package org.netropy.report;

import smile.stat.distribution.TDistribution;

/**
 * Mean, sample standard deviation and the 95% confidence interval of the mean over seeds,
 * {@code mean ± t(0.975, n-1) · sd / sqrt(n)} (Student t; the seeds are independent replicates).
 * Non-finite values (a failed measurement) are left out and not counted in {@code n}.
 *
 * @param n      finite values used
 * @param mean   their mean (NaN if n = 0)
 * @param sd     sample standard deviation, divisor n-1 (NaN if n &lt; 2)
 * @param ciLow  lower end of the 95% interval (NaN if n &lt; 2)
 * @param ciHigh upper end of the 95% interval (NaN if n &lt; 2)
 */
public record SeedStatistics(int n, double mean, double sd, double ciLow, double ciHigh) {

    public static SeedStatistics of(double[] values) {
        int n = 0;
        double sum = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                n++;
                sum += v;
            }
        }
        if (n == 0) {
            return new SeedStatistics(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = sum / n;
        if (n == 1) {
            return new SeedStatistics(1, mean, Double.NaN, Double.NaN, Double.NaN);
        }
        double ss = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                ss += (v - mean) * (v - mean);
            }
        }
        double sd = Math.sqrt(ss / (n - 1));
        double half = tQuantile975(n - 1) * sd / Math.sqrt(n);
        return new SeedStatistics(n, mean, sd, mean - half, mean + half);
    }

    /** The 0.975 quantile of Student's t with the given degrees of freedom. */
    public static double tQuantile975(int degreesOfFreedom) {
        return new TDistribution(degreesOfFreedom).quantile(0.975);
    }
}
