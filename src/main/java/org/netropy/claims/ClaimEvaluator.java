package org.netropy.claims;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.netropy.experiment.ClaimSpec;
import org.netropy.experiment.ExperimentSpec;
import org.netropy.report.ExperimentTable;

/**
 * Decides a spec's claims on its tidy table ({@link ExperimentTable}): the statistic of each claim
 * is a measure's per-row mean with its 95% confidence interval over seeds (Student t), and the
 * verdict compares the interval with the threshold ({@link Verdict}).
 *
 * <p>Error rates. A one-row claim that holds is wrong with probability at most 2.5% (one side of a
 * 95% interval). A claim over several rows ({@code reduce: each}, or a monotone test over several
 * steps) holds only if every row holds, so a false "holds" needs every interval to miss; a false
 * "fails" needs one interval to miss, which over k rows has probability at most k × 2.5% (union
 * bound) — the claims table reports k in its {@code rows} column. A comparison of two rows
 * ({@code versus}) uses the set of differences (or ratios) of values inside both intervals, which
 * covers the true difference with probability at least 90% (both intervals cover) and is
 * conservative for seeds shared by both rows. A one-seed row has no interval: it is inconclusive
 * unless the claim says {@code exact: true} (an analytic computation without sampling), when the
 * value is its own interval. {@code reduce: mean} averages rows of separate runs: its interval is
 * centred on the average with the rows' half-widths added in quadrature (independent rows, normal
 * approximation). {@code max} and {@code min} take the extreme of the lower and of the upper ends,
 * which covers the extreme whenever every row's interval covers its own value.
 */
public final class ClaimEvaluator {
    private ClaimEvaluator() {}

    /** One tested value: a table row (or a combination of rows) with its interval. */
    private record Unit(Map<String, String> row, double value, double low, double high, String label) {}

    /** Reads the variant's table from {@code tables} and decides every claim of the variant. */
    public static List<ClaimResult> evaluate(ExperimentSpec spec, String variant, Path tables) {
        Path csv = tables.resolve(ExperimentTable.stem(spec.name(), variant) + ".csv");
        List<Map<String, String>> rows = ExperimentTable.readCsv(csv);
        List<ClaimResult> out = new ArrayList<>();
        for (ClaimSpec c : spec.claims(variant)) {
            out.add(evaluate(spec.name(), variant, c, rows));
        }
        return out;
    }

    /** Decides every claim of every spec (in order) for a variant; specs without that variant are skipped. */
    public static List<ClaimResult> evaluateAll(List<ExperimentSpec> specs, String variant, Path tables) {
        List<ClaimResult> out = new ArrayList<>();
        for (ExperimentSpec s : specs) {
            if (s.variantNames().contains(variant)) {
                out.addAll(evaluate(s, variant, tables));
            }
        }
        return out;
    }

    /** Decides one claim on the rows of a tidy table (column → text). */
    public static ClaimResult evaluate(String spec, String variant, ClaimSpec c, List<Map<String, String>> rows) {
        List<Map<String, String>> kept = rows.stream()
                .filter(r -> c.measures().contains(r.get("measure")) && matches(r, c.filter()) && inRange(r, c.range()))
                .toList();
        List<String> varying = varyingColumns(kept);
        if (c.measures().size() > 1) {
            varying.add(0, "measure");
        }
        List<Unit> units = new ArrayList<>();
        for (Map<String, String> r : kept) {
            Unit u = unit(r, c.exact(), label(r, varying));
            if (c.versus() != null) {
                Map<String, String> partner = partner(r, c.versus(), rows);
                if (partner == null) {
                    continue;
                }
                u = combine(u, unit(partner, c.exact(), ""), c.versus().operation());
            }
            units.add(u);
        }
        String statistic = statistic(c);
        for (String m : c.measures()) {
            if (kept.stream().noneMatch(r -> m.equals(r.get("measure")))) {
                // a claim over several measures is not decided on some of them
                return new ClaimResult(spec, variant, c.id(), c.statement(), statistic, Double.NaN, Double.NaN, Double.NaN,
                        c.thresholdText(), Verdict.INCONCLUSIVE, 0, "no matching rows of " + m);
            }
        }
        if (units.isEmpty()) {
            return new ClaimResult(spec, variant, c.id(), c.statement(), statistic, Double.NaN, Double.NaN, Double.NaN,
                    c.thresholdText(), Verdict.INCONCLUSIVE, 0, "no rows match");
        }
        double low = c.low();
        double high = c.high();
        if (c.test().monotone()) {
            units = steps(units, varying, c.along(), c.test() == ClaimSpec.Test.INCREASING);
            low = 0;
            high = Double.NaN;
            if (units.isEmpty()) {
                return new ClaimResult(spec, variant, c.id(), c.statement(), statistic, Double.NaN, Double.NaN, Double.NaN,
                        c.thresholdText(), Verdict.INCONCLUSIVE, 0, "fewer than two values of " + c.along());
            }
        } else if (c.reduce() != ClaimSpec.Reduce.EACH) {
            units = List.of(reduce(units, c.reduce()));
        }
        List<Verdict> verdicts = new ArrayList<>();
        for (Unit u : units) {
            verdicts.add(c.test().monotone() ? stepVerdict(u) : Verdict.of(u.low(), u.high(), low, high));
        }
        Verdict overall = Verdict.all(verdicts);
        Unit shown = null;
        double worst = Double.POSITIVE_INFINITY;
        for (int i = 0; i < units.size(); i++) {
            Unit u = units.get(i);
            double s = slack(u, low, high);
            if (verdicts.get(i) == overall && (shown == null || s < worst)) {
                shown = u;
                worst = Double.isNaN(s) ? Double.NEGATIVE_INFINITY : s;
            }
        }
        return new ClaimResult(spec, variant, c.id(), c.statement(), statistic, shown.value(), shown.low(), shown.high(),
                c.thresholdText(), overall, units.size(), shown.label().isEmpty() ? "-" : shown.label());
    }

