package org.netropy.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.netropy.connectivity.NeuronTable;
import org.netropy.io.InvalidInputException;
import org.netropy.io.Json;
import org.netropy.random.RandomStreams;
import org.netropy.task.TargetNormalisation;
import org.netropy.task.TaskMatrix;

class ConnectivityComparatorTest {

    /** Small, fast clustering settings for unit tests. */
    static ComparisonSettings fast() {
        var d = ComparisonSettings.defaults();
        return new ComparisonSettings(d.threshold(), d.sensitivityThresholds(), d.confidence(),
                TaskMatrix.identity(2, TargetNormalisation.NONE), List.of(),
                new PopulationClustering.Settings(4, 4, 4, 0.8, 300, 600, 1000), 800, 0, 10, d.tolerances(), d.verdicts());
    }

    @Test
    void identicalTablesGiveZeroDistances() {
        NeuronTable t = MaxEntLikeModel.twoContexts().sample(1500, new SplittableRandom(1));
        Comparison c = ConnectivityComparator.compare(t, t, fast(), new RandomStreams(3));
        assertEquals(0.0, c.totalVariation(), 0);
        assertEquals(0.0, c.jensenShannon(), 0);
        // Pattern 00 has E[zw|00] = 0 (not resolvable from zero), so its relative error is undefined.
        assertEquals(null, c.crossCovarianceError().get("00"));
        for (String g : List.of("01", "10", "11")) {
            assertEquals(0.0, c.crossCovarianceError().get(g), 0, g);
        }
        assertEquals(0.0, c.crossCovarianceErrorWeighted(), 0);
        c.marginals().values().forEach(m -> {
            assertEquals(0.0, m.ks(), 0);
            assertEquals(0.0, m.wasserstein1(), 0);
        });
        c.covarianceKl().perPattern().values().forEach(kl -> assertEquals(0.0, kl, 1e-12));
        assertEquals(0.0, c.covarianceKl().matchedBound(), 1e-12);
        assertEquals(0.0, c.selectivityAngles().ks(), 0);
        assertEquals(ConnectivityComparator.REPRODUCED, c.overall());
        // Both sides are the same table, so their clustering (same streams per side) need not match,
        // but each side sees the same data: k agrees.
        assertEquals(c.clustering().get("a").k(), c.clustering().get("b").k());
    }

    @Test
    void knownFractionShiftGivesTextbookTotalVariation() {
        // a: 50% "10", 50% "01"; b: 25% "10", 75% "01" → TV = 0.25, JS = hand value.
        NeuronTable a = twoPatternTable(400, 200, 11);
        NeuronTable b = twoPatternTable(400, 100, 12);
        Comparison c = ConnectivityComparator.compare(a, b, fast(), new RandomStreams(4));
        assertEquals(0.25, c.totalVariation(), 1e-12);
        double js = 0.5 * (0.5 * Math.log(0.5 / 0.375) + 0.5 * Math.log(0.5 / 0.625))
                + 0.5 * (0.25 * Math.log(0.25 / 0.375) + 0.75 * Math.log(0.75 / 0.625));
        assertEquals(js / Math.log(2), c.jensenShannon(), 1e-12);
        assertEquals(ConnectivityComparator.NOT_REPRODUCED, c.verdicts().get(0).outcome());
        assertEquals(ConnectivityComparator.NOT_REPRODUCED, c.overall());
    }

