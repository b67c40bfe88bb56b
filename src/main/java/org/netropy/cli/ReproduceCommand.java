package org.netropy.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.netropy.experiment.ExperimentSpec;
import org.netropy.experiment.Provenance;
import org.netropy.experiment.SpecFiles;
import org.netropy.experiment.SpecLoader;
import org.netropy.experiment.SweepRunner;
import org.netropy.io.InvalidInputException;
import org.netropy.io.Json;
import org.netropy.report.ExperimentTable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code netropy reproduce --quick|--all}: every spec in experiments/: run, table, figures. */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = {"Run every spec in the experiments folder (its quick variant or the full sweep), then",
                "write its tables and figures, and decide every spec's claims into results/claims.csv and",
                "claims.md (claims.quick.* for --quick). All specs are validated before anything runs. Timing and",
                "environment go to results/reproduction.json (reproduction-quick.json for --quick).",
                "Exit code 1 if any run failed."})
public final class ReproduceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    static final class Mode {
        @Option(names = "--quick", required = true, description = "The small 'quick' variant of every spec (minutes).")
        boolean quick;

        @Option(names = "--all", required = true, description = "The full sweep of every spec.")
        boolean all;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Mode mode;

    @Option(names = "--experiments", paramLabel = "DIR", defaultValue = "experiments", description = "Spec folder (default: ${DEFAULT-VALUE}).")
    Path experiments;

    @Option(names = "--results", paramLabel = "DIR", defaultValue = "results", description = "Results folder (default: ${DEFAULT-VALUE}).")
    Path results;

    @Option(names = "--jobs", paramLabel = "J", description = "Runs in parallel (default: number of cores).")
    Integer jobs;

    @Option(names = "--no-progress", description = "No progress bar.")
    boolean noProgress;

    /**
     * One line of overall progress: specs and runs done, time elapsed and an ETA from the mean
     * time per computed run so far (runs of different kinds differ in cost, so it is a rough one).
     */
    static String overall(int specsDone, int specs, long runsDone, long runs, double elapsed, double secondsPerRun) {
        long left = runs - runsDone;
        String eta = left == 0 ? "done" : secondsPerRun > 0 ? "ETA ~" + org.netropy.io.Progress.duration(left * secondsPerRun) : "ETA unknown";
        return String.format(java.util.Locale.ROOT, "netropy reproduce: %d/%d specs, %d/%d runs (%d%%), %s elapsed, %s",
                specsDone, specs, runsDone, runs, runs == 0 ? 100 : 100 * runsDone / runs,
                org.netropy.io.Progress.duration(elapsed), eta);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String variant = mode.quick ? "quick" : ExperimentSpec.FULL;
        List<Path> files = SpecFiles.all(experiments);
        if (files.isEmpty()) {
            throw new InvalidInputException("--experiments must be a folder with spec files (*.yaml) (got " + experiments + ")");
        }
        List<ExperimentSpec> specs = new ArrayList<>();
        for (Path f : files) {
            ExperimentSpec s = SpecLoader.load(f);
            if (!s.variantNames().contains(variant)) {
                throw new InvalidInputException(f + ": variants must include '" + variant + "' for reproduce --quick");
            }
            specs.add(s);
        }
        org.netropy.io.OutputPaths.checkWritableFolder("--results", results);
        int j = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
        SweepRunner.Options options = new SweepRunner.Options(j, null, !noProgress, null);
        long start = System.nanoTime();
        Instant started = Instant.now();
        int failed = 0;
        List<Map<String, Object>> done = new ArrayList<>();
        long totalRuns = 0;
        for (ExperimentSpec s : specs) {
            totalRuns += SweepRunner.plan(s, variant).size();
        }
        long runsDone = 0;
        long runsComputed = 0;
        double computeSeconds = 0;
        for (ExperimentSpec s : specs) {
            long t0 = System.nanoTime();
            SweepRunner.Summary summary = SweepRunner.run(s, variant, results, options);
            failed += RunCommand.report(summary, out, err);
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("experiment", s.name());
            record.put("spec", s.source().toString());
            record.put("runs", summary.selected());
            record.put("computed", summary.computed());
            record.put("reused", summary.reused());
            record.put("failed", summary.failures().size());
            done.add(record);
            ExperimentTable table = ExperimentTable.aggregate(results, s.name(), variant);
            table.write(results.resolve("tables"));
            if (table.missing().isEmpty()) {
                FiguresCommand.draw(s, variant, results);
            } else {
                err.printf("netropy: %s: figures skipped, %d runs are not complete%n", s.name(), table.missing().size());
            }
            record.put("seconds", Math.round((System.nanoTime() - t0) / 1e7) / 100.0);
            runsDone += summary.selected();
            runsComputed += summary.computed() + summary.failures().size();
            computeSeconds += (System.nanoTime() - t0) / 1e9;
            err.println(overall(done.size(), specs.size(), runsDone, totalRuns, (System.nanoTime() - start) / 1e9,
                    runsComputed == 0 ? 0 : computeSeconds / runsComputed));
            err.flush();
        }
        ClaimsCommand.writeClaims(specs, variant, results, out);
        Map<String, Object> log = new LinkedHashMap<>();
        log.put("command", "netropy reproduce " + (mode.quick ? "--quick" : "--all") + " --jobs " + j);
        log.put("started", started.toString());
        log.put("seconds", Math.round((System.nanoTime() - start) / 1e7) / 100.0);
        log.put("failed_runs", failed > 0);
        log.put("experiments", done);
        log.put("environment", Provenance.environment());
        Json.write(results.resolve(mode.quick ? "reproduction-quick.json" : "reproduction.json"), log);
        out.printf("reproduce %s: %d specs in %.1f s; tables in %s, figures in %s%n", mode.quick ? "--quick" : "--all",
                specs.size(), (System.nanoTime() - start) / 1e9, results.resolve("tables"), results.resolve("figures"));
        return failed == 0 ? 0 : 1;
    }
}
