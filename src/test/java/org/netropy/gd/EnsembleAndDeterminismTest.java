package org.netropy.gd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.netropy.random.RandomStreams;
import org.netropy.task.Task;

/** Ensemble members equal lone networks; same seed gives the same bits; divergence is reported. */
class EnsembleAndDeterminismTest {

    @Test
    void anEnsembleMemberEndsWithTheWeightsOfTheSameNetworkTrainedAlone() {
        Task task = GdTestSupport.smallTask();
        GdRunSpec base = GdTestSupport.spec(task, 10, Activation.RELU, Readout.MEAN_FIELD, 40, 0.05);
        List<GdRunSpec> specs = List.of(base, base.withInit(base.init().withStimulusScale(2.0)), base);
        List<RandomStreams> seeds = List.of(new RandomStreams(1), new RandomStreams(2), new RandomStreams(3));
        List<GdResult> ens = GdTrainer.trainEnsemble(specs, seeds, null);
        for (int m = 0; m < 3; m++) {
            GdResult alone = GdTrainer.train(specs.get(m), seeds.get(m));
            assertArrayEquals(alone.last().flatten(), ens.get(m).last().flatten(), 0.0, "member " + m);
            assertArrayEquals(alone.lossCurve(), ens.get(m).lossCurve(), 0.0, "member " + m);
        }
        // members really differ (different seeds / scales)
        assertFalse(java.util.Arrays.equals(ens.get(0).last().flatten(), ens.get(2).last().flatten()));
    }

    @Test
    void sameSeedGivesBitIdenticalWeightsInBothPrecisions() {
        Task task = GdTestSupport.smallTask();
        for (Precision p : Precision.values()) {
            GdRunSpec spec = GdTestSupport.spec(task, 12, Activation.TANH, Readout.MEAN_FIELD, 30, 0.05).withPrecision(p);
            GdResult a = GdTrainer.train(spec, new RandomStreams(42));
            GdResult b = GdTrainer.train(spec, new RandomStreams(42));
            assertArrayEquals(a.last().flatten(), b.last().flatten(), 0.0, p.label());
            assertEquals(a.seeds(), b.seeds());
            GdResult c = GdTrainer.train(spec, new RandomStreams(43));
            assertFalse(java.util.Arrays.equals(a.last().flatten(), c.last().flatten()));
        }
    }

    @Test
    void floatAndDoubleAgreeToSinglePrecision() {
        Task task = GdTestSupport.smallTask();
        GdRunSpec spec = GdTestSupport.spec(task, 12, Activation.SOFTPLUS, Readout.MEAN_FIELD, 20, 0.05);
        double[] d = GdTrainer.train(spec, new RandomStreams(4)).last().flatten();
        double[] f = GdTrainer.train(spec.withPrecision(Precision.FLOAT), new RandomStreams(4)).last().flatten();
        assertTrue(GdTestSupport.maxAbsDiff(d, f) < 1e-4 * Math.max(1, GdTestSupport.maxAbs(d)));
    }

    @Test
    void aDivergingMemberIsReportedWithItsLastGoodStateAndDoesNotDisturbTheOthers() {
        Task task = GdTestSupport.smallTask();
        GdRunSpec ok = GdTestSupport.spec(task, 8, Activation.RELU, Readout.MEAN_FIELD, 50, 0.05);
        GdRunSpec wild = ok.withLearningRate(500);
        List<GdRunSpec> specs = List.of(ok, wild);
        List<RandomStreams> seeds = List.of(new RandomStreams(1), new RandomStreams(1));
        List<GdResult> r = GdTrainer.trainEnsemble(specs, seeds, null);
        assertFalse(r.get(0).diverged());
        assertTrue(r.get(1).diverged());
        assertTrue(r.get(1).divergedStep() > 0 && r.get(1).divergedStep() <= 50, "step " + r.get(1).divergedStep());
        for (double x : r.get(1).last().flatten()) {
            assertTrue(Double.isFinite(x));
        }
        for (double l : r.get(1).lossCurve()) {
            assertTrue(Double.isFinite(l));
        }
        assertArrayEquals(GdTrainer.train(ok, new RandomStreams(1)).last().flatten(), r.get(0).last().flatten(), 0.0);
    }

    @Test
    void toleranceStopsEarly() {
        Task task = GdTestSupport.smallTask();
        GdRunSpec spec = GdTestSupport.spec(task, 16, Activation.RELU, Readout.MEAN_FIELD, 5000, 0.05);
        GdRunSpec tol = GdRunSpec.builder(task).hidden(16).hiddenBias(true).outputBias(true).init(spec.init()).learningRate(0.05)
                .steps(5000).tolerance(0.05).build();
        GdResult r = GdTrainer.train(tol, new RandomStreams(2));
        assertTrue(r.converged());
        assertTrue(r.stepsRun() < 5000);
        assertTrue(r.finalLoss() < 0.05);
        assertEquals(r.stepsRun() + 1, r.lossCurve().length);
    }
}
