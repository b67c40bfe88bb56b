package org.netropy.experiment.kinds;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.netropy.options.ParameterSchema;
import org.netropy.options.ParameterSpec;
import org.netropy.experiment.ResolvedParameters;
import org.netropy.experiment.RunContext;
import org.netropy.experiment.RunKind;
import org.netropy.maxent.GainPrior;
import org.netropy.maxent.GroupNormLimit;
import org.netropy.random.RandomStreams;
import org.netropy.task.TargetNormalisation;
import org.netropy.task.TaskMatrix;

/**
 * The σ → 0 costs (figure 3): for A = I_C, the cost {@code (C/m)√(m + (m−1)²/(C−m))} of the best
 * symmetric solution using only m-active populations, the specialised cost C, and the exact
 * minimum group norm S*(I_C) where C is small enough to enumerate the patterns (THEORY §3).
 */
public final class MaxEntLimitKind implements RunKind {
    private static final ParameterSchema SCHEMA = ParameterSchema.of(
            ParameterSpec.integer("contexts", 1, 1024, null, "number of contexts C (A = I_C)"),
            ParameterSpec.integer("max_exact_contexts", 1, 12, 8L, "largest C for the exact minimum group norm S*"));

    @Override
    public String name() {
        return "maxent-limit";
    }

    @Override
    public String description() {
        return "sigma -> 0 costs: symmetric m-pattern costs, specialised cost, exact S*(I_C) (deterministic)";
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
        return List.of("symmetric_cost", "specialised_cost", "minimum_cost", "best_symmetric_cost", "sqrt_contexts_cost");
    }

    /**
     * What a run computes with: C and the largest C solved exactly (a cap: it says whether the
     * exact S* was attempted, which the table records as minimum_cost NaN or a value).
     */
    record Options(int contexts, int maxExactContexts) {}

    @Override
    public Options resolve(ResolvedParameters p) {
        return new Options(p.intValue("contexts"), p.intValue("max_exact_contexts"));
    }

    @Override
    public List<Map<String, Object>> run(ResolvedParameters p, RandomStreams random, RunContext context) {
        Options o = resolve(p);
        int c = o.contexts();
        double exact = c <= o.maxExactContexts()
                ? GroupNormLimit.solve(TaskMatrix.identity(c, TargetNormalisation.NONE), GainPrior.uniformBinary(c)).cost()
                : Double.NaN;
        double best = Double.POSITIVE_INFINITY;
        for (int m = 1; m <= c; m++) {
            best = Math.min(best, GroupNormLimit.symmetricPatternCost(c, m));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int m = 1; m <= c; m++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("active_contexts", m);
            double cost = GroupNormLimit.symmetricPatternCost(c, m);
            row.put("symmetric_cost", Double.isFinite(cost) ? cost : Double.NaN);
            row.put("specialised_cost", (double) c);
            row.put("minimum_cost", exact);
            row.put("best_symmetric_cost", best);
            row.put("sqrt_contexts_cost", 2 * Math.sqrt(c));
            rows.add(row);
        }
        return rows;
    }
}