    /** A strict monotone step: holds if the step's interval is above 0, fails if it is at or below 0. */
    private static Verdict stepVerdict(Unit step) {
        if (Double.isNaN(step.low()) || Double.isNaN(step.high())) {
            return Verdict.INCONCLUSIVE;
        }
        return step.low() > 0 ? Verdict.HOLDS : step.high() <= 0 ? Verdict.FAILS : Verdict.INCONCLUSIVE;
    }

    /** Distance of an interval from the threshold's edge (negative when outside); NaN without interval. */
    private static double slack(Unit u, double low, double high) {
        double a = Double.isNaN(low) ? Double.POSITIVE_INFINITY : u.low() - low;
        double b = Double.isNaN(high) ? Double.POSITIVE_INFINITY : high - u.high();
        return Math.min(a, b);
    }

    private static Unit unit(Map<String, String> r, boolean exact, String label) {
        double mean = number(r.get("mean"));
        double lo = number(r.get("ci95_low"));
        double hi = number(r.get("ci95_high"));
        if (Double.isNaN(lo) && Double.isNaN(hi) && exact && !Double.isNaN(mean)) {
            lo = mean;
            hi = mean;
        }
        return new Unit(r, mean, lo, hi, label);
    }

    /** First versus second: the difference (or ratio) with the interval of values inside both intervals. */
    private static Unit combine(Unit a, Unit b, ClaimSpec.Operation op) {
        if (op == ClaimSpec.Operation.DIFFERENCE) {
            return new Unit(a.row(), a.value() - b.value(), a.low() - b.high(), a.high() - b.low(), a.label());
        }
        if (!(b.low() > 0)) {
            return new Unit(a.row(), a.value() / b.value(), Double.NaN, Double.NaN, a.label());
        }
        double lo = a.low() >= 0 ? a.low() / b.high() : a.low() / b.low();
        double hi = a.high() >= 0 ? a.high() / b.low() : a.high() / b.high();
        return new Unit(a.row(), a.value() / b.value(), lo, hi, a.label());
    }

    private static Unit reduce(List<Unit> units, ClaimSpec.Reduce how) {
        int n = units.size();
        String over = n + " rows";
        return switch (how) {
            case MAX -> {
                Unit arg = units.stream().max(Comparator.comparingDouble(Unit::value)).orElseThrow();
                yield new Unit(arg.row(), arg.value(), units.stream().mapToDouble(Unit::low).max().orElseThrow(),
                        units.stream().mapToDouble(Unit::high).max().orElseThrow(), "max over " + over + " at " + arg.label());
            }
            case MIN -> {
                Unit arg = units.stream().min(Comparator.comparingDouble(Unit::value)).orElseThrow();
                yield new Unit(arg.row(), arg.value(), units.stream().mapToDouble(Unit::low).min().orElseThrow(),
                        units.stream().mapToDouble(Unit::high).min().orElseThrow(), "min over " + over + " at " + arg.label());
            }
            case MEAN -> {
                // rows of a tidy table come from separate runs: the half-widths add in quadrature
                double mean = units.stream().mapToDouble(Unit::value).average().orElseThrow();
                double half = Math.sqrt(units.stream().mapToDouble(u -> Math.pow((u.high() - u.low()) / 2, 2)).sum()) / n;
                yield new Unit(units.get(0).row(), mean, mean - half, mean + half, "mean over " + over);
            }
            case EACH -> throw new IllegalStateException();
        };
    }

