package org.netropy.gd;

import java.nio.DoubleBuffer;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.netropy.task.TaskData;

/**
 * The step of {@link Nd4jKernel} with two ND4J calls per step (per tile of members) instead of
 * ~20. All members share the inputs X (P × din), so their stimulus/context/bias weights sit side
 * by side as the columns of one wide matrix and the two large products of the step are each ONE
 * BLAS call: {@code H = X [W_1 … W_T]} and {@code [∂W_1 … ∂W_T] = Xᵀ [∂H_1 … ∂H_T]}. Each output
 * element is computed from its own member's columns only. Everything else — {@code a = φ(h)},
 * {@code y = a·(f z) + c}, {@code e = f_P (y − y*)}, {@code ∂z = f aᵀe},
 * {@code ∂H = φ'(h) ∘ e (f z)ᵀ} and the optimizer update — is one fused pass of plain loops per
 * member and sample, so no element-wise pass goes through ND4J (where each costs a framework call
 * and runs at ~10⁸ elements/s). Double precision only.
 *
 * <p>Java-side layout, member-major: member m's weights {@code w[(m·din + j)·N + i]} for input
 * column j (stimulus features, cue, then the constant 1 whose weight is the hidden bias) and
 * neuron i; H and ∂H {@code [(m_local·P + s)·N + i]} for the members of the current tile. In the
 * wide ND4J matrices member m_local's block starts at column {@code m_local·np} ({@link #PAD}).
 */
final class FusedKernel implements EnsembleKernel {
    private final int kk;
    private final int p;
    private final int n;
    private final int d;
    private final int c;
    private final int din;
    private final int np;
    /**
     * Each member's columns start at a multiple of this in the wide matrices (zero columns
     * between): BLAS kernels handle rows in strips of 4 (Haswell/Zen) to 16 (AVX-512), and an
     * element computed in a partial strip can differ in the last bit; aligned blocks give every
     * member exactly the arithmetic it gets alone (tested; without padding a member differed).
     */
    static final int PAD = 16;

    /**
     * Members per pair of wide products: beyond ~16–32 members H and ∂H (P × members·N) outgrow the
     * caches and the step per member gets ~25 % slower (measured), so larger ensembles are done in
     * tiles. A member's arithmetic does not depend on its tile.
     */
    static final int TILE = 16;
    private final boolean bias;
    private final boolean trainC;
    private final boolean centred;
    private final Activation act;
    private final Optimizer kind;
    private final double mu;
    private final double scale;
    private final double[] yStar;
    private final double[] fac;
    private final double[] lr;
    private final double[] w;           // din × K·N
    private final double[] z;           // K·N
    private final double[] cb;          // K
    private final double[] prevW;
    private final double[] prevZ;
    private final double[] prevC;
    private final double[] dw;
    private final double[] dz;
    private final double[] dc;
    private final double[][] y0;
    private final double[] mw1;
    private final double[] mw2;
    private final double[] mz1;
    private final double[] mz2;
    private final double[] mc1;
    private final double[] mc2;
    private final boolean[] frozen;
    private final double[] loss;
    private final double[] zf;
    private final int tile;
    private final double[] h;           // tile × P × N
    private final double[] dh;          // tile × P × N
    private final double[] aRow;
    private final INDArray xNd;
    private final INDArray wNd;
    private final INDArray hNd;
    private final INDArray dhNd;
    private final INDArray dwNd;

