package org.netropy.ei;

import org.netropy.io.InvalidInputException;

/**
 * One binary E/I network configuration (THEORY §6): N neurons of which {@link #inhibitoryCount()}
 * = round(αN) are inhibitory, directed connections present independently with probability p,
 * excitatory synapses +W_E, inhibitory −W_I, spontaneous firing probability ε. Users' values are
 * checked in their own words by {@link EiOptions} first; the constructor's errors name its keys.
 *
 * @param neurons N ≥ 1
 * @param connectionProbability p in [0, 1] (mean in-degree k = pN)
 * @param inhibitoryFraction α in [0, 1]; the network has round(αN) inhibitory neurons
 * @param excitatoryWeight W_E ≥ 0
 * @param inhibitoryWeight W_I ≥ 0 (the synapse is −W_I)
 * @param spontaneousRate ε in [0, 1]
 */
public record EiParameters(int neurons, double connectionProbability, double inhibitoryFraction,
                           double excitatoryWeight, double inhibitoryWeight, double spontaneousRate) {

    /** Largest N accepted: the chain holds an (N+1)² matrix and costs O(N³). */
    public static final int MAX_NEURONS = 5000;

    public EiParameters {
        InvalidInputException.inRange("neurons", neurons, 1, MAX_NEURONS);
        InvalidInputException.probability("p", connectionProbability);
        InvalidInputException.probability("alpha", inhibitoryFraction);
        InvalidInputException.nonNegative("we", excitatoryWeight);
        InvalidInputException.nonNegative("wi", inhibitoryWeight);
        InvalidInputException.probability("epsilon", spontaneousRate);
    }

    /** N_I = round(αN). */
    public int inhibitoryCount() {
        return (int) Math.round(inhibitoryFraction * neurons);
    }

    public int excitatoryCount() {
        return neurons - inhibitoryCount();
    }

    /** The realised inhibitory fraction N_I/N (equals α when αN is an integer). */
    public double realisedInhibitoryFraction() {
        return (double) inhibitoryCount() / neurons;
    }

    /** Mean in-degree k = pN. */
    public double meanInDegree() {
        return connectionProbability * neurons;
    }

    /**
     * Branching parameter λ = k[(1−α)W_E − αW_I] with the realised fraction N_I/N: the mean number
     * of extra firings one firing causes below saturation; λ = 1 separates inhibition- from
     * excitation-dominated dynamics.
     */
    public double lambda() {
        double a = realisedInhibitoryFraction();
        return meanInDegree() * ((1 - a) * excitatoryWeight - a * inhibitoryWeight);
    }

    public EiParameters withWeights(double we, double wi) {
        return new EiParameters(neurons, connectionProbability, inhibitoryFraction, we, wi, spontaneousRate);
    }

    public EiParameters withInhibitoryFraction(double alpha) {
        return new EiParameters(neurons, connectionProbability, alpha, excitatoryWeight, inhibitoryWeight, spontaneousRate);
    }

    public EiParameters withSpontaneousRate(double epsilon) {
        return new EiParameters(neurons, connectionProbability, inhibitoryFraction, excitatoryWeight, inhibitoryWeight, epsilon);
    }
}
