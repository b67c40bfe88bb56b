package org.netropy.ei;

import org.netropy.ei.Distributions.TruncatedPmf;

/**
 * The exact annealed Markov chain on the number m of active neurons (THEORY §6):
 *
 * <pre>
 *   T(m → m') = Σ_{m_I} Hyp(m_I; N, N_I, m) · Bin(m'; N, q(m − m_I, m_I))
 *   q(m_E, m_I) = 1 − (1−ε)(1 − Σ_{n_E,n_I} Bin(n_E; m_E, p) Bin(n_I; m_I, p) σ(W_E n_E − W_I n_I))
 * </pre>
 *
 * "Annealed" means every neuron draws fresh presynaptic partners each step, so given (m_E, m_I)
 * the neurons fire independently. Because all neurons then share one firing probability, the E/I
 * split of the next active set is again hypergeometric, which makes the chain on m exact for
 * the annealed network. The split is kept inside the sum: averaging q over it first (one binomial
 * per m) underestimates the entropy.
 *
 * <p>The double sum over (n_E, n_I) is reduced to one sum: σ is piecewise linear, so for each n_I
 * the sum over n_E is a tail probability plus a linear piece, both read from the cumulative
 * tables of {@link ChainTables}. The firing probability is carried as the pair (q, 1 − q), each
 * summed from its own side, so neither loses precision when close to 0 or 1.
 */
public final class AnnealedChain {
    private final EiParameters params;
    private final ChainTables tables;
    private final double[][] transition;

    private AnnealedChain(EiParameters params, ChainTables tables) {
        this.params = params;
        this.tables = tables;
        this.transition = build();
    }

    public static AnnealedChain of(EiParameters params) {
        return new AnnealedChain(params, ChainTables.of(params));
    }

    public EiParameters parameters() {
        return params;
    }

    /** The (N+1)×(N+1) transition matrix; row m is the distribution of the next m'. Do not modify. */
    public double[][] transitionMatrix() {
        return transition;
    }

    /** The largest 1 − Σ_{m'} T(m → m'): probability mass dropped by truncating negligible terms. */
    public double maxRowDefect() {
        double worst = 0;
        for (double[] row : transition) {
            double s = 0;
            for (double v : row) {
                s += v;
            }
            worst = Math.max(worst, Math.abs(1 - s));
        }
        return worst;
    }

    /**
     * Firing probability of one neuron given m_E active excitatory and m_I active inhibitory
     * neurons, as {q, 1 − q}.
     */
    public double[] firingProbability(int activeExcitatory, int activeInhibitory) {
        double we = params.excitatoryWeight();
        double wi = params.inhibitoryWeight();
        double eps = params.spontaneousRate();
        TruncatedPmf inhibitoryInputs = tables.inputs[activeInhibitory];
        int mE = activeExcitatory;
        double drive = 0;
        double rest = 0;
        for (int i = 0; i < inhibitoryInputs.values().length; i++) {
            double g = inhibitoryInputs.values()[i];
            double c = wi * (inhibitoryInputs.lo() + i);
            double d;
            double u;
            if (we == 0) {
                d = 0; // σ(−c) = 0 for c ≥ 0
                u = tables.upperTail(mE, 0);
            } else {
                // n_E ≥ hi: saturated (σ = 1); lo ≤ n_E < hi: linear; n_E < lo: silent (σ = 0)
                int lo = clampIndex(Math.floor(c / we) + 1, mE);
                int hi = Math.max(lo, clampIndex(Math.ceil((c + 1) / we), mE));
                double below = tables.lowerTail(mE, lo - 1);
                double linearMass = tables.lowerTail(mE, hi - 1) - below;
                double linearMoment = tables.lowerMoment(mE, hi - 1) - tables.lowerMoment(mE, lo - 1);
                double linear = we * linearMoment - c * linearMass; // Σ f(n)(W_E n − c) over the linear part
                d = tables.upperTail(mE, hi) + linear;
                u = below + (linearMass - linear);
            }
            drive += g * d;
            rest += g * u;
        }
        drive = Math.min(1, Math.max(0, drive));
        rest = Math.min(1, Math.max(0, rest));
        return new double[] {eps + (1 - eps) * drive, (1 - eps) * rest};
    }

    private static int clampIndex(double x, int max) {
        return (int) Math.max(0, Math.min(max + 1, x));
    }

    private double[][] build() {
        int n = params.neurons();
        double[][] t = new double[n + 1][];
        for (int m = 0; m <= n; m++) {
            double[] row = new double[n + 1];
            TruncatedPmf split = tables.split[m];
            for (int i = 0; i < split.values().length; i++) {
                int mI = split.lo() + i;
                double[] q = firingProbability(m - mI, mI);
                Distributions.addBinomial(row, split.values()[i], n, q[0], q[1]);
            }
            t[m] = row;
        }
        return t;
    }

    /** Stationary distribution, entropy and entropy rate of this chain. */
    public EntropyResult solve() {
        long start = System.nanoTime();
        double[] pi = StationaryDistribution.solve(transition, params.spontaneousRate() > 0);
        double residual = StationaryDistribution.residual(transition, pi);
        double mean = 0;
        for (int m = 0; m < pi.length; m++) {
            mean += m * pi[m];
        }
        double rate = 0;
        for (int m = 0; m < pi.length; m++) {
            if (pi[m] > 0) {
                rate += pi[m] * Distributions.entropyBits(transition[m]);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new EntropyResult(params, Distributions.entropyBits(pi), rate, mean, pi, residual, maxRowDefect(), seconds);
    }

    /** Builds the chain and solves it: the whole computation for one parameter point. */
    public static EntropyResult entropy(EiParameters params) {
        long start = System.nanoTime();
        EntropyResult r = of(params).solve();
        return r.withSeconds((System.nanoTime() - start) / 1e9);
    }
}
