package org.netropy.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.netropy.compare.ConnectivityComparator;
import org.netropy.compare.Comparison;
import org.netropy.compare.ComparisonReport;
import org.netropy.compare.ComparisonOptions;
import org.netropy.compare.ComparisonSettings;
import org.netropy.compare.PopulationClustering;
import org.netropy.connectivity.NeuronTable;
import org.netropy.connectivity.NeuronTableCsv;
import org.netropy.gd.GdOutput;
import org.netropy.gd.GdRunFolder;
import org.netropy.io.InvalidInputException;
import org.netropy.io.OutputPaths;
import org.netropy.random.RandomStreams;
import org.netropy.task.TargetNormalisation;
import org.netropy.task.TaskMatrix;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code netropy compare}: compares two single-neuron tables (THEORY §5) and writes
 * comparison.json, comparison.csv and comparison.md. See docs/COMPARATOR.md.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false, modelTransformer = CompareCommand.Settings.class,
        description = {"Compare two single-neuron connectivity tables (a = observed, e.g. trained; b = reference).",
                "Writes comparison.json, comparison.csv, comparison.md and the figure set comparison-figures.{pdf,svg,png,csv}",
                "(with figures.md) to --out and prints a summary."})
public final class CompareCommand implements Callable<Integer> {

    /** Adds the comparator's settings, declared once in {@link ComparisonOptions#SCHEMA}, after the inputs and outputs. */
    static final class Settings implements CommandLine.IModelTransformer {
        @Override
        public CommandLine.Model.CommandSpec transform(CommandLine.Model.CommandSpec command) {
            return DeclaredOptions.add(command, ComparisonOptions.SCHEMA);
        }
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--a", paramLabel = "A.csv", description = "Table a (observed), columns [member,] w_1..w_D, v_1..v_C, b, z, gain_1..gain_C.")
    Path tableA;

    @Option(names = "--gd", paramLabel = "DIR", description = "Gradient-descent output folder; its neurons.csv is table a (a member column gives per-member statistics).")
    Path gdDir;

    @Option(names = "--b", paramLabel = "B.csv", description = "Table b (reference).")
    Path tableB;

    @Option(names = "--maxent", paramLabel = "SPEC",
            description = {"Max-ent reference instead of --b, as key=value pairs: sigma=S|auto (required),",
                    "activation=relu|tanh|sigmoid|softplus, context-scale=SV, bias-scale=SB, normalisation=none|sqrt-contexts, init-scale=S.",
                    "Contexts and features come from table a (task A = I_C or --task-matrix).",
                    "sigma=auto compares at three scales: the initial scale (init-scale, or the gd run's metrics.json),",
                    "the small-sigma limit (sigma = " + org.netropy.maxent.ReferenceScales.LIMIT_SIGMA + ") and the norm-matched sigma (E|w|^2+z^2 of table a)."})
    String maxent;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Output folder (new or empty; see --replace).")
    Path out;

    @Option(names = "--replace", description = "Replace an --out folder that holds an earlier comparison (it is emptied first).")
    boolean replace;

    @Option(names = "--seed", defaultValue = "1", description = "Root seed of every random choice (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--task-matrix", paramLabel = "A", defaultValue = "auto",
            description = {"Task matrix A (D x C) for alignment and selectivity angles and for --maxent: auto (identity when D = C,",
                    "else none; --maxent then needs an explicit A), identity (needs D = C), none, or rows like \"1,0;0,1\" (default ${DEFAULT-VALUE})."})
    String task;

