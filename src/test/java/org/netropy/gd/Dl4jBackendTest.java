package org.netropy.gd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.netropy.random.RandomStreams;
import org.netropy.task.TargetNormalisation;
import org.netropy.task.Task;
import org.netropy.task.TaskOptions;
import org.netropy.task.TaskRegistry;

/**
 * The DL4J backend against the fused kernel: the same initial weights trained by two independent
 * implementations of the same update (closed-form gradients in plain Java vs DL4J's back-propagation
 * through a dense readout W = f z with rescaled rates) must land on the same weights. All cases in
 * one class so ND4J starts once.
 */
class Dl4jBackendTest {
    private static final Task TASK = GdTestSupport.smallTask();
    /** Gaussian stimuli: no symmetry of the grid that cancels some gradients to ~0 (where ε matters). */
    private static final Task GAUSSIAN = TaskRegistry.create("input-selection",
            new TaskOptions(2, null, TargetNormalisation.NONE, "gaussian", 3, 2.0, 12), new RandomStreams(3));

    private static GdRunSpec spec(boolean biases, Readout readout, Optimizer o, double eta, double mu, LossScale loss,
                                  TrainingAlgorithm alg, int steps) {
        return spec(TASK, biases, readout, o, eta, mu, loss, alg, steps);
    }

    private static GdRunSpec spec(Task task, boolean biases, Readout readout, Optimizer o, double eta, double mu, LossScale loss,
                                  TrainingAlgorithm alg, int steps) {
        InitSpec init = new InitSpec(0.8, 0.7, biases ? 0.1 : 0, biases ? 0.3 : 0, 0.9, biases ? 0.05 : 0, false, LowRankSpec.FULL, null);
        return GdRunSpec.builder(task).hidden(12).hiddenBias(biases).outputBias(biases).readout(readout).init(init)
                .learningRate(eta).optimizer(o).momentum(mu).loss(loss).steps(steps).algorithm(alg).build();
    }

    private static TrainingAlgorithm dl4j(int batch, double weightDecay, double dropout, TrainingAlgorithm.Schedule schedule) {
        TrainingAlgorithm d = TrainingAlgorithm.DEFAULT;
        return new TrainingAlgorithm(TrainingAlgorithm.Backend.DL4J, batch, d.beta2(), d.epsilon(), d.rmsDecay(), weightDecay,
                dropout, schedule, 0.5, 10);
    }

    private static final TrainingAlgorithm DL4J = dl4j(0, 0, 0, TrainingAlgorithm.Schedule.NONE);

    /** Largest |difference| over every weight, bias and readout (z in the network's own convention). */
    private static double maxDifference(Network a, Network b) {
        double m = Math.abs(a.outputBias() - b.outputBias());
        for (int i = 0; i < a.hidden(); i++) {
            m = Math.max(m, GdTestSupport.maxAbsDiff(a.w()[i], b.w()[i]));
            m = Math.max(m, GdTestSupport.maxAbsDiff(a.v()[i], b.v()[i]));
            m = Math.max(m, Math.abs(a.b()[i] - b.b()[i]));
            m = Math.max(m, Math.abs(a.z()[i] - b.z()[i]));
        }
        return m;
    }

    private static void agree(GdRunSpec fused, double tolerance, String what) {
        GdResult f = GdTrainer.train(fused, new RandomStreams(5));
        GdRunSpec onDl4j = fused.withAlgorithm(fused.optimizer(), fused.momentum(),
                new TrainingAlgorithm(TrainingAlgorithm.Backend.DL4J, 0, fused.algorithm().beta2(), fused.algorithm().epsilon(),
                        fused.algorithm().rmsDecay(), 0, 0, TrainingAlgorithm.Schedule.NONE, 0.5, 10));
        GdResult d = GdTrainer.train(onDl4j, new RandomStreams(5));
        assertEquals(f.stepsRun(), d.stepsRun(), what);
        assertTrue(maxDifference(f.initial(), f.last()) > 1e-3, what + ": the weights must move");
        double diff = maxDifference(f.last(), d.last());
        assertTrue(diff < tolerance, what + ": fused and DL4J differ by " + diff);
        assertEquals(f.lossCurve().length, d.lossCurve().length, what);
        assertEquals(f.finalLoss(), d.finalLoss(), 1e-9 * Math.max(1, f.finalLoss()), what);
    }

