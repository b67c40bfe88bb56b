package org.netropy.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.netropy.options.ParameterSpec;
import org.netropy.experiment.RunKind;
import org.netropy.experiment.RunKinds;

/**
 * The codebook written next to every table: for each column its meaning, unit and where it comes
 * from (a spec parameter, a row key or measure of the run kind, or a statistic over seeds). A
 * reader of a table in a paper's supplement should not need the source code to know what
 * {@code cka} or {@code ci95_low} is.
 */
public final class Codebook {
    private Codebook() {}

    /** Meaning and unit of a column. */
    public record Entry(String meaning, String unit) {}

    private static final Map<String, Entry> KNOWN = new LinkedHashMap<>();

    private static void put(String name, String meaning, String unit) {
        KNOWN.put(name, new Entry(meaning, unit));
    }

    static {
        // statistics over seeds
        put("measure", "which measure the row's statistics are of (see the measure entries below)", "-");
        put("n_seeds", "seeds with a finite value of the measure (diverged networks left out unless included)", "count");
        put("mean", "mean of the measure over those seeds", "unit of the measure");
        put("sd", "sample standard deviation over seeds (divisor n - 1); empty if n_seeds < 2", "unit of the measure");
        put("ci95_low", "lower end of the 95% Student-t confidence interval of the mean; empty if n_seeds < 2", "unit of the measure");
        put("ci95_high", "upper end of the 95% Student-t confidence interval of the mean; empty if n_seeds < 2", "unit of the measure");
        put("n_diverged", "seeds whose network diverged (loss non-finite or above 1e8 x max(1, initial loss)), left out of n_seeds", "count");
        // row keys
        put("statistic", "which sample statistic (mean or unbiased variance)", "-");
        put("active_contexts", "number m of contexts in which a neuron's gain is on", "count");
        put("pattern", "binary gain pattern g, one digit per context (1 = gain on)", "-");
        put("angle_deg", "centre of the histogram bin of the stimulus-weight angle atan2(w_2, w_1) after flipping (w, z) so that z >= 0; '-' on rows that are not angle bins", "degrees");
        put("lambda", "spectral-radius parameter lambda of the E/I network", "-");
        put("active", "number m of active neurons of the stationary distribution's row, or 'all' for the curve's rows", "neurons");
        put("step", "training step of the loss-curve row (0, 1, 2, 5 x 10^k and the last), or 'final' for the run's metrics (and the RDM rows)", "steps");
        put("reference", "which max-ent law the trained network is compared with (initial-scale, norm-matched, small-sigma-limit; none on the loss-curve rows)", "-");
        put("rdm_row", "Flesch task: condition of the RDM row, 1..18: 2 contexts x branchiness x leafiness at levels 1, 3, 5 of 5, context-major, then branchiness, then leafiness; '-' on rows that are not RDM cells", "-");
        put("rdm_col", "Flesch task: condition of the RDM column (upper triangle with the diagonal: rdm_col >= rdm_row); '-' on rows that are not RDM cells", "-");
        // analytic / fail demo
        put("squared_error", "squared error of the estimate (demo: of the sample statistic; maxent-sample: |A_hat - A|^2)", "squared units of the estimate");
        put("expected_squared_error", "closed-form expectation of squared_error", "squared units of the estimate");
        put("y", "fail-demo output y = x^2 + noise", "-");
        // max-ent law
        put("probability", "max-ent probability of the row's pattern or class", "probability");
        put("prior_probability", "probability of the same pattern or class under the gain prior", "probability");
        put("structure", "mean structure of the population: share of its weight variance explained by the task (0 random, 1 structured)", "fraction");
        put("cross_covariance_norm", "norm of the population's cross-covariance E[zw|g]", "weight units squared");
        put("limit_probability", "population probability in the sigma -> 0 limit", "probability");
        put("kl", "KL divergence of the max-ent law from the reference (prior) law", "nats");
        put("kl_population", "part of kl due to the population (pattern) probabilities", "nats");
        put("kl_selectivity", "part of kl due to the weights within populations", "nats");
        put("entropy", "differential entropy of the max-ent single-neuron law", "nats");
        put("mean_structure", "probability-weighted mean of structure over populations", "fraction");
        put("specialised_fraction", "probability of populations active in exactly one context", "probability");
        put("mean_active_fraction", "mean fraction of contexts in which a neuron is active", "fraction");
        put("trace_covariance", "trace of the covariance of the task statistic T; tr Cov(T)/N is the finite-N error", "squared task units");
        put("kl_large_sigma_limit", "large-sigma asymptote of kl", "nats");
        put("residual", "relative constraint residual |M - A| / |A| of the solve", "relative");
        put("quadrature_error", "continuous gains: largest change of class probabilities, E[zw|g] and KL at the last quadrature refinement (0 for binary gains)", "relative");
        put("mean_squared_norm", "E|w|^2 + z^2 of the max-ent law, summed per pattern or atom (what norm matching matches)", "squared weight units");
        put("converged", "1 if the solve reached its residual and quadrature tolerances, else 0", "0/1");
        put("mean_slope", "mean over contexts of the fitted slope of the network's output against the task target", "-");
        put("max_abs_intercept", "largest absolute intercept of those fits", "output units");
        put("mse", "mean squared error of the network output against the task targets", "squared output units");
        put("density", "histogram density of the angle", "1/degree");
        put("symmetric_cost", "sigma -> 0 cost of the symmetric solution using only patterns with m active contexts", "norm units");
        put("specialised_cost", "sigma -> 0 cost of the specialised (one active context) solution", "norm units");
        put("minimum_cost", "exact minimum group-norm cost S*(A)", "norm units");
        put("best_symmetric_cost", "smallest symmetric_cost over m", "norm units");
        put("sqrt_contexts_cost", "reference value sqrt(C)", "norm units");
        // E/I entropy
        put("entropy_bits", "entropy of the network's stationary activity (exact annealed chain)", "bits");
        put("entropy_rate_bits", "entropy rate of the chain", "bits per step");
        put("mean_active", "mean number of active neurons in the stationary state", "neurons");
        put("stationary_probability", "stationary probability P(m) of m active neurons (exact annealed chain) at the grid lambda nearest 1", "probability");
        put("annealed_simulation_bits", "entropy estimated from an annealed simulation (cross-check)", "bits");
        put("quenched_simulation_bits", "entropy estimated from a quenched simulation", "bits");
        put("peak_entropy_bits", "largest entropy over lambda", "bits");
        put("peak_lambda", "lambda at the peak entropy", "-");
        put("width_one_bit", "width lambda_high - lambda_low of the range within 1 bit of the peak (robustness)", "-");
        put("mean_entropy_bits", "mean entropy over the lambda range", "bits");
        // gradient descent
        put("loss", "training loss at the row's step (the gd kind's loss function, see final_loss)", "loss units");
        put("final_loss", "training loss after the last step (diverged networks left out by default)", "loss units (see the spec's loss)");
        put("accuracy", "sign accuracy: fraction of stimuli whose output has the sign of the target", "fraction");
        put("diverged", "1 if the network diverged, else 0; its mean is the diverged fraction (all seeds)", "0/1");
        put("relative_change_stimulus", "||W_T - W_0||_F / ||W_0||_F of the stimulus weights", "relative");
        put("relative_change_context", "||V_T - V_0||_F / ||V_0||_F of the context weights", "relative");
        put("relative_change_readout", "||z_T - z_0|| / ||z_0|| of the readout", "relative");
        put("norm_change_stimulus", "(||W_T||_F - ||W_0||_F) / ||W_0||_F of the stimulus weights (change of norm)", "relative");
        put("ntk_alignment", "cosine between the initial and final closed-form tangent kernels, all parameters (1 = lazy)", "cosine");
        put("ntk_alignment_stimulus", "the same cosine for the stimulus-weight part of the kernel", "cosine");
        put("representation_alignment", "uncentred Gram cosine of initial and final hidden activity", "cosine");
        put("cka", "linear centred kernel alignment (CKA) of initial and final hidden activity", "0..1");
        put("activation_hamming", "fraction of stimulus-neuron pairs whose pre-activation changed sign", "fraction");
        put("conserved_drift", "max_i |q_i(T) - q_i(0)| over the mean initial squared norm, q_i = |w_i|^2 + |v_i|^2 + b_i^2 - z_i^2", "relative");
        put("erank_init", "effective rank of the initial stimulus weights", "rank");
        put("erank_final", "effective rank of the final stimulus weights", "rank");
        put("units_dead", "fraction of hidden units whose pre-activation is never positive (Flesch task)", "fraction");
        put("units_context1_only", "fraction of hidden units active in context 1 only (Flesch task)", "fraction");
        put("units_context2_only", "fraction of hidden units active in context 2 only (Flesch task)", "fraction");
        put("units_mixed", "fraction of hidden units active in both contexts (Flesch task)", "fraction");
        put("rdm_hidden", "Flesch task: Euclidean distance between the final hidden activity of two conditions over its mean over pairs (normalised RDM)", "1 = mean distance");
        put("rdm_model_grid", "Flesch task: the grid model's normalised RDM (embeddings (l, b) in both contexts, see FleschAnalysis)", "1 = mean distance");
        put("rdm_model_orthogonal", "Flesch task: the orthogonal model's normalised RDM (context 1 on (l, 0), context 2 on (0, b))", "1 = mean distance");
        put("rdm_model_parallel", "Flesch task: the parallel model's normalised RDM (both contexts on one axis: l, b)", "1 = mean distance");
        put("rsa_grid", "RSA regression weight of the grid model (Flesch task)", "-");
        put("rsa_orthogonal", "RSA regression weight of the orthogonal model (Flesch task)", "-");
        put("rsa_parallel", "RSA regression weight of the parallel model (Flesch task)", "-");
        put("ablation_context1_only_context1", "accuracy in context 1 after ablating the context-1-only units (Flesch task)", "fraction");
        put("ablation_context1_only_context2", "accuracy in context 2 after ablating the context-1-only units (Flesch task)", "fraction");
        put("ablation_mixed_context1", "accuracy in context 1 after ablating the mixed units (Flesch task)", "fraction");
        put("ablation_mixed_context2", "accuracy in context 2 after ablating the mixed units (Flesch task)", "fraction");
        // trained vs max-ent
        put("trained_fraction", "fraction of trained neurons with the row's gain pattern", "fraction");
        put("maxent_fraction", "max-ent probability of the row's gain pattern", "probability");
        put("trained_density", "density of the trained neurons' selectivity angle in the row's bin, among the neurons of the row's gain pattern (two stimulus weights only)", "1/degree");
        put("maxent_density", "the same density for a sample of 20000 neurons of max-ent at sigma = sigma_0, patterns from its own gains", "1/degree");
        put("trained_structure", "structure of the trained population", "fraction");
        put("maxent_structure", "structure of the max-ent population", "fraction");
        put("cross_covariance_error", "relative error of the trained E[zw|g] against max-ent", "relative");
        put("total_variation", "total variation distance between trained and max-ent pattern fractions", "0..1");
        put("total_variation_noise", "95% sampling-noise level of total_variation at the network's size", "0..1");
        put("jensen_shannon", "Jensen-Shannon divergence between trained and max-ent pattern fractions", "nats");
        put("cross_covariance_error_weighted", "probability-weighted relative error of E[zw|g]", "relative");
        put("energy_coefficient", "energy coefficient H of the joint (w, z) distributions (0 = same)", "0..1");
        put("not_reproduced", "1 if the comparator's overall verdict is not reproduced (family-wise error rate controlled), else 0; reproduced = not_reproduced = 0 is inconclusive", "0/1");
        put("total_variation_lower", "lower bound of the design bootstrap interval of total_variation (mirror pairs and members resampled as units)", "probability");
        put("total_variation_upper", "upper bound of that interval; the fractions verdict is reproduced when it is below the margin", "probability");
        put("cross_covariance_error_lower", "lower bound of the design bootstrap interval of the E[zw|g] error", "relative");
        put("cross_covariance_error_upper", "upper bound of that interval", "relative");
        put("marginal_ks", "largest Kolmogorov-Smirnov distance between the two laws' single-weight marginals", "probability");
        put("total_variation_gain_0p3", "total_variation with the trained gains thresholded at 0.3 instead of the spec's threshold", "probability");
        put("total_variation_gain_0p7", "total_variation with the trained gains thresholded at 0.7", "probability");
        put("total_variation_grown", "total_variation over the trained neurons whose |(w, z)| grew more than twofold (see excluded_fraction)", "probability");
        put("excluded_fraction", "fraction of trained neurons left out of total_variation_grown (weights did not grow more than twofold)", "fraction");
        put("task_share_trained", "threshold-free share c_g of the task carried by population g in the trained network (soft gains)", "fraction of <A, A>");
        put("task_share_maxent", "share c_g = P(g) <E[zw|g] g^T, A> / <A, A> of the task carried by population g under max-ent", "fraction of <A, A>");
        put("task_share_distance", "distance between the trained and max-ent task shares over populations (see TaskShare)", "fraction of <A, A>");
        put("reproduced", "1 if the comparator's overall verdict is reproduced, else 0", "0/1");
        put("reference_sigma", "sigma of the max-ent reference law", "weight units");
        put("ambiguous_fraction", "share of neurons whose pattern changes between gain thresholds 0.3 and 0.7", "fraction");
        put("grown_fraction", "fraction of the grown neurons (|(w, z)| more than doubled) in population g at the run's threshold; empty when fewer than min-population grew", "fraction");
        put("group_norm_cost", "group-norm cost sum_g |x_g| of the trained table, x_g = (1/N) sum over neurons of pattern g (run threshold) of z_i w_i (THEORY section 3, sigma -> 0 limit)", "weight units squared");
        put("minimum_cost", "S*(A) = min sum_g |x_g| subject to sum_g x_g g^T = A over the prior's patterns (maxent limit)", "weight units squared");
        put("cost_ratio", "group_norm_cost / minimum_cost", "ratio");
        put("norm_cost_ratio", "E[|w|^2 + z^2] / 2 of the trained table over S* (an upper bound of its group-norm cost for a table that solves the task)", "ratio");
        put("maxent_cost", "group-norm cost sum_g P(g) |E[zw|g]| of the max-ent reference law's own population split", "weight units squared");
        put("maxent_cost_ratio", "maxent_cost / minimum_cost", "ratio");
        put("initial_pattern_retention", "fraction of grown neurons whose final gain pattern equals their initial one (measured gains of the initial network, run threshold)", "fraction");
        put("initial_pattern_chance", "retention expected if initial and final patterns of the grown neurons were independent, sum_g p_initial(g) p_final(g)", "fraction");
        put("context_weight_norm_share", "share of the incoming squared norm |w|^2 + |v|^2 + b^2 (conserved minus z^2 by gradient flow) on the context weights v, trained table", "fraction");
        put("context_weight_norm_share_initial", "context_weight_norm_share of the initial network", "fraction");
        put("trained_specialised_fraction", "fraction of trained neurons active in exactly one context (run threshold)", "fraction");
        put("grown_specialised_fraction", "trained_specialised_fraction over the grown neurons only", "fraction");
        put("maxent_specialised_fraction", "max-ent probability of patterns with exactly one active context", "probability");
    }

