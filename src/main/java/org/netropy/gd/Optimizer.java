package org.netropy.gd;


/**
 * Update rule: plain gradient descent (the default), heavy-ball momentum, Adam; and, on the DL4J
 * backend only ({@link TrainingAlgorithm}), DL4J's Nesterov momentum, AdaGrad and RMSProp.
 */
public enum Optimizer {
    GD("gd"),
    MOMENTUM("momentum"),
    ADAM("adam"),
    NESTEROV("nesterov"),
    ADAGRAD("adagrad"),
    RMSPROP("rmsprop");

    private final String label;

    Optimizer(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The fused kernel implements gd, momentum and adam; the others need the DL4J backend. */
    public boolean onFusedKernel() {
        return this == GD || this == MOMENTUM || this == ADAM;
    }

    /**
     * Updaters whose step is invariant to a rescaling of the gradient (up to ε): the DL4J backend
     * maps the readout z to a dense weight W = f z and must rescale their rate by f, not f².
     */
    public boolean normalised() {
        return this == ADAM || this == ADAGRAD || this == RMSPROP;
    }

    public static Optimizer parse(String field, String text) {
        return org.netropy.io.Labels.parse(field, text, values(), e -> e.label);
    }
}
