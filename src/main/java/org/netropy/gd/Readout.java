package org.netropy.gd;


/**
 * Readout normalisation: {@code y = s(N) Σ_i z_i φ(h_i)} with s = 1/N (mean field, the
 * parametrisation of the max-ent engine, THEORY §2), 1/√N (standard/NTK) or 1 (plain dense layer,
 * as in Flesch et al. 2022). Tables always store z in the mean-field convention.
 */
public enum Readout {
    MEAN_FIELD("mean-field"),
    STANDARD("standard"),
    UNIT("unit");

    private final String label;

    Readout(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public double factor(int hidden) {
        return switch (this) {
            case MEAN_FIELD -> 1.0 / hidden;
            case STANDARD -> 1.0 / Math.sqrt(hidden);
            case UNIT -> 1.0;
        };
    }

    public static Readout parse(String field, String text) {
        return org.netropy.io.Labels.parse(field, text, values(), e -> e.label);
    }
}