    @Override
    public Integer call() {
        if ((tableA == null) == (gdDir == null)) {
            throw new InvalidInputException("give exactly one of --a FILE or --gd DIR (the observed table)");
        }
        InvalidInputException.require((tableB != null) != (maxent != null), "--b/--maxent",
                "exactly one reference: a neuron-table CSV file (--b) or a max-ent spec (--maxent)", "both or neither");
        GdRunFolder run = gdDir == null ? null : GdOutput.read(gdDir);
        Path fileA = run == null ? tableA : run.finalTableFile();
        if (run != null && !run.hasFinalTable()) {
            throw new InvalidInputException("--gd " + gdDir + ": no " + GdRunFolder.FINAL_TABLE + " in that folder");
        }
        OutputPaths.checkFolder("--out", out, replace, "--replace");
        checkFitsInHeap(fileA, gdDir != null ? "--gd" : "--a", tableB);
        NeuronTable a = run == null ? NeuronTableCsv.read(fileA) : run.finalTable();
        List<double[][]> lossCurves = run == null ? List.of()
                : run.lossCurves().stream().map(curve -> new double[][] {curve.steps(), curve.losses()}).toList();
        if (maxent != null) {
            return compareWithMaxEnt(a, fileA, lossCurves);
        }
        NeuronTable b = NeuronTableCsv.read(tableB);
        ComparisonSettings settings = settings(a.features(), a.contexts());
        Comparison c = ConnectivityComparator.compare(a, fileA.toString(), b, tableB.toString(), settings, new RandomStreams(seed));
        startOutput();
        ComparisonReport.write(c, out);
        org.netropy.report.CompareFigures.write(c, a, b, settings.threshold(), lossCurves, out, org.netropy.report.FigureOptions.DEFAULT);
        PrintWriter w = spec.commandLine().getOut();
        w.print(ComparisonReport.summary(c));
        w.println("wrote " + out.resolve(ComparisonReport.JSON) + ", " + ComparisonReport.CSV + ", " + ComparisonReport.MARKDOWN);
        w.flush();
        return 0;
    }

    /**
     * Heap a compared neuron needs, measured: two tables of 10^6 neurons (C = D = 2, default
     * options) ran out of a 256 MB heap and fitted in 1 GB, i.e. between 134 and 537 bytes per
     * neuron. With 400, what is refused would not fit; a table that passes may still run out of
     * memory, which then ends in the one-line out-of-memory error.
     */
    static final long BYTES_PER_NEURON = 400;

    /** Refuses, before reading them, tables whose neurons would not fit in the heap (one line naming the tables and the heap setting). */
    private void checkFitsInHeap(Path fileA, String optionA, Path fileB) {
        long neurons = lines(fileA) + (fileB == null ? 0 : lines(fileB));
        long need = neurons * BYTES_PER_NEURON;
        long heap = Runtime.getRuntime().maxMemory();
        if (need > heap) {
            throw new InvalidInputException(String.format(java.util.Locale.ROOT,
                    "%s%s: %d neurons need about %d MB of heap, more than the %d MB there are; compare smaller tables "
                            + "or give Java more memory, e.g. NETROPY_JAVA_OPTS=-Xmx%dg", optionA, fileB == null ? "" : " and --b",
                    neurons, need >> 20, heap >> 20, Math.max(2, (need >> 30) + 2)));
        }
    }

    /** Lines of a file (neurons plus the header), counted without holding it; 0 if it cannot be read (read errors come later). */
    static long lines(Path file) {
        long n = 0;
        byte[] buf = new byte[1 << 16];
        try (java.io.InputStream in = Files.newInputStream(file)) {
            for (int r; (r = in.read(buf)) > 0; ) {
                for (int i = 0; i < r; i++) {
                    if (buf[i] == '\n') {
                        n++;
                    }
                }
            }
        } catch (java.io.IOException e) {
            return 0;
        }
        return n;
    }

    /** Empties a replaced folder and records how the comparison was made (before its files). */
    private void startOutput() {
        if (replace) {
            OutputPaths.clearFolder(out);
        }
        Main.recordProvenance(spec.commandLine(), out, java.util.Map.of("root", seed));
    }

