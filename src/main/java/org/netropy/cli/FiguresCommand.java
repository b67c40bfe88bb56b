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
import org.netropy.report.FigureOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code netropy figures EXPERIMENT}: draws the spec's figures from its tidy table. */
@Command(name = "figures", mixinStandardHelpOptions = true,
        description = {"Draw every figure declared in an experiment's spec from its table alone: PDF and SVG (text kept",
                "as text) and PNG, with the plotted data as CSV and a captioned figures.md, into",
                "results/figures/<experiment>/ (run 'netropy table' first)."})
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

    @Option(names = "--width", paramLabel = "MM", description = "Page width of every figure in mm (default: each figure's own, single or double column).")
    Double width;

    @Option(names = "--single-column", paramLabel = "MM", defaultValue = "85", description = "Width of a one-column figure in mm (default: ${DEFAULT-VALUE}).")
    double singleColumn;

    @Option(names = "--double-column", paramLabel = "MM", defaultValue = "180", description = "Width of a two-column figure in mm (default: ${DEFAULT-VALUE}).")
    double doubleColumn;

    @Option(names = "--dpi", paramLabel = "N", defaultValue = "300", description = "PNG resolution in dots per inch (default: ${DEFAULT-VALUE}).")
    int dpi;

    @Option(names = "--formats", split = ",", paramLabel = "FMT", defaultValue = "pdf,svg,png",
            description = "Formats to write, from pdf, svg, png (default: ${DEFAULT-VALUE}).")
    List<String> formats;

    @Override
    public Integer call() {
        FigureOptions options = new FigureOptions(singleColumn, doubleColumn, width == null ? Double.NaN : width, dpi,
                formats.stream().map(f -> f.trim().toLowerCase(java.util.Locale.ROOT)).toList());
        ExperimentSpec s = SpecLoader.load(SpecFiles.locate(experiment, experiments));
        List<Path> drawn = draw(s, variant, results, options);
        spec.commandLine().getOut().printf("%s: %d figures -> %s%n", s.name(), s.figures().size(),
                drawn.isEmpty() ? "(none declared)" : drawn.get(0).getParent());
        return 0;
    }

    /** Draws all figures of a spec's variant from its table with the default options; returns the figure files. */
    static List<Path> draw(ExperimentSpec s, String variant, Path results) {
        return draw(s, variant, results, FigureOptions.DEFAULT);
    }

    /** Draws all figures of a spec's variant from its table; returns the figure files (one per figure and format, and its CSV). */
    static List<Path> draw(ExperimentSpec s, String variant, Path results, FigureOptions options) {
        if (!s.variantNames().contains(variant)) {
            throw new InvalidInputException("--variant must be one of " + String.join(", ", s.variantNames()) + " (got " + variant + ")");
        }
        String stem = ExperimentTable.stem(s.name(), variant);
        List<Map<String, String>> table = ExperimentTable.readCsv(results.resolve("tables").resolve(stem + ".csv"));
        Path dir = results.resolve("figures").resolve(stem);
        List<Path> files = new java.util.ArrayList<>();
        for (FigureSpec f : s.figures()) {
            files.addAll(FigureMaker.draw(table, f, dir, options, s.sweepOrder(variant)));
        }
        if (!s.figures().isEmpty()) {
            AtomicFiles.writeString(dir.resolve("figures.md"), FigureMaker.index(s.name(), s.description(), s.figures(),
                    claims(s.source()), options));
        }
        return files;
    }

    /**
     * The ids and measures of the spec's {@code claims:} list, for the captions (the claims are
     * validated and evaluated elsewhere; a spec without claims gives none).
     */
    static List<FigureMaker.ClaimRef> claims(Path spec) {
        List<FigureMaker.ClaimRef> out = new java.util.ArrayList<>();
        try {
            com.fasterxml.jackson.databind.JsonNode root = new com.fasterxml.jackson.databind.ObjectMapper(
                    new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(spec.toFile());
            com.fasterxml.jackson.databind.JsonNode list = root == null ? null : root.get("claims");
            if (list != null && list.isArray()) {
                for (com.fasterxml.jackson.databind.JsonNode c : list) {
                    if (c.hasNonNull("id")) {
                        out.add(new FigureMaker.ClaimRef(c.get("id").asText(), c.path("measure").asText("")));
                    }
                }
            }
        } catch (java.io.IOException e) {
            throw new InvalidInputException("spec file " + spec + " is not readable (" + e.getClass().getSimpleName() + ")");
        }
        return out;
    }
}
