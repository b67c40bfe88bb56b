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
 * <p>Java-side layout: one {@code double[N]} per row — a member's weights from input column j
 * (stimulus features, cue, then the constant 1 whose weight is the hidden bias), a sample's
 * pre-activations h (which the pass turns into a = φ(h) and then ∂h in place). Every loop of the
 * pass then indexes all its arrays with the loop counter itself, the one form in which the JIT
 * of Java 17 vectorises them (a loop over {@code row[o + i]} of a flat array runs 2–3× slower,
 * measured). In the wide ND4J matrices member m_local's block starts at column
 * {@code m_local·np} ({@link #PAD}).
 *
 * <p>The update writes the new weights into a second set of rows and swaps, so the last good
 * state that divergence falls back to costs no copy.
 */
final class FusedKernel implements EnsembleKernel {
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

    /** 2¹⁰²³: {@code min(a·2¹⁰²³·2¹⁰²³, 1)} is 1 for every a > 0 (subnormals included), 0 for a = 0. */
    private static final double HUGE = 0x1p1023;

    private final int kk;
    private final int p;
    private final int n;
    private final int d;
    private final int c;
    private final int din;
    private final int np;
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
    /** Current weights: member m, input column j → row of N. */
    private final double[][][] w;
    /** The previous step's weights (the last good state); swapped with {@link #w} by the update. */
    private final double[][][] prevW;
    private final double[][] z;
    private final double[][] prevZ;
    private final double[] cb;
    private final double[] prevC;
    private final double[][] zf;        // f·z per member
    private final double[][] dz;        // per member
    private final double[] dc;
    private final double[][][] dw;      // per member: din rows of N
    private final double[][][] hRows;   // per tile slot: P rows of N (h, then a, then ∂h)
    private final double[] aRow;        // a for activations whose slope needs h
    private final double[][] y0;
    private final double[][][] mw1;
    private final double[][][] mw2;
    private final double[][] mz1;
    private final double[][] mz2;
    private final double[] mc1;
    private final double[] mc2;
    private final boolean[] frozen;
    private final double[] loss;
    private final int tile;
    private final INDArray xNd;
    private final INDArray wNd;
    private final INDArray hNd;
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
        w = new double[kk][din][n];
        z = new double[kk][n];
        cb = new double[kk];
        for (int m = 0; m < kk; m++) {
            Network net = inits.get(m);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    w[m][j][i] = net.w()[i][j];
                }
                for (int k = 0; k < c; k++) {
                    w[m][d + k][i] = net.v()[i][k];
                }
                if (bias) {
                    w[m][d + c][i] = net.b()[i];
                }
                z[m][i] = net.z()[i];
            }
            cb[m] = net.outputBias();
            fac[m] = net.factor();
            lr[m] = specs.get(m).effectiveLearningRate();
        }
        prevW = copy(w);
        prevZ = copy(z);
        prevC = cb.clone();
        zf = new double[kk][n];
        dz = new double[kk][n];
        dc = new double[kk];
        y0 = centred ? new double[kk][p] : null;
        boolean m1 = kind != Optimizer.GD;
        boolean m2 = kind == Optimizer.ADAM;
        mw1 = m1 ? new double[kk][din][n] : null;
        mz1 = m1 ? new double[kk][n] : null;
        mc1 = m1 ? new double[kk] : null;
        mw2 = m2 ? new double[kk][din][n] : null;
        mz2 = m2 ? new double[kk][n] : null;
        mc2 = m2 ? new double[kk] : null;
        frozen = new boolean[kk];
        loss = new double[kk];
        tile = Math.min(kk, TILE);
        dw = new double[kk][din][n];
        hRows = new double[tile][p][n];
        aRow = new double[n];
        np = (n + PAD - 1) / PAD * PAD;
        xNd = Nd4j.create(x, new long[] {p, din}, DataType.DOUBLE);
        wNd = Nd4j.create(DataType.DOUBLE, din, (long) tile * np);
        hNd = Nd4j.create(DataType.DOUBLE, p, (long) tile * np);
        dwNd = Nd4j.create(DataType.DOUBLE, din, (long) tile * np);
    }

    private static double[][][] copy(double[][][] a) {
        double[][][] b = new double[a.length][][];
        for (int m = 0; m < a.length; m++) {
            b[m] = copy(a[m]);
        }
        return b;
    }

    private static double[][] copy(double[][] a) {
        double[][] b = new double[a.length][];
        for (int r = 0; r < a.length; r++) {
            b[r] = a[r].clone();
        }
        return b;
    }

    @Override
    public double[] evaluate(int t) {
        // per tile of members, the two products are single wide BLAS calls, H = X [W_1 … W_T] and
        // [∂W_1 … ∂W_T] = Xᵀ [∂H_1 … ∂H_T]; a frozen member's columns are left as they are (no
        // output element reads another member's columns)
        for (int ms = 0; ms < kk; ms += tile) {
            int me = Math.min(kk, ms + tile);
            DoubleBuffer wb = wNd.data().asNioDouble();
            for (int m = ms; m < me; m++) {
                if (!frozen[m]) {
                    put(wb, w[m], m - ms);
                }
            }
            Nd4j.gemm(xNd, wNd, hNd, false, false, 1.0, 0.0);
            // ∂H goes where H was (each member's block is read before it is written)
            DoubleBuffer hb = hNd.data().asNioDouble();
            for (int m = ms; m < me; m++) {
                if (!frozen[m]) {
                    get(hb, hRows[m - ms], m - ms);
                    loss[m] = member(m, hRows[m - ms], t);
                    put(hb, hRows[m - ms], m - ms);
                }
            }
            Nd4j.gemm(xNd, hNd, dwNd, true, false, 1.0, 0.0);
            DoubleBuffer dwb = dwNd.data().asNioDouble();
            for (int m = ms; m < me; m++) {
                if (!frozen[m]) {
                    get(dwb, dw[m], m - ms);
                }
            }
        }
        return loss;
    }

    /** Rows of one member into its column block (tile slot {@code local}) of a wide matrix. */
    private void put(DoubleBuffer to, double[][] rows, int local) {
        int stride = tile * np;
        for (int r = 0; r < rows.length; r++) {
            to.put(r * stride + local * np, rows[r], 0, n);
        }
    }

    /** The inverse of {@link #put}. */
    private void get(DoubleBuffer from, double[][] rows, int local) {
        int stride = tile * np;
        for (int r = 0; r < rows.length; r++) {
            from.get(r * stride + local * np, rows[r], 0, n);
        }
    }

    /**
     * Output, loss, ∂z and ∂c of member m from its rows of H, which it overwrites with ∂H; returns
     * its loss.
     */
    private double member(int m, double[][] rows, int t) {
        double f = fac[m];
        double[] zfm = zf[m];
        double[] zm = z[m];
        double[] dzm = dz[m];
        for (int i = 0; i < n; i++) {
            zfm[i] = zm[i] * f;
            dzm[i] = 0;
        }
        double sq = 0;
        double dcm = 0;
        for (int s = 0; s < p; s++) {
            double[] r = rows[s];
            // a = φ(h): in place where φ'(h) can be had from a (ReLU: a > 0; tanh: 1 − a²)
            double[] a = act == Activation.SOFTPLUS ? aRow : r;
            switch (act) {
                case RELU -> {
                    for (int i = 0; i < n; i++) {
                        r[i] = Math.max(r[i], 0.0);
                    }
                }
                case TANH -> {
                    for (int i = 0; i < n; i++) {
                        r[i] = Math.tanh(r[i]);
                    }
                }
                case SOFTPLUS -> {
                    for (int i = 0; i < n; i++) {
                        a[i] = act.apply(r[i]);
                    }
                }
            }
            double y = dot(a, zfm, n) + cb[m];
            if (centred) {
                if (t == 0) {
                    y0[m][s] = y;
                }
                y -= y0[m][s];
            }
            double res = y - yStar[s];
            sq += res * res;
            double e = res * scale;
            dcm += e;
            for (int i = 0; i < n; i++) {
                dzm[i] += a[i] * e;
            }
            // ∂h = φ'(h) ∘ e·f·z, written over the row
            switch (act) {
                case RELU -> {
                    // the step 1[a > 0] as min(a·2¹⁰²³·2¹⁰²³, 1), without a branch or a select, which
                    // the JIT would not vectorise (a mispredicted branch per element cost more than the
                    // rest of the pass)
                    for (int i = 0; i < n; i++) {
                        r[i] = Math.min(r[i] * HUGE * HUGE, 1.0) * (e * zfm[i]);
                    }
                }
                case TANH -> {
                    for (int i = 0; i < n; i++) {
                        r[i] = (1 - r[i] * r[i]) * (e * zfm[i]);
                    }
                }
                case SOFTPLUS -> {
                    for (int i = 0; i < n; i++) {
                        r[i] = act.slope(r[i]) * (e * zfm[i]);
                    }
                }
            }
        }
        for (int i = 0; i < n; i++) {
            dzm[i] *= f;
        }
        dc[m] = dcm;
        return sq * (0.5 * scale);
    }

    /** Nothing to copy: {@link #update} keeps the state it starts from (see the class comment). */
    @Override
    public void remember() {
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
            for (int j = 0; j <= din; j++) {
                // rows 0..din-1 of W, then z as one more row
                double[] from = j < din ? w[m][j] : z[m];
                double[] to = j < din ? prevW[m][j] : prevZ[m];
                double[] grad = j < din ? dw[m][j] : dz[m];
                switch (kind) {
                    case GD -> sgd(from, to, grad, rate);
                    case MOMENTUM -> momentum(from, to, grad, j < din ? mw1[m][j] : mz1[m], rate);
                    case ADAM -> adam(from, to, grad, j < din ? mw1[m][j] : mz1[m], j < din ? mw2[m][j] : mz2[m], rate, c1, c2);
                }
            }
            // the rows just written become current, the ones read the last good state
            double[][] wm = w[m];
            w[m] = prevW[m];
            prevW[m] = wm;
            double[] zm = z[m];
            z[m] = prevZ[m];
            prevZ[m] = zm;
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
            prevC[m] = cb[m];
            if (trainC) {
                cb[m] = cb[m] - dir * rate;
            }
        }
    }

    private void sgd(double[] from, double[] to, double[] grad, double rate) {
        for (int i = 0; i < n; i++) {
            to[i] = from[i] - grad[i] * rate;
        }
    }

    private void momentum(double[] from, double[] to, double[] grad, double[] vel, double rate) {
        for (int i = 0; i < n; i++) {
            vel[i] = vel[i] * mu + grad[i];
            to[i] = from[i] - vel[i] * rate;
        }
    }

    private void adam(double[] from, double[] to, double[] grad, double[] m1, double[] m2, double rate, double c1, double c2) {
        double beta2 = 0.999;
        for (int i = 0; i < n; i++) {
            double g = grad[i];
            m1[i] = m1[i] * mu + g * (1 - mu);
            m2[i] = m2[i] * beta2 + g * g * (1 - beta2);
            to[i] = from[i] - m1[i] / c1 / (Math.sqrt(m2[i] / c2) + 1e-8) * rate;
        }
    }

    @Override
    public void freeze(int m) {
        frozen[m] = true;
    }

    @Override
    public Network extract(int m, boolean previous, Network like) {
        double[][] wm = previous ? prevW[m] : w[m];
        double[] zm = previous ? prevZ[m] : z[m];
        double[][] ws = new double[n][d];
        double[][] vs = new double[n][c];
        double[] bs = new double[n];
        double[] zs = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                ws[i][j] = wm[j][i];
            }
            for (int k = 0; k < c; k++) {
                vs[i][k] = wm[d + k][i];
            }
            bs[i] = bias ? wm[d + c][i] : like.b()[i];
            zs[i] = zm[i];
        }
        return new Network(ws, vs, bs, zs, previous ? prevC[m] : cb[m], like.factor(), like.activation());
    }

    @Override
    public double[] offset(int m) {
        return y0 == null ? null : y0[m].clone();
    }

    /** a · b over [0, n) with four partial sums (one running sum waits on every add's latency). */
    private static double dot(double[] a, double[] b, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < n; i++) {
            s0 += a[i] * b[i];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
