package org.netropy.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.netropy.ei.EiWeightRank;
import org.netropy.ei.EiParameters;
import org.netropy.ei.EiScan;
import org.netropy.ei.EntropyResult;
import org.netropy.ei.EiOptions;
import org.netropy.io.AtomicFiles;
import org.netropy.io.InvalidInputException;
import org.netropy.io.Json;
import org.netropy.options.Naming;
import org.netropy.options.OptionValues;
import org.netropy.options.ParameterSchema;
import org.netropy.random.RandomStreams;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code netropy ei}: entropy of binary excitatory/inhibitory networks (Agrawal et al. 2018,
 * docs/EI.md). {@code entropy} computes one configuration, {@code scan} sweeps. Both are adapters:
 * the model's parameters and rules are {@link EiOptions}' (the spec kind {@code ei-curve} reads the
 * same), the commands own only their run controls (ranges, seed, output).
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

    /** The run controls both sub-commands share (the model's parameters are {@link EiOptions}'). */
    static final class Controls {
        @Option(names = "--seed", defaultValue = "1", description = "Root seed of every random stream: simulations and --rank (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--rank", description = "Also sample the E/I weight matrix (seeded) and report its effective rank"
                + " (scan: at the max-entropy and robust max-entropy configurations).")
        boolean rank;
    }

    /** Options of releases before the one declaration (EiOptions), and their replacements. */
    static final java.util.Map<String, String> RENAMED = java.util.Map.of("--steps", "--simulation-steps N");

    /** Adds {@link EiOptions#SCHEMA} to {@code ei entropy}. */
    static final class EntropyOptions implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec command) {
            DeclaredOptions.renamed(command, RENAMED);
            return DeclaredOptions.add(command, EiOptions.SCHEMA);
        }
    }

    @Command(name = "entropy", mixinStandardHelpOptions = true, sortOptions = false, modelTransformer = EntropyOptions.class,
            description = {"Stationary entropy of the number of active neurons for one configuration, from the exact annealed Markov chain.",
                    "Defaults: N=100, p=0.1, alpha=0.2, WE=0.25, WI=0.5, epsilon=0.001 (lambda = 1)."})
    static final class Entropy implements Runnable {
        @Spec
        CommandSpec spec;

        @Option(names = "--lambda", description = "Move the weights to this branching parameter along --lambda-by (default: keep --we/--wi).")
        Double lambda;

        @Option(names = "--format", defaultValue = "table", description = "Output: table, json, csv (default: ${DEFAULT-VALUE}).")
        OutputFormat format;

        @Option(names = "--distribution", description = "Also print the stationary distribution pi(m) (json and csv only).")
        boolean distribution;

        @Mixin
        Controls controls;

        /** The declared values as typed (checked, defaults filled in). */
        OptionValues values() {
            return DeclaredOptions.read(spec, EiOptions.SCHEMA);
        }

        /** One configuration is a scan of one point: the same streams, burn-in and columns as {@code ei scan}. */
        EiScan scan(OptionValues values) {
            if (lambda != null) {
                InvalidInputException.require(Double.isFinite(lambda), "--lambda", "a finite number", lambda);
            }
            return EiOptions.scan(values, lambda == null ? new double[0] : new double[] {lambda}, "lambda", controls.seed, controls.rank);
        }

        @Override
        public void run() {
            OptionValues values = values();
            boolean rank = controls.rank;
            EiScan one = scan(values);
            EiScan.Result result = EiOptions.run(values, one, new RandomStreams(controls.seed), done -> { });
            EiScan.Point point = result.points().get(0);
            EntropyResult r = point.chain();
            Map<String, Object> out = EiScan.pointValues(point.parameters(), r, null, point.simulations());
            point.simulations().forEach((mode, sim) -> out.put("sim_" + mode + "_steps", sim.steps()));
            if (!one.simulate().isEmpty() || rank) {
                out.put("seed", controls.seed);
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

    /**
     * Adds {@link EiOptions#SCHEMA} to {@code ei scan}: each swept parameter ({@link Scan#SWEPT})
     * as a range option, the others as single values.
     */
    static final class ScanOptions implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec command) {
            DeclaredOptions.addRanges(command, EiOptions.SCHEMA, java.util.List.of(Scan.SWEPT));
            DeclaredOptions.renamed(command, RENAMED);
            return DeclaredOptions.add(command, Scan.FIXED);
        }
    }

    @Command(name = "scan", mixinStandardHelpOptions = true, sortOptions = false, modelTransformer = ScanOptions.class,
            description = {"Sweep the annealed chain over alpha, WE, WI, epsilon and lambda; write a tidy CSV (one row per point)"
                    + " and, with a lambda grid, one row per lambda-curve with its peak and robustness.",
                    "Ranges: a value 0.2, a list 0,0.1,0.2 or a range lo..hi (alpha/we/wi: --grid-points linear values;"
                            + " epsilon and lambda: logarithmic when lo > 0).",
                    "The paper's figures are specs (experiments/ei-*.yaml, run with 'netropy run'); docs/EI.md lists them."})
    static final class Scan implements Runnable {
        /** The parameters a scan sweeps (ranges of its own options); the rest are declared once in {@link EiOptions}. */
        static final String[] SWEPT = {"alpha", "we", "wi", "epsilon"};
        static final ParameterSchema FIXED = EiOptions.SCHEMA.without(SWEPT);

        @Spec
        CommandSpec spec;

        @Option(names = "--lambda", paramLabel = "RANGE", description = "Target branching parameters; each (alpha, WE, WI, epsilon) becomes a curve (default: none, weights used as given).")
        String lambda;

        @Option(names = "--points", description = "Number of lambda values in a lo..hi range (default 41).")
        Integer points;

        @Option(names = "--grid-points", description = "Number of values in a lo..hi range of alpha, WE, WI, epsilon (default 11).")
        Integer gridPoints;

        @Option(names = "--out", paramLabel = "FILE", description = "Points CSV (default or '-': standard output, summary to standard error).")
        Path out;

        @Option(names = "--curves", paramLabel = "FILE", description = "Curves CSV (default with --out: <out>-curves.csv).")
        Path curves;

        @Mixin
        Controls controls;

        /** The declared values as typed (checked, defaults filled in), less the swept ones. */
        OptionValues values() {
            return DeclaredOptions.read(spec, FIXED);
        }

        /** The scan of every combination of the ranges; every point checked before anything runs. */
        EiScan scan(OptionValues values) {
            int lambdaPoints = points != null ? points : 41;
            int grid = gridPoints != null ? gridPoints : 11;
            InvalidInputException.inRange("--grid-points", grid, 1, 100000);
            InvalidInputException.inRange("--points", lambdaPoints, 1, 100000);
            return EiOptions.scan(values, range("alpha", grid, false), range("we", grid, false), range("wi", grid, false),
                    range("epsilon", grid, true),
                    lambda == null || lambda.isBlank() ? new double[0] : Ranges.numbers("--lambda", lambda, lambdaPoints, true, false),
                    "lambda", controls.seed, controls.rank);
        }

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
            OptionValues values = values();
            EiScan scan = scan(values);
            scan.plan(); // validates every point before the (possibly long) run
            PrintWriter outWriter = spec.commandLine().getOut();
            PrintWriter summary = out == null ? spec.commandLine().getErr() : outWriter;
            EiScan.Result result;
            if (System.console() != null) {
                try (ProgressBar bar = new ProgressBarBuilder().setTaskName("ei scan").setInitialMax(scan.size())
                        .setConsumer(new ConsoleProgressBarConsumer(System.err)).build()) {
                    result = EiOptions.run(values, scan, new RandomStreams(controls.seed), bar::stepTo);
                }
            } else {
                result = EiOptions.run(values, scan, new RandomStreams(controls.seed), done -> { });
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

        /** The values of a swept parameter's option, its declared default when the option is absent. */
        private double[] range(String key, int grid, boolean logarithmic) {
            String option = Naming.CLI.name(key);
            CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
            return parsed == null || !parsed.hasMatchedOption(option)
                    ? new double[] {(Double) EiOptions.SCHEMA.get(key).defaultValue()}
                    : Ranges.numbers(option, parsed.matchedOptionValue(option, ""), grid, logarithmic, false);
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