    /** The entry of a table column, or null if the codebook does not know it. */
    public static Entry entry(String column) {
        return KNOWN.get(column);
    }

    /** Escapes a Markdown table cell: a '|' inside a cell would end it. */
    public static String escapeMarkdownCell(String text) {
        return text == null ? "" : text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ");
    }

    /** The codebook of a table as Markdown: one row per column of the table. */
    public static String markdown(ExperimentTable table) {
        RunKind kind = RunKinds.names().contains(table.kind()) ? RunKinds.get(table.kind()) : null;
        StringBuilder md = new StringBuilder();
        md.append("# Codebook: ").append(ExperimentTable.stem(table.experiment(), table.variant())).append("\n\n");
        md.append("Columns of `").append(ExperimentTable.stem(table.experiment(), table.variant()))
                .append(".csv` (also `.md`, `.json`), run kind `").append(table.kind()).append("`. One row per parameter values, row keys and measure;")
                .append(" statistics over seeds.\n\n");
        md.append("| column | meaning | unit | source |\n|---|---|---|---|\n");
        List<String> rowKeys = kind == null ? List.of() : kind.rowKeys();
        for (String c : table.columns()) {
            String meaning;
            String unit;
            String source;
            ParameterSpec p = kind == null ? null : kind.parameters().parameters().stream().filter(s -> s.name().equals(c)).findFirst().orElse(null);
            if (p != null) {
                meaning = p.description() + " (allowed: " + p.allowed() + ")";
                unit = "as the parameter";
                source = "spec parameter (base, sweep or default)";
            } else {
                Entry e = KNOWN.get(c);
                meaning = e == null ? "row key of run kind " + table.kind() : e.meaning();
                unit = e == null ? "-" : e.unit();
                source = rowKeys.contains(c) ? "row key of run kind " + table.kind() : "spec parameter";
            }
            md.append(row(c, meaning, unit, source));
        }
        for (String c : List.of("measure", "n_seeds", "mean", "sd", "ci95_low", "ci95_high", "n_diverged")) {
            Entry e = KNOWN.get(c);
            md.append(row(c, e.meaning(), e.unit(), "netropy table (over the seeds of each row)"));
        }
        md.append("\n## Measures\n\n| measure | meaning | unit | source |\n|---|---|---|---|\n");
        for (String m : table.rows().stream().map(ExperimentTable.Row::measure).distinct().toList()) {
            Entry e = KNOWN.get(m);
            md.append(row(m, e == null ? "measure of run kind " + table.kind() : e.meaning(), e == null ? "-" : e.unit(),
                    "computed per run by run kind " + table.kind()));
        }
        return md.toString();
    }

    private static String row(String... cells) {
        StringBuilder sb = new StringBuilder("|");
        for (String c : cells) {
            sb.append(' ').append(escapeMarkdownCell(c)).append(" |");
        }
        return sb.append('\n').toString();
    }
}
