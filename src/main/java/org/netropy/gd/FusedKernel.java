package org.netropy.gd;

import java.nio.DoubleBuffer;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.netropy.task.TaskData;

/**
 * The step of {@link Nd4jKernel} with two ND4J calls per step instead of ~20. All members share
 * the inputs X (P × din), so their stimulus/context/bias weights sit side by side as the columns of
 * one din × K·N matrix and the two large products of the step are each ONE BLAS call:
 * {@code H = X W} (P × K·N) and {@code ∂W = Xᵀ ∂H} (din × K·N). Each output element is computed
 * from its own member's column only (the wide network of one block-structured readout). Everything
 * else — {@code a = φ(h)}, {@code y = a·(f z) + c}, {@code e = f_P (y − y*)}, {@code ∂z = f aᵀe},
 * {@code ∂H = φ'(h) ∘ e (f z)ᵀ} and the optimizer update — is one fused pass of plain loops per
 * member and sample, so no element-wise pass goes through ND4J (where each costs a framework call
 * and runs at ~10⁸ elements/s). Double precision only.
 *
 * <p>Column of member m, neuron i: {@code m·N + i}; input column j: stimulus features, cue, then
 * the constant 1 whose weight is the hidden bias.
 */
final class FusedKernel implements EnsembleKernel {
    private final int kk;
    private final int p;
    private final int n;
    private final int d;
    private final int c;
    private final int din;
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
    private final double[] h;           // P × K·N
    private final double[] dh;          // P × K·N
    private final double[] aRow;
    private final INDArray xNd;
    private final INDArray xTNd;
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
        h = new double[kk * p * n];
        dh = new double[kk * p * n];
        aRow = new double[n];
        double[] xk = new double[kk * p * din];
        double[] xkT = new double[kk * din * p];
        for (int m = 0; m < kk; m++) {
            System.arraycopy(x, 0, xk, m * p * din, p * din);
            for (int s = 0; s < p; s++) {
                for (int j = 0; j < din; j++) {
                    xkT[(m * din + j) * p + s] = x[s * din + j];
                }
            }
        }
        xNd = Nd4j.create(xk, new long[] {kk, p, din}, DataType.DOUBLE);
        xTNd = Nd4j.create(xkT, new long[] {kk, din, p}, DataType.DOUBLE);
        wNd = Nd4j.create(DataType.DOUBLE, kk, din, n);
        hNd = Nd4j.create(DataType.DOUBLE, kk, p, n);
        dhNd = Nd4j.create(DataType.DOUBLE, kk, p, n);
        dwNd = Nd4j.create(DataType.DOUBLE, kk, din, n);
    }

    @Override
    public double[] evaluate(int t) {
        put(wNd, w);
        Nd4j.matmul(xNd, wNd, hNd, false, false, false);
        get(hNd, h);
        for (int m = 0; m < kk; m++) {
            if (!frozen[m]) {
                loss[m] = member(m, t);
            }
        }
        put(dhNd, dh);
        Nd4j.matmul(xTNd, dhNd, dwNd, false, false, false);
        get(dwNd, dw);
        return loss;
    }

    /** Output, loss, ∂z, ∂c and ∂H of member m from its columns of H; returns its loss. */
    private double member(int m, int t) {
        int col = m * n;
        double f = fac[m];
        for (int i = col; i < col + n; i++) {
            zf[i] = z[i] * f;
            dz[i] = 0;
        }
        double sq = 0;
        double dcm = 0;
        for (int s = 0; s < p; s++) {
            int o = (m * p + s) * n;
            double y = 0;
            switch (act) {
                case RELU -> {
                    for (int i = 0; i < n; i++) {
                        aRow[i] = relu(h[o + i]);
                    }
                    for (int i = 0; i < n; i++) {
                        y += aRow[i] * zf[col + i];
                    }
                }
                default -> {
                    for (int i = 0; i < n; i++) {
                        double a = act.apply(h[o + i]);
                        aRow[i] = a;
                        y += a * zf[col + i];
                    }
                }
            }
            y += cb[m];
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
        java.util.Arrays.fill(dh, m * p * n, (m + 1) * p * n, 0);
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

    private static void put(INDArray a, double[] v) {
        DoubleBuffer b = a.data().asNioDouble();
        b.position(0);
        b.put(v, 0, v.length);
    }

    private static void get(INDArray a, double[] v) {
        DoubleBuffer b = a.data().asNioDouble();
        b.position(0);
        b.get(v, 0, v.length);
    }
}
