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
import org.netropy.io.InvalidInputException;
import org.netropy.maxent.GainPrior;
import org.netropy.maxent.GroupNormLimit;
import org.netropy.maxent.MaxEntSolution;
import org.netropy.maxent.Population;
import org.netropy.random.RandomStreams;

/**
 * Max-ent law per gain pattern (figure 2): probability, prior, structure x_g, |E[zw|g]|, and the
 * σ → 0 limiting probability from the minimum group-norm problem, beside which the small-σ
 * probabilities must land (THEORY §3).
 */
public final class MaxEntPatternsKind implements RunKind {
    private static final ParameterSchema SCHEMA = MaxEntOptions.PROBLEM;

    @Override
    public String name() {
        return "maxent-patterns";
    }

    @Override
    public String description() {
        return "max-ent law per gain pattern: probability, structure, cross-covariance, sigma->0 limit (deterministic)";
    }

    @Override
    public ParameterSchema parameters() {
        return SCHEMA;
    }

    @Override
    public List<String> rowKeys() {
        return List.of("pattern");
    }

    @Override
    public List<String> measures() {
        return List.of("probability", "prior_probability", "structure", "cross_covariance_norm", "limit_probability",
                "kl", "kl_population", "kl_selectivity", "entropy", "mean_structure", "specialised_fraction",
                "mean_active_fraction", "trace_covariance", "residual", "quadrature_error", "mean_squared_norm", "converged");
    }

    @Override
    public void validate(ResolvedParameters p) {
        InvalidInputException.require(p.intValue("contexts") <= 10, "contexts", "at most 10 for per-pattern rows (2^C patterns)",
                p.intValue("contexts"));
    }

    @Override
    public MaxEntOptions.Law resolve(ResolvedParameters p) {
        return MaxEntOptions.law(p, false);
    }

    @Override
    public List<Map<String, Object>> run(ResolvedParameters p, RandomStreams random, RunContext context) {
        MaxEntSolution s = resolve(p).solve();
        Map<String, Double> limit = new LinkedHashMap<>();
        GainPrior prior = s.problem().prior();
        if (prior.binary()) {
            // a structured weight prior S = LLᵀ: the limit of the whitened task L⁻¹A (THEORY §3)
            for (GroupNormLimit.PatternWeight w : GroupNormLimit.solve(s.problem().weights().whiten(s.problem().task()), prior)
                    .patterns()) {
                limit.put(w.label(), w.limitProbability());
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Population pop : s.populations()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("pattern", pop.name());
            row.put("probability", pop.probability());
            row.put("prior_probability", pop.prior());
            row.put("structure", pop.structure());
            double n2 = 0;
            for (double x : pop.crossCovariance()) {
                n2 += x * x;
            }
            row.put("cross_covariance_norm", Math.sqrt(n2));
            row.put("limit_probability", limit.getOrDefault(pop.label(), prior.binary() ? 0.0 : Double.NaN));
            MaxEntClassesKind.totals(row, s);
            rows.add(row);
        }
        return rows;
    }
}
