package org.netropy.claims;

import java.util.Objects;

/**
 * A decided claim: the statistic's value and 95% interval against the threshold, and the verdict.
 *
 * @param spec      experiment (spec) name
 * @param variant   variant whose table was read
 * @param claim     the claim's id
 * @param statement the claim in words
 * @param statistic what was computed, in words (measure, filter, combination)
 * @param value     the statistic (NaN if no row matched)
 * @param ciLow     lower end of its interval
 * @param ciHigh    upper end of its interval
 * @param threshold the test and its threshold, as written in the claims table
 * @param verdict   the decision
 * @param rows      number of rows (or steps, for a monotone test) tested
 * @param at        the row the reported value comes from (the deciding one), e.g. "init_scale=2.0"
 */
public record ClaimResult(String spec, String variant, String claim, String statement, String statistic, double value,
                          double ciLow, double ciHigh, String threshold, Verdict verdict, int rows, String at) {

    /** Column names of the claims table, in order. */
    public static final java.util.List<String> COLUMNS = java.util.List.of("spec", "variant", "claim", "statement", "statistic",
            "value", "ci_low", "ci_high", "threshold", "verdict", "rows", "at");

    public ClaimResult {
        Objects.requireNonNull(spec);
        Objects.requireNonNull(claim);
        Objects.requireNonNull(verdict);
    }
}
