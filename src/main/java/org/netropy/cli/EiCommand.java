package org.netropy.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.netropy.ei.EiWeightRank;
import org.netropy.ei.EiParameters;
import org.netropy.ei.EiScan;
import org.netropy.ei.EiSimulation;
import org.netropy.ei.EntropyResult;
import org.netropy.ei.LambdaParametrisation;
import org.netropy.io.AtomicFiles;
import org.netropy.io.InvalidInputException;
import org.netropy.io.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code netropy ei}: entropy of binary excitatory/inhibitory networks (Agrawal et al. 2018,
 * THEORY §6; docs/EI.md). {@code entropy} computes one configuration, {@code scan} sweeps.
 */
@Command(name = "ei", mixinStandardHelpOptions = true,
        description = "Entropy of binary excitatory/inhibitory networks (Agrawal et al. 2018; see docs/EI.md).",
        subcommands = {EiCommand.Entropy.class, EiCommand.Scan.class})
public final class EiCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Options shared by both sub-commands. */
    static final class Simulation {
        @Option(names = "--simulate", split = ",", paramLabel = "MODE",
                description = "Also simulate the network neuron by neuron: annealed, quenched (comma-separated).")
        List<EiSimulation.Mode> modes = new ArrayList<>();

        @Option(names = "--steps", defaultValue = "100000", description = "Recorded simulation steps per point (default: ${DEFAULT-VALUE}).")
        long steps;

        @Option(names = "--burn-in", defaultValue = "" + EiSimulation.DEFAULT_BURN_IN, description = "Discarded simulation steps (default: ${DEFAULT-VALUE}).")
        long burnIn;

        @Option(names = "--seed", defaultValue = "1", description = "Root seed of every random stream (default: ${DEFAULT-VALUE}).")
        long seed;

        Set<EiSimulation.Mode> set() {
            return modes.isEmpty() ? EnumSet.noneOf(EiSimulation.Mode.class) : EnumSet.copyOf(modes);
        }
    }

    @Command(name = "entropy", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Stationary entropy of the number of active neurons for one configuration, from the exact annealed Markov chain.",
                    "Defaults: N=100, p=0.1, alpha=0.2, WE=0.25, WI=0.5, epsilon=0.001 (lambda = 1)."})
    static final class Entropy implements Runnable {
        @Spec
        CommandSpec spec;

        @Option(names = "--neurons", defaultValue = "100", description = "Number of neurons N (default: ${DEFAULT-VALUE}).")
        int neurons;

        @Option(names = "--p", defaultValue = "0.1", description = "Connection probability p in [0, 1]; k = pN (default: ${DEFAULT-VALUE}).")
        double p;

        @Option(names = "--alpha", defaultValue = "0.2", description = "Inhibitory fraction in [0, 1]; round(alpha N) neurons are inhibitory (default: ${DEFAULT-VALUE}).")
        double alpha;

        @Option(names = "--we", defaultValue = "0.25", description = "Excitatory synapse strength WE >= 0 (default: ${DEFAULT-VALUE}).")
        double we;

        @Option(names = "--wi", defaultValue = "0.5", description = "Inhibitory synapse strength WI >= 0; the synapse is -WI (default: ${DEFAULT-VALUE}).")
        double wi;

        @Option(names = "--epsilon", defaultValue = "0.001", description = "Spontaneous firing probability in [0, 1] (default: ${DEFAULT-VALUE}).")
        double epsilon;

        @Option(names = "--lambda", description = "Move the weights to this branching parameter along --lambda-by (default: keep --we/--wi).")
        Double lambda;

        @Option(names = "--lambda-by", defaultValue = "scale", description = "How --lambda is reached: scale (both weights, fixed ratio), we, wi (default: ${DEFAULT-VALUE}).")
        LambdaParametrisation lambdaBy;

        @Option(names = "--format", defaultValue = "table", description = "Output: table, json, csv (default: ${DEFAULT-VALUE}).")
        OutputFormat format;

        @Option(names = "--distribution", description = "Also print the stationary distribution pi(m) (json and csv only).")
        boolean distribution;

        @Option(names = "--rank", description = "Also sample the E/I weight matrix (seeded) and report its effective rank.")
        boolean rank;

        @Mixin
        Simulation simulation;

        @Override
        public void run() {
            new EiParameters(neurons, p, alpha, we, wi, epsilon); // names the option of a bad value
            if (lambda != null) {
                InvalidInputException.require(Double.isFinite(lambda), "--lambda", "a finite number", lambda);
            }
            // one configuration is a scan of one point: the same streams, burn-in and columns as `ei scan`
            EiScan one = new EiScan(neurons, p, new double[] {alpha}, new double[] {we}, new double[] {wi},
                    new double[] {epsilon}, lambda == null ? new double[0] : new double[] {lambda}, lambdaBy, false,
                    simulation.set(), simulation.steps, simulation.burnIn, simulation.seed, rank);
            EiScan.Result result = one.run(done -> { });
            EiScan.Point point = result.points().get(0);
            EntropyResult r = point.chain();
            Map<String, Object> out = EiScan.pointValues(point.parameters(), r, null, point.simulations());
            point.simulations().forEach((mode, sim) -> out.put("sim_" + mode + "_steps", sim.steps()));
            if (!simulation.modes.isEmpty() || rank) {
                out.put("seed", simulation.seed);
            }
            if (rank) {
                EiWeightRank er = result.maxEntropyRank();
                out.put("erank", er.erank());
                out.put("participation_ratio", er.participationRatio());
                out.put("stable_rank", er.stableRank());
                out.put("nuclear_over_spectral", er.nuclearOverSpectral());
            }
            PrintWriter w = spec.commandLine().getOut();
            switch (format) {
                case json -> {
                    if (distribution) {
                        out.put("stationary", r.stationary());
                    }
                    w.println(Json.write(out));
                }
                case csv -> {
                    StringWriter s = new StringWriter();
                    try (CSVPrinter printer = new CSVPrinter(s, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").build())) {
                        if (distribution) {
                            printer.printRecord("m", "pi");
                            for (int m = 0; m < r.stationary().length; m++) {
                                printer.printRecord(m, r.stationary()[m]);
                            }
                        } else {
                            printer.printRecord(out.keySet());
                            printer.printRecord(out.values());
                        }
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    w.print(s);
                }
                default -> {
                    for (Map.Entry<String, Object> e : out.entrySet()) {
                        w.printf(Locale.ROOT, "%-32s %s%n", e.getKey(), e.getValue());
                    }
                }
            }
            w.flush();
        }
    }

    @Command(name = "scan", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Sweep the annealed chain over alpha, WE, WI, epsilon and lambda; write a tidy CSV (one row per point)"
                    + " and, with a lambda grid, one row per lambda-curve with its peak and robustness.",
                    "Ranges: a value 0.2, a list 0,0.1,0.2 or a range lo..hi (alpha/we/wi: --grid-points linear values;"
                            + " epsilon and lambda: logarithmic when lo > 0).",
                    "The paper's figures are specs (experiments/ei-*.yaml, run with 'netropy run'); docs/EI.md lists them."})
    static final class Scan implements Runnable {
        @Spec
        CommandSpec spec;

        @Option(names = "--neurons", defaultValue = "100", description = "Number of neurons N (default: ${DEFAULT-VALUE}).")
        int neurons;

        @Option(names = "--p", defaultValue = "0.1", description = "Connection probability p in [0, 1] (default: ${DEFAULT-VALUE}).")
        double p;

        @Option(names = "--alpha", paramLabel = "RANGE", description = "Inhibitory fractions (default 0.2).")
        String alpha;

        @Option(names = "--we", paramLabel = "RANGE", description = "Excitatory strengths WE (default 1; with a lambda grid only the ratio WI/WE matters for --lambda-by scale).")
        String we;

        @Option(names = "--wi", paramLabel = "RANGE", description = "Inhibitory strengths WI (default 1).")
        String wi;

        @Option(names = "--epsilon", paramLabel = "RANGE", description = "Spontaneous rates (default 0.001).")
        String epsilon;

        @Option(names = "--lambda", paramLabel = "RANGE", description = "Target branching parameters; each (alpha, WE, WI, epsilon) becomes a curve (default: none, weights used as given).")
        String lambda;

        @Option(names = "--points", description = "Number of lambda values in a lo..hi range (default 41).")
        Integer points;

        @Option(names = "--grid-points", description = "Number of values in a lo..hi range of alpha, WE, WI, epsilon (default 11).")
        Integer gridPoints;

        @Option(names = "--lambda-by", defaultValue = "scale", description = "How lambda is reached: scale, we, wi (default: ${DEFAULT-VALUE}).")
        LambdaParametrisation lambdaBy;

        @Option(names = "--on-boundary", description = "Solve WE so that each base configuration has lambda = 1 (ignores --we).")
        Boolean onBoundary;

        @Option(names = "--rank", description = "Effective rank of the max-entropy and robust max-entropy weight matrices (seeded sample).")
        boolean rank;

        @Option(names = "--out", paramLabel = "FILE", description = "Points CSV (default or '-': standard output, summary to standard error).")
        Path out;

        @Option(names = "--curves", paramLabel = "FILE", description = "Curves CSV (default with --out: <out>-curves.csv).")
        Path curves;

        @Mixin
        Simulation simulation;

        @Override
        public void run() {
            if (out != null && out.toString().equals("-")) {
                out = null; // '-': standard output, as without --out
            }
            if (out != null) {
                org.netropy.io.OutputPaths.checkFile("--out", out);
            }
            if (curves != null) {
                org.netropy.io.OutputPaths.checkFile("--curves", curves);
            }
            String alphaText = alpha != null ? alpha : "0.2";
            String weText = we != null ? we : "1";
            String wiText = wi != null ? wi : "1";
            String epsText = epsilon != null ? epsilon : "0.001";
            String lambdaText = lambda != null ? lambda : "";
            int lambdaPoints = points != null ? points : 41;
            boolean boundary = onBoundary != null && onBoundary;
            Set<EiSimulation.Mode> modes = simulation.set();
            int grid = gridPoints != null ? gridPoints : 11;
            InvalidInputException.inRange("--grid-points", grid, 1, 100000);
            InvalidInputException.inRange("--points", lambdaPoints, 1, 100000);
            // validate N, p once with a clear message before building ranges
            new EiParameters(neurons, p, 0, 0, 0, 0);
            EiScan scan = new EiScan(neurons, p,
                    Ranges.numbers("--alpha", alphaText, grid, false, false),
                    Ranges.numbers("--we", weText, grid, false, false),
                    Ranges.numbers("--wi", wiText, grid, false, false),
                    Ranges.numbers("--epsilon", epsText, grid, true, false),
                    lambdaText.isBlank() ? new double[0] : Ranges.numbers("--lambda", lambdaText, lambdaPoints, true, false),
                    lambdaBy, boundary, modes, simulation.steps, simulation.burnIn, simulation.seed, rank);
            scan.plan(); // validates every point before the (possibly long) run
            PrintWriter outWriter = spec.commandLine().getOut();
            PrintWriter summary = out == null ? spec.commandLine().getErr() : outWriter;
            EiScan.Result result;
            if (System.console() != null) {
                try (ProgressBar bar = new ProgressBarBuilder().setTaskName("ei scan").setInitialMax(scan.size())
                        .setConsumer(new ConsoleProgressBarConsumer(System.err)).build()) {
                    result = scan.run(bar::stepTo);
                }
            } else {
                result = scan.run(done -> { });
            }
            String pointsCsv = scan.pointsCsv(result);
            Path curvesPath = curves;
            if (curvesPath == null && out != null && !result.curves().isEmpty()) {
                String name = out.getFileName().toString();
                String stem = name.endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
                curvesPath = out.resolveSibling(stem + "-curves.csv");
            }
            if (out == null) {
                outWriter.print(pointsCsv);
                outWriter.flush();
            } else {
                AtomicFiles.writeString(out, pointsCsv);
            }
            if (curvesPath != null) {
                AtomicFiles.writeString(curvesPath, scan.curvesCsv(result));
            }
            printSummary(summary, scan, result, curvesPath);
        }

        private void printSummary(PrintWriter w, EiScan scan, EiScan.Result r, Path curvesPath) {
            int n = r.points().size();
            w.printf(Locale.ROOT, "ei scan: %d points, %d curves, N=%d, p=%s, %.2f s (%.1f ms/point), seed %d%n", n, r.curves().size(),
                    scan.neurons(), scan.connectionProbability(), r.seconds(), 1000 * r.seconds() / n, scan.seed());
            if (out != null) {
                w.println("  points: " + out + (curvesPath != null ? "   curves: " + curvesPath : ""));
            }
            EiScan.Point best = r.maxEntropy();
            EiParameters b = best.parameters();
            w.printf(Locale.ROOT, "  max entropy:        H = %.4f bits (of %.4f) at alpha=%s WE=%.4g WI=%.4g epsilon=%s lambda=%.4g%s%n",
                    best.chain().entropyBits(), best.chain().maxEntropyBits(), b.inhibitoryFraction(), b.excitatoryWeight(),
                    b.inhibitoryWeight(), b.spontaneousRate(), b.lambda(), rankText(r.maxEntropyRank()));
            if (r.robustMaxEntropy() != null) {
                EiScan.Curve c = r.robustMaxEntropy();
                EiParameters pk = c.peak();
                w.printf(Locale.ROOT, "  robust max entropy: mean H over lambda = %.4f bits, peak %.4f at lambda=%.4g, 1-bit width %.4g%s;"
                                + " alpha=%s WE=%.4g WI=%.4g epsilon=%s (at peak)%s%n",
                        c.robustness().meanEntropyBits(), c.robustness().peakEntropyBits(), c.robustness().peakLambda(),
                        c.robustness().widthOneBit(), c.robustness().censored() ? " (censored by the grid)" : "",
                        pk.inhibitoryFraction(), pk.excitatoryWeight(), pk.inhibitoryWeight(), pk.spontaneousRate(),
                        rankText(r.robustRank()));
            }
            w.flush();
        }

        private static String rankText(EiWeightRank er) {
            return er == null ? "" : String.format(Locale.ROOT, "; erank %.2f, participation ratio %.2f, stable rank %.2f",
                    er.erank(), er.participationRatio(), er.stableRank());
        }
    }
}
