package org.netropy.gd;

/**
 * The arithmetic of one full-batch step for all K members of an ensemble; {@link EnsembleEngine}
 * does the bookkeeping (loss curve, divergence, tolerance, snapshots) around it. Two
 * implementations compute the same closed-form step: {@link Nd4jKernel} (every operation an ND4J
 * call; the reference) and {@link FusedKernel} (two wide BLAS products per step, everything
 * element-wise in one plain-Java pass; both precisions). A test checks they agree.
 */
interface EnsembleKernel {

    /**
     * Loss of every member at the current parameters (entries of frozen members unspecified);
     * also prepares what {@link #update} needs (the fused kernel computes the whole step here). {@code t} is the step index (t = 0 fixes the
     * centring offset).
     */
    double[] evaluate(int t);

    /** Keeps the current parameters of every member as its last good state. */
    void remember();

    /** One optimizer step (step count {@code t} ≥ 1) from the state of the last {@link #evaluate}. */
    void update(int t);

    /** Stops updating member {@code m}. */
    void freeze(int m);

    /** Member {@code m}'s current (or, with {@code previous}, last remembered) network. */
    Network extract(int m, boolean previous, Network like);

    /** Member {@code m}'s centring offset y₀ (the initial output per sample), or null. */
    double[] offset(int m);
}