    /** The settings from the options, with the task matrix resolved for D features and C contexts. */
    ComparisonSettings settings(int features, int contexts) {
        TaskMatrix a;
        switch (task.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "none" -> a = null;
            case "auto" -> a = features == contexts ? TaskMatrix.identity(contexts, TargetNormalisation.NONE) : null;
            case "identity" -> a = features == contexts ? TaskMatrix.identity(contexts, TargetNormalisation.NONE) : null;
            default -> a = TaskMatrix.parse(task, TargetNormalisation.NONE);
        }
        if (task.trim().equalsIgnoreCase("identity") && features != contexts) {
            throw new InvalidInputException("--task-matrix identity needs D = C (tables have D=" + features + ", C=" + contexts
                    + "); give rows like \"1,0;0,1\" or none");
        }
        if (a != null) {
            InvalidInputException.require(a.features() == features && a.contexts() == contexts, "--task-matrix",
                    "a " + features + "x" + contexts + " matrix (D x C of the tables)", a.features() + "x" + a.contexts());
        }
        return ComparisonOptions.settings(DeclaredOptions.read(spec, ComparisonOptions.SCHEMA), a);
    }

    /** Compares table a with the max-ent law at one σ or, with sigma=auto, at the three σ of THEORY §5. */
    private int compareWithMaxEnt(NeuronTable a, Path fileA, List<double[][]> lossCurves) {
        MaxEntSpec spec = MaxEntSpec.parse(maxent);
        ComparisonSettings settings = settings(a.features(), a.contexts());
        if (settings.task() == null && a.features() != a.contexts()) {
            throw new InvalidInputException("--maxent needs the linear task A (D x C) its law solves, and table a has D=" + a.features()
                    + " stimulus weights but C=" + a.contexts() + " contexts (e.g. the Flesch task): give --task-matrix with "
                    + a.features() + " rows of " + a.contexts() + " values, or compare with a table (--b)");
        }
        org.netropy.task.TaskMatrix taskMatrix = settings.task() != null ? settings.task()
                : TaskMatrix.identity(a.contexts(), TargetNormalisation.NONE);
        taskMatrix = taskMatrix.scaled(spec.normalisation().factor(taskMatrix.contexts()));
        java.util.Map<String, org.netropy.maxent.MaxEntSolution> references =
                spec.solutions(taskMatrix, a, gdDir);
        PrintWriter w = this.spec.commandLine().getOut();
        startOutput();
        Map<String, Object> index = new LinkedHashMap<>();
        for (var e : references.entrySet()) {
            Path dir = references.size() == 1 ? out : out.resolve(e.getKey());
            org.netropy.compare.MaxEntReference model = new org.netropy.compare.MaxEntReference(e.getValue(), spec.samplingContextScale(e.getValue()));
            Comparison c = ConnectivityComparator.compare(a, fileA.toString(), model, settings, new RandomStreams(seed));
            ComparisonReport.write(c, dir);
            // the sample the comparator drew (same stream, same size), so the figures show what was compared
            NeuronTable sample = model.sample(settings.modelSampleSize() > 0 ? settings.modelSampleSize() : a.size(),
                    new RandomStreams(seed).stream("model-sample"));
            org.netropy.report.CompareFigures.write(c, a, sample, settings.threshold(), lossCurves, dir,
                    org.netropy.report.FigureOptions.DEFAULT);
            w.println("== " + e.getKey() + ": " + model.description());
            w.print(ComparisonReport.summary(c));
            w.println("wrote " + dir.resolve(ComparisonReport.JSON));
            Map<String, Object> entry = new LinkedHashMap<>(); // fixed key order: equal inputs, equal bytes
            entry.put("sigmaW", e.getValue().problem().sigmaW());
            entry.put("sigmaZ", e.getValue().problem().sigmaZ());
            entry.put("folder", dir.toString());
            index.put(e.getKey(), entry);
        }
        if (references.size() > 1) {
            org.netropy.io.Json.write(out.resolve("references.json"), index);
        }
        w.flush();
        return 0;
    }
}
