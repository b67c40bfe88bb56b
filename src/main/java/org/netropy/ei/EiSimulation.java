package org.netropy.ei;

import java.util.SplittableRandom;
import org.netropy.io.InvalidInputException;
import org.netropy.random.RandomStreams;

/**
 * Direct neuron-by-neuron simulation of the binary E/I network (THEORY §6), an independent
 * cross-check of {@link AnnealedChain}: it never evaluates a hypergeometric, a binomial pmf or the
 * firing probability q, it just draws connections and fires neurons.
 *
 * <ul>
 *   <li>{@link Mode#annealed}: every neuron draws its presynaptic partners afresh each step (each
 *       active neuron is an input with probability p, itself included), exactly the chain's
 *       assumption.</li>
 *   <li>{@link Mode#quenched}: one fixed directed Erdős–Rényi graph without self-connections, drawn
 *       once from the stream {@code ei/quenched-graph}; what a real network would be.</li>
 * </ul>
 *
 * Neurons 0..N_E−1 are excitatory, the rest inhibitory. Randomness comes from named streams of
 * {@link RandomStreams}, so a run is reproduced from its seed.
 */
public final class EiSimulation {
    private EiSimulation() {}

    public enum Mode { annealed, quenched }

    /**
     * Empirical statistics of a simulated run.
     *
     * @param mode annealed or quenched
     * @param steps recorded steps (after burn-in)
     * @param histogram counts of m = 0..N over the recorded steps
     * @param entropyBits plug-in entropy of the histogram
     * @param entropyStdErrorBits batch-means standard error of the entropy (20 batches; the plug-in
     *     bias of a batch is larger than that of the whole run, so this is a rough scale)
     * @param meanActive time-average of m
     * @param meanActiveStdError batch-means standard error of the mean (20 batches)
     */
    public record Result(Mode mode, long steps, long[] histogram, double entropyBits, double entropyStdErrorBits,
                         double meanActive, double meanActiveStdError) {}

    private static final int BATCHES = 20;

    /** Discarded steps before recording, the same default for the command line and the spec kind. */
    public static final long DEFAULT_BURN_IN = 1000;

    /**
     * Runs {@code burnIn + steps} synchronous updates from a random initial state (each neuron active
     * with probability 1/2) and records m after each recorded step.
     */
    public static Result run(EiParameters params, Mode mode, long steps, long burnIn, RandomStreams seeds) {
        InvalidInputException.require(steps >= BATCHES, "simulation_steps", "an integer >= " + BATCHES, steps);
        InvalidInputException.require(burnIn >= 0, "burn_in", "an integer >= 0", burnIn);
        int n = params.neurons();
        int ne = params.excitatoryCount();
        double p = params.connectionProbability();
        double we = params.excitatoryWeight();
        double wi = params.inhibitoryWeight();
        double eps = params.spontaneousRate();
        SplittableRandom rng = seeds.stream("ei/simulation-" + mode);
        int[][] inputs = mode == Mode.quenched ? quenchedGraph(n, p, seeds.stream("ei/quenched-graph")) : null;

        boolean[] state = new boolean[n];
        boolean[] next = new boolean[n];
        for (int i = 0; i < n; i++) {
            state[i] = rng.nextDouble() < 0.5;
        }
        long[] histogram = new long[n + 1];
        long perBatch = steps / BATCHES;
        long[][] batchHist = new long[BATCHES][n + 1];
        double[] batchSum = new double[BATCHES];
        long recorded = 0;
        for (long t = 0; t < burnIn + steps; t++) {
            int activeE = 0;
            int activeI = 0;
            for (int j = 0; j < n; j++) {
                if (state[j]) {
                    if (j < ne) {
                        activeE++;
                    } else {
                        activeI++;
                    }
                }
            }
            int m = 0;
            for (int i = 0; i < n; i++) {
                double input;
                if (inputs == null) {
                    input = we * bernoulliCount(activeE, p, rng) - wi * bernoulliCount(activeI, p, rng);
                } else {
                    int nE = 0;
                    int nI = 0;
                    for (int j : inputs[i]) {
                        if (state[j]) {
                            if (j < ne) {
                                nE++;
                            } else {
                                nI++;
                            }
                        }
                    }
                    input = we * nE - wi * nI;
                }
                double prob = 1 - (1 - eps) * (1 - Math.min(1, Math.max(0, input)));
                next[i] = rng.nextDouble() < prob;
                if (next[i]) {
                    m++;
                }
            }
            boolean[] swap = state;
            state = next;
            next = swap;
            if (t >= burnIn) {
                histogram[m]++;
                int b = (int) Math.min(BATCHES - 1, recorded / perBatch);
                batchHist[b][m]++;
                batchSum[b] += m;
                recorded++;
            }
        }
        double mean = 0;
        for (int m = 0; m <= n; m++) {
            mean += (double) m * histogram[m];
        }
        mean /= recorded;
        double[] batchMean = new double[BATCHES];
        double[] batchEntropy = new double[BATCHES];
        for (int b = 0; b < BATCHES; b++) {
            long count = 0;
            for (long c : batchHist[b]) {
                count += c;
            }
            batchMean[b] = batchSum[b] / count;
            batchEntropy[b] = plugInEntropyBits(batchHist[b]);
        }
        return new Result(mode, recorded, histogram, plugInEntropyBits(histogram), stdError(batchEntropy),
                mean, stdError(batchMean));
    }

    /** Number of successes among {@code trials} Bernoulli(p) trials, by geometric skipping (O(trials·p)). */
    static int bernoulliCount(int trials, double p, SplittableRandom rng) {
        if (p <= 0 || trials == 0) {
            return 0;
        }
        if (p >= 1) {
            return trials;
        }
        double logQ = Math.log1p(-p);
        int count = 0;
        long position = -1;
        while (true) {
            // gap until the next success: Geometric(p) on {0, 1, ...}
            double u = 1 - rng.nextDouble(); // in (0, 1]
            position += 1 + (long) Math.floor(Math.log(u) / logQ);
            if (position >= trials) {
                return count;
            }
            count++;
        }
    }

    /** in-neighbours of each neuron in a directed Erdős–Rényi graph without self-connections. */
    static int[][] quenchedGraph(int n, double p, SplittableRandom rng) {
        int[][] in = new int[n][];
        int[] buffer = new int[n];
        for (int i = 0; i < n; i++) {
            int c = 0;
            for (int j = 0; j < n; j++) {
                if (j != i && rng.nextDouble() < p) {
                    buffer[c++] = j;
                }
            }
            in[i] = java.util.Arrays.copyOf(buffer, c);
        }
        return in;
    }

    static double plugInEntropyBits(long[] counts) {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        double h = 0;
        for (long c : counts) {
            if (c > 0) {
                double f = (double) c / total;
                h -= f * Math.log(f);
            }
        }
        return h / Math.log(2);
    }

    private static double stdError(double[] x) {
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        return Math.sqrt(ss / (x.length - 1) / x.length);
    }
}
