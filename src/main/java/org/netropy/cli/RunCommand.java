package org.netropy.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.netropy.experiment.ExperimentSpec;
import org.netropy.options.ParameterSpec;
import org.netropy.experiment.PlannedRun;
import org.netropy.experiment.RunKind;
import org.netropy.experiment.RunKinds;
import org.netropy.experiment.Shard;
import org.netropy.experiment.SpecFiles;
import org.netropy.experiment.SpecLoader;
import org.netropy.experiment.SweepRunner;
import org.netropy.io.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code netropy run SPEC}: runs one experiment's sweep (resumable, parallel, shardable). */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run an experiment spec: every run of the sweep goes to results/runs/<experiment>/<hash>/.",
                "Complete runs are reused, partial ones redone; failures are recorded and the sweep goes on.",
                "Exit code 1 if any run failed, 2 if the spec is invalid."})
public final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SPEC", arity = "0..1", description = "Spec file (experiments/<name>.yaml) or experiment name.")
    String specFile;

    @Option(names = "--list-kinds", description = "List the run kinds a spec can name, with their parameters, and exit.")
    boolean listKinds;

    @Option(names = "--variant", paramLabel = "NAME", defaultValue = ExperimentSpec.FULL,
            description = "Variant of the spec, e.g. quick (default: ${DEFAULT-VALUE}, the sweep as written).")
    String variant;

    @Option(names = "--shard", paramLabel = "i/n", description = "Run only the i-th of n disjoint parts (1 <= i <= n), e.g. a SLURM array task.")
    String shard;

    @Option(names = "--jobs", paramLabel = "J", description = "Runs in parallel (default: number of cores).")
    Integer jobs;

    @Option(names = "--results", paramLabel = "DIR", defaultValue = "results", description = "Results folder (default: ${DEFAULT-VALUE}).")
    Path results;

    @Option(names = "--experiments", paramLabel = "DIR", defaultValue = "experiments",
            description = "Where specs are looked up by name (default: ${DEFAULT-VALUE}).")
    Path experiments;

    @Option(names = "--dry-run", description = "Validate the spec and print the number of runs, without running.")
    boolean dryRun;

    @Option(names = "--no-progress", description = "No progress bar.")
    boolean noProgress;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (listKinds) {
            out.print(kindsHelp());
            out.flush();
            return 0;
        }
        if (specFile == null) {
            throw new InvalidInputException("SPEC must be given: a spec file or an experiment name (see 'netropy run --help')");
        }
        ExperimentSpec experiment = SpecLoader.load(SpecFiles.locate(specFile, experiments));
        Shard part = shard == null ? Shard.ALL : Shard.parse(shard);
        int j = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
        SweepRunner.Options options = new SweepRunner.Options(j, part, !noProgress, null);
        org.netropy.io.OutputPaths.checkWritableFolder("--results", results); // --dry-run refuses what a run would refuse
        if (dryRun) {
            List<PlannedRun> all = SweepRunner.plan(experiment, variant);
            out.printf("%s (variant %s, kind %s): %d runs, %d in shard %s; spec is valid%n", experiment.name(), variant,
                    experiment.kind().name(), all.size(), part.select(all).size(), part);
            return 0;
        }
        SweepRunner.Summary summary = SweepRunner.run(experiment, variant, results, options);
        return report(summary, out, spec.commandLine().getErr());
    }

    /** Every registered kind with its parameters: name, allowed values, default, meaning. */
    static String kindsHelp() {
        StringBuilder sb = new StringBuilder();
        for (String name : RunKinds.names()) {
            RunKind k = RunKinds.get(name);
            sb.append(name).append(": ").append(k.description()).append('\n');
            for (ParameterSpec p : k.parameters().parameters()) {
                sb.append(String.format(Locale.ROOT, "  %-16s %s; %s. %s%n", p.name(), p.allowed(),
                        p.defaultText(), p.description()));
            }
            sb.append("  rows: keys ").append(k.rowKeys()).append(", measures ").append(k.measures()).append('\n');
        }
        return sb.toString();
    }

    /** Prints a sweep's summary; returns the exit code (1 if any run failed). */
    static int report(SweepRunner.Summary s, PrintWriter out, PrintWriter err) {
        out.printf("%s (variant %s%s): %d runs, %d computed, %d reused, %d failed in %.1f s%n", s.experiment(), s.variant(),
                s.shard().count() > 1 ? ", shard " + s.shard() + " of " + s.planned() + " runs" : "", s.selected(),
                s.computed(), s.reused(), s.failures().size(), s.elapsed().toMillis() / 1000.0);
        for (String r : s.repaired()) {
            err.println("netropy: " + r);
        }
        for (SweepRunner.Failure f : s.failures()) {
            err.printf("netropy: run failed: %s (%s): %s%n", f.folder(), f.run().parameters(), f.error());
        }
        if (!s.ok()) {
            err.printf("netropy: %d of %d runs of %s failed (details in each folder's error.txt); rerun to retry them%n",
                    s.failures().size(), s.selected(), s.experiment());
        }
        out.flush();
        err.flush();
        return s.ok() ? 0 : 1;
    }
}
