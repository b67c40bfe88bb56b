package org.netropy.gd;

import org.netropy.task.TaskOptions;
import org.netropy.task.TaskRegistry;
import org.netropy.random.RandomStreams;
import org.netropy.task.Task;

/** Small tasks and specs shared by the engine tests. */
final class GdTestSupport {
    private GdTestSupport() {}

    /** Input selection, C = 2, 3-point grid (18 samples). */
    static Task smallTask() {
        return TaskRegistry.create("input-selection",
                new TaskOptions(2, null, org.netropy.task.TargetNormalisation.NONE, "grid", 3, 1.0, 10), new RandomStreams(1));
    }

    /** A spec with biases, given activation and readout, for gradient checks. */
    static GdRunSpec spec(Task task, int n, Activation act, Readout readout, int steps, double eta) {
        InitSpec init = new InitSpec(0.8, 0.7, 0.1, 0.3, 0.9, 0.05, false, LowRankSpec.FULL, null);
        return GdRunSpec.builder(task).hidden(n).activation(act).hiddenBias(true).outputBias(true).readout(readout).init(init)
                .learningRate(eta).steps(steps).build();
    }

    static double maxAbsDiff(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }

    static double maxAbs(double[] a) {
        double m = 0;
        for (double x : a) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }
}
