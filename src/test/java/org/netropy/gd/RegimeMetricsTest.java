package org.netropy.gd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.netropy.random.RandomStreams;
import org.netropy.task.Task;
import org.netropy.task.TaskData;

/** Closed-form tangent kernel against finite differences; conserved quantity; similarity identities. */
class RegimeMetricsTest {

    /** Jacobian of the outputs with respect to the trained parameters, by central differences. */
    private static double[][] jacobian(Network net, TaskData data, boolean[] trained) {
        double[] x = net.flatten();
        double eps = 1e-6;
        double[][] j = new double[data.size()][x.length];
        for (int q = 0; q < x.length; q++) {
            if (!trained[q]) {
                continue;
            }
            double[] xp = x.clone();
            double[] xm = x.clone();
            xp[q] += eps;
            xm[q] -= eps;
            double[] yp = net.unflatten(xp).outputs(data);
            double[] ym = net.unflatten(xm).outputs(data);
            for (int s = 0; s < data.size(); s++) {
                j[s][q] = (yp[s] - ym[s]) / (2 * eps);
            }
        }
        return j;
    }

    @Test
    void closedFormTangentKernelsMatchFiniteDifferenceJacobians() {
        Task task = GdTestSupport.smallTask();
        TaskData data = task.data();
        for (Activation act : new Activation[] {Activation.RELU, Activation.TANH}) {
            GdRunSpec spec = GdTestSupport.spec(task, 7, act, Readout.STANDARD, 1, 0.1);
            Network net = Initializer.draw(spec, new RandomStreams(8));
            int n = 7;
            int d = net.features();
            int c = net.contexts();
            int total = net.flatten().length;
            boolean[] all = new boolean[total];
            java.util.Arrays.fill(all, true);
            boolean[] stim = new boolean[total];
            for (int q = 0; q < n * d; q++) {
                stim[q] = true;
            }
            double[][] kAll = RepresentationSimilarity.gram(jacobian(net, data, all));
            double[][] kStim = RepresentationSimilarity.gram(jacobian(net, data, stim));
            double[][] cfAll = TangentKernel.full(net, data, true, true);
            double[][] cfStim = TangentKernel.stimulusOnly(net, data);
            for (int s = 0; s < data.size(); s++) {
                for (int t = 0; t < data.size(); t++) {
                    assertEquals(kAll[s][t], cfAll[s][t], 1e-6 * (1 + Math.abs(kAll[s][t])), act + " all");
                    assertEquals(kStim[s][t], cfStim[s][t], 1e-6 * (1 + Math.abs(kStim[s][t])), act + " stimulus");
                }
            }
            assertTrue(n * (d + c + 2) + 1 == total);
        }
    }

    @Test
    void conservedQuantityDriftsOnlyInProportionToTheLearningRate() {
        Task task = GdTestSupport.smallTask();
        GdRunSpec base = GdRunSpec.meanField(task, 20, 1.0, 100);
        GdResult coarse = GdTrainer.train(base.withLearningRate(0.02), new RandomStreams(6));
        GdResult fine = GdTrainer.train(base.withLearningRate(0.01).withSteps(200), new RandomStreams(6));
        double d1 = RegimeMetrics.conservedDrift(coarse.initial(), coarse.last());
        double d2 = RegimeMetrics.conservedDrift(fine.initial(), fine.last());
        assertTrue(d1 > 0 && d1 < 0.05, "drift " + d1);
        assertTrue(coarse.finalLoss() < 0.7 * coarse.lossCurve()[0], "the network did learn");
        double ratio = d2 / d1;
        assertTrue(ratio > 0.35 && ratio < 0.65, "halving lr at equal time should halve the drift, ratio " + ratio);
    }

    @Test
    void similarityMeasuresAreOneForIdenticalAndInvariantToScale() {
        double[][] a = {{1, 2, 0}, {0, 1, 1}, {3, 0, 1}, {1, 1, 1}};
        double[][] b = new double[4][3];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 3; j++) {
                b[i][j] = 5 * a[i][j];
            }
        }
        double[][] ga = RepresentationSimilarity.gram(a);
        double[][] gb = RepresentationSimilarity.gram(b);
        assertEquals(1, RepresentationSimilarity.cosine(ga, gb), 1e-12);
        assertEquals(1, RepresentationSimilarity.cka(ga, gb), 1e-12);
        double[][] orth = {{1}, {-1}, {1}, {-1}};
        double[][] other = {{1}, {1}, {-1}, {-1}};
        // two zero-mean one-dimensional codes with orthogonal patterns: <xx^T, yy^T> = (x.y)^2 = 0
        assertEquals(0, RepresentationSimilarity.cka(RepresentationSimilarity.gram(orth), RepresentationSimilarity.gram(other)), 1e-12);
        assertEquals(0.5, RegimeMetrics.relativeChange(new double[] {2, 0}, new double[] {2, 1}), 1e-15);
        assertEquals(Math.sqrt(5) / 2 - 1, RegimeMetrics.normChange(new double[][] {{2, 0}}, new double[][] {{2, 1}}), 1e-15);
    }
}
