package org.netropy.compare;

import java.util.Arrays;
import java.util.List;
import org.netropy.options.OptionValues;
import org.netropy.options.ParameterSchema;
import org.netropy.options.ParameterSpec;
import org.netropy.task.TaskMatrix;

/**
 * The comparator's settings, declared once (THEORY §5, docs/COMPARATOR.md): the pattern
 * threshold, the interval coverage, the clustering's budgets, the verdict bootstrap and the
 * equivalence margins. {@code netropy compare} offers each as {@code --key-with-dashes}; a spec
 * kind that compares takes the ones it lets a spec set from {@link #SCHEMA} by name, so a range
 * or default is written here only. The record constructors of {@link ComparisonSettings} keep
 * their own checks as a backstop for callers that build settings in code.
 */
public final class ComparisonOptions {
    private ComparisonOptions() {}

    public static final ParameterSchema SCHEMA = ParameterSchema.of(List.of(
            ParameterSpec.number("threshold", 0.01, 0.99, 0.5, "gain threshold of the binary patterns (gain >= threshold: '1')"),
            ParameterSpec.number("confidence", 0.5, 0.9999, 0.95, "joint coverage of the fraction intervals"),
            ParameterSpec.text("joint_columns", "", "columns of the joint distribution and the clustering, separated by ',' (empty: w_1..w_D, z)"),
            ParameterSpec.integer("min_population", 2, 1_000_000, 10L, "smallest population given a cross-covariance error"),
            ParameterSpec.integer("max_components", 1, 32, 6L, "largest mixture tried by BIC"),
            ParameterSpec.integer("bootstrap", 2, 10_000, 10L, "bootstrap subsamples for the clustering's stability"),
            ParameterSpec.integer("null_replicates", 2, 10_000, 10L, "Gaussian-null data sets for the stability z"),
            ParameterSpec.integer("bootstrap_sample", 10, 10_000_000, 1000L, "neurons used in the stability bootstrap"),
            ParameterSpec.integer("mixture_sample", 10, 100_000_000, 4000L, "neurons the Gaussian mixtures are fitted on"),
            ParameterSpec.integer("pairwise_sample", 10, 100_000, 1000L, "neurons used for Ward and the silhouette"),
            ParameterSpec.integer("energy_sample", 10, 1_000_000, 2000L, "neurons per table in the energy distance"),
            ParameterSpec.integer("verdict_bootstrap", 50, 100_000, 400L, "bootstrap replicates behind the verdicts' confidence bounds"),
            ParameterSpec.flag("independent_rows", false,
                    "resample single rows instead of mirror pairs (rows 2i, 2i+1); only for tables without mirror pairs"),
            ParameterSpec.number("error_rate", 1e-6, 0.4999, 0.05,
                    "family-wise rate of false 'not reproduced' of the overall verdict (Bonferroni over its verdicts)"),
            ParameterSpec.number("tol_tv", 0, 1, 0.10, "pass criterion: total variation of the population fractions"),
            ParameterSpec.number("tol_crosscov", 1e-12, 1e6, 0.25, "pass criterion: fraction-weighted relative error of E[zw|g]"),
            ParameterSpec.number("tol_ks", 0, 1, 0.10, "pass criterion: largest KS statistic of the w, z marginals"),
            ParameterSpec.number("tol_energy", 0, 1, 0.05, "pass criterion: energy coefficient H of the joint"),
            ParameterSpec.number("tol_stability_z", 1e-12, 1e6, 2.0, "stability z above which clusters count as structure")));

    /** Sensitivity thresholds reported beside the run's threshold (the first and last bound the ambiguous band). */
    static final List<Double> SENSITIVITY = List.of(0.3, 0.5, 0.7);

    /** Subsample fraction of the clustering's stability bootstrap (not a setting: 80% as in the stability literature). */
    static final double SUBSAMPLE_FRACTION = 0.8;

    /**
     * The settings of these values for a comparison whose task matrix is {@code task} (null: no
     * alignment or selectivity angles).
     */
    public static ComparisonSettings settings(OptionValues v, TaskMatrix task) {
        String columns = v.string("joint_columns").strip();
        List<String> joint = columns.isEmpty() ? List.of() : Arrays.stream(columns.split(",")).map(String::strip).toList();
        v.require(joint.stream().noneMatch(String::isEmpty), "joint_columns", "column names separated by ','", columns);
        var clustering = new PopulationClustering.Settings(v.intValue("max_components"), v.intValue("bootstrap"),
                v.intValue("null_replicates"), SUBSAMPLE_FRACTION, v.intValue("pairwise_sample"), v.intValue("bootstrap_sample"),
                v.intValue("mixture_sample"));
        var tolerances = new ComparisonSettings.Tolerances(v.number("tol_tv"), v.number("tol_crosscov"), v.number("tol_ks"),
                v.number("tol_energy"), v.number("tol_stability_z"));
        return new ComparisonSettings(v.number("threshold"), SENSITIVITY, v.number("confidence"), task, joint, clustering,
                v.intValue("energy_sample"), 0, v.intValue("min_population"), tolerances,
                new ComparisonSettings.VerdictBootstrap(v.intValue("verdict_bootstrap"), !v.flag("independent_rows"), v.number("error_rate")));
    }
}
