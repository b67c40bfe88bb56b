package org.netropy.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.netropy.connectivity.NeuronTable;
import org.netropy.connectivity.NeuronTableCsv;
import org.netropy.gd.GdBenchmark;
import org.netropy.gd.GdOptions;
import org.netropy.gd.GdOutput;
import org.netropy.gd.GdResult;
import org.netropy.gd.GdRunSpec;
import org.netropy.gd.GdTrainer;
import org.netropy.gd.Precision;
import org.netropy.io.InvalidInputException;
import org.netropy.io.OutputPaths;
import org.netropy.io.Progress;
import org.netropy.options.OptionValues;
import org.netropy.options.ParameterSchema;
import org.netropy.random.RandomStreams;
import org.netropy.task.Task;
import org.netropy.task.TaskRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code netropy gd}: train two-layer networks by gradient descent (THEORY §4). */
@Command(name = "gd", mixinStandardHelpOptions = true,
        description = "Train two-layer networks by gradient descent (ND4J/DL4J): rich and lazy regimes, low-rank initial weights.",
        subcommands = {GdCommand.Train.class, GdCommand.Tasks.class, GdCommand.Bench.class, GdCommand.BenchBackends.class})
public final class GdCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "tasks", mixinStandardHelpOptions = true, description = "List the registered tasks.")
    static final class Tasks implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            for (TaskRegistry.Entry e : TaskRegistry.entries()) {
                out.printf("%-16s %s%n%-16s %s%n", e.name(), e.description(), "", e.paper());
            }
            out.flush();
        }
    }

    @Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false, modelTransformer = TrainOptions.class,
            description = {"Train networks (one per seed and init scale, as one ensemble) and write "
                    + "neurons_init.csv, neurons.csv, loss.csv and metrics.json to --out.",
                    "The training options after the run controls are those of the gd spec kinds (key --a-b is spec key a_b, "
                            + "declared once in gd.GdOptions); defaults follow THEORY §4 (mean field) for input-selection and "
                            + "Flesch et al. 2022 for flesch."})
    static final class Train implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--seeds", description = "root seeds: a value, list or range like 1..8 (default 1)")
        String seeds = "1";
        @Option(names = "--init-scale", description = "stimulus-weight std sigma_0: a value, list or range (0.01..3 with --points) (default 1)")
        String initScale = "1";
        @Option(names = "--points", description = "number of scales in a range given to --init-scale (default 8)")
        int points = 8;
        @Option(names = "--ensemble-size", description = "networks trained together in one ND4J graph (default 32)")
        int ensembleSize = 32;
        @Option(names = "--threads", description = "ensembles trained in parallel, one per core (default 1)")
        int threads = 1;
        @Option(names = "--out", required = true, description = "output directory (new or empty; see --replace)")
        Path out;
        /** The most networks one call trains (checked before anything is built). */
        static final int MAX_NETWORKS = 100_000;

        @Option(names = "--replace", description = "replace an --out folder that holds an earlier result (it is emptied first)")
        boolean replace;
        @Option(names = "--no-progress", description = "no progress bar")
        boolean noProgress;
        @Option(names = "--loss-every", description = "write every K-th step to loss.csv, plus the exact final loss "
                + "(default: steps/1000, about 1000 points per network; 1 keeps every step)")
        Integer lossEvery;
        @Option(names = "--snapshots", description = "steps at which to also write neurons_step<T>.csv, e.g. 0,100,1000")
        String snapshots;
        @Option(names = "--init-from", description = "initial weights from a neuron table CSV (mean-field z; a member column gives one network per member)")
        Path initFrom;

        /**
         * Settings that shape only drawn initial weights, refused with --init-from (whose table gives
         * w, v, b and z); the init scale stays read (the mean-field learning-rate scaling uses it), and
         * so do the mirror pairs' parity rule and the output-bias start.
         */
        static final List<String> DRAWN_ONLY = List.of("context_scale", "context_ratio", "readout_scale", "readout_ratio",
                "bias_scale", "bias_ratio", "init_rank", "rank", "rank_measure");

        /** The training runs of the command line, one per init scale and seed, all on one task (one ensemble graph needs one task). */
        List<GdRunSpec> runSpecs(int[] seedList) {
            CommandLine.ParseResult given = spec.commandLine().getParseResult();
            InvalidInputException.require(given == null || !given.hasMatchedOption("--points") || initScale.contains(".."), "--points",
                    "given only with a range of --init-scale like 0.01..3 (a list sets its values itself)", initScale);
            double[] scales = Ranges.numbers("--init-scale", initScale, points, true, false);
            InvalidInputException.require((long) seedList.length * scales.length <= MAX_NETWORKS, "--seeds x --init-scale",
                    "at most " + MAX_NETWORKS + " networks", (long) seedList.length * scales.length);
            OptionValues values = DeclaredOptions.read(spec, TrainOptions.SCHEMA);
            int[] snaps = snapshots == null ? new int[0] : Ranges.integers("--snapshots", snapshots, 0, values.intValue("steps"));
            if (initFrom != null) {
                for (String key : DRAWN_ONLY) {
                    values.refuseUnlessUsed(key, false, "without --init-from (the table gives the initial weights)");
                }
            }
            NeuronTable from = initFrom == null ? null : NeuronTableCsv.read(initFrom);
            List<GdRunSpec> specs = new ArrayList<>();
            Task task = null;
            int fromIndex = 0;
            for (double scale : scales) {
                InvalidInputException.nonNegative("--init-scale", scale);
                GdRunSpec base = GdOptions.runSpec(values.with(Map.of("init_scale", scale)), new RandomStreams(seedList[0]));
                task = task == null ? base.task() : task;
                for (int ignored : seedList) {
                    NeuronTable member = null;
                    if (from != null) {
                        int[] members = from.memberIndices();
                        member = from.hasMembers() ? from.member(members[fromIndex % members.length]) : from;
                        fromIndex++;
                    }
                    specs.add(base.toBuilder().task(task).snapshotSteps(snaps).initFrom(member).build());
                }
            }
            return specs;
        }

        @Override
        public Integer call() {
            OutputPaths.checkFolder("--out", out, replace, "--replace");
            int[] seedList = Ranges.integers("--seeds", seeds, 0, Integer.MAX_VALUE);
            InvalidInputException.inRange("--ensemble-size", ensembleSize, 1, 4096);
            InvalidInputException.require(lossEvery == null || lossEvery >= 1, "--loss-every", "an integer >= 1", lossEvery);
            InvalidInputException.inRange("--threads", threads, 1, 256);
            List<GdRunSpec> specs = runSpecs(seedList);
            List<RandomStreams> streams = new ArrayList<>();
            for (int k = 0; k < specs.size(); k++) {
                streams.add(new RandomStreams(seedList[k % seedList.length]));
            }
            int steps = specs.get(0).steps();
            int chunks = (specs.size() + ensembleSize - 1) / ensembleSize;
            List<List<GdResult>> parts = new ArrayList<>();
            for (int c = 0; c < chunks; c++) {
                parts.add(null);
            }
            AtomicLong done = new AtomicLong();
            try (Progress bar = noProgress ? null : new Progress("gd train", (long) chunks * (steps + 1), 0)) {
                ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, chunks));
                try {
                    List<Future<?>> futures = new ArrayList<>();
                    for (int c = 0; c < chunks; c++) {
                        int lo = c * ensembleSize;
                        int hi = Math.min(specs.size(), lo + ensembleSize);
                        int chunk = c;
                        futures.add(pool.submit(() -> parts.set(chunk, GdTrainer.trainEnsemble(specs.subList(lo, hi),
                                streams.subList(lo, hi), bar == null ? null : step -> bar.stepTo(done.incrementAndGet())))));
                    }
                    for (Future<?> f : futures) {
                        try {
                            f.get();
                        } catch (ExecutionException e) {
                            if (e.getCause() instanceof RuntimeException re) {
                                throw re;
                            }
                            throw new IllegalStateException(e.getCause());
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new IllegalStateException("interrupted", e);
                        }
                    }
                } finally {
                    pool.shutdownNow();
                }
            }
            List<GdResult> results = new ArrayList<>();
            parts.forEach(results::addAll);
            if (replace) {
                OutputPaths.clearFolder(out);
            }
            GdOutput.write(out, results, lossEvery != null ? lossEvery : GdOutput.defaultLossEvery(steps));
            Main.recordProvenance(spec.commandLine(), out, java.util.Map.of("roots", seedList));
            PrintWriter pw = spec.commandLine().getOut();
            long diverged = results.stream().filter(GdResult::diverged).count();
            double meanLoss = results.stream().filter(r -> !r.diverged()).mapToDouble(GdResult::finalLoss).average().orElse(Double.NaN);
            pw.printf("trained %d network(s) on %s (N=%d, %d steps): mean final loss %.4g, %d diverged; wrote %s%n",
                    results.size(), specs.get(0).task().name(), specs.get(0).hidden(), steps, meanLoss, diverged, out);
            pw.flush();
            return 0;
        }
    }

    /** Adds the options declared by {@link GdOptions#SCHEMA} to {@code gd train} (its run controls set --init-scale). */
    static final class TrainOptions implements CommandLine.IModelTransformer {
        static final ParameterSchema SCHEMA = GdOptions.SCHEMA.without("init_scale");

        @Override
        public CommandLine.Model.CommandSpec transform(CommandLine.Model.CommandSpec command) {
            DeclaredOptions.renamed(command, RENAMED);
            return DeclaredOptions.add(command, SCHEMA);
        }

        /** The gd train options of releases before the one declaration (GdOptions), and their replacements. */
        static final Map<String, String> RENAMED = Map.of(
                "--lr", "--learning-rate X",
                "--loss", "--loss-scale mean|sum",
                "--spectral-rank", "--init-rank spectral --rank R",
                "--effective-rank", "--init-rank effective --rank R",
                "--aligned", "--init-rank aligned --rank R",
                "--anti-aligned", "--init-rank anti-aligned --rank R",
                "--no-hidden-bias", "--hidden-bias false",
                "--no-output-bias", "--output-bias false");
    }

    @Command(name = "bench", mixinStandardHelpOptions = true,
            description = {"Measure the per-network step time alone and in ensembles, next to the step's two matrix products "
                    + "alone and (--peers) to NumPy and PyTorch peers timed in the same run. Run it on an otherwise idle core: "
                    + "OMP_NUM_THREADS=1 taskset -c 0 bin/netropy gd bench --peers"})
    static final class Bench implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--size", description = "flesch (50 samples, 27 inputs, 100 hidden) | large (1000, 50, 1000) (default flesch)")
        String size = "flesch";
        @Option(names = "--ensembles", description = "ensemble sizes to time (default 1,8,32,128)")
        String ensembles = "1,8,32,128";
        @Option(names = "--steps", description = "timed steps per measurement (default 200)")
        int steps = 200;
        @Option(names = "--precision", description = "float | double (default double)")
        String precision = "double";
        @Option(names = "--repeats", description = "timed repeats; the best is reported (default 3)")
        int repeats = 3;
        @Option(names = "--peers", description = "also time the peers of benchmarks/ in this run: NumPy (a lone network) and "
                + "PyTorch (networks batched with bmm and autograd); skipped, with a note, where Python lacks the module")
        boolean peers;
        @Option(names = "--peer-networks", description = "networks the PyTorch peer trains at once (default 32)")
        int peerNetworks = 32;
        @Option(names = "--python", description = "Python interpreter for the peers (default python3)")
        String python = "python3";
        @Option(names = "--peer-scripts", description = "folder of numpy_peer.py and torch_peer.py (default: benchmarks/ of this checkout)")
        Path peerScripts;

        @Override
        public Integer call() {
            InvalidInputException.require(size.equals("flesch") || size.equals("large"), "--size", "flesch or large", size);
            InvalidInputException.inRange("--steps", steps, 1, 1_000_000);
            InvalidInputException.inRange("--repeats", repeats, 1, 1000);
            InvalidInputException.inRange("--peer-networks", peerNetworks, 1, 4096);
            int[] ks = Ranges.integers("--ensembles", ensembles, 1, 4096);
            Precision prec = Precision.parse("--precision", precision);
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            // per network-step: wall-clock and the measuring thread's CPU time (robust against other
            // processes), for the engine and for the step's two matrix products alone (the floor); the
            // peers' rows first, so that every row can be set against the NumPy lone network
            out.println("engine,size,ensemble,precision,step_us,per_network_step_us,per_network_step_cpu_us,"
                    + "matmul_floor_us_per_network,matmul_floor_cpu_us_per_network,cpu_ratio_to_floor,"
                    + "ratio_to_numpy,cpu_ratio_to_numpy,notes");
            GdBenchmark.PeerTiming numpy = null;
            if (peers) {
                Path dir = peerScripts != null ? peerScripts
                        : Path.of(System.getProperty("netropy.home", "."), "benchmarks");
                String env = String.join(" and ", GdBenchmark.PEER_ENV_REMOVED) + " unset";
                for (String script : new String[] {"numpy_peer.py", "torch_peer.py"}) {
                    boolean torch = script.startsWith("torch");
                    GdBenchmark.Peer pr = GdBenchmark.peer(python, dir, script, size, peerNetworks,
                            torch ? Math.max(10, steps / 4) : steps, repeats, prec);
                    if (pr.timing() == null) {
                        err.println("gd bench: " + (torch ? "PyTorch" : "NumPy") + " peer skipped: " + pr.skipped());
                        err.flush();
                        continue;
                    }
                    GdBenchmark.PeerTiming t = pr.timing();
                    if (!torch) {
                        numpy = t;
                    }
                    out.println(row(t.engine(), t.networks(), t.perNetworkMicros() * t.networks(), t.perNetworkMicros(),
                            t.perNetworkCpuMicros(), Double.NaN, Double.NaN, numpy, t.version() + "; " + t.blas() + "; " + env));
                    out.flush();
                }
            }
            String coreType = System.getenv("OPENBLAS_CORETYPE");
            String note = "ND4J OpenBLAS; OPENBLAS_CORETYPE=" + (coreType == null ? "unset" : coreType);
            for (int k : ks) {
                GdBenchmark.Timing tm = GdBenchmark.time(size, k, steps, repeats, prec);
                out.println(row("netropy", k, tm.stepMicros(), tm.stepMicros() / k, tm.stepCpuMicros() / k,
                        tm.matmulFloorMicros() / k, tm.matmulFloorCpuMicros() / k, numpy, note));
                out.flush();
            }
            return 0;
        }

        /** One CSV row; NaN (no floor, no NumPy peer) is left empty. */
        private String row(String engine, int k, double step, double perNetwork, double perNetworkCpu, double floor,
                           double floorCpu, GdBenchmark.PeerTiming numpy, String notes) {
            return String.join(",", engine, size, Integer.toString(k), precision.toLowerCase(java.util.Locale.ROOT), num(step),
                    num(perNetwork), num(perNetworkCpu), num(floor), num(floorCpu), num(perNetworkCpu / floorCpu),
                    num(numpy == null ? Double.NaN : perNetwork / numpy.perNetworkMicros()),
                    num(numpy == null ? Double.NaN : perNetworkCpu / numpy.perNetworkCpuMicros()), notes.replace(',', ';'));
        }

        private static String num(double v) {
            return Double.isFinite(v) ? String.format(java.util.Locale.ROOT, "%.2f", v) : "";
        }
    }

    @Command(name = "bench-backends", mixinStandardHelpOptions = true,
            description = "Time one network's full-batch step on the DL4J backend next to the fused kernel, interleaved in one process.")
    static final class BenchBackends implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--size", description = "flesch (50 samples, 27 inputs, 100 hidden) | learning-algorithms (50, 4, 200) (default flesch)")
        String size = "flesch";
        @Option(names = "--steps", description = "timed steps per measurement (default 1000)")
        int steps = 1000;
        @Option(names = "--repeats", description = "timed repeats; the best is reported (default 3)")
        int repeats = 3;

        @Override
        public Integer call() {
            InvalidInputException.require(size.equals("flesch") || size.equals("learning-algorithms"), "--size",
                    "flesch or learning-algorithms", size);
            InvalidInputException.inRange("--steps", steps, 1, 1_000_000);
            InvalidInputException.inRange("--repeats", repeats, 1, 1000);
            PrintWriter out = spec.commandLine().getOut();
            out.println("size,backend,step_us,step_cpu_us,cpu_ratio_to_fused");
            List<org.netropy.gd.BackendBenchmark.Timing> t = org.netropy.gd.BackendBenchmark.time(size, steps, repeats);
            for (org.netropy.gd.BackendBenchmark.Timing x : t) {
                out.printf("%s,%s,%.1f,%.1f,%.2f%n", x.size(), x.backend(), x.stepMicros(), x.stepCpuMicros(),
                        x.stepCpuMicros() / t.get(0).stepCpuMicros());
            }
            out.flush();
            return 0;
        }
    }
}
