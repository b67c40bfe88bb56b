package org.netropy.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.netropy.compare.ConnectivityComparator;
import org.netropy.compare.Comparison;
import org.netropy.compare.ComparisonReport;
import org.netropy.compare.ComparisonSettings;
import org.netropy.compare.PopulationClustering;
import org.netropy.connectivity.NeuronTable;
import org.netropy.connectivity.NeuronTableCsv;
import org.netropy.io.InvalidInputException;
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
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compare two single-neuron connectivity tables (a = observed, e.g. trained; b = reference).",
                "Writes comparison.json, comparison.csv and comparison.md to --out and prints a summary."})
public final class CompareCommand implements Callable<Integer> {

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
                    "gains=relu|tanh|sigmoid|softplus, context-scale=SV, normalisation=none|sqrt-contexts, init-scale=S.",
                    "Contexts and features come from table a (task A = I_C or --task-matrix).",
                    "sigma=auto compares at three scales: the initial scale (init-scale, or the gd run's metrics.json),",
                    "the small-sigma limit (sigma = " + org.netropy.compare.MaxEntReference.LIMIT_SIGMA + ") and the norm-matched sigma (E|w|^2+z^2 of table a)."})
    String maxent;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Output folder.")
    Path out;

    @Option(names = "--threshold", defaultValue = "0.5", description = "Gain threshold of the binary patterns, in (0, 1) (default ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--seed", defaultValue = "1", description = "Root seed of every random choice (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--task-matrix", paramLabel = "A", defaultValue = "identity",
            description = "Task matrix for alignment and selectivity angles: identity (needs D = C), none, or rows like \"1,0;0,1\" (default ${DEFAULT-VALUE}).")
    String task;

    @Option(names = "--joint-columns", split = ",", paramLabel = "COL",
            description = "Columns of the joint distribution and the clustering (default: w_1..w_D,z).")
    List<String> jointColumns;

    @Option(names = "--confidence", defaultValue = "0.95", description = "Joint coverage of the fraction intervals (default ${DEFAULT-VALUE}).")
    double confidence;

    @Option(names = "--min-population", defaultValue = "10", description = "Smallest population given a cross-covariance error (default ${DEFAULT-VALUE}).")
    int minPopulation;

    @Option(names = "--max-components", defaultValue = "6", description = "Largest mixture tried by BIC (default ${DEFAULT-VALUE}).")
    int maxComponents;

    @Option(names = "--bootstrap", defaultValue = "10", description = "Bootstrap subsamples for stability (default ${DEFAULT-VALUE}).")
    int bootstrap;

    @Option(names = "--null-replicates", defaultValue = "10", description = "Gaussian-null data sets for the stability z (default ${DEFAULT-VALUE}).")
    int nullReplicates;

    @Option(names = "--bootstrap-sample", defaultValue = "1000", description = "Neurons used in the stability bootstrap (default ${DEFAULT-VALUE}).")
    int bootstrapSample;

    @Option(names = "--mixture-sample", defaultValue = "4000", description = "Neurons the Gaussian mixtures are fitted on (default ${DEFAULT-VALUE}).")
    int mixtureSample;

    @Option(names = "--pairwise-sample", defaultValue = "1000", description = "Neurons used for Ward and the silhouette (default ${DEFAULT-VALUE}).")
    int pairwiseSample;

    @Option(names = "--energy-sample", defaultValue = "2000", description = "Neurons per table in the energy distance (default ${DEFAULT-VALUE}).")
    int energySample;

    @Option(names = "--tol-tv", defaultValue = "0.10", description = "Pass criterion: total variation of fractions (default ${DEFAULT-VALUE}).")
    double tolTv;

    @Option(names = "--tol-crosscov", defaultValue = "0.25", description = "Pass criterion: weighted relative error of E[zw|g] (default ${DEFAULT-VALUE}).")
    double tolCross;

    @Option(names = "--tol-ks", defaultValue = "0.10", description = "Pass criterion: largest KS of the w, z marginals (default ${DEFAULT-VALUE}).")
    double tolKs;

    @Option(names = "--tol-energy", defaultValue = "0.05", description = "Pass criterion: energy coefficient H (default ${DEFAULT-VALUE}).")
    double tolEnergy;

    @Option(names = "--tol-stability-z", defaultValue = "2.0", description = "Stability z above which clusters count as structure (default ${DEFAULT-VALUE}).")
    double tolZ;

    @Override
    public Integer call() {
        if ((tableA == null) == (gdDir == null)) {
            throw new InvalidInputException("give exactly one of --a FILE or --gd DIR (the observed table)");
        }
        InvalidInputException.require((tableB != null) != (maxent != null), "--b/--maxent",
                "exactly one reference: a neuron-table CSV file (--b) or a max-ent spec (--maxent)", "both or neither");
        Path fileA = tableA != null ? tableA : gdDir.resolve("neurons.csv");
        if (gdDir != null && !Files.isRegularFile(fileA)) {
            throw new InvalidInputException("--gd " + gdDir + ": no neurons.csv in that folder");
        }
        NeuronTable a = NeuronTableCsv.read(fileA);
        if (maxent != null) {
            return compareWithMaxEnt(a, fileA);
        }
        NeuronTable b = NeuronTableCsv.read(tableB);
        ComparisonSettings settings = settings(a.features(), a.contexts());
        Comparison c = ConnectivityComparator.compare(a, fileA.toString(), b, tableB.toString(), settings, new RandomStreams(seed));
        ComparisonReport.write(c, out);
        PrintWriter w = spec.commandLine().getOut();
        w.print(ComparisonReport.summary(c));
        w.println("wrote " + out.resolve(ComparisonReport.JSON) + ", " + ComparisonReport.CSV + ", " + ComparisonReport.MARKDOWN);
        w.flush();
        return 0;
    }

    /** The settings from the options, with the task matrix resolved for D features and C contexts. */
    ComparisonSettings settings(int features, int contexts) {
        TaskMatrix a;
        switch (task.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "none" -> a = null;
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
        var clustering = new PopulationClustering.Settings(maxComponents, bootstrap, nullReplicates, 0.8, pairwiseSample, bootstrapSample, mixtureSample);
        var tolerances = new ComparisonSettings.Tolerances(tolTv, tolCross, tolKs, tolEnergy, tolZ);
        return new ComparisonSettings(threshold, List.of(0.3, 0.5, 0.7), confidence, a, jointColumns, clustering,
                energySample, 0, minPopulation, tolerances);
    }

    /** Compares table a with the max-ent law at one σ or, with sigma=auto, at the three σ of THEORY §5. */
    private int compareWithMaxEnt(NeuronTable a, Path fileA) {
        MaxEntSpec spec = MaxEntSpec.parse(maxent);
        ComparisonSettings settings = settings(a.features(), a.contexts());
        org.netropy.task.TaskMatrix taskMatrix = settings.task() != null ? settings.task()
                : TaskMatrix.identity(a.contexts(), TargetNormalisation.NONE);
        taskMatrix = taskMatrix.scaled(spec.normalisation().factor(taskMatrix.contexts()));
        java.util.Map<String, org.netropy.maxent.MaxEntSolution> references =
                spec.solutions(taskMatrix, a, gdDir);
        PrintWriter w = this.spec.commandLine().getOut();
        java.util.Map<String, Object> index = new java.util.LinkedHashMap<>();
        for (var e : references.entrySet()) {
            Path dir = references.size() == 1 ? out : out.resolve(e.getKey());
            org.netropy.compare.MaxEntReference model = new org.netropy.compare.MaxEntReference(e.getValue(), spec.samplingContextScale(e.getValue()));
            Comparison c = ConnectivityComparator.compare(a, fileA.toString(), model, settings, new RandomStreams(seed));
            ComparisonReport.write(c, dir);
            w.println("== " + e.getKey() + ": " + model.description());
            w.print(ComparisonReport.summary(c));
            w.println("wrote " + dir.resolve(ComparisonReport.JSON));
            index.put(e.getKey(), java.util.Map.of("sigmaW", e.getValue().problem().sigmaW(),
                    "sigmaZ", e.getValue().problem().sigmaZ(), "folder", dir.toString()));
        }
        if (references.size() > 1) {
            org.netropy.io.Json.write(out.resolve("references.json"), index);
        }
        w.flush();
        return 0;
    }
}
