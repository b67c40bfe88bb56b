package org.netropy.ei;

import org.netropy.io.InvalidInputException;

/**
 * How high and how robust the entropy of one λ-curve is (THEORY §6: "width of the λ-interval where
 * H ≥ H_peak − 1 bit, alternatives reported").
 *
 * <p>The interval is the connected run of grid points around the peak that stay above the
 * threshold, extended by linear interpolation to the crossing on each side; if the run reaches the
 * end of the grid the width is a lower bound and {@code censored} is true.
 *
 * @param peakEntropyBits H_peak, the largest entropy on the curve
 * @param peakLambda λ at the peak
 * @param lambdaLow lower end of the 1-bit interval
 * @param lambdaHigh upper end of the 1-bit interval
 * @param widthOneBit λ_high − λ_low (the paper's robustness)
 * @param log10WidthOneBit log₁₀(λ_high/λ_low): the same interval on a relative scale (NaN if λ_low ≤ 0)
 * @param widthHalfPeak width of the interval where H ≥ H_peak/2 (a threshold that scales with the peak)
 * @param meanEntropyBits average of H over the λ-range of the curve (trapezoid rule): height and
 *     robustness in one number, the default score of the robust max-entropy configuration
 * @param censored true when the 1-bit interval reaches an end of the λ-grid (the width is a lower bound)
 * @param halfPeakCensored the same for the half-peak interval
 */
public record Robustness(double peakEntropyBits, double peakLambda, double lambdaLow, double lambdaHigh,
                         double widthOneBit, double log10WidthOneBit, double widthHalfPeak,
                         double meanEntropyBits, boolean censored, boolean halfPeakCensored) {

    /** Summarises entropies {@code h} measured at increasing {@code lambda} values. */
    public static Robustness of(double[] lambda, double[] h) {
        InvalidInputException.require(lambda.length == h.length && lambda.length >= 2, "lambda",
                "at least 2 values for a robustness summary", lambda.length);
        for (int i = 1; i < lambda.length; i++) {
            InvalidInputException.require(lambda[i] > lambda[i - 1], "lambda", "strictly increasing values", lambda[i]);
        }
        int peak = 0;
        for (int i = 1; i < h.length; i++) {
            if (h[i] > h[peak]) {
                peak = i;
            }
        }
        double hp = h[peak];
        double[] oneBit = interval(lambda, h, peak, hp - 1);
        double[] half = interval(lambda, h, peak, hp / 2);
        double area = 0;
        for (int i = 1; i < h.length; i++) {
            area += 0.5 * (h[i] + h[i - 1]) * (lambda[i] - lambda[i - 1]);
        }
        double mean = area / (lambda[lambda.length - 1] - lambda[0]);
        double log10 = oneBit[0] > 0 ? Math.log10(oneBit[1] / oneBit[0]) : Double.NaN;
        return new Robustness(hp, lambda[peak], oneBit[0], oneBit[1], oneBit[1] - oneBit[0], log10,
                half[1] - half[0], mean, oneBit[2] > 0, half[2] > 0);
    }

    /** {low, high, censored?1:0} of the run of points with h ≥ threshold around {@code peak}. */
    private static double[] interval(double[] x, double[] h, int peak, double threshold) {
        int lo = peak;
        while (lo > 0 && h[lo - 1] >= threshold) {
            lo--;
        }
        int hi = peak;
        while (hi < h.length - 1 && h[hi + 1] >= threshold) {
            hi++;
        }
        boolean censored = lo == 0 || hi == h.length - 1;
        double low = lo == 0 ? x[0] : crossing(x[lo - 1], h[lo - 1], x[lo], h[lo], threshold);
        double high = hi == h.length - 1 ? x[hi] : crossing(x[hi], h[hi], x[hi + 1], h[hi + 1], threshold);
        return new double[] {low, high, censored ? 1 : 0};
    }

    private static double crossing(double x0, double h0, double x1, double h1, double threshold) {
        return h1 == h0 ? x0 : x0 + (threshold - h0) * (x1 - x0) / (h1 - h0);
    }
}
