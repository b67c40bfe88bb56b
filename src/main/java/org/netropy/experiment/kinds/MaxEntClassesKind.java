package org.netropy.experiment.kinds;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.netropy.maxent.MaxEntOptions;
import org.netropy.options.ParameterSchema;
import org.netropy.experiment.ResolvedParameters;
import org.netropy.experiment.RunContext;
import org.netropy.experiment.RunKind;
import org.netropy.maxent.MaxEntProblem;
import org.netropy.maxent.MaxEntSolution;
import org.netropy.maxent.PatternClass;
import org.netropy.random.RandomStreams;

/**
 * Max-ent law summarised by the number of active contexts m (figures 3 and 4): class
 * probabilities and structure, plus the law's totals (KL and its parts, mean structure,
 * specialised and mean active fractions) and the large-σ KL limit
 * {@code tr(A S_π⁻¹ Aᵀ)/(2κ)} for uniform binary gains (THEORY §3).
 */
public final class MaxEntClassesKind implements RunKind {
    private static final ParameterSchema SCHEMA = MaxEntOptions.PROBLEM;

    @Override
    public String name() {
        return "maxent-classes";
    }

    @Override
    public String description() {
        return "max-ent law by number of active contexts: probabilities, structure, KL parts (deterministic)";
    }

    @Override
    public ParameterSchema parameters() {
        return SCHEMA;
    }

    @Override
    public List<String> rowKeys() {
        return List.of("active_contexts");
    }

    @Override
    public List<String> measures() {
        return List.of("probability", "prior_probability", "structure", "kl", "kl_population", "kl_selectivity",
                "entropy", "mean_structure", "specialised_fraction", "mean_active_fraction", "trace_covariance",
                "kl_large_sigma_limit", "residual", "quadrature_error", "mean_squared_norm", "converged");
    }

    @Override
    public MaxEntOptions.Law resolve(ResolvedParameters p) {
        return MaxEntOptions.law(p, false);
    }

    @Override
    public List<Map<String, Object>> run(ResolvedParameters p, RandomStreams random, RunContext context) {
        MaxEntSolution s = resolve(p).solve();
        MaxEntProblem problem = s.problem();
        double limit = largeSigmaKl(problem);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (PatternClass c : s.classes()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("active_contexts", c.activeContexts());
            row.put("probability", c.probability());
            row.put("prior_probability", c.prior());
            row.put("structure", c.structure());
            totals(row, s);
            row.put("kl_large_sigma_limit", limit);
            rows.add(row);
        }
        return rows;
    }

    static void totals(Map<String, Object> row, MaxEntSolution s) {
        org.netropy.maxent.SolutionReport.putScalarTotals(row, s);
    }

    /**
     * {@code tr(Aᵀ S_w⁻¹ A S_π⁻¹)/(2κ)} (THEORY §3, σ → ∞; S_w the weight prior's shape) with
     * {@code S_π⁻¹ = 4(I − J/(C+1))} for uniform binary gains and A = aI:
     * {@code 4a²(tr S_w⁻¹ − 1ᵀS_w⁻¹1/(C+1))/(2κ)}, i.e. {@code 4a²C(1 − 1/(C+1))/(2κ)} for S_w = I;
     * NaN for other priors.
     */
    static double largeSigmaKl(MaxEntProblem p) {
        if (!p.prior().kind().equals("relu-uniform")) {
            return Double.NaN;
        }
        int c = p.contexts();
        double a = p.task().get(0, 0);
        if (p.weights().isotropic()) {
            return 4 * a * a * c * (1 - 1.0 / (c + 1)) / (2 * p.kappa());
        }
        double[][] inv = p.weights().inverse(c);
        double trace = 0;
        double sum = 0;
        for (int i = 0; i < c; i++) {
            trace += inv[i][i];
            for (int j = 0; j < c; j++) {
                sum += inv[i][j];
            }
        }
        return 4 * a * a * (trace - sum / (c + 1)) / (2 * p.kappa());
    }
}
