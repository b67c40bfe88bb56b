package org.netropy.gd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.netropy.random.RandomStreams;
import org.netropy.task.Task;
import org.netropy.task.TaskData;

/** Hand-derived gradients against finite differences; one ND4J step against the hand update. */
class GradientAndUpdateTest {

    @ParameterizedTest
    @EnumSource(Activation.class)
    void handGradientMatchesCentralFiniteDifferences(Activation act) {
        Task task = GdTestSupport.smallTask();
        TaskData data = task.data();
        GdRunSpec spec = GdTestSupport.spec(task, 6, act, Readout.STANDARD, 1, 0.1);
        Network net = Initializer.draw(spec, new RandomStreams(11));
        double scale = spec.loss().factor(data.size());
        double[] grad = net.gradient(data, null, scale, true, true).flatten();
        double[] x = net.flatten();
        double eps = 1e-6;
        double[] fd = new double[x.length];
        for (int q = 0; q < x.length; q++) {
            double[] xp = x.clone();
            double[] xm = x.clone();
            xp[q] += eps;
            xm[q] -= eps;
            fd[q] = (net.unflatten(xp).loss(data, null, scale) - net.unflatten(xm).loss(data, null, scale)) / (2 * eps);
        }
        double err = GdTestSupport.maxAbsDiff(grad, fd);
        assertTrue(err < 1e-7 * Math.max(1, GdTestSupport.maxAbs(fd)), act + ": max |grad - fd| = " + err);
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void oneEngineStepEqualsTheHandDerivedMeanFieldUpdate(Activation act) {
        Task task = GdTestSupport.smallTask();
        TaskData data = task.data();
        GdRunSpec spec = GdTestSupport.spec(task, 8, act, Readout.MEAN_FIELD, 1, 0.05);
        GdResult r = GdTrainer.train(spec, new RandomStreams(5));
        Network init = r.initial();
        double lr = 0.05 * 8 / Math.max(1, 0.8 * 0.8);
        assertEquals(lr, spec.effectiveLearningRate(), 1e-15);
        Network hand = init.minus(init.gradient(data, null, spec.loss().factor(data.size()), true, true), lr);
        double err = GdTestSupport.maxAbsDiff(hand.flatten(), r.last().flatten());
        assertTrue(err < 1e-13, act + ": engine step differs from hand update by " + err);
        assertEquals(1, r.stepsRun());
        assertEquals(2, r.lossCurve().length);
        assertEquals(init.loss(data, null, spec.loss().factor(data.size())), r.lossCurve()[0], 1e-13);
    }

    @Test
    void untrainedBiasesStayFixedAndCentringZeroesTheInitialOutput() {
        Task task = GdTestSupport.smallTask();
        GdRunSpec base = GdTestSupport.spec(task, 8, Activation.RELU, Readout.MEAN_FIELD, 3, 0.05);
        GdRunSpec spec = GdRunSpec.builder(task).hidden(8).alpha(2.0).centred(true).init(base.init()).learningRate(0.05)
                .steps(3).build();
        GdResult r = GdTrainer.train(spec, new RandomStreams(3));
        assertArrayEquals(new double[8], r.last().b());
        assertEquals(0, r.last().outputBias());
        double[] y0 = r.initial().outputs(task.data());
        assertArrayEquals(y0, r.offset(), 1e-13);
        double target = 0;
        for (double t : task.data().targets()) {
            target += t * t;
        }
        assertEquals(0.5 * target / task.data().size(), r.lossCurve()[0], 1e-13, "centred initial loss = target energy");
    }

    @Test
    void momentumAndAdamReduceTheLoss() {
        Task task = GdTestSupport.smallTask();
        for (Optimizer o : List.of(Optimizer.MOMENTUM, Optimizer.ADAM)) {
            GdRunSpec spec = GdTestSupport.spec(task, 16, Activation.TANH, Readout.MEAN_FIELD, 200, o == Optimizer.ADAM ? 0.001 : 0.01)
                    .withOptimizer(o);
            GdResult r = GdTrainer.train(spec, new RandomStreams(9));
            assertTrue(r.finalLoss() < 0.5 * r.lossCurve()[0], o + ": " + r.lossCurve()[0] + " -> " + r.finalLoss());
        }
    }
}
