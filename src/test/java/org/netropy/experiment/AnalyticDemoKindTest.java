package org.netropy.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netropy.random.RandomStreams;

/** The self-test kind agrees with its closed forms, so a broken pipeline shows in its figure. */
class AnalyticDemoKindTest {
    private final AnalyticDemoKind kind = new AnalyticDemoKind();

    private List<Map<String, Object>> run(long n, double sigma, long seed) {
        ResolvedParameters p = new ResolvedParameters(Map.of("n", n, "sigma", sigma), seed);
        return kind.run(p, new RandomStreams(seed), new RunContext("t", "h", Path.of(".")));
    }

    @Test
    void monteCarloErrorMatchesClosedFormWithinFourStandardErrors() {
        long n = 20;
        double sigma = 2.0;
        int seeds = 2000;
        double[] sumMean = new double[2];
        double[] sumSq = new double[2];
        for (int s = 0; s < seeds; s++) {
            List<Map<String, Object>> rows = run(n, sigma, s);
            for (int k = 0; k < 2; k++) {
                double e = (Double) rows.get(k).get("squared_error");
                sumMean[k] += e;
                sumSq[k] += e * e;
            }
        }
        double[] expected = {sigma * sigma / n, 2 * Math.pow(sigma, 4) / (n - 1)}; // textbook moments of Gaussian samples
        for (int k = 0; k < 2; k++) {
            double mean = sumMean[k] / seeds;
            double se = Math.sqrt((sumSq[k] / seeds - mean * mean) / seeds);
            assertTrue(Math.abs(mean - expected[k]) < 4 * se, "statistic " + k + ": " + mean + " vs " + expected[k] + " ± " + se);
        }
    }

    @Test
    void sameSeedSameRowsOtherSeedOtherRows() {
        assertEquals(run(100, 1.0, 7), run(100, 1.0, 7));
        assertTrue(!run(100, 1.0, 7).equals(run(100, 1.0, 8)));
    }
}
