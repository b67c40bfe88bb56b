package org.netropy.claims;

/**
 * A claim's verdict from the statistic's interval against the threshold: {@code holds} only if
 * the whole interval lies on the claimed side, {@code fails} only if the whole interval lies on
 * the other side, {@code inconclusive} otherwise (including when no row or no interval exists).
 */
public enum Verdict {
    HOLDS, FAILS, INCONCLUSIVE;

    /** The verdict as written in tables. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Verdict of(String word) {
        return valueOf(word.toUpperCase(java.util.Locale.ROOT));
    }

    /** Verdict of an interval against [low, high] (NaN ends of the threshold are unbounded). */
    static Verdict of(double ciLow, double ciHigh, double low, double high) {
        if (Double.isNaN(ciLow) || Double.isNaN(ciHigh)) {
            return INCONCLUSIVE;
        }
        double lo = Double.isNaN(low) ? Double.NEGATIVE_INFINITY : low;
        double hi = Double.isNaN(high) ? Double.POSITIVE_INFINITY : high;
        if (ciLow >= lo && ciHigh <= hi) {
            return HOLDS;
        }
        if (ciHigh < lo || ciLow > hi) {
            return FAILS;
        }
        return INCONCLUSIVE;
    }

    /** All of a family: fails if any fails, holds if all hold, inconclusive otherwise. */
    static Verdict all(java.util.Collection<Verdict> verdicts) {
        if (verdicts.isEmpty()) {
            return INCONCLUSIVE;
        }
        if (verdicts.contains(FAILS)) {
            return FAILS;
        }
        return verdicts.stream().allMatch(v -> v == HOLDS) ? HOLDS : INCONCLUSIVE;
    }
}
