package org.netropy.task;


/**
 * How the task matrix is scaled with the number of contexts C (THEORY §1).
 *
 * <p>The C-dependence of every max-ent statistic depends on this choice, which the primary paper's
 * abstract does not fix; it is therefore a setting, recorded with every result.
 */
public enum TargetNormalisation {
    /** Targets {@code A} as given: in context k report feature k with unit slope. */
    NONE("none"),
    /** Targets {@code A/√C}: the summed squared target slope stays fixed as C grows. */
    SQRT_CONTEXTS("sqrt-contexts");

    private final String label;

    TargetNormalisation(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public double factor(int contexts) {
        return this == NONE ? 1.0 : 1.0 / Math.sqrt(contexts);
    }

    public static TargetNormalisation parse(String field, String text) {
        return org.netropy.io.Labels.parse(field, text, values(), e -> e.label);
    }

    @Override
    public String toString() {
        return label;
    }
}
