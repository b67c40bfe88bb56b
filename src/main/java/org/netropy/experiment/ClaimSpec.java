package org.netropy.experiment;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A machine-checkable claim declared in a spec: a statement in words, the statistic that backs it
 * (a measure of the experiment's tidy table, the rows a filter keeps, how they are combined) and
 * the test against a threshold. {@code org.netropy.claims.ClaimEvaluator} decides it from the
 * table's 95% intervals: holds, fails or inconclusive. Read from YAML by {@link SpecLoader}.
 *
 * @param id        kebab-case name, unique within the spec
 * @param statement the claim in words
 * @param measures  the measures of the tidy table (several: every row of each is tested, e.g. one
 *                  distance under several analysis choices)
 * @param filter    column → allowed values (any of); cells compare as numbers when both parse
 * @param range     numeric column → [low, high], inclusive
 * @param reduce    how the kept rows are combined
 * @param test      the test
 * @param low       lower threshold ({@code >=}, {@code within}; −margin for {@code equivalent}), else NaN
 * @param high      upper threshold ({@code <=}, {@code within}; +margin for {@code equivalent}), else NaN
 * @param along     the ordered column for {@code increasing}/{@code decreasing}, else null
 * @param versus    a second statistic the first is compared with (difference or ratio), or null
 * @param exact     the measure is computed without sampling, so a one-seed value is its exact value
 */
public record ClaimSpec(String id, String statement, List<String> measures, Map<String, List<Object>> filter,
                        Map<String, double[]> range, Reduce reduce, Test test, double low, double high,
                        String along, Versus versus, boolean exact) {

    /** How the rows a claim keeps are combined into what is tested. */
    public enum Reduce {
        /** every row is tested; the claim holds if all hold, fails if any fails */
        EACH,
        /** the largest mean, with interval [max of lower ends, max of upper ends] */
        MAX,
        /** the smallest mean, with interval [min of lower ends, min of upper ends] */
        MIN,
        /** the average of the means; interval half-widths added in quadrature (rows from separate runs) */
        MEAN;

        public String yaml() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The test a claim applies to its statistic's interval. */
    public enum Test {
        AT_MOST("<="), AT_LEAST(">="), WITHIN("within"), EQUIVALENT("equivalent"),
        INCREASING("increasing"), DECREASING("decreasing");

        private final String yaml;

        Test(String yaml) {
            this.yaml = yaml;
        }

        public String yaml() {
            return yaml;
        }

        /** The test written as in a spec, or null. */
        public static Test of(String yaml) {
            for (Test t : values()) {
                if (t.yaml.equals(yaml)) {
                    return t;
                }
            }
            return null;
        }

        public boolean monotone() {
            return this == INCREASING || this == DECREASING;
        }
    }

    /** How the second statistic combines with the first. */
    public enum Operation { DIFFERENCE, RATIO }

    /**
     * A second statistic: the same row with some filter columns (and perhaps the measure) changed,
     * e.g. "rich TV minus lazy TV" or "best symmetric cost divided by 2 sqrt(C)".
     *
     * @param measure   measure of the partner row, or null for the row's own measure
     * @param filter    column → value of the partner row (other grouping columns equal)
     * @param operation difference (first − second) or ratio (first / second)
     */
    public record Versus(String measure, Map<String, Object> filter, Operation operation) {
        public Versus {
            filter = Map.copyOf(filter);
            Objects.requireNonNull(operation);
        }
    }

    public ClaimSpec {
        Objects.requireNonNull(id);
        Objects.requireNonNull(statement);
        measures = List.copyOf(measures);
        if (measures.isEmpty()) {
            throw new IllegalArgumentException("claim " + id + ": no measure");
        }
        filter = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(filter));
        range = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(range));
        Objects.requireNonNull(reduce);
        Objects.requireNonNull(test);
        if (test.monotone() != (along != null)) {
            throw new IllegalArgumentException("claim " + id + ": 'along' goes with increasing/decreasing only");
        }
        if (test == Test.EQUIVALENT && versus == null) {
            throw new IllegalArgumentException("claim " + id + ": equivalent needs versus");
        }
    }

    /** The threshold as written in the claims table. */
    public String thresholdText() {
        return switch (test) {
            case AT_MOST -> "<= " + number(high);
            case AT_LEAST -> ">= " + number(low);
            case WITHIN -> "within [" + number(low) + ", " + number(high) + "]";
            case EQUIVALENT -> (versus.operation() == Operation.RATIO ? "ratio within [" : "difference within [")
                    + number(low) + ", " + number(high) + "]";
            case INCREASING -> "increasing along " + along;
            case DECREASING -> "decreasing along " + along;
        };
    }

    private static String number(double x) {
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }
}
