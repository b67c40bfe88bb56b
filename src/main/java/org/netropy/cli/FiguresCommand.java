package org.netropy.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.netropy.experiment.ExperimentSpec;
import org.netropy.experiment.FigureSpec;
import org.netropy.experiment.SpecFiles;
import org.netropy.experiment.SpecLoader;
import org.netropy.io.AtomicFiles;
import org.netropy.io.InvalidInputException;
import org.netropy.report.ExperimentTable;
import org.netropy.report.FigureMaker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code netropy figures EXPERIMENT}: draws the spec's figures from its tidy table. */
@Command(name = "figures", mixinStandardHelpOptions = true,
        description = {"Draw every figure declared in an experiment's spec, from its table alone, as PNG and SVG",
                "with the plotted data as CSV, into results/figures/<experiment>/ (run 'netropy table' first)."})
public final class FiguresCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "EXPERIMENT", description = "Experiment name (or its spec file).")
    String experiment;

    @Option(names = "--variant", paramLabel = "NAME", defaultValue = ExperimentSpec.FULL,
            description = "Variant whose table to draw (default: ${DEFAULT-VALUE}).")
    String variant;

    @Option(names = "--results", paramLabel = "DIR", defaultValue = "results", description = "Results folder (default: ${DEFAULT-VALUE}).")
    Path results;

    @Option(names = "--experiments", paramLabel = "DIR", defaultValue = "experiments",
            description = "Where the spec is looked up by name (default: ${DEFAULT-VALUE}).")
    Path experiments;

    @Override
    public Integer call() {
        ExperimentSpec s = SpecLoader.load(SpecFiles.locate(experiment, experiments));
        List<Path> drawn = draw(s, variant, results);
        spec.commandLine().getOut().printf("%s: %d figures -> %s%n", s.name(), drawn.size(),
                drawn.isEmpty() ? "(none declared)" : drawn.get(0).getParent());
        return 0;
    }

    /** Draws all figures of a spec's variant from its table; returns the PNG paths. */
    static List<Path> draw(ExperimentSpec s, String variant, Path results) {
        if (!s.variantNames().contains(variant)) {
            throw new InvalidInputException("--variant must be one of " + String.join(", ", s.variantNames()) + " (got " + variant + ")");
        }
        String stem = ExperimentTable.stem(s.name(), variant);
        List<Map<String, String>> table = ExperimentTable.readCsv(results.resolve("tables").resolve(stem + ".csv"));
        Path dir = results.resolve("figures").resolve(stem);
        List<Path> pngs = new java.util.ArrayList<>();
        for (FigureSpec f : s.figures()) {
            pngs.add(FigureMaker.draw(table, f, dir));
        }
        if (!s.figures().isEmpty()) {
            AtomicFiles.writeString(dir.resolve("figures.md"), FigureMaker.index(s.name(), s.description(), s.figures()));
        }
        return pngs;
    }
}
