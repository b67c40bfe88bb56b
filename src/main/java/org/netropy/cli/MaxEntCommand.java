package org.netropy.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.netropy.connectivity.NetworkEvaluation;
import org.netropy.connectivity.NeuronTable;
import org.netropy.connectivity.NeuronTableCsv;
import org.netropy.io.InvalidInputException;
import org.netropy.io.Json;
import org.netropy.io.NotConvergedException;
import org.netropy.io.OutputPaths;
import org.netropy.io.TidyCsv;
import org.netropy.maxent.GroupNormLimit;
import org.netropy.maxent.MaxEntProblem;
import org.netropy.maxent.MaxEntSampler;
import org.netropy.maxent.MaxEntSolution;
import org.netropy.maxent.MaxEntSolver;
import org.netropy.maxent.MaxEntOptions;
import org.netropy.maxent.NormMatchedScale;
import org.netropy.maxent.PatternClass;
import org.netropy.maxent.Population;
import org.netropy.maxent.SolutionReport;
import org.netropy.options.OptionValues;
import org.netropy.random.RandomStreams;
import org.netropy.task.StimulusSet;
import org.netropy.task.TaskMatrix;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code netropy maxent ...}: the analytic maximum-entropy engine (THEORY §3). */
@Command(name = "maxent", mixinStandardHelpOptions = true,
        description = "Maximum-entropy single-neuron connectivity of a context-dependent task (Hruza & Ostojic 2026; THEORY.md section 3).",
        subcommands = {MaxEntCommand.Solve.class, MaxEntCommand.Scan.class, MaxEntCommand.Sample.class,
                MaxEntCommand.Limit.class, MaxEntCommand.NormMatch.class, MaxEntCommand.Bench.class})
