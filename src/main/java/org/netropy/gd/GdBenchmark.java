package org.netropy.gd;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.netropy.io.Json;
import org.netropy.random.RandomStreams;
import org.netropy.task.FleschTreesTask;
import org.netropy.task.InputSelectionTask;
import org.netropy.task.StimulusSet;
import org.netropy.task.TargetNormalisation;
import org.netropy.task.Task;
import org.netropy.task.TaskMatrix;

/**
 * Step-time benchmark of the ensemble engine: per-network full-batch step time at the Flesch size
 * (50 samples, 27 inputs, 100 hidden) and at a large size (1000 samples, 50 inputs, 1000 hidden),
 * alone and in ensembles, next to the time of the step's two matrix products alone (the
 * matrix-multiply floor) and, optionally, to peers written in NumPy and PyTorch
 * ({@code benchmarks/}) measured in the same run: ratios hold across machines, absolute times do
 * not.
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
     * disturbed by other processes), after a warm-up of at least a second, and until the JIT has
     * compiled nothing for half a second (at most 30 s), so that the JIT has
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
        // until the JIT is done: its compiler threads, still busy after a second on a loaded core,
        // shared the core with the timed steps and doubled a lone network's wall time
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long warmStart = System.nanoTime();
        long quietSince = warmStart;
        long compiled = jit.getTotalCompilationTime();
        do {
            EnsembleEngine.train(warmSpecs, inits, null);
            long now = System.nanoTime();
            if (jit.getTotalCompilationTime() != compiled) {
                compiled = jit.getTotalCompilationTime();
                quietSince = now;
            }
            if (now - warmStart > 1_000_000_000L && now - quietSince > 500_000_000L || now - warmStart > 30_000_000_000L) {
                break;
            }
        } while (true);
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

    /**
     * The step's two products alone, {@code H = X W} and {@code ∂W = Xᵀ ∂H} for all members as one
     * unpadded product each, as direct BLAS calls with preallocated outputs: {wall, CPU} µs.
     */
    static double[] matmulFloor(Task task, int width, int steps, Precision precision) {
        int p = task.data().size();
        int din = task.features() + task.contexts();
        Random rnd = new Random(0);
        NativeMatrix x = NativeMatrix.of(precision, rnd.doubles((long) p * din).toArray(), p, din);
        NativeMatrix w = NativeMatrix.of(precision, rnd.doubles((long) din * width).toArray(), din, width);
        NativeMatrix h = NativeMatrix.zeros(precision, p, width);
        NativeMatrix dw = NativeMatrix.zeros(precision, din, width);
        for (int i = 0; i < 20; i++) {
            h.product(x, false, w);
            dw.product(x, true, h);
        }
        long c0 = THREADS.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        for (int i = 0; i < steps; i++) {
            h.product(x, false, w);
            dw.product(x, true, h);
        }
        return new double[] {(System.nanoTime() - t0) / 1e3 / steps, (THREADS.getCurrentThreadCpuTime() - c0) / 1e3 / steps};
    }

    /** A peer's best time per network-step (wall and CPU, µs), what it ran on, and its ensemble size. */
    public record PeerTiming(String engine, int networks, double perNetworkMicros, double perNetworkCpuMicros, String version,
                             String blas) {}

    /** A peer measurement, or why there is none. */
    public record Peer(PeerTiming timing, String skipped) {}

    /**
     * The environment variables removed for the peers: a value chosen for this JVM's OpenBLAS
     * (e.g. a core type forced because an older OpenBLAS does not know the CPU) must not pin the
     * peers' newer OpenBLAS to weaker kernels.
     */
    public static final List<String> PEER_ENV_REMOVED = List.of("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE");

    /**
     * Runs a peer script ({@code numpy_peer.py} or {@code torch_peer.py} in {@code scripts}) with
     * {@code python} and the bench's size, steps, repeats and precision; the JSON line it prints
     * is its timing. A missing interpreter, module or script is reported as skipped, never thrown.
     */
    public static Peer peer(String python, Path scripts, String script, String size, int networks, int steps, int repeats,
                            Precision precision) {
        Path file = scripts.resolve(script);
        if (!Files.isRegularFile(file)) {
            return new Peer(null, "no " + file);
        }
        List<String> cmd = new ArrayList<>(List.of(python, file.toString(), "--size", size, "--steps", Integer.toString(steps),
                "--repeats", Integer.toString(repeats), "--precision", precision.label()));
        if (script.startsWith("torch")) {
            cmd.addAll(List.of("--networks", Integer.toString(networks)));
        }
        Process proc = null;
        Path log = null;
        try {
            log = Files.createTempFile("netropy-peer", ".txt");
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            PEER_ENV_REMOVED.forEach(pb.environment()::remove);
            try {
                proc = pb.start();
            } catch (IOException e) {
                return new Peer(null, python + " not found (" + e.getMessage() + ")");
            }
            boolean done = proc.waitFor(30, TimeUnit.MINUTES);
            List<String> out = Files.readAllLines(log, StandardCharsets.UTF_8);
            if (!done || proc.exitValue() != 0) {
                String last = out.isEmpty() ? "no output" : out.get(out.size() - 1).strip();
                return new Peer(null, python + " " + script + (done ? " failed: " + last : " timed out"));
            }
            String line = out.stream().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElse("");
            return new Peer(parsePeer(line), null);
        } catch (IOException | IllegalArgumentException e) {
            return new Peer(null, python + " " + script + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Peer(null, "interrupted");
        } finally {
            if (proc != null) {
                proc.destroy();
            }
            if (log != null) {
                try {
                    Files.deleteIfExists(log);
                } catch (IOException ignored) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }

    /** The JSON line a peer script prints. */
    static PeerTiming parsePeer(String line) throws IOException {
        JsonNode j = Json.MAPPER.readTree(line);
        if (j == null || !j.hasNonNull("per_network_step_us") || !j.hasNonNull("per_network_step_cpu_us")) {
            throw new IllegalArgumentException("no timing in its output: " + line);
        }
        return new PeerTiming(j.path("engine").asText("?"), j.path("networks").asInt(1), j.get("per_network_step_us").asDouble(),
                j.get("per_network_step_cpu_us").asDouble(), j.path("version").asText("?"), j.path("blas").asText("?"));
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
