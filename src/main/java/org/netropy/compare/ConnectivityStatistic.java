package org.netropy.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One two-sample statistic of a comparison with its decision rule (THEORY §5): how its value is
 * read off the two sides, whether and how it is bootstrapped, its margin and verdict, and the
 * table columns that carry it. The comparator, the report (comparison.json/csv/md, whose verdict
 * rows are the {@link Comparison#verdicts}) and the gd-maxent rows iterate
 * {@link ConnectivityStatistics}, so a new statistic is one implementation and one line there.
 */
public interface ConnectivityStatistic {

    /** Verdict name in comparison.json/csv/md, e.g. "populationFractions". */
    String name();

    /**
     * Short label in the overall rule ("fractions"); non-null only for a primary statistic, one
     * whose verdict enters the overall verdict (Bonferroni over the primary statistics).
     */
    default String primaryLabel() {
        return null;
    }

    /** Whether its verdict enters the overall verdict. */
    default boolean primary() {
        return primaryLabel() != null;
    }

    /**
     * The statistic on one design-bootstrap replicate of the two sides, prepared once per
     * comparison (null: not bootstrapped). Replicates are drawn by the comparator, the same draws
     * for every statistic.
     */
    default Replicator replicator(ComparisonEvidence e) {
        return null;
    }

    /**
     * Its verdict on the evidence; {@code replicates} are its bootstrap values (null when not
     * bootstrapped). The helpers {@link ConnectivityStatistics#equivalence} and
     * {@link ConnectivityStatistics#descriptive} give the two rules in use.
     */
    Comparison.Verdict verdict(ComparisonEvidence e, double[] replicates);

    /** gd-maxent column of its value (null: none). */
    default String valueColumn() {
        return null;
    }

    /** gd-maxent column of its lower confidence bound (null: none). */
    default String lowerColumn() {
        return null;
    }

    /** gd-maxent column of its upper confidence bound (null: none). */
    default String upperColumn() {
        return null;
    }

    /** The columns it fills, in the order value, lower, upper. */
    default List<String> columns() {
        List<String> c = new ArrayList<>();
        for (String s : new String[] {valueColumn(), lowerColumn(), upperColumn()}) {
            if (s != null) {
                c.add(s);
            }
        }
        return c;
    }

    /** Its table cells read off its verdict (a null cell: undefined). */
    default Map<String, Double> cells(Comparison.Verdict v) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (valueColumn() != null) {
            out.put(valueColumn(), v.value());
        }
        if (lowerColumn() != null) {
            out.put(lowerColumn(), v.lower());
        }
        if (upperColumn() != null) {
            out.put(upperColumn(), v.upper());
        }
        return out;
    }

    /** The statistic on one replicate. */
    interface Replicator {
        double of(Replicate r);
    }

    /**
     * One design-bootstrap replicate: row weights of both tables (bootstrap counts) and their
     * totals, the fractions and E[zw|g] of a reweighted, those of b (reweighted, or the model's exact ones).
     */
    record Replicate(int[] weightA, int[] weightB, double totalA, double totalB, Map<String, Double> fractionsA,
                     Map<String, double[]> crossCovarianceA, Map<String, Double> fractionsB, Map<String, double[]> crossCovarianceB) {}
}
