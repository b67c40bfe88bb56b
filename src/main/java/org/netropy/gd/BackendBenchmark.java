package org.netropy.gd;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import org.netropy.random.RandomStreams;
import org.netropy.task.FleschTreesTask;
import org.netropy.task.Task;
import org.netropy.task.TaskOptions;
import org.netropy.task.TaskRegistry;

/**
 * Per-step time of one network on the DL4J backend next to the fused kernel, measured in the same
 * process and interleaved (ratios hold on a busy machine, absolute times do not): full-batch gd
 * at the Flesch size (50 samples, 27 inputs, 100 hidden) and at the size of the
 * {@code learning-algorithms} spec (input selection, 50 samples, 4 inputs, 200 hidden).
 */
public final class BackendBenchmark {
    private BackendBenchmark() {}

    /** Microseconds per step, wall-clock and CPU of the measuring thread, best of the repeats. */
    public record Timing(String size, String backend, double stepMicros, double stepCpuMicros) {}

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static List<Timing> time(String size, int steps, int repeats) {
        GdRunSpec fused = spec(size, steps);
        TrainingAlgorithm d = TrainingAlgorithm.DEFAULT;
        GdRunSpec dl4j = fused.withAlgorithm(fused.optimizer(), fused.momentum(), new TrainingAlgorithm(TrainingAlgorithm.Backend.DL4J,
                0, d.beta2(), d.epsilon(), d.rmsDecay(), 0, 0, TrainingAlgorithm.Schedule.NONE, d.lrDecay(), d.lrStep()));
        GdRunSpec[] specs = {fused, dl4j};
        double[] wall = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] cpu = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        for (GdRunSpec s : specs) {   // warm-up: JIT and ND4J/DL4J initialisation
            GdTrainer.train(s.withSteps(Math.min(steps, 50)), new RandomStreams(1));
        }
        for (int r = 0; r < repeats; r++) {
            for (int b = 0; b < 2; b++) {
                long c0 = THREADS.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                GdTrainer.train(specs[b], new RandomStreams(1));
                wall[b] = Math.min(wall[b], (System.nanoTime() - t0) / 1e3 / (steps + 1));
                cpu[b] = Math.min(cpu[b], (THREADS.getCurrentThreadCpuTime() - c0) / 1e3 / (steps + 1));
            }
        }
        return List.of(new Timing(size, "fused", wall[0], cpu[0]), new Timing(size, "dl4j", wall[1], cpu[1]));
    }

    private static GdRunSpec spec(String size, int steps) {
        if (size.equals("flesch")) {
            return GdRunSpec.flesch(new FleschTreesTask(), 100, 1.0, 1.0, steps);
        }
        Task task = TaskRegistry.create("input-selection", TaskOptions.defaults(), new RandomStreams(1));
        return GdRunSpec.meanField(task, 200, 2.0, steps);
    }
}