    FusedKernel(List<GdRunSpec> specs, List<Network> inits) {
        GdRunSpec s0 = specs.get(0);
        TaskData data = s0.task().data();
        kk = specs.size();
        p = data.size();
        n = s0.hidden();
        d = data.features();
        c = data.contexts();
        bias = s0.hiddenBias();
        din = d + c + (bias ? 1 : 0);
        trainC = s0.outputBias();
        centred = s0.centred();
        act = s0.activation();
        kind = s0.optimizer();
        mu = s0.momentum();
        scale = s0.loss().factor(p);
        double[] x = new double[p * din];
        double[][] inputs = data.inputs();
        for (int s = 0; s < p; s++) {
            System.arraycopy(inputs[s], 0, x, s * din, d + c);
            if (bias) {
                x[s * din + d + c] = 1;
            }
        }
        yStar = data.targets().clone();
        fac = new double[kk];
        lr = new double[kk];
        w = new double[kk * din * n];
        z = new double[kk * n];
        cb = new double[kk];
        for (int m = 0; m < kk; m++) {
            Network net = inits.get(m);
            int col = m * n;
            int wo = m * din * n;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    w[wo + j * n + i] = net.w()[i][j];
                }
                for (int k = 0; k < c; k++) {
                    w[wo + (d + k) * n + i] = net.v()[i][k];
                }
                if (bias) {
                    w[wo + (d + c) * n + i] = net.b()[i];
                }
                z[col + i] = net.z()[i];
            }
            cb[m] = net.outputBias();
            fac[m] = net.factor();
            lr[m] = specs.get(m).effectiveLearningRate();
        }
        prevW = w.clone();
        prevZ = z.clone();
        prevC = cb.clone();
        dw = new double[kk * din * n];
        dz = new double[kk * n];
        dc = new double[kk];
        y0 = centred ? new double[kk][p] : null;
        boolean m1 = kind != Optimizer.GD;
        boolean m2 = kind == Optimizer.ADAM;
        mw1 = m1 ? new double[kk * din * n] : null;
        mz1 = m1 ? new double[kk * n] : null;
        mc1 = m1 ? new double[kk] : null;
        mw2 = m2 ? new double[kk * din * n] : null;
        mz2 = m2 ? new double[kk * n] : null;
        mc2 = m2 ? new double[kk] : null;
        frozen = new boolean[kk];
        loss = new double[kk];
        zf = new double[kk * n];
        tile = Math.min(kk, TILE);
        h = new double[tile * p * n];
        dh = new double[tile * p * n];
        aRow = new double[n];
        np = (n + PAD - 1) / PAD * PAD;
        xNd = Nd4j.create(x, new long[] {p, din}, DataType.DOUBLE);
        wNd = Nd4j.create(DataType.DOUBLE, din, (long) tile * np);
        hNd = Nd4j.create(DataType.DOUBLE, p, (long) tile * np);
        dhNd = Nd4j.create(DataType.DOUBLE, p, (long) tile * np);
        dwNd = Nd4j.create(DataType.DOUBLE, din, (long) tile * np);
    }

    @Override
    public double[] evaluate(int t) {
        // per tile of members, the two products are single wide BLAS calls, H = X [W_1 … W_T] and
        // [∂W_1 … ∂W_T] = Xᵀ [∂H_1 … ∂H_T]; the Java side keeps each member's blocks contiguous
        for (int ms = 0; ms < kk; ms += tile) {
            int me = Math.min(kk, ms + tile);
            scatter(w, 0, wNd, din, ms, me);
            Nd4j.gemm(xNd, wNd, hNd, false, false, 1.0, 0.0);
            gather(hNd, h, ms, p, ms, me);
            for (int m = ms; m < me; m++) {
                if (!frozen[m]) {
                    loss[m] = member(m, m - ms, t);
                } else {
                    java.util.Arrays.fill(dh, (m - ms) * p * n, (m - ms + 1) * p * n, 0);
                }
            }
            scatter(dh, ms, dhNd, p, ms, me);
            Nd4j.gemm(xNd, dhNd, dwNd, true, false, 1.0, 0.0);
            gather(dwNd, dw, 0, din, ms, me);
        }
        return loss;
    }

    /**
     * Rows of members ms..me-1 (member-major, {@code members × rows × N}, member m at block
     * m − base) into the wide matrix {@code rows × tile·np}.
     */
    private void scatter(double[] from, int base, INDArray to, int rows, int ms, int me) {
        DoubleBuffer b = to.data().asNioDouble();
        for (int m = ms; m < me; m++) {
            for (int r = 0; r < rows; r++) {
                b.put(r * tile * np + (m - ms) * np, from, ((m - base) * rows + r) * n, n);
            }
        }
    }

    /** The inverse of {@link #scatter}. */
    private void gather(INDArray from, double[] to, int base, int rows, int ms, int me) {
        DoubleBuffer b = from.data().asNioDouble();
        for (int m = ms; m < me; m++) {
            for (int r = 0; r < rows; r++) {
                b.get(r * tile * np + (m - ms) * np, to, ((m - base) * rows + r) * n, n);
            }
        }
    }

    /** Output, loss, ∂z, ∂c and ∂H of member m from its columns of H; returns its loss. */
    private double member(int m, int local, int t) {
        int col = m * n;
        double f = fac[m];
        for (int i = col; i < col + n; i++) {
            zf[i] = z[i] * f;
            dz[i] = 0;
        }
        double sq = 0;
        double dcm = 0;
        for (int s = 0; s < p; s++) {
            int o = (local * p + s) * n;
            double y;
            switch (act) {
                case RELU -> {
                    for (int i = 0; i < n; i++) {
                        aRow[i] = relu(h[o + i]);
                    }
                }
                default -> {
                    for (int i = 0; i < n; i++) {
                        aRow[i] = act.apply(h[o + i]);
                    }
                }
            }
            y = dot(aRow, zf, col, n) + cb[m];
            if (centred) {
                if (t == 0) {
                    y0[m][s] = y;
                }
                y -= y0[m][s];
            }
            double r = y - yStar[s];
            sq += r * r;
            double e = r * scale;
            dcm += e;
            for (int i = 0; i < n; i++) {
                dz[col + i] += aRow[i] * e;
            }
            switch (act) {
                case RELU -> {
                    for (int i = 0; i < n; i++) {
                        dh[o + i] = Double.longBitsToDouble(Double.doubleToRawLongBits(e * zf[col + i]) & positiveMask(h[o + i]));
                    }
                }
                case TANH -> {
                    for (int i = 0; i < n; i++) {
                        double a = aRow[i];
                        dh[o + i] = (1 - a * a) * (e * zf[col + i]);
                    }
                }
                case SOFTPLUS -> {
                    for (int i = 0; i < n; i++) {
                        dh[o + i] = act.slope(h[o + i]) * (e * zf[col + i]);
                    }
                }
            }
        }
        for (int i = col; i < col + n; i++) {
            dz[i] *= f;
        }
        dc[m] = dcm;
        return sq * (0.5 * scale);
    }

    @Override
    public void remember() {
        System.arraycopy(w, 0, prevW, 0, w.length);
        System.arraycopy(z, 0, prevZ, 0, z.length);
        System.arraycopy(cb, 0, prevC, 0, kk);
    }

    @Override
    public void update(int t) {
        double beta2 = 0.999;
        double c1 = 1 - Math.pow(mu, t);
        double c2 = 1 - Math.pow(beta2, t);
        for (int m = 0; m < kk; m++) {
            if (frozen[m]) {
                continue;
            }
            double rate = lr[m];
            int col = m * n;
            for (int j = 0; j <= din; j++) {
                // rows 0..din-1 of W, then z as one more row
                double[] param = j < din ? w : z;
                int from = j < din ? (m * din + j) * n : col;
                switch (kind) {
                    case GD -> sgd(param, j < din ? dw : dz, from, rate);
                    case MOMENTUM -> momentum(param, j < din ? dw : dz, j < din ? mw1 : mz1, from, rate);
                    case ADAM -> adam(param, j < din ? dw : dz, j < din ? mw1 : mz1, j < din ? mw2 : mz2, from, rate, c1, c2);
                }
            }
            double g = dc[m];
            double dir = g;
            if (kind == Optimizer.MOMENTUM) {
                mc1[m] = mc1[m] * mu + g;
                dir = mc1[m];
            } else if (kind == Optimizer.ADAM) {
                mc1[m] = mc1[m] * mu + g * (1 - mu);
                mc2[m] = mc2[m] * beta2 + g * g * (1 - beta2);
                dir = mc1[m] / c1 / (Math.sqrt(mc2[m] / c2) + 1e-8);
            }
            if (trainC) {
                cb[m] = cb[m] - dir * rate;
            }
        }
    }

    private void sgd(double[] param, double[] grad, int from, double rate) {
        for (int q = from; q < from + n; q++) {
            param[q] = param[q] - grad[q] * rate;
        }
    }

    private void momentum(double[] param, double[] grad, double[] vel, int from, double rate) {
        for (int q = from; q < from + n; q++) {
            vel[q] = vel[q] * mu + grad[q];
            param[q] = param[q] - vel[q] * rate;
        }
    }

    private void adam(double[] param, double[] grad, double[] m1, double[] m2, int from, double rate, double c1, double c2) {
        double beta2 = 0.999;
        for (int q = from; q < from + n; q++) {
            double g = grad[q];
            m1[q] = m1[q] * mu + g * (1 - mu);
            m2[q] = m2[q] * beta2 + g * g * (1 - beta2);
            param[q] = param[q] - m1[q] / c1 / (Math.sqrt(m2[q] / c2) + 1e-8) * rate;
        }
    }

    @Override
    public void freeze(int m) {
        frozen[m] = true;
    }

    @Override
    public Network extract(int m, boolean previous, Network like) {
        double[] wm = previous ? prevW : w;
        double[] zm = previous ? prevZ : z;
        int col = m * n;
        int wo = m * din * n;
        double[][] ws = new double[n][d];
        double[][] vs = new double[n][c];
        double[] bs = new double[n];
        double[] zs = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                ws[i][j] = wm[wo + j * n + i];
            }
            for (int k = 0; k < c; k++) {
                vs[i][k] = wm[wo + (d + k) * n + i];
            }
            bs[i] = bias ? wm[wo + (d + c) * n + i] : like.b()[i];
            zs[i] = zm[col + i];
        }
        return new Network(ws, vs, bs, zs, previous ? prevC[m] : cb[m], like.factor(), like.activation());
    }

    @Override
    public double[] offset(int m) {
        return y0 == null ? null : y0[m].clone();
    }

    /** a · b[from .. from + n) with four partial sums (one running sum waits on every add's latency). */
    private static double dot(double[] a, double[] b, int from, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[i] * b[from + i];
            s1 += a[i + 1] * b[from + i + 1];
            s2 += a[i + 2] * b[from + i + 2];
            s3 += a[i + 3] * b[from + i + 3];
        }
        for (; i < n; i++) {
            s0 += a[i] * b[from + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * max(v, 0) without a branch (a ReLU's sign is a coin flip at initialisation, and a mispredicted
     * branch per element cost more than the rest of the pass); NaN gives 0 like {@code v > 0 ? v : 0}.
     */
    private static double relu(double v) {
        return Double.longBitsToDouble(Double.doubleToRawLongBits(v) & positiveMask(v));
    }

    /** All ones if v > 0 (as a double; so not for ±0 or NaN), else 0 — branch-free. */
    private static long positiveMask(double v) {
        long bits = Double.doubleToRawLongBits(v);
        // v > 0 ⇔ 0 < bits ≤ bits(+∞): −bits is negative iff bits > 0 (−0.0 is Long.MIN_VALUE, which
        // the second factor excludes), bits − bits(+∞) − 1 is negative iff bits ≤ bits(+∞)
        return ((-bits) & (bits - 0x7ff0000000000001L)) >> 63;
    }

}
