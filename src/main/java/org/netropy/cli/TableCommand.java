package org.netropy.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.netropy.experiment.ExperimentSpec;
import org.netropy.report.ExperimentTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code netropy table EXPERIMENT}: aggregates complete runs into tidy CSV, Markdown and JSON tables. */
@Command(name = "table", mixinStandardHelpOptions = true,
        description = {"Aggregate the complete runs of an experiment over seeds (mean, sd, 95%% CI) into",
                "results/tables/<experiment>.csv, .md and .json (<experiment>.<variant>.* for a variant)."})
public final class TableCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "EXPERIMENT", description = "Experiment name (or its spec file).")
    String experiment;

    @Option(names = "--variant", paramLabel = "NAME", defaultValue = ExperimentSpec.FULL,
            description = "Variant whose sweep to aggregate (default: ${DEFAULT-VALUE}).")
    String variant;

    @Option(names = "--results", paramLabel = "DIR", defaultValue = "results", description = "Results folder (default: ${DEFAULT-VALUE}).")
    Path results;

    @Option(names = "--include-diverged",
            description = "Keep diverged networks in the means (default: left out and counted in n_diverged).")
    boolean includeDiverged;

    @Override
    public Integer call() {
        String name = experimentName(experiment);
        ExperimentTable table = ExperimentTable.aggregate(results, name, variant, includeDiverged);
        Path csv = table.write(results.resolve("tables"));
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s: %d rows from %d of %d runs -> %s (.md, .json, .codebook.md)%n", name, table.rows().size(), table.complete(),
                table.planned(), csv);
        if (!table.missing().isEmpty()) {
            spec.commandLine().getErr().printf("netropy: warning: %d runs of %s are not complete (failed or not yet run), e.g. %s%n",
                    table.missing().size(), name, table.missing().get(0));
        }
        return 0;
    }

    /** "experiments/x.yaml" → "x"; a plain name stays. */
    static String experimentName(String arg) {
        Path p = Path.of(arg);
        String file = p.getFileName().toString();
        return file.matches(".*\\.ya?ml") || Files.isRegularFile(p) ? file.replaceFirst("\\.ya?ml$", "") : arg;
    }
}
