package org.netropy.maxent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link MaxEntSolution} into the documented JSON object of {@code maxent solve} and the
 * tidy rows of {@code maxent scan}. Non-finite numbers become null, never NaN.
 */
public final class SolutionReport {
    private SolutionReport() {}

    public static Map<String, Object> toMap(MaxEntSolution s) {
        MaxEntProblem p = s.problem();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("contexts", p.contexts());
        m.put("features", p.features());
        m.put("sigmaW", p.sigmaW());
        m.put("sigmaZ", p.sigmaZ());
        m.put("taskMatrix", p.task().entries());
        m.put("gainPrior", p.prior().kind());
        if (!p.weights().isotropic()) { // recorded only when used
            m.put("weightPrior", p.weights().kind());
            m.put("priorRank", p.weights().rank() > 0 ? p.weights().rank() : null);
            m.put("priorFloor", finite(p.weights().floor()));
        }
        m.put("method", s.method());
        m.put("lambda", s.lambda());
        List<Map<String, Object>> patterns = new ArrayList<>();
        for (Population pop : s.populations()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("pattern", pop.name());
            row.put("gains", pop.gains());
            row.put("activeContexts", pop.activeContexts());
            row.put("probability", pop.probability());
            row.put("prior", pop.prior());
            row.put("structure", pop.structure());
            row.put("crossCovariance", pop.crossCovariance());
            if (pop.secondMoment() != null) {
                row.put("secondMoment", pop.secondMoment());
            }
            patterns.add(row);
        }
        m.put("patterns", patterns);
        List<Map<String, Object>> classes = new ArrayList<>();
        for (PatternClass c : s.classes()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("activeContexts", c.activeContexts());
            row.put("patterns", c.patterns());
            row.put("probability", c.probability());
            row.put("prior", c.prior());
            row.put("structure", c.structure());
            classes.add(row);
        }
        m.put("classes", classes);
        m.put("kl", s.kl());
        m.put("klPopulation", s.klPopulation());
        m.put("klSelectivity", s.klSelectivity());
        m.put("entropy", s.entropy());
        m.put("traceCovariance", s.traceCovariance());
        m.put("meanStructure", s.meanStructure());
        m.put("specialisedFraction", s.specialisedFraction());
        m.put("meanActiveFraction", s.meanActiveFraction());
        m.put("iterations", s.iterations());
        m.put("meanSquaredNorm", s.meanSquaredNorm());
        m.put("residual", s.residual());
        m.put("quadratureError", finite(s.quadratureError()));
        m.put("quadratureAtoms", s.problem().prior().maxAtoms() > 0 ? s.problem().prior().size() : null);
        m.put("converged", s.converged());
        m.put("priorEffectiveSampleSize", finite(s.priorEffectiveSampleSize()));
        m.put("posteriorEffectiveSampleSize", finite(s.posteriorEffectiveSampleSize()));
        m.put("warnings", s.warnings());
        return m;
    }

    /** Settings and scalar results shared by every scan row of one solution. */
    static Map<String, Object> scalars(MaxEntSolution s, String normalisation) {
        MaxEntProblem p = s.problem();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("contexts", p.contexts());
        row.put("features", p.features());
        row.put("normalisation", normalisation);
        row.put("gain_prior", p.prior().kind());
        if (!p.weights().isotropic()) { // recorded only when used
            row.put("weight_prior", p.weights().kind());
            row.put("prior_rank", p.weights().rank() > 0 ? p.weights().rank() : null);
            row.put("prior_floor", finite(p.weights().floor()));
        }
        row.put("sigma_w", p.sigmaW());
        row.put("sigma_z", p.sigmaZ());
        return row;
    }

    /** The law's scalar totals under their table column names (shared by scans and experiment kinds). */
    public static void putScalarTotals(Map<String, Object> row, MaxEntSolution s) {
        row.put("kl", s.kl());
        row.put("kl_population", s.klPopulation());
        row.put("kl_selectivity", s.klSelectivity());
        row.put("entropy", s.entropy());
        row.put("mean_structure", s.meanStructure());
        row.put("specialised_fraction", s.specialisedFraction());
        row.put("mean_active_fraction", s.meanActiveFraction());
        row.put("trace_covariance", s.traceCovariance());
        row.put("mean_squared_norm", s.meanSquaredNorm());
        row.put("residual", s.residual());
        row.put("quadrature_error", s.quadratureError());
        row.put("converged", s.converged() ? 1 : 0);
    }

    /**
     * One line stating the numerical accuracy of a solution (every output carries it): residual,
     * quadrature error estimate where there is one, and the verdict.
     */
    public static String accuracy(MaxEntSolution s) {
        String quad = Double.isNaN(s.quadratureError()) ? (s.problem().prior().maxAtoms() > 0 ? ", quadrature error not estimated" : "")
                : String.format(", quadrature error %.2g on %d atoms", s.quadratureError(), s.problem().prior().size());
        return String.format("%s: residual |M-A|/|A| = %.2e%s, %d iterations", s.converged() ? "converged" : "NOT CONVERGED",
                s.residual(), quad, s.iterations());
    }

    private static void putTotals(Map<String, Object> row, MaxEntSolution s) {
        putScalarTotals(row, s);
        row.put("method", s.method());
        row.put("iterations", s.iterations());
        row.put("converged", s.converged());
    }

    /** One row per class of m active contexts. */
    public static List<Map<String, Object>> rowsBySize(MaxEntSolution s, String normalisation) {
        List<Map<String, Object>> rows = new ArrayList<>();
        // the law's totals are the same on each of its C + 1 rows: computed once
        Map<String, Object> head = scalars(s, normalisation);
        Map<String, Object> totals = new LinkedHashMap<>();
        putTotals(totals, s);
        for (PatternClass c : s.classes()) {
            Map<String, Object> row = new LinkedHashMap<>(64);
            row.putAll(head);
            row.put("active_contexts", c.activeContexts());
            row.put("patterns", c.patterns());
            row.put("probability", c.probability());
            row.put("prior_probability", c.prior());
            row.put("structure", c.structure());
            row.putAll(totals);
            rows.add(row);
        }
        return rows;
    }

    /** One row per gain pattern (enumerated priors only). */
    public static List<Map<String, Object>> rowsByPattern(MaxEntSolution s, String normalisation) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Population pop : s.populations()) {
            Map<String, Object> row = scalars(s, normalisation);
            row.put("pattern", pop.name());
            row.put("active_contexts", pop.activeContexts());
            row.put("probability", pop.probability());
            row.put("prior_probability", pop.prior());
            row.put("structure", pop.structure());
            row.put("cross_covariance_norm", Math.sqrt(Arrays.stream(pop.crossCovariance()).map(x -> x * x).sum()));
            putTotals(row, s);
            rows.add(row);
        }
        return rows;
    }

    private static Double finite(double x) {
        return Double.isFinite(x) ? x : null;
    }
}