    /** Consecutive steps along a column within each group of the other varying columns. */
    private static List<Unit> steps(List<Unit> units, List<String> varying, String along, boolean increasing) {
        List<String> others = varying.stream().filter(v -> !v.equals(along)).toList(); // includes "measure" when several
        Map<String, List<Unit>> groups = new LinkedHashMap<>();
        for (Unit u : units) {
            groups.computeIfAbsent(label(u.row(), others), k -> new ArrayList<>()).add(u);
        }
        List<Unit> steps = new ArrayList<>();
        for (Map.Entry<String, List<Unit>> g : groups.entrySet()) {
            List<Unit> line = new ArrayList<>(g.getValue());
            line.sort(Comparator.comparingDouble(u -> number(u.row().get(along))));
            for (int i = 1; i < line.size(); i++) {
                Unit p = line.get(i - 1);
                Unit q = line.get(i);
                String label = (g.getKey().isEmpty() ? "" : g.getKey() + ", ") + along + " " + p.row().get(along) + " -> " + q.row().get(along);
                steps.add(increasing
                        ? new Unit(q.row(), q.value() - p.value(), q.low() - p.high(), q.high() - p.low(), label)
                        : new Unit(q.row(), p.value() - q.value(), p.low() - q.high(), p.high() - q.low(), label));
            }
        }
        return steps;
    }

    private static Map<String, String> partner(Map<String, String> r, ClaimSpec.Versus v, List<Map<String, String>> rows) {
        for (Map<String, String> candidate : rows) {
            if (!(v.measure() == null ? r.get("measure") : v.measure()).equals(candidate.get("measure"))) {
                continue;
            }
            boolean same = true;
            for (String col : r.keySet()) {
                if (isStatColumn(col)) {
                    continue;
                }
                Object wanted = v.filter().containsKey(col) ? v.filter().get(col) : r.get(col);
                if (!cellEquals(candidate.get(col), wanted)) {
                    same = false;
                    break;
                }
            }
            if (same) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean isStatColumn(String col) {
        return col.equals("measure") || ExperimentTable.STAT_COLUMNS.contains(col);
    }

    private static List<String> varyingColumns(List<Map<String, String>> kept) {
        if (kept.isEmpty()) {
            return new ArrayList<>();
        }
        List<String> out = new ArrayList<>();
        for (String col : kept.get(0).keySet()) {
            if (isStatColumn(col)) {
                continue;
            }
            Set<String> values = kept.stream().map(r -> r.get(col)).collect(Collectors.toSet());
            if (values.size() > 1) {
                out.add(col);
            }
        }
        return out;
    }

    private static String label(Map<String, String> r, List<String> columns) {
        return columns.stream().map(c -> c + "=" + r.get(c)).collect(Collectors.joining(", "));
    }

    private static boolean matches(Map<String, String> r, Map<String, List<Object>> filter) {
        for (Map.Entry<String, List<Object>> f : filter.entrySet()) {
            String cell = r.get(f.getKey());
            if (f.getValue().stream().noneMatch(v -> cellEquals(cell, v))) {
                return false;
            }
        }
        return true;
    }

    private static boolean inRange(Map<String, String> r, Map<String, double[]> range) {
        for (Map.Entry<String, double[]> e : range.entrySet()) {
            double x = number(r.get(e.getKey()));
            if (!(x >= e.getValue()[0] && x <= e.getValue()[1])) {
                return false;
            }
        }
        return true;
    }

    /** A table cell equals a spec value: as numbers when both are numbers, else as text. */
    static boolean cellEquals(String cell, Object value) {
        if (cell == null) {
            return false;
        }
        double x = number(cell);
        double y = value instanceof Number n ? n.doubleValue() : number(String.valueOf(value));
        if (!Double.isNaN(x) && !Double.isNaN(y)) {
            return x == y;
        }
        return cell.equals(String.valueOf(value));
    }

    static double number(String s) {
        if (s == null || s.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** The statistic in words: measure, kept rows, combination. */
    static String statistic(ClaimSpec c) {
        StringBuilder s = new StringBuilder();
        if (!c.test().monotone() && c.reduce() != ClaimSpec.Reduce.EACH) {
            s.append(c.reduce().yaml()).append(" of ");
        }
        s.append(String.join(" | ", c.measures()));
        Set<String> where = new LinkedHashSet<>();
        c.filter().forEach((k, v) -> where.add(k + (v.size() == 1 ? "=" + v.get(0) : " in " + v)));
        c.range().forEach((k, v) -> where.add(k + " in [" + text(v[0]) + ", " + text(v[1]) + "]"));
        if (!where.isEmpty()) {
            s.append(" where ").append(String.join(", ", where));
        }
        if (c.versus() != null) {
            s.append(c.versus().operation() == ClaimSpec.Operation.RATIO ? " / " : " - ")
                    .append(c.versus().measure() == null ? "the same measure" : c.versus().measure());
            if (!c.versus().filter().isEmpty()) {
                s.append(" at ").append(c.versus().filter().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(", ")));
            }
        }
        if (c.test().monotone()) {
            s.append(", steps along ").append(c.along());
        }
        return s.toString();
    }

    private static String text(double x) {
        return Double.isInfinite(x) ? (x > 0 ? "inf" : "-inf") : String.format(Locale.ROOT, "%s", x);
    }
}
