package org.netropy.gd;


/**
 * Loss normalisation: {@code L = (1/2P) Σ_μ (y_μ − y*_μ)²} (MEAN, THEORY §4) or
 * {@code L = ½ Σ_μ (y_μ − y*_μ)²} (SUM, Flesch et al. 2022).
 */
public enum LossScale {
    MEAN("mean"),
    SUM("sum");

    private final String label;

    LossScale(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Factor multiplying ½ Σ (y − y*)². */
    public double factor(int samples) {
        return this == MEAN ? 1.0 / samples : 1.0;
    }

    public static LossScale parse(String field, String text) {
        return org.netropy.io.Labels.parse(field, text, values(), e -> e.label);
    }
}