    /** n neurons, the first `ones` with pattern "10" and the rest "01", w and z Gaussian. */
    static NeuronTable twoPatternTable(int n, int ones, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] w = new double[n][2];
        double[][] v = new double[n][2];
        double[] z = new double[n];
        double[][] g = new double[n][2];
        for (int i = 0; i < n; i++) {
            z[i] = r.nextGaussian();
            w[i][0] = z[i] + r.nextGaussian();
            w[i][1] = r.nextGaussian();
            g[i] = i < ones ? new double[] {0.9, 0.1} : new double[] {0.2, 0.8};
        }
        return NeuronTable.of(w, v, new double[n], z, g);
    }

    @Test
    void modelSampleVersusModelPasses() {
        MaxEntLikeModel model = MaxEntLikeModel.twoContexts();
        NeuronTable sample = model.sample(4000, new SplittableRandom(21));
        Comparison c = ConnectivityComparator.compare(sample, "sample", model, fast(), new RandomStreams(5));
        assertEquals(ConnectivityComparator.REPRODUCED, c.overall(), ComparisonReport.summary(c));
        for (Comparison.Verdict v : c.verdicts()) {
            if (!v.name().equals("clustering")) {
                assertEquals(ConnectivityComparator.REPRODUCED, v.outcome(), v.toString());
            }
        }
        assertEquals("model", c.b().kind());
        // Analytic reference: the b side carries the exact fractions.
        assertEquals(0.3, c.populationFractions().get("01").b(), 0);
    }

    @Test
    void goodmanIntervalsHaveJointCoverage() {
        MaxEntLikeModel model = MaxEntLikeModel.twoContexts();
        SplittableRandom r = new SplittableRandom(99);
        int covered = 0;
        int reps = 400;
        for (int rep = 0; rep < reps; rep++) {
            NeuronTable t = model.sample(300, r);
            var pops = PopulationStatistics.of(t, GainPatterns.of(t, 0.5), 0.95, 4, null);
            boolean all = pops.size() == 4;
            for (var p : pops.values()) {
                double exact = model.patternProbabilities().get(p.pattern());
                all &= p.ciLow() <= exact && exact <= p.ciHigh();
            }
            covered += all ? 1 : 0;
        }
        // Nominal joint coverage 95% (Goodman is conservative); 400 replicates: sd of the rate ≈ 0.011.
        assertTrue(covered >= 0.92 * reps, covered + " of " + reps);
    }

    @Test
    void modelDefaultStructureEqualsClosedForm() {
        MaxEntLikeModel model = MaxEntLikeModel.twoContexts();
        for (String g : model.patternProbabilities().keySet()) {
            assertEquals(model.closedFormStructure(g), model.structure(g), 1e-12, g);
        }
    }

    @Test
    void sampledMomentsMatchClosedFormsWithinMonteCarloError() {
        MaxEntLikeModel model = MaxEntLikeModel.twoContexts();
        NeuronTable t = model.sample(40_000, new SplittableRandom(8));
        var pops = PopulationStatistics.of(t, GainPatterns.of(t, 0.5), 0.95, 4, null);
        for (String g : List.of("01", "10", "11")) {
            double[] exact = model.crossCovariance(g);
            double[] est = pops.get(g).crossCovariance();
            for (int j = 0; j < exact.length; j++) {
                assertEquals(exact[j], est[j], 0.05, g + " component " + j);
            }
            assertEquals(model.closedFormStructure(g), pops.get(g).structure(), 0.03, g);
        }
    }

    @Test
    void differentTasksAreRejectedNamingTheColumn() {
        NeuronTable a = MaxEntLikeModel.twoContexts().sample(50, new SplittableRandom(1));
        double[][] w3 = new double[50][3];
        NeuronTable b = NeuronTable.of(w3, a.v(), a.b(), a.z(), a.gain());
        var e = assertThrows(InvalidInputException.class, () -> ConnectivityComparator.compare(a, "A.csv", b, "B.csv", fast(), new RandomStreams(1)));
        assertTrue(e.getMessage().contains("w_3") && e.getMessage().contains("B.csv"), e.getMessage());
    }

    @Test
    void tinyTablesAreComparedWithoutClustering() {
        MaxEntLikeModel model = MaxEntLikeModel.twoContexts();
        NeuronTable one = model.sample(1, new SplittableRandom(1));
        Comparison c = ConnectivityComparator.compare(one, "one", model, fast(), new RandomStreams(1));
        assertEquals(null, c.clustering().get("a"));
        assertEquals(ConnectivityComparator.INCONCLUSIVE, c.verdicts().get(c.verdicts().size() - 1).outcome());
        assertTrue(ComparisonReport.markdown(c).contains("skipped (too few neurons"));
    }

    @Test
    void membersGetMeanAndSpread() {
        MaxEntLikeModel model = MaxEntLikeModel.twoContexts();
        NeuronTable ensemble = NeuronTable.ofMembers(List.of(model.sample(600, new SplittableRandom(1)),
                model.sample(600, new SplittableRandom(2)), model.sample(600, new SplittableRandom(3))));
        Comparison c = ConnectivityComparator.compare(ensemble, "ensemble", model, fast(), new RandomStreams(2));
        Comparison.MemberSpread m = c.members().get("a");
        assertNotNull(m);
        assertEquals(3, m.members());
        assertTrue(m.totalVariation().min() <= m.totalVariation().mean() && m.totalVariation().mean() <= m.totalVariation().max());
        assertTrue(m.totalVariation().sd() > 0);
        // Pooled fractions are the mean of equal-sized members' fractions.
        for (var e : m.fractions().entrySet()) {
            assertEquals(c.populationFractions().get(e.getKey()).a(), e.getValue().mean(), 1e-12, e.getKey());
        }
    }

    @Test
    void sameSeedGivesIdenticalJson() {
        NeuronTable a = MaxEntLikeModel.twoContexts().sample(800, new SplittableRandom(1));
        MaxEntLikeModel model = MaxEntLikeModel.twoContexts();
        String j1 = Json.write(ConnectivityComparator.compare(a, "a", model, fast(), new RandomStreams(77)));
        String j2 = Json.write(ConnectivityComparator.compare(a, "a", model, fast(), new RandomStreams(77)));
        assertEquals(j1, j2);
        Map<?, ?> parsed = Json.read(writeTemp(j1), Map.class);
        for (String key : List.of("populationFractions", "totalVariation", "jensenShannon", "crossCovarianceError",
                "marginals", "energyDistance", "clustering", "verdicts")) {
            assertTrue(parsed.containsKey(key), key);
        }
    }

    private static java.nio.file.Path writeTemp(String text) {
        try {
            var p = java.nio.file.Files.createTempFile("comparison", ".json");
            java.nio.file.Files.writeString(p, text);
            p.toFile().deleteOnExit();
            return p;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
