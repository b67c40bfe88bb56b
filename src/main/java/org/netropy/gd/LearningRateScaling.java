package org.netropy.gd;


/**
 * How the base rate η becomes the per-parameter rate: MEAN_FIELD uses
 * {@code η_eff = η N / max(1, σ₀²)} on every parameter (THEORY §4; σ₀ is the stimulus-weight
 * scale, and the 1/σ₀² keeps lazy runs stable), PLAIN uses η as given (e.g. Flesch et al.).
 */
public enum LearningRateScaling {
    MEAN_FIELD("mean-field"),
    PLAIN("plain");

    private final String label;

    LearningRateScaling(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public double effective(double eta, int hidden, double sigma0) {
        return this == PLAIN ? eta : eta * hidden / Math.max(1.0, sigma0 * sigma0);
    }

    public static LearningRateScaling parse(String field, String text) {
        return org.netropy.io.Labels.parse(field, text, values(), e -> e.label);
    }
}
