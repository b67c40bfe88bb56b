package org.netropy.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netropy.experiment.ClaimSpec;
import org.netropy.experiment.ExperimentSpec;
import org.netropy.experiment.SpecLoader;

/** Verdicts of hand-made tables whose answers follow from the interval rule alone. */
class ClaimEvaluatorTest {

    /** A tidy table: x, group, measure m (mean, interval) and a reference measure r. */
    private static List<Map<String, String>> table(double[][] rows) {
        List<Map<String, String>> out = new ArrayList<>();
        for (double[] r : rows) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("x", Double.toString(r[0]));
            row.put("group", r[1] == 0 ? "a" : "b");
            row.put("measure", r[2] == 0 ? "m" : "r");
            row.put("n_seeds", r.length > 4 ? "5" : "1");
            row.put("mean", Double.toString(r[3]));
            row.put("sd", "");
            row.put("ci95_low", r.length > 4 ? Double.toString(r[4]) : "");
            row.put("ci95_high", r.length > 4 ? Double.toString(r[5]) : "");
            out.add(row);
        }
        return out;
    }

    private static final List<Map<String, String>> ROWS = table(new double[][] {
            {1, 0, 0, 0.05, 0.03, 0.07},
            {2, 0, 0, 0.08, 0.06, 0.12},
            {3, 0, 0, 0.20, 0.15, 0.25},
            {1, 1, 0, 0.30, 0.28, 0.32},
            {2, 1, 0, 0.20, 0.18, 0.22},
            {3, 1, 0, 0.10, 0.09, 0.11},
            {1, 0, 1, 0.05},
            {2, 0, 1, 0.10},
            {3, 0, 1, 0.20},
    });

    private static ClaimResult decide(String yaml) {
        String text = "name: t\nkind: analytic-demo\nbase: {n: 10}\nclaims:\n" + yaml;
        ExperimentSpec spec = SpecLoader.parse(Path.of("t.yaml"), text);
        ClaimSpec c = spec.claims().get(0);
        return ClaimEvaluator.evaluate("t", "full", c, ROWS);
    }

    private static ClaimSpec claim(ClaimSpec.Test test, double low, double high, ClaimSpec.Reduce reduce, Map<String, List<Object>> filter,
                                   String along, ClaimSpec.Versus versus, boolean exact) {
        return new ClaimSpec("c", "s", List.of("m"), filter, Map.of(), reduce, test, low, high, along, versus, exact);
    }

    private static Verdict verdict(ClaimSpec c) {
        return ClaimEvaluator.evaluate("t", "full", c, ROWS).verdict();
    }

    @Test
    void atMostHoldsFailsOrIsInconclusiveFromTheIntervalAlone() {
        Map<String, List<Object>> a1 = Map.of("group", List.of("a"), "x", List.of(1.0));
        assertEquals(Verdict.HOLDS, verdict(claim(ClaimSpec.Test.AT_MOST, Double.NaN, 0.10, ClaimSpec.Reduce.EACH, a1, null, null, false)));
        assertEquals(Verdict.FAILS, verdict(claim(ClaimSpec.Test.AT_MOST, Double.NaN, 0.02, ClaimSpec.Reduce.EACH, a1, null, null, false)));
        assertEquals(Verdict.INCONCLUSIVE, verdict(claim(ClaimSpec.Test.AT_MOST, Double.NaN, 0.05, ClaimSpec.Reduce.EACH, a1, null, null, false)));
        assertEquals(Verdict.HOLDS, verdict(claim(ClaimSpec.Test.AT_LEAST, 0.02, Double.NaN, ClaimSpec.Reduce.EACH, a1, null, null, false)));
        assertEquals(Verdict.FAILS, verdict(claim(ClaimSpec.Test.WITHIN, 0.5, 1.0, ClaimSpec.Reduce.EACH, a1, null, null, false)));
    }

    @Test
    void eachFailsIfAnyRowFailsAndReportsThatRow() {
        ClaimResult r = ClaimEvaluator.evaluate("t", "full", claim(ClaimSpec.Test.AT_MOST, Double.NaN, 0.13, ClaimSpec.Reduce.EACH,
                Map.of("group", List.of("a")), null, null, false), ROWS);
        assertEquals(Verdict.FAILS, r.verdict());
        assertEquals(3, r.rows());
        assertEquals("x=3.0", r.at());
        assertEquals(0.15, r.ciLow(), 1e-12);
        // without row 3 the worst row is row 2, whose interval [0.06, 0.12] is below 0.13
        ClaimSpec two = new ClaimSpec("c", "s", List.of("m"), Map.of("group", List.of("a")), Map.of("x", new double[] {0, 2}),
                ClaimSpec.Reduce.EACH, ClaimSpec.Test.AT_MOST, Double.NaN, 0.13, null, null, false);
        assertEquals(Verdict.HOLDS, verdict(two));
    }

    @Test
    void maxTakesTheExtremeEndsAndMeanAddsHalfWidthsInQuadrature() {
        ClaimResult max = ClaimEvaluator.evaluate("t", "full", claim(ClaimSpec.Test.AT_MOST, Double.NaN, 1, ClaimSpec.Reduce.MAX,
                Map.of("group", List.of("a")), null, null, false), ROWS);
        assertEquals(0.20, max.value(), 1e-12);
        assertEquals(0.15, max.ciLow(), 1e-12);
        assertEquals(0.25, max.ciHigh(), 1e-12);
        ClaimResult mean = ClaimEvaluator.evaluate("t", "full", claim(ClaimSpec.Test.AT_MOST, Double.NaN, 1, ClaimSpec.Reduce.MEAN,
                Map.of("group", List.of("b")), null, null, false), ROWS);
        assertEquals(0.20, mean.value(), 1e-12);
        double half = Math.sqrt(0.02 * 0.02 + 0.02 * 0.02 + 0.01 * 0.01) / 3;
        assertEquals(0.20 - half, mean.ciLow(), 1e-12);
    }

    @Test
    void monotoneStepsNeedSeparatedIntervals() {
        // group b falls with separated intervals; group a rises, step 1 -> 2 overlapping
        assertEquals(Verdict.HOLDS, verdict(claim(ClaimSpec.Test.DECREASING, Double.NaN, Double.NaN, ClaimSpec.Reduce.EACH,
                Map.of("group", List.of("b")), "x", null, false)));
        assertEquals(Verdict.INCONCLUSIVE, verdict(claim(ClaimSpec.Test.INCREASING, Double.NaN, Double.NaN, ClaimSpec.Reduce.EACH,
                Map.of("group", List.of("a")), "x", null, false)));
        assertEquals(Verdict.FAILS, verdict(claim(ClaimSpec.Test.INCREASING, Double.NaN, Double.NaN, ClaimSpec.Reduce.EACH,
                Map.of("group", List.of("b")), "x", null, false)));
        // both groups at once: steps are taken within each group, never across
        ClaimResult both = ClaimEvaluator.evaluate("t", "full", claim(ClaimSpec.Test.DECREASING, Double.NaN, Double.NaN,
                ClaimSpec.Reduce.EACH, Map.of(), "x", null, false), ROWS);
        assertEquals(4, both.rows());
        assertEquals(Verdict.FAILS, both.verdict());
    }

    @Test
    void versusComparesWithThePartnerRowAndOneSeedNeedsExact() {
        ClaimSpec.Versus vsR = new ClaimSpec.Versus("r", Map.of(), ClaimSpec.Operation.DIFFERENCE);
        // group a minus the one-seed reference r (exact): [-0.02, 0.02], [-0.04, 0.02], [-0.05, 0.05], all inside +-0.06
        ClaimResult d = ClaimEvaluator.evaluate("t", "full", claim(ClaimSpec.Test.EQUIVALENT, -0.06, 0.06, ClaimSpec.Reduce.EACH,
                Map.of("group", List.of("a")), null, vsR, true), ROWS);
        assertEquals(Verdict.HOLDS, d.verdict());
        assertEquals(3, d.rows());
        // the same rows against each other along x: row x=1 over x=3 of group b is 3 with interval [2.545.., 3.555..]
        ClaimSpec.Versus vsX3 = new ClaimSpec.Versus("m", Map.of("x", 3.0), ClaimSpec.Operation.RATIO);
        ClaimResult ratio = ClaimEvaluator.evaluate("t", "full", claim(ClaimSpec.Test.AT_LEAST, 2.5, Double.NaN, ClaimSpec.Reduce.EACH,
                Map.of("group", List.of("b"), "x", List.of(1.0)), null, vsX3, false), ROWS);
        assertEquals(3.0, ratio.value(), 1e-12);
        assertEquals(0.28 / 0.11, ratio.ciLow(), 1e-12);
        assertEquals(Verdict.HOLDS, ratio.verdict());
        // one-seed rows: no interval unless exact
        Map<String, List<Object>> r = Map.of("x", List.of(1.0));
        ClaimSpec noisy = new ClaimSpec("c", "s", List.of("r"), r, Map.of(), ClaimSpec.Reduce.EACH, ClaimSpec.Test.AT_MOST, Double.NaN, 0.1, null, null, false);
        ClaimSpec exact = new ClaimSpec("c", "s", List.of("r"), r, Map.of(), ClaimSpec.Reduce.EACH, ClaimSpec.Test.AT_MOST, Double.NaN, 0.1, null, null, true);
        assertEquals(Verdict.INCONCLUSIVE, verdict(noisy));
        assertEquals(Verdict.HOLDS, verdict(exact));
    }

    @Test
    void severalMeasuresAreTestedRowByRow() {
        // m and r of group a at x = 1: m [0.03, 0.07], r 0.05 exact; both <= 0.08 holds, <= 0.06 is inconclusive (m straddles it)
        Map<String, List<Object>> a1 = Map.of("group", List.of("a"), "x", List.of(1.0));
        ClaimSpec both = new ClaimSpec("c", "s", List.of("m", "r"), a1, Map.of(), ClaimSpec.Reduce.EACH, ClaimSpec.Test.AT_MOST,
                Double.NaN, 0.08, null, null, true);
        ClaimResult r = ClaimEvaluator.evaluate("t", "full", both, ROWS);
        assertEquals(Verdict.HOLDS, r.verdict());
        assertEquals(2, r.rows());
        assertEquals("measure=m", r.at());
        // a measure the table lacks leaves the claim undecided, even if the other measure holds
        ClaimSpec missing = new ClaimSpec("c", "s", List.of("m", "q"), a1, Map.of(), ClaimSpec.Reduce.EACH, ClaimSpec.Test.AT_MOST,
                Double.NaN, 0.08, null, null, true);
        assertEquals(Verdict.INCONCLUSIVE, ClaimEvaluator.evaluate("t", "full", missing, ROWS).verdict());
    }

    @Test
    void noMatchingRowIsInconclusiveNotAnError() {
        ClaimResult r = ClaimEvaluator.evaluate("t", "full", claim(ClaimSpec.Test.AT_MOST, Double.NaN, 1, ClaimSpec.Reduce.EACH,
                Map.of("group", List.of("c")), null, null, false), ROWS);
        assertEquals(Verdict.INCONCLUSIVE, r.verdict());
        assertEquals(0, r.rows());
    }

    @Test
    void specTextParsesIntoTheSameDecision() {
        ClaimResult r = decide("  - {id: c, statement: s, measure: squared_error, test: \"<=\", threshold: 0.1}\n");
        assertEquals(Verdict.INCONCLUSIVE, r.verdict()); // the table has no squared_error rows
        assertEquals("<= 0.1", r.threshold());
    }
}
