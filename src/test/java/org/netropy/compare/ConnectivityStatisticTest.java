package org.netropy.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.netropy.connectivity.NeuronTable;
import org.netropy.experiment.kinds.GdMaxEntKind;
import org.netropy.random.RandomStreams;

/**
 * A new statistic is one {@link ConnectivityStatistic} and one registration: it is bootstrapped
 * with the others, decided, written in comparison.json/csv/md and the terminal summary, and its
 * column joins the gd-maxent measures (issue 18).
 */
class ConnectivityStatisticTest {

    /** Test-only: the difference of mean |z| between the sides, an equivalence decision on bootstrap bounds. */
    private static final class MeanAbsoluteZ implements ConnectivityStatistic {
        private final boolean primary;

        MeanAbsoluteZ(boolean primary) {
            this.primary = primary;
        }

        @Override
        public String name() {
            return "meanAbsoluteZ";
        }

        @Override
        public String primaryLabel() {
            return primary ? "mean |z|" : null;
        }

        @Override
        public String valueColumn() {
            return "test_mean_abs_z_difference";
        }

        @Override
        public Replicator replicator(ComparisonEvidence e) {
            return r -> Math.abs(weightedMeanAbs(e.tableA(), r.weightA(), r.totalA()) - weightedMeanAbs(e.tableB(), r.weightB(), r.totalB()));
        }

        @Override
        public Comparison.Verdict verdict(ComparisonEvidence e, double[] replicates) {
            double value = Math.abs(weightedMeanAbs(e.tableA(), null, e.tableA().size()) - weightedMeanAbs(e.tableB(), null, e.tableB().size()));
            return ConnectivityStatistics.equivalence(name(), "|mean |z|_a - mean |z|_b|", value, 0.2,
                    DesignBootstrap.bounds(value, replicates, e.alphaNotReproduced(), e.alphaReproduced()), e.alphaNotReproduced(),
                    "test statistic");
        }

        private static double weightedMeanAbs(NeuronTable t, int[] weight, double total) {
            double s = 0;
            for (int i = 0; i < t.size(); i++) {
                s += (weight == null ? 1 : weight[i]) * Math.abs(t.z()[i]);
            }
            return s / total;
        }
    }

    /** z of every row multiplied by a factor. */
    private static NeuronTable scaledZ(NeuronTable t, double factor) {
        double[] z = t.z().clone();
        for (int i = 0; i < z.length; i++) {
            z[i] *= factor;
        }
        return NeuronTable.of(t.w(), t.v(), t.b(), z, t.gain());
    }

    private static double meanAbs(double[] x) {
        double s = 0;
        for (double v : x) {
            s += Math.abs(v);
        }
        return s / x.length;
    }

    @Test
    void aRegisteredStatisticIsDecidedReportedAndTabled() {
        NeuronTable a = ConnectivityComparatorTest.twoPatternTable(400, 200, 11);
        NeuronTable b = scaledZ(ConnectivityComparatorTest.twoPatternTable(400, 200, 12), 3);
        Comparison without = ConnectivityComparator.compare(a, b, ConnectivityComparatorTest.fast(), new RandomStreams(4));
        Comparison with;
        try (var r = ConnectivityStatistics.register(new MeanAbsoluteZ(false))) {
            with = ConnectivityComparator.compare(a, b, ConnectivityComparatorTest.fast(), new RandomStreams(4));
            assertTrue(new GdMaxEntKind().measures().contains("test_mean_abs_z_difference"), "its column is a gd-maxent measure");
            String csv = ComparisonReport.csv(with);
            assertTrue(csv.contains("verdict,meanAbsoluteZ,,,not reproduced"), csv);
            assertTrue(csv.contains("verdictLowerBound,meanAbsoluteZ,"), csv);
            assertTrue(ComparisonReport.markdown(with).contains("| meanAbsoluteZ | \\|mean \\|z\\|_a - mean \\|z\\|_b\\| |"));
            assertTrue(ComparisonReport.summary(with).contains("meanAbsoluteZ"));
            var v = with.verdicts().get(with.verdicts().size() - 1);
            assertEquals(List.of(v.value()), List.copyOf(ConnectivityStatistics.byName("meanAbsoluteZ").cells(v).values()));
        }
        assertEquals(without.verdicts().size() + 1, with.verdicts().size());
        Comparison.Verdict v = with.verdicts().get(with.verdicts().size() - 1);
        assertEquals("meanAbsoluteZ", v.name());
        // |z| of b is three times that of an independent draw of the same law: the difference is about 2 E|z| = 1.6
        assertEquals(Math.abs(meanAbs(a.z()) - meanAbs(b.z())), v.value(), 1e-12);
        assertTrue(v.lower() > 0.2, "the lower bound clears the margin: " + v);
        assertEquals(ConnectivityStatistics.NOT_REPRODUCED, v.outcome());
        // not primary: the other verdicts and the overall verdict are those without it
        assertEquals(without.verdicts(), with.verdicts().subList(0, without.verdicts().size()));
        assertEquals(without.overall(), with.overall());
        assertFalse(new GdMaxEntKind().measures().contains("test_mean_abs_z_difference"), "withdrawn with its registration");
    }

    @Test
    void aPrimaryStatisticJoinsTheOverallRuleAndItsErrorRates() {
        NeuronTable a = ConnectivityComparatorTest.twoPatternTable(400, 200, 11);
        try (var r = ConnectivityStatistics.register(new MeanAbsoluteZ(true))) {
            Comparison c = ConnectivityComparator.compare(a, a, ConnectivityComparatorTest.fast(), new RandomStreams(4));
            var v = c.verdicts().get(c.verdicts().size() - 1);
            assertEquals(0.0, v.value(), 0);
            assertEquals(ConnectivityStatistics.REPRODUCED, v.outcome(), v.toString());
            // Bonferroni over four primary verdicts now
            assertEquals(c.settings().verdicts().familyErrorRate() / 4, v.errorRate(), 1e-15);
            assertTrue(ComparisonReport.overallRule(c).startsWith("fractions, E[zw|g], marginals and mean |z|: reproduced if all four"),
                    ComparisonReport.overallRule(c));
            assertTrue(c.verdicts().get(0).criterion().contains("Bonferroni over the 4 verdicts of overall: fractions, E[zw|g], marginals, mean |z|)"));
        }
    }

    @Test
    void theBuiltInStatisticsAreTheFiveVerdictsInOrder() {
        assertEquals(List.of("populationFractions", "crossCovariance", "marginals", "joint", "clustering"),
                ConnectivityStatistics.all().stream().map(ConnectivityStatistic::name).toList());
        assertEquals(List.of("total_variation", "total_variation_lower", "total_variation_upper", "cross_covariance_error_weighted",
                "cross_covariance_error_lower", "cross_covariance_error_upper", "marginal_ks", "energy_coefficient"),
                ConnectivityStatistics.columns());
        assertThrows(IllegalArgumentException.class, () -> ConnectivityStatistics.register(ConnectivityStatistics.JOINT));
    }
}
