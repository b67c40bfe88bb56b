package org.netropy.ei;

/**
 * The stationary statistics of one configuration's annealed chain.
 *
 * @param parameters the configuration
 * @param entropyBits H = −Σ π(m) log₂ π(m), entropy of the number of active neurons
 * @param entropyRateBits −Σ π(m) Σ T(m→m') log₂ T(m→m'), bits per time step of the m-process
 * @param meanActive Σ m π(m)
 * @param stationary π(0..N)
 * @param stationarityResidual ‖πT − π‖₁ (includes the truncation defect)
 * @param maxRowDefect largest |1 − row sum| of T (mass dropped by truncation)
 * @param seconds wall time of the computation
 */
public record EntropyResult(EiParameters parameters, double entropyBits, double entropyRateBits,
                            double meanActive, double[] stationary, double stationarityResidual,
                            double maxRowDefect, double seconds) {

    public double lambda() {
        return parameters.lambda();
    }

    /** log₂(N + 1): the entropy of a uniform distribution over m, the upper bound of H. */
    public double maxEntropyBits() {
        return Math.log(parameters.neurons() + 1) / Math.log(2);
    }

    public EntropyResult withSeconds(double s) {
        return new EntropyResult(parameters, entropyBits, entropyRateBits, meanActive, stationary,
                stationarityResidual, maxRowDefect, s);
    }
}
