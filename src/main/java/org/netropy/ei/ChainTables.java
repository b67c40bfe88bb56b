package org.netropy.ei;

import java.util.LinkedHashMap;
import java.util.Map;
import org.netropy.ei.Distributions.TruncatedPmf;

/**
 * The parts of the annealed chain that do not depend on the weights or on ε: the E/I split of m
 * active neurons (hypergeometric) and the number of active inputs Bin(n, p) with its cumulative
 * sums. A λ, W_E, W_I or ε sweep builds them once; they are cached by (N, p, N_I).
 */
public final class ChainTables {
    private static final int CACHE_SIZE = 8;
    private static final Map<Key, ChainTables> CACHE = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, ChainTables> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    private record Key(int neurons, double p, int inhibitory) {}

    final int neurons;
    final int inhibitory;
    final double p;
    /** split[m] = P(m_I | m active) = Hyp(m_I; N_I, N_E, m). */
    final TruncatedPmf[] split;
    /** inputs[n] = Bin(·; n, p): active inputs from n active presynaptic neurons of one type. */
    final TruncatedPmf[] inputs;
    /** lower[n][i] = Σ_{j ≤ lo+i} pmf(j) (accurate lower tails). */
    final double[][] lower;
    /** upper[n][i] = Σ_{j ≥ lo+i} pmf(j) (accurate upper tails). */
    final double[][] upper;
    /** firstMoment[n][i] = Σ_{j ≤ lo+i} j·pmf(j). */
    final double[][] firstMoment;

    private ChainTables(int neurons, double p, int inhibitory) {
        this.neurons = neurons;
        this.inhibitory = inhibitory;
        this.p = p;
        int excitatory = neurons - inhibitory;
        split = new TruncatedPmf[neurons + 1];
        for (int m = 0; m <= neurons; m++) {
            split[m] = Distributions.hypergeometricPmf(inhibitory, excitatory, m);
        }
        int maxInputs = Math.max(excitatory, inhibitory);
        inputs = new TruncatedPmf[maxInputs + 1];
        lower = new double[maxInputs + 1][];
        upper = new double[maxInputs + 1][];
        firstMoment = new double[maxInputs + 1][];
        for (int n = 0; n <= maxInputs; n++) {
            TruncatedPmf f = Distributions.binomialPmf(n, p);
            double[] v = f.values();
            double[] lo = new double[v.length];
            double[] up = new double[v.length];
            double[] m1 = new double[v.length];
            double s = 0;
            double s1 = 0;
            for (int i = 0; i < v.length; i++) {
                s += v[i];
                s1 += (f.lo() + i) * v[i];
                lo[i] = s;
                m1[i] = s1;
            }
            s = 0;
            for (int i = v.length - 1; i >= 0; i--) {
                s += v[i];
                up[i] = s;
            }
            inputs[n] = f;
            lower[n] = lo;
            upper[n] = up;
            firstMoment[n] = m1;
        }
    }

    /** The (cached) tables for this configuration's N, p and N_I. */
    public static ChainTables of(EiParameters params) {
        Key key = new Key(params.neurons(), params.connectionProbability(), params.inhibitoryCount());
        synchronized (CACHE) {
            ChainTables t = CACHE.get(key);
            if (t == null) {
                t = new ChainTables(key.neurons(), key.p(), key.inhibitory());
                CACHE.put(key, t);
            }
            return t;
        }
    }

    /** Σ_{j ≤ k} Bin(j; n, p) over the truncated support. */
    double lowerTail(int n, int k) {
        TruncatedPmf f = inputs[n];
        if (k < f.lo()) {
            return 0;
        }
        return lower[n][Math.min(k, f.hi()) - f.lo()];
    }

    /** Σ_{j ≥ k} Bin(j; n, p) over the truncated support. */
    double upperTail(int n, int k) {
        TruncatedPmf f = inputs[n];
        if (k > f.hi()) {
            return 0;
        }
        return upper[n][Math.max(k, f.lo()) - f.lo()];
    }

    /** Σ_{j ≤ k} j·Bin(j; n, p) over the truncated support. */
    double lowerMoment(int n, int k) {
        TruncatedPmf f = inputs[n];
        if (k < f.lo()) {
            return 0;
        }
        return firstMoment[n][Math.min(k, f.hi()) - f.lo()];
    }
}