    @Test
    void backendsAgreeOnPlainGdMomentumAndAdam() {
        for (Readout r : List.of(Readout.MEAN_FIELD, Readout.STANDARD)) {
            for (boolean biases : new boolean[] {true, false}) {
                String what = "gd, " + r.label() + (biases ? ", biases" : ", no biases");
                agree(spec(biases, r, Optimizer.GD, 0.05, 0.9, LossScale.MEAN, TrainingAlgorithm.DEFAULT, 100), 1e-9, what);
            }
        }
        agree(spec(true, Readout.MEAN_FIELD, Optimizer.MOMENTUM, 0.02, 0.9, LossScale.MEAN, TrainingAlgorithm.DEFAULT, 100), 1e-8,
                "momentum");
        agree(spec(false, Readout.STANDARD, Optimizer.MOMENTUM, 0.02, 0.9, LossScale.SUM, TrainingAlgorithm.DEFAULT, 100), 1e-8,
                "momentum, sum loss");
        // Adam: DL4J adds ε to √v before the bias correction (ε/√(1−β₂ᵗ) on √v̂, up to 32 ε at t = 1),
        // the fused kernel to √v̂; the steps differ by a relative ~ε/√v̂, so the cross-check uses
        // gradients of order 0.1-1 (unit readout, summed loss), where that is below the tolerance
        agree(spec(GAUSSIAN, true, Readout.UNIT, Optimizer.ADAM, 5e-6, 0.9, LossScale.SUM, TrainingAlgorithm.DEFAULT, 100), 1e-8, "adam");
    }

    @Test
    void centringAndTheLossToleranceStopBothBackendsAtTheSameStep() {
        InitSpec init = new InitSpec(0.8, 0.7, 0.1, 0.3, 0.9, 0.05, false, LowRankSpec.FULL, null);
        GdRunSpec probe = GdRunSpec.builder(TASK).hidden(12).activation(Activation.TANH).hiddenBias(true).outputBias(true)
                .alpha(2.0).centred(true).init(init).learningRate(0.05).steps(100).snapshotSteps(new int[] {0, 30}).build();
        double[] curve = GdTrainer.train(probe, new RandomStreams(5)).lossCurve();
        double tolerance = (curve[60] + curve[61]) / 2;   // first below it at step 61
        GdRunSpec s = probe.toBuilder().tolerance(tolerance).build();
        agree(s, 1e-9, "gd, tanh, centred, alpha 2, tolerance");
        GdResult d = GdTrainer.train(s.withAlgorithm(Optimizer.GD, 0.9, DL4J), new RandomStreams(5));
        assertTrue(d.converged());
        assertEquals(61, d.stepsRun());
        assertEquals(2, d.snapshots().size());
        assertTrue(d.offset() != null && GdTestSupport.maxAbs(d.offset()) > 0, "centring offset y0 recorded");
    }

    @Test
    void aDivergingRunStopsAtTheSameStepWithTheSameLastGoodState() {
        GdRunSpec s = spec(true, Readout.MEAN_FIELD, Optimizer.GD, 40, 0.9, LossScale.MEAN, TrainingAlgorithm.DEFAULT, 100);
        GdResult f = GdTrainer.train(s, new RandomStreams(5));
        GdResult d = GdTrainer.train(s.withAlgorithm(Optimizer.GD, 0.9, DL4J), new RandomStreams(5));
        assertTrue(f.diverged() && d.diverged(), "the rate is chosen to diverge");
        assertEquals(f.divergedStep(), d.divergedStep());
        assertEquals(f.stepsRun(), d.stepsRun());
        double scale = Math.max(1, Math.abs(f.last().outputBias()) + GdTestSupport.maxAbs(f.last().z()));
        assertTrue(maxDifference(f.last(), d.last()) < 1e-9 * scale, "last good states differ");
    }

    @Test
    void minibatchDropoutAndScheduleRunsAreBitIdenticalFromASeed() {
        GdRunSpec s = spec(true, Readout.MEAN_FIELD, Optimizer.ADAM, 1e-3, 0.9, LossScale.MEAN,
                dl4j(5, 1e-3, 0.2, TrainingAlgorithm.Schedule.STEP), 60);
        GdResult a = GdTrainer.train(s, new RandomStreams(9));
        GdResult b = GdTrainer.train(s, new RandomStreams(9));
        GdResult other = GdTrainer.train(s, new RandomStreams(10));
        assertArrayEquals(a.lossCurve(), b.lossCurve());
        assertEquals(0.0, maxDifference(a.last(), b.last()));
        assertNotEquals(a.lossCurve()[60], other.lossCurve()[60]);
        assertTrue(a.seeds().containsKey("train/minibatch") && a.seeds().containsKey("train/dropout"));
    }
}
