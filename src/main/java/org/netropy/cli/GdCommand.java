package org.netropy.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.netropy.connectivity.NeuronTable;
import org.netropy.connectivity.NeuronTableCsv;
import org.netropy.gd.Activation;
import org.netropy.gd.GdBenchmark;
import org.netropy.gd.GdOutput;
import org.netropy.gd.GdResult;
import org.netropy.gd.GdRunSpec;
import org.netropy.gd.GdTrainer;
import org.netropy.gd.InitSpec;
import org.netropy.gd.LearningRateScaling;
import org.netropy.gd.LossScale;
import org.netropy.gd.LowRankSpec;
import org.netropy.gd.Precision;
import org.netropy.gd.Readout;
import org.netropy.gd.TrainingAlgorithm;
import org.netropy.io.InvalidInputException;
import org.netropy.io.OutputPaths;
import org.netropy.io.Progress;
import org.netropy.linalg.EffectiveRank;
import org.netropy.random.RandomStreams;
import org.netropy.task.FleschTreesTask;
import org.netropy.task.Task;
import org.netropy.task.TaskOptions;
import org.netropy.task.TaskRegistry;
import org.netropy.task.TargetNormalisation;
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

    @Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false, modelTransformer = AlgorithmOptions.class,
            description = {"Train networks (one per seed and init scale, as one ensemble) and write "
                    + "neurons_init.csv, neurons.csv, loss.csv and metrics.json to --out.",
                    "Defaults follow THEORY §4 (mean field) for input-selection and Flesch et al. 2022 for flesch."})
    static final class Train implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--task", description = "input-selection | flesch (default input-selection)")
        String task = "input-selection";
        @Option(names = "--contexts", description = "C contexts (input-selection; default 2)")
        int contexts = 2;
        @Option(names = "--task-matrix", description = "task matrix A as rows \"1,0;0,1\" (default identity)")
        String taskMatrix;
        @Option(names = "--normalisation", description = "target normalisation: none | sqrt-contexts (default none)")
        String normalisation = "none";
        @Option(names = "--stimuli", description = "grid | gaussian | gaussian-pairs (antithetic u, -u) (default grid)")
        String stimuli = "grid";
        @Option(names = "--grid-points", description = "points per feature on the grid (default 5)")
        int gridPoints = 5;
        @Option(names = "--amplitude", description = "stimulus amplitude (default 1)")
        double amplitude = 1;
        @Option(names = "--stimulus-count", description = "number of Gaussian stimuli (default 100)")
        int stimulusCount = 100;

        @Option(names = "--hidden", description = "N hidden neurons (default 100)")
        int hidden = 100;
        @Option(names = "--activation", description = "relu | tanh | softplus (default relu)")
        String activation = "relu";
        @Option(names = "--readout", description = "mean-field (1/N) | standard (1/sqrt N) | unit (default: mean-field; flesch: unit)")
        String readout;
        @Option(names = "--alpha", description = "Chizat output scale alpha (default 1)")
        double alpha = 1;
        @Option(names = "--centre", description = "subtract the initial output (Chizat centring)")
        boolean centre;
        @Option(names = "--symmetric", description = "mirror-pair initialisation (zero initial output; N even)")
        boolean symmetric;
        @Option(names = "--hidden-bias", negatable = true, description = "train hidden biases (default: off; flesch: on)")
        Boolean hiddenBias;
        @Option(names = "--output-bias", negatable = true, description = "train an output bias (default: off; flesch: on)")
        Boolean outputBias;

        @Option(names = "--init-scale", description = "stimulus-weight std sigma_w: a value, list or range (0.01..3 with --points) (default 1; flesch 1)")
        String initScale = "1";
        @Option(names = "--points", description = "number of scales in a range given to --init-scale (default 8)")
        int points = 8;
        @Option(names = "--context-scale", description = "context-weight std (default: = init scale; flesch: 1)")
        Double contextScale;
        @Option(names = "--readout-scale", description = "readout std in the readout's own convention (default: = init scale; flesch: 0.01)")
        Double readoutScale;
        @Option(names = "--bias-init", description = "initial hidden and output bias (default 0; flesch 0.1)")
        Double biasInit;
        @Option(names = "--bias-scale", description = "std of the initial hidden bias around --bias-init (default 0)")
        double biasScale = 0;

        @Option(names = "--rank", description = "rank-R truncation of the Gaussian stimulus weights, Frobenius norm kept")
        Integer rank;
        @Option(names = "--spectral-rank", description = "rank-R truncation without rescaling (spectral norm kept)")
        Integer spectralRank;
        @Option(names = "--effective-rank", description = "power-law spectrum with this effective rank (Frobenius norm kept)")
        Double effectiveRank;
        @Option(names = "--rank-measure", description = "erank | participation-ratio | stable-rank | nuclear-rank (default erank)")
        String rankMeasure = "erank";
        @Option(names = "--aligned", description = "rank-R stimulus weights in the task's input-target directions")
        Integer aligned;
        @Option(names = "--anti-aligned", description = "rank-R stimulus weights orthogonal to the task directions")
        Integer antiAligned;
        @Option(names = "--init-from", description = "initial weights from a neuron table CSV (mean-field z; a member column gives one network per member)")
        Path initFrom;

        @Option(names = "--lr", description = "base learning rate eta (default 0.05; flesch 5e-3)")
        Double lr;
        @Option(names = "--lr-scaling", description = "mean-field (eta N / max(1, sigma_w^2)) | plain (default: mean-field; flesch: plain)")
        String lrScaling;
        @Option(names = "--loss", description = "mean | sum squared error (default: mean; flesch: sum)")
        String loss;
        @Option(names = "--steps", description = "number of updates: full-batch steps, or minibatches with --batch-size (default 2000, as in specs)")
        int steps = GdRunSpec.DEFAULT_STEPS;
        @Option(names = "--tolerance", description = "stop a network when its loss is below this (default 0: never)")
        double tolerance = 0;
        @Option(names = "--precision", description = "float | double (default double; float runs at about the speed of double, see docs/GRADIENT_DESCENT.md)")
        String precision = "double";
        @Option(names = "--snapshots", description = "steps at which to also write neurons_step<T>.csv, e.g. 0,100,1000")
        String snapshots;

        @Option(names = "--seeds", description = "root seeds: a value, list or range like 1..8 (default 1)")
        String seeds = "1";
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

        @Override
        public Integer call() {
            OutputPaths.checkFolder("--out", out, replace, "--replace");
            boolean flesch = FleschTreesTask.NAME.equals(task);
            TaskOptions topts = new TaskOptions(contexts, taskMatrix, TargetNormalisation.parse("--normalisation", normalisation),
                    stimuli, gridPoints, amplitude, stimulusCount);
            CommandLine.ParseResult given = spec.commandLine().getParseResult();
            InvalidInputException.require(!flesch || !given.hasMatchedOption("--contexts") || contexts == 2, "--contexts",
                    "2 for --task flesch (the trees task has two contexts)", contexts);
            InvalidInputException.inRange("--contexts", contexts, 1, 64);
            InvalidInputException.require(gridPoints >= 2, "--grid-points",
                    "an integer >= 2 (one point per feature is a single stimulus, not a task)", gridPoints);
            InvalidInputException.require(!given.hasMatchedOption("--points") || initScale.contains(".."), "--points",
                    "given only with a range of --init-scale like 0.01..3 (a list sets its values itself)", initScale);
            int[] seedList = Ranges.integers("--seeds", seeds, 0, Integer.MAX_VALUE);
            double[] scales = Ranges.numbers("--init-scale", initScale, points, true, false);
            InvalidInputException.require((long) seedList.length * scales.length <= MAX_NETWORKS, "--seeds x --init-scale",
                    "at most " + MAX_NETWORKS + " networks", (long) seedList.length * scales.length);
            for (double s : scales) {
                InvalidInputException.nonNegative("--init-scale", s);
            }
            InvalidInputException.inRange("--ensemble-size", ensembleSize, 1, 4096);
            InvalidInputException.require(lossEvery == null || lossEvery >= 1, "--loss-every", "an integer >= 1", lossEvery);
            Task t = TaskRegistry.create(task, topts, new RandomStreams(seedList[0]));
            // the defaults of the task's paper, declared once with the task
            org.netropy.task.TrainingRecipe recipe = TaskRegistry.recipe(task);
            LowRankSpec lowRank = lowRank();
            EffectiveRank measure = EffectiveRank.parse("--rank-measure", rankMeasure);
            int[] snaps = snapshots == null ? new int[0] : Ranges.integers("--snapshots", snapshots, 0, steps);
            NeuronTable from = initFrom == null ? null : NeuronTableCsv.read(initFrom);
            TrainingAlgorithm.Parsed algorithm = AlgorithmOptions.parse(spec);

            List<GdRunSpec> specs = new ArrayList<>();
            List<RandomStreams> streams = new ArrayList<>();
            int fromIndex = 0;
            for (double scale : scales) {
                for (int seed : seedList) {
                    InitSpec init = new InitSpec(scale,
                            contextScale != null ? contextScale : recipe.contextScale(scale),
                            biasInit != null ? biasInit : recipe.biasInit(), biasScale,
                            readoutScale != null ? readoutScale : recipe.readoutScale(scale),
                            biasInit != null ? biasInit : recipe.biasInit(), symmetric, lowRank, measure);
                    NeuronTable memberTable = null;
                    if (from != null) {
                        int[] members = from.memberIndices();
                        memberTable = from.hasMembers() ? from.member(members[fromIndex % members.length]) : from;
                        fromIndex++;
                    }
                    specs.add(GdRunSpec.builder(t).hidden(hidden).activation(Activation.parse("--activation", activation))
                            .hiddenBias(hiddenBias != null ? hiddenBias : recipe.hiddenBias())
                            .outputBias(outputBias != null ? outputBias : recipe.outputBias())
                            .readout(Readout.parse("--readout", readout != null ? readout : recipe.readout()))
                            .alpha(alpha).centred(centre).init(init)
                            .learningRate(lr != null ? lr : recipe.learningRate())
                            .lrScaling(LearningRateScaling.parse("--lr-scaling", lrScaling != null ? lrScaling : recipe.lrScaling()))
                            .optimizer(algorithm.optimizer()).momentum(algorithm.momentum())
                            .loss(LossScale.parse("--loss", loss != null ? loss : recipe.loss())).steps(steps).tolerance(tolerance)
                            .precision(Precision.parse("--precision", precision)).snapshotSteps(snaps).initFrom(memberTable)
                            .algorithm(algorithm.algorithm()).build());
                    streams.add(new RandomStreams(seed));
                }
            }
            int chunks = (specs.size() + ensembleSize - 1) / ensembleSize;
            InvalidInputException.inRange("--threads", threads, 1, 256);
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
                    results.size(), t.name(), hidden, steps, meanLoss, diverged, out);
            pw.flush();
            return 0;
        }

        private LowRankSpec lowRank() {
            int given = (rank != null ? 1 : 0) + (spectralRank != null ? 1 : 0) + (effectiveRank != null ? 1 : 0)
                    + (aligned != null ? 1 : 0) + (antiAligned != null ? 1 : 0);
            InvalidInputException.require(given <= 1, "--rank/--spectral-rank/--effective-rank/--aligned/--anti-aligned",
                    "at most one of them", given + " given");
            if (rank != null) {
                return new LowRankSpec(LowRankSpec.Mode.RANK, rank);
            }
            if (spectralRank != null) {
                InvalidInputException.require(spectralRank >= 1, "--spectral-rank", "an integer >= 1", spectralRank);
                return new LowRankSpec(LowRankSpec.Mode.SPECTRAL, spectralRank);
            }
            if (effectiveRank != null) {
                return new LowRankSpec(LowRankSpec.Mode.EFFECTIVE, effectiveRank);
            }
            if (aligned != null) {
                InvalidInputException.require(aligned >= 1, "--aligned", "an integer >= 1", aligned);
                return new LowRankSpec(LowRankSpec.Mode.ALIGNED, aligned);
            }
            if (antiAligned != null) {
                InvalidInputException.require(antiAligned >= 1, "--anti-aligned", "an integer >= 1", antiAligned);
                return new LowRankSpec(LowRankSpec.Mode.ANTI_ALIGNED, antiAligned);
            }
            return LowRankSpec.FULL;
        }
    }

    /**
     * Adds the options of {@link TrainingAlgorithm#OPTIONS} to {@code gd train}: they are declared
     * there once, for the command line and the spec kinds alike.
     */
    static final class AlgorithmOptions implements CommandLine.IModelTransformer {
        @Override
        public CommandLine.Model.CommandSpec transform(CommandLine.Model.CommandSpec command) {
            for (TrainingAlgorithm.Option o : TrainingAlgorithm.OPTIONS) {
                command.addOption(CommandLine.Model.OptionSpec.builder(o.cliName()).type(String.class)
                        .paramLabel("<" + o.key().replace("_", "-") + ">").defaultValue(o.defaultValue())
                        .description(o.help() + " (default " + o.defaultValue() + ")").build());
            }
            return command;
        }

        static TrainingAlgorithm.Parsed parse(CommandLine.Model.CommandSpec command) {
            CommandLine.ParseResult parsed = command.commandLine().getParseResult();
            return TrainingAlgorithm.parse(key -> command.findOption(TrainingAlgorithm.Naming.CLI.name(key)).getValue(),
                    key -> parsed != null && parsed.hasMatchedOption(TrainingAlgorithm.Naming.CLI.name(key)),
                    TrainingAlgorithm.Naming.CLI);
        }
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