public final class MaxEntCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Prints the solver's warnings to stderr, one line each. */
    static void warn(PrintWriter err, MaxEntSolution s) {
        for (String w : s.warnings()) {
            err.println("netropy: warning: " + w);
        }
    }

    /** After the output is written: a law that did not converge ends the command with exit code 3. */
    static void requireConverged(MaxEntSolution s) {
        if (!s.converged()) {
            throw new NotConvergedException(SolutionReport.accuracy(s)
                    + (s.warnings().isEmpty() ? "" : "; " + s.warnings().get(s.warnings().size() - 1)));
        }
    }

    /**
     * What every single-problem sub-command shares: the task and reference-law options and the
     * number of contexts C (task A = I_C unless --task-matrix).
     */
    abstract static class SingleProblem {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;
        @Mixin
        MaxEntCommandOptions options;
        @Option(names = "--contexts", paramLabel = "C", description = "Number of contexts C (task A = I_C unless --task-matrix).")
        Integer contexts;

        /** The engine's values with --contexts (and --sigma, or null). */
        OptionValues values(Double sigma) {
            return options.at(contexts, sigma);
        }

        TaskMatrix task() {
            return MaxEntOptions.task(values(null));
        }
    }

    @Command(name = "solve", mixinStandardHelpOptions = true, modelTransformer = MaxEntCommandOptions.Declared.class, description = "Solve one problem and print the max-ent law.")
    static final class Solve extends SingleProblem implements java.util.concurrent.Callable<Integer> {
        @Option(names = "--sigma", paramLabel = "S", required = true, description = "Weight scale sigma (sigma_w; sigma_z = ratio*sigma).")
        double sigma;
        @Option(names = "--format", paramLabel = "table|json|csv", defaultValue = "table", description = "Output format (default: ${DEFAULT-VALUE}).")
        OutputFormat format;

        @Override
        public Integer call() {
            OptionValues v = values(sigma);
            MaxEntSolution s = MaxEntSolver.solve(MaxEntOptions.law(v, false).problem(), MaxEntOptions.settings(v), null);
            PrintWriter out = spec.commandLine().getOut();
            warn(spec.commandLine().getErr(), s);
            String label = MaxEntOptions.normalisation(v).label();
            switch (format) {
                case json -> out.println(Json.write(SolutionReport.toMap(s)));
                case csv -> out.print(TidyCsv.format(s.populations().isEmpty()
                        ? SolutionReport.rowsBySize(s, label) : SolutionReport.rowsByPattern(s, label)));
                default -> printTable(out, s);
            }
            out.flush();
            requireConverged(s);
            return 0;
        }

        private static void printTable(PrintWriter out, MaxEntSolution s) {
            MaxEntProblem p = s.problem();
            out.printf("max-ent law: C=%d D=%d sigma_w=%.4g sigma_z=%.4g gains=%s solver=%s%s%n", p.contexts(), p.features(),
                    p.sigmaW(), p.sigmaZ(), p.prior().kind(), s.method(),
                    p.weights().isotropic() ? "" : " weight prior=" + p.weights().describe());
            out.printf("KL=%.6g nats (population %.6g + selectivity %.6g)  entropy=%.6g nats  mean structure=%.4f%n",
                    s.kl(), s.klPopulation(), s.klSelectivity(), s.entropy(), s.meanStructure());
            out.printf("accuracy: %s%n", SolutionReport.accuracy(s));
            if (!s.populations().isEmpty() && s.populations().size() <= 256) {
                out.printf("%-" + Math.max(7, p.contexts()) + "s %12s %12s %10s  %s%n", "pattern", "P*(g)", "prior", "structure", "E[zw|g]");
                for (Population pop : s.populations()) {
                    StringBuilder cc = new StringBuilder();
                    for (double x : pop.crossCovariance()) {
                        cc.append(String.format("%9.4f", x));
                    }
                    out.printf("%-" + Math.max(7, p.contexts()) + "s %12.6f %12.6f %10.4f  %s%n", pop.label(), pop.probability(),
                            pop.prior(), pop.structure(), cc);
                }
            } else {
                out.printf("%8s %14s %12s %12s %10s%n", "active", "patterns", "P*(class)", "prior", "structure");
                for (PatternClass c : s.classes()) {
                    out.printf("%8d %14.6g %12.6f %12.6f %10.4f%n", c.activeContexts(), c.patterns(), c.probability(), c.prior(), c.structure());
                }
            }
        }
    }

    @Command(name = "scan", mixinStandardHelpOptions = true, modelTransformer = MaxEntCommandOptions.Declared.class,
            description = "Solve over ranges of contexts and sigma; write a tidy CSV and print a summary.")
    static final class Scan implements java.util.concurrent.Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;
        @Mixin
        MaxEntCommandOptions options;
        @Option(names = "--contexts", paramLabel = "RANGE", defaultValue = "1..8", description = "Context counts, e.g. 1..8 or 2,4,8 (default: ${DEFAULT-VALUE}).")
        String contexts;
        @Option(names = "--sigma", paramLabel = "RANGE", defaultValue = "0.03..10", description = "Weight scales, e.g. 0.03..10 (log-spaced) or 0.1,1 (default: ${DEFAULT-VALUE}).")
        String sigma;
        @Option(names = "--points", paramLabel = "N", defaultValue = "50", description = "Points in a sigma range (default: ${DEFAULT-VALUE}).")
        int points;
        @Option(names = "--by", paramLabel = "size|pattern", defaultValue = "size",
                description = "One row per number of active contexts, or per gain pattern (default: ${DEFAULT-VALUE}).")
        String by;
        @Option(names = "--out", paramLabel = "FILE", description = "Tidy CSV to write (default or '-': standard output, summary to standard error).")
        Path out;

        @Override
        public Integer call() {
            boolean toStdout = out == null || out.toString().equals("-");
            if (!toStdout) {
                OutputPaths.checkFile("--out", out);
            }
            InvalidInputException.require(by.equals("size") || by.equals("pattern"), "--by", "size or pattern", by);
            InvalidInputException.inRange("--points", points, 1, 100_000);
            InvalidInputException.require(!spec.commandLine().getParseResult().hasMatchedOption("--points") || sigma.contains(".."),
                    "--points", "given only with a range of --sigma like 0.03..10 (a list sets its values itself)", sigma);
            int[] cs = Ranges.integers("--contexts", contexts, 1, org.netropy.maxent.GainPrior.MAX_CLASS_CONTEXTS);
            double[] sigmas = Ranges.numbers("--sigma", sigma, points, true, true);
            for (double s : sigmas) {
                options.at(null, s); // each scale in the engine's range, named --sigma
            }
            boolean fromMatrix = options.taskMatrixGiven();
            if (fromMatrix) {
                InvalidInputException.require(cs.length == 1, "--contexts", "a single value with --task-matrix", contexts);
            }
            // rows are formatted one context count at a time; only the CSV text is kept
            StringBuilder csvText = new StringBuilder();
            String header = null;
            List<Map<String, Object>> mixed = new ArrayList<>(); // rows whose columns differ from the first block's
            long rowCount = 0;
            List<String> summary = new ArrayList<>();
            int[] failures = {0};
            PrintWriter err = spec.commandLine().getErr();
            String label = MaxEntOptions.normalisation(options.values()).label();
            for (int c : cs) {
                OptionValues v = options.at(fromMatrix ? null : c, sigmas[0]);
                MaxEntProblem base = MaxEntOptions.law(v, false).problem();
                // rows per sigma as each law is solved; the laws themselves are not kept
                List<List<Map<String, Object>>> bySigma = new ArrayList<>();
                for (int i = 0; i < sigmas.length; i++) {
                    bySigma.add(null);
                }
                double[][] ends = new double[2][];
                int lo = argMin(sigmas);
                int hi = argMax(sigmas);
                MaxEntSolver.scan(base, sigmas, MaxEntOptions.settings(v), (s, i) -> {
                    warn(err, s);
                    if (!s.converged()) {
                        failures[0]++;
                    }
                    bySigma.set(i, by.equals("pattern") && !s.populations().isEmpty()
                            ? SolutionReport.rowsByPattern(s, label) : SolutionReport.rowsBySize(s, label));
                    if (i == lo) {
                        ends[0] = new double[] {s.kl(), s.meanStructure(), s.specialisedFraction()};
                    }
                    if (i == hi) {
                        ends[1] = new double[] {s.kl(), s.meanStructure(), s.specialisedFraction()};
                    }
                });
                List<Map<String, Object>> rowsOfC = new ArrayList<>();
                bySigma.forEach(rowsOfC::addAll);
                rowCount += rowsOfC.size();
                String block = TidyCsv.format(rowsOfC);
                int newline = block.indexOf('\n');
                String blockHeader = block.substring(0, newline);
                if (header == null) {
                    header = blockHeader;
                }
                if (mixed.isEmpty() && blockHeader.equals(header)) {
                    csvText.append(csvText.length() == 0 ? block : block.substring(newline + 1));
                } else {
                    mixed.addAll(rowsOfC); // e.g. per-pattern rows beside per-class rows: one union table below
                }
                summary.add(String.format("%4d %12.4g %12.4g %12.4f %12.4f %12.4f %12.4f", c, ends[0][0], ends[1][0],
                        ends[0][1], ends[1][1], ends[0][2], ends[1][2]));
            }
            String table = csvText.toString();
            if (!mixed.isEmpty()) {
                List<Map<String, Object>> all = parseCsv(csvText.toString());
                all.addAll(mixed);
                table = TidyCsv.format(all);
            }
            if (toStdout) {
                spec.commandLine().getOut().print(table);
                spec.commandLine().getOut().flush();
            } else {
                org.netropy.io.AtomicFiles.writeString(out, table);
            }
            PrintWriter o = toStdout ? err : spec.commandLine().getOut();
            o.printf("max-ent scan: %d context counts x %d sigma values in [%.4g, %.4g]%n", cs.length, sigmas.length, min(sigmas), max(sigmas));
            o.printf("%4s %12s %12s %12s %12s %12s %12s%n", "C", "KL(lo)", "KL(hi)", "struct(lo)", "struct(hi)", "spec(lo)", "spec(hi)");
            summary.forEach(o::println);
            o.printf("wrote %d rows to %s%s%n", rowCount, toStdout ? "standard output" : out, failures[0] > 0 ? " (" + failures[0] + " solves did not converge; see column converged)" : "");
            o.flush();
            if (failures[0] > 0) {
                throw new NotConvergedException(failures[0] + " of " + cs.length * sigmas.length
                        + " solves did not converge (rows with converged=false in " + (toStdout ? "the table" : out) + ")");
            }
            return 0;
        }

        private static double min(double[] a) {
            return a[argMin(a)];
        }

        private static double max(double[] a) {
            return a[argMax(a)];
        }

        /** Rows of CSV text (values as text), to merge blocks whose columns differ. */
        private static List<Map<String, Object>> parseCsv(String text) {
            List<Map<String, Object>> rows = new ArrayList<>();
            try (var parser = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                    .parse(new java.io.StringReader(text))) {
                for (var record : parser) {
                    rows.add(new LinkedHashMap<>(record.toMap()));
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return rows;
        }

        private static int argMin(double[] a) {
            int best = 0;
            for (int i = 1; i < a.length; i++) {
                best = a[i] < a[best] ? i : best;
            }
            return best;
        }

        private static int argMax(double[] a) {
            int best = 0;
            for (int i = 1; i < a.length; i++) {
                best = a[i] > a[best] ? i : best;
            }
            return best;
        }
    }

    @Command(name = "sample", mixinStandardHelpOptions = true, modelTransformer = MaxEntCommandOptions.Declared.class,
            description = "Draw a finite network from the max-ent law, write it as a single-neuron table, and test it on the task.")
    static final class Sample extends SingleProblem implements java.util.concurrent.Callable<Integer> {
        @Option(names = "--sigma", paramLabel = "S", required = true, description = "Weight scale sigma.")
        double sigma;
        @Option(names = "--neurons", paramLabel = "N", required = true, description = "Number of neurons (even: antithetic pairs).")
        int neurons;
        @Option(names = "--seed", paramLabel = "K", required = true, description = "Root seed (stream \"maxent-sample\").")
        long seed;
        @Option(names = "--independent", description = "Independent draws instead of antithetic (mirror) pairs.")
        boolean independent;
        @Option(names = "--stimulus-points", paramLabel = "n", defaultValue = "5", description = "Grid points per feature for the evaluation (default: ${DEFAULT-VALUE}).")
        int stimulusPoints;
        @Option(names = "--stimulus-amplitude", paramLabel = "U", defaultValue = "1", description = "Stimulus grid amplitude (default: ${DEFAULT-VALUE}).")
        double amplitude;
        @Option(names = "--out", paramLabel = "FILE.csv",
                description = "Single-neuron table to write (default or '-': standard output, summary to standard error).")
        Path out;

        @Override
        public Integer call() {
            if (out == null) {
                out = Path.of("-");
            }
            boolean toStdout = OutputPaths.isStdout(out);
            OutputPaths.checkFile("--out", out);
            InvalidInputException.require(stimulusPoints >= 2, "--stimulus-points",
                    "an integer >= 2 (a slope needs two stimulus values per feature)", stimulusPoints);
            OptionValues v = values(sigma);
            MaxEntOptions.Law law = MaxEntOptions.law(v, true);
            TaskMatrix task = law.task();
            MaxEntSolution s = MaxEntSolver.solve(law.problem(), MaxEntOptions.settings(v), null);
            warn(spec.commandLine().getErr(), s);
            requireConverged(s); // a network drawn from an unconverged law does not solve the task
            SplittableRandom random = new RandomStreams(seed).stream("maxent-sample");
            NeuronTable net = MaxEntSampler.sample(s, neurons, !independent, law.contextScale(), random);
            NeuronTableCsv.write(out, net);
            NetworkEvaluation e = NetworkEvaluation.of(net, law.activation()::value, task,
                    StimulusSet.grid(task.features(), stimulusPoints, amplitude));
            double[][] ahat = NetworkEvaluation.linearisedTask(net);
            double err2 = 0;
            for (int j = 0; j < task.features(); j++) {
                for (int k = 0; k < task.contexts(); k++) {
                    err2 += Math.pow(ahat[j][k] - task.get(j, k), 2);
                }
            }
            PrintWriter o = toStdout ? spec.commandLine().getErr() : spec.commandLine().getOut();
            o.printf("wrote %d neurons (seed %d, %s) to %s%n", neurons, seed, independent ? "independent draws" : "antithetic pairs",
                    toStdout ? "standard output" : out);
            o.printf("|A_hat - A|^2 = %.4g (expected %.4g = %s tr Cov(T)/N)%n", err2,
                    (independent ? 1 : 2) * s.traceCovariance() / neurons, independent ? "" : "2");
            o.printf("%8s %10s %12s %12s%n", "context", "slope", "intercept", "MSE");
            for (int k = 0; k < task.contexts(); k++) {
                o.printf("%8d %10.4f %12.4g %12.4g%n", k + 1, e.slopes()[k], e.intercepts()[k], e.mse()[k]);
            }
            o.printf("law %s%n", SolutionReport.accuracy(s));
            o.flush();
            requireConverged(s);
            return 0;
        }
    }

    @Command(name = "limit", mixinStandardHelpOptions = true, modelTransformer = MaxEntCommandOptions.Declared.class,
            description = {"The sigma -> 0 limit: minimum group-norm cost S*(A) and limiting population probabilities.",
                    "Cost: an interior-point solve over all 2^C gain patterns, about 4x longer per context "
                            + "(measured 2 s at C = 8, 12 s at C = 10, 51 s at C = 11 on a busy 2-core machine); C <= "
                            + Limit.MAX_CONTEXTS + "."})
    static final class Limit extends SingleProblem implements java.util.concurrent.Callable<Integer> {
        /** The largest C whose limit is computed in about a minute (see the description). */
        static final int MAX_CONTEXTS = 10;

        @Option(names = "--format", paramLabel = "table|json|csv", defaultValue = "table", description = "Output format (default: ${DEFAULT-VALUE}).")
        OutputFormat format;

        @Override
        public Integer call() {
            if (contexts != null) {
                InvalidInputException.require(contexts >= 1 && contexts <= MAX_CONTEXTS, "--contexts",
                        "an integer in [1, " + MAX_CONTEXTS + "] for maxent limit (its cost grows about 4x per context: "
                                + "12 s at C = 10, 51 s at C = 11 on a busy 2-core machine)", contexts);
            }
            TaskMatrix task = task();
            InvalidInputException.require(task.contexts() <= MAX_CONTEXTS, "--task-matrix",
                    "at most " + MAX_CONTEXTS + " contexts for maxent limit (its cost grows about 4x per context)", task.contexts());
            options.refuseWeightPrior("limit", "the sigma -> 0 limit is computed for the isotropic reference law");
            options.refuseUnread("limit", "the sigma -> 0 limit is an interior-point solve of its own, at sigma_z = sigma_w",
                    "sigma_ratio", "solver", "tolerance");
            GroupNormLimit.Solution s = GroupNormLimit.solve(task, MaxEntOptions.prior(values(null), task.contexts(), false));
            PrintWriter o = spec.commandLine().getOut();
            if (format == OutputFormat.json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("contexts", task.contexts());
                m.put("features", task.features());
                m.put("cost", s.cost());
                m.put("primalCost", s.primalCost());
                m.put("gapBound", s.gapBound());
                m.put("dualityGap", s.dualityGap());
                m.put("primalResidual", s.primalResidual());
                m.put("converged", s.primalResidual() <= GroupNormLimit.PRIMAL_TOLERANCE && s.dualityGap() >= 0);
                m.put("certificate", s.certificate());
                m.put("patterns", s.patterns());
                o.println(Json.write(m));
            } else if (format == OutputFormat.csv) {
                // one tidy row per gain pattern, the problem's totals repeated on each
                List<Map<String, Object>> rows = new ArrayList<>();
                for (GroupNormLimit.PatternWeight p : s.patterns()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("contexts", task.contexts());
                    row.put("features", task.features());
                    row.put("pattern", Population.name(p.label()));
                    row.put("norm", p.norm());
                    row.put("limit_probability", p.limitProbability());
                    row.put("cost", s.cost());
                    row.put("primal_cost", s.primalCost());
                    row.put("duality_gap", s.dualityGap());
                    row.put("primal_residual", s.primalResidual());
                    rows.add(row);
                }
                o.print(TidyCsv.format(rows));
            } else {
                o.printf("S*(A) in [%.10g, %.10g] (dual certificate, feasible primal; duality gap %.2e, primal residual %.1e)%n",
                        s.cost(), s.primalCost(), s.dualityGap(), s.primalResidual());
                o.printf("sqrt(kappa) E[|w|^2/s + z^2/t] -> 2 S* = %.10g%n", 2 * s.cost());
                o.printf("%-10s %12s %14s%n", "pattern", "|x_g|", "lim P(g)");
                for (GroupNormLimit.PatternWeight p : s.patterns()) {
                    o.printf("%-10s %12.6f %14.6f%n", p.label(), p.norm(), p.limitProbability());
                }
            }
            o.flush();
            if (!(s.primalResidual() <= GroupNormLimit.PRIMAL_TOLERANCE) || s.dualityGap() < 0) {
                throw new NotConvergedException(String.format("sigma -> 0 limit: primal residual %.2g (tolerance %.0e),"
                        + " duality gap %.2g", s.primalResidual(), GroupNormLimit.PRIMAL_TOLERANCE, s.dualityGap()));
            }
            return 0;
        }
    }

    @Command(name = "norm-match", mixinStandardHelpOptions = true, modelTransformer = MaxEntCommandOptions.Declared.class,
            description = "Weight scale as a constraint: the max-ent law with E[|w|^2 + z^2] = R^2 (sigma_w = sigma_z = tau).")
    static final class NormMatch extends SingleProblem implements java.util.concurrent.Callable<Integer> {
        @Option(names = "--squared-norm", paramLabel = "R2", required = true, description = "Target E[|w|^2 + z^2] per neuron.")
        double squaredNorm;
        @Option(names = "--format", paramLabel = "table|json|csv", defaultValue = "table", description = "Output format (default: ${DEFAULT-VALUE}).")
        OutputFormat format;

        @Override
        public Integer call() {
            options.refuseUnread("norm-match", "it matches one scale, sigma_w = sigma_z = tau", "sigma_ratio");
            OptionValues v = values(null);
            TaskMatrix task = MaxEntOptions.task(v);
            NormMatchedScale.Result r = NormMatchedScale.solve(task, MaxEntOptions.prior(v, task.contexts(), false),
                    MaxEntOptions.weightPrior(v, task), squaredNorm, MaxEntOptions.settings(v));
            String label = MaxEntOptions.normalisation(v).label();
            PrintWriter o = spec.commandLine().getOut();
            if (format == OutputFormat.json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("tau", r.tau());
                m.put("squaredNorm", squaredNorm);
                m.put("solution", SolutionReport.toMap(r.solution()));
                o.println(Json.write(m));
            } else if (format == OutputFormat.csv) {
                // the law at the matched scale, as `maxent solve --format csv` writes it, with tau and the target first
                MaxEntSolution law = r.solution();
                List<Map<String, Object>> rows = new ArrayList<>();
                for (Map<String, Object> row : law.populations().isEmpty()
                        ? SolutionReport.rowsBySize(law, label) : SolutionReport.rowsByPattern(law, label)) {
                    Map<String, Object> withScale = new LinkedHashMap<>();
                    withScale.put("tau", r.tau());
                    withScale.put("target_squared_norm", squaredNorm);
                    withScale.putAll(row);
                    rows.add(withScale);
                }
                o.print(TidyCsv.format(rows));
            } else {
                o.printf("tau = %.10g  (E[|w|^2+z^2] = %.10g)  KL = %.6g  mean structure = %.4f%n", r.tau(),
                        NormMatchedScale.meanSquaredNorm(r.solution()), r.solution().kl(), r.solution().meanStructure());
                o.printf("accuracy: %s%n", SolutionReport.accuracy(r.solution()));
            }
            o.flush();
            warn(spec.commandLine().getErr(), r.solution());
            requireConverged(r.solution());
            return 0;
        }
    }

    @Command(name = "bench", mixinStandardHelpOptions = true,
            description = {"Time the solvers: median wall and thread-CPU time of repeated solves after warm-up (one thread).",
                    "CPU time is what a solve costs on an idle core; wall time also counts waiting on a busy machine."})
    static final class Bench implements java.util.concurrent.Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;
        @Option(names = "--repeats", paramLabel = "R", defaultValue = "30", description = "Timed solves per case (default: ${DEFAULT-VALUE}).")
        int repeats;

        @Override
        public Integer call() {
            InvalidInputException.inRange("--repeats", repeats, 1, 100_000);
            PrintWriter o = spec.commandLine().getOut();
            o.printf("%-34s %10s %14s %14s%n", "case", "sigma", "wall ms", "cpu ms");
            org.netropy.maxent.SolverSettings full = org.netropy.maxent.SolverSettings.DEFAULT
                    .withMethod(org.netropy.maxent.SolverSettings.Method.FULL);
            for (int c : new int[] {2, 4, 6, 8}) {
                for (double sigma : new double[] {0.03, 0.3, 3, 10}) {
                    MaxEntProblem p = MaxEntProblem.of(TaskMatrix.identity(c, org.netropy.task.TargetNormalisation.NONE), sigma,
                            org.netropy.maxent.GainPrior.uniformBinary(c));
                    double[] t = median(() -> MaxEntSolver.solve(p, full, null));
                    o.printf("%-34s %10.3g %14.3f %14.3f%n", "full enumeration C=" + c, sigma, t[0], t[1]);
                }
            }
            for (int c : new int[] {8, 32, 64}) {
                for (double sigma : new double[] {0.03, 1, 10}) {
                    MaxEntProblem p = MaxEntProblem.of(TaskMatrix.identity(c, org.netropy.task.TargetNormalisation.NONE), sigma,
                            org.netropy.maxent.GainPrior.uniformBinary(c));
                    double[] t = median(() -> MaxEntSolver.solve(p));
                    o.printf("%-34s %10.3g %14.3f %14.3f%n", "reduced C=" + c, sigma, t[0], t[1]);
                }
            }
            o.flush();
            return 0;
        }

        /** {median wall ms, median thread-CPU ms}. */
        private double[] median(Runnable r) {
            for (int i = 0; i < 10; i++) {
                r.run();
            }
            java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
            double[] wall = new double[repeats];
            double[] cpu = new double[repeats];
            for (int i = 0; i < repeats; i++) {
                long c0 = mx.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                r.run();
                wall[i] = (System.nanoTime() - t0) / 1e6;
                cpu[i] = (mx.getCurrentThreadCpuTime() - c0) / 1e6;
            }
            java.util.Arrays.sort(wall);
            java.util.Arrays.sort(cpu);
            return new double[] {wall[repeats / 2], cpu[repeats / 2]};
        }
    }
}
