package org.netropy.gd;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.netropy.random.RandomStreams;
import org.netropy.task.FleschTreesTask;
import org.netropy.task.InputSelectionTask;
import org.netropy.task.StimulusSet;
import org.netropy.task.TargetNormalisation;
import org.netropy.task.Task;
import org.netropy.task.TaskMatrix;

/**
 * Step-time benchmark of the ensemble engine (issue 3 speed figures): per-network full-batch
 * step time at the Flesch size (50 samples, 27 inputs, 100 hidden) and at a large size (1000
 * samples, 50 inputs, 1000 hidden), alone and in ensembles, next to the time of the step's two
 * matrix products alone (the matrix-multiply floor).
 */
public final class GdBenchmark {
    private GdBenchmark() {}

    /**
     * Microseconds per ensemble step and per ensemble step's two matrix products: wall-clock, and
     * the CPU time of the measuring thread (robust against other processes sharing the cores).
     */
    public record Timing(double stepMicros, double matmulFloorMicros, double stepCpuMicros, double matmulFloorCpuMicros) {}

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /**
     * Best of {@code repeats} timings of {@code steps} steps (the minimum is the figure least
     * disturbed by other processes), after a warm-up of at least a second so that the JIT has
     * compiled the step loops (a few steps at the large size are not enough, and made the lone
     * network look 2× slower than it is).
     */
    public static Timing time(String size, int ensemble, int steps, int repeats, Precision precision) {
        boolean large = size.equals("large");
        Task task = large ? largeTask() : new FleschTreesTask();
        int hidden = large ? 1000 : 100;
        GdRunSpec spec = (large ? GdRunSpec.meanField(task, hidden, 1.0, steps) : GdRunSpec.flesch(task, hidden, 1.0, 1.0, steps))
                .withPrecision(precision);
        List<GdRunSpec> specs = new ArrayList<>();
        List<Network> inits = new ArrayList<>();
        for (int k = 0; k < ensemble; k++) {
            specs.add(spec);
            inits.add(Initializer.draw(spec, new RandomStreams(k)));
        }
        List<GdRunSpec> warmSpecs = specs.stream().map(s -> s.withSteps(Math.min(steps, 20))).toList();
        long warmStart = System.nanoTime();
        do {
            EnsembleEngine.train(warmSpecs, inits, null);
        } while (System.nanoTime() - warmStart < 1_000_000_000L);
        double step = Double.POSITIVE_INFINITY;
        double stepCpu = Double.POSITIVE_INFINITY;
        for (int r = 0; r < repeats; r++) {
            long c0 = THREADS.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            EnsembleEngine.train(specs, inits, null);
            step = Math.min(step, (System.nanoTime() - t0) / 1e3 / (steps + 1));
            stepCpu = Math.min(stepCpu, (THREADS.getCurrentThreadCpuTime() - c0) / 1e3 / (steps + 1));
        }
        double[] floor = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        for (int r = 0; r < repeats; r++) {
            double[] f = matmulFloor(task, hidden * ensemble, steps, precision);
            floor[0] = Math.min(floor[0], f[0]);
            floor[1] = Math.min(floor[1], f[1]);
        }
        return new Timing(step, floor[0], stepCpu, floor[1]);
    }

    /** The forward and weight-gradient products X Wᵀ and ∂Hᵀ X with preallocated outputs: {wall, CPU} µs. */
    static double[] matmulFloor(Task task, int width, int steps, Precision precision) {
        DataType dt = precision == Precision.DOUBLE ? DataType.DOUBLE : DataType.FLOAT;
        int p = task.data().size();
        int din = task.features() + task.contexts();
        INDArray x = Nd4j.rand(dt, p, din);
        INDArray w = Nd4j.rand(dt, width, din);
        INDArray h = Nd4j.create(dt, p, width);
        INDArray dw = Nd4j.create(dt, width, din);
        for (int i = 0; i < 20; i++) {
            Nd4j.gemm(x, w, h, false, true, 1.0, 0.0);
            Nd4j.gemm(h, x, dw, true, false, 1.0, 0.0);
        }
        long c0 = THREADS.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        for (int i = 0; i < steps; i++) {
            Nd4j.gemm(x, w, h, false, true, 1.0, 0.0);
            Nd4j.gemm(h, x, dw, true, false, 1.0, 0.0);
        }
        return new double[] {(System.nanoTime() - t0) / 1e3 / steps, (THREADS.getCurrentThreadCpuTime() - c0) / 1e3 / steps};
    }

    /** Input selection with 48 Gaussian features (2 relevant), 2 contexts, 500 stimuli: 1000 × 50 inputs. */
    static Task largeTask() {
        double[][] a = new double[48][2];
        a[0][0] = 1;
        a[1][1] = 1;
        StimulusSet s = StimulusSet.gaussian(48, 500, 1.0, new RandomStreams(0).stream("task/stimuli"));
        return new InputSelectionTask(new TaskMatrix(a), s, "gaussian", TargetNormalisation.NONE);
    }
}
