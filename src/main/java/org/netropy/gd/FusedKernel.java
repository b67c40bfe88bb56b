package org.netropy.gd;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import org.netropy.task.TaskData;

/**
 * The step of {@link Nd4jKernel} with two BLAS calls per step (per tile of members) instead of
 * ~20 ND4J operations. All members share the inputs X (P × din), so their stimulus/context/bias
 * weights sit side by side as the columns of one wide matrix and the two large products of the
 * step are each ONE BLAS call ({@link NativeMatrix}): {@code H = X [W_1 … W_T]} and
 * {@code [∂W_1 … ∂W_T] = Xᵀ [∂H_1 … ∂H_T]}. Each output element is computed from its own
 * member's columns only. Everything else — {@code a = φ(h)}, {@code y = a·(f z) + c},
 * {@code e = f_P (y − y*)}, {@code ∂z = f aᵀe}, {@code ∂H = φ'(h) ∘ e (f z)ᵀ} and the optimizer
 * update — is one fused pass of plain loops per member and sample, so no element-wise pass goes
 * through ND4J (where each costs a framework call and runs at ~10⁸ elements/s).
 *
 * <p>Java-side layout: one {@code double[N]} per row — a member's weights from input column j
 * (stimulus features, cue, then the constant 1 whose weight is the hidden bias), a sample's
 * pre-activations h (which the pass turns into a = φ(h) and then ∂h in place). Every loop of the
 * pass then indexes all its arrays with the loop counter itself, the one form in which the JIT
 * of Java 17 vectorises them (a loop over {@code row[o + i]} of a flat array runs 2–3× slower,
 * measured). A sample's row of H is copied into one such array, turned into ∂h and copied back
 * before the next sample's, so the pass works in the L1 cache; in the wide matrices member m's
 * block starts at column {@code m·np} ({@link #ALIGNMENTS}).
 *
 * <p>The update is done right after the tile's second product, while its ∂W is in cache: it
 * writes θ_{t+1} into a third set of rows (and into the wide weight matrix, ready for the next
 * step); {@link #update} only rotates the three sets, so the current state (snapshots, the
 * final network) and the last good state that divergence falls back to cost no copy.
 *
 * <p>Float precision: the state (weights, optimizer moments), X, H, ∂H and ∂W are single
 * precision and the products are {@code sgemm}; the element-wise arithmetic between them is done
 * in double and rounded to single precision where it is stored.
 */
final class FusedKernel implements EnsembleKernel {
    /**
     * Candidate column alignments of the members' blocks in the wide matrices (zero columns
     * between blocks): BLAS kernels handle the columns in strips of 4 (AVX2) to 16 (AVX-512), and
     * an element computed in a partial strip can differ in the last bit. The kernel uses the
     * smallest alignment at which every block's products, computed inside a full tile, are
     * bit-for-bit those of the block alone ({@link #alignment}, checked once per shape on random
     * data): on OpenBLAS's Haswell kernels 4 in double precision (no padding at N = 100), where a
     * fixed 16 padded 100 columns to 112 and made the products 12 % more expensive; none in single
     * precision, whose {@code sgemm} rounds differently at different widths.
     */
    private static final int[] ALIGNMENTS = {4, 8, 16, 32};
    private static final Map<List<Integer>, Integer> ALIGNMENT = new ConcurrentHashMap<>();

    /**
     * Members per pair of wide products: beyond ~16–32 members H (P × members·N) outgrows the
     * caches and the step per member gets slower (measured), so larger ensembles are done in
     * tiles (tiles of 4 or 8 measured the same as 16). A member's arithmetic does not depend on
     * its tile.
     */
    static final int TILE = 16;

    /** 2¹⁰²³: {@code min(a·2¹⁰²³·2¹⁰²³, 1)} is 1 for every a > 0 (subnormals included), 0 for a = 0. */
    private static final double HUGE = 0x1p1023;
    private static final double BETA2 = 0.999;

    private final int kk;
    private final int p;
    private final int n;
    private final int d;
    private final int c;
    private final int din;
    private final int np;
    private final boolean single;
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
    /** Weights θ_t: member m, input column j → row of N; {@link #prevW} θ_{t−1}, {@link #nextW} θ_{t+1}. */
    private final double[][][] w;
    private final double[][][] prevW;
    private final double[][][] nextW;
    private final double[][] z;
    private final double[][] prevZ;
    private final double[][] nextZ;
    private final double[] cb;
    private final double[] prevC;
    private final double[] nextC;
    private final double[][] zf;        // f·z per member
    private final double[][] dz;        // per member
    private final double[] dc;
    private final double[] row;         // one row of ∂W
    private final double[][] rows;      // two samples' h, then a, then ∂h
    private final double[][] as;        // their a: the rows themselves, or (softplus, whose slope needs h) two more
    private final double[] ys = new double[2];
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
    private final NativeMatrix x;
    /** All members' weights side by side (din × kk·np), θ_t during a step's first product. */
    private final NativeMatrix wide;
    /** Per tile: its columns of {@link #wide}, and H (then ∂H) and ∂W of its width. */
    private final NativeMatrix[] wTile;
    private final NativeMatrix[] hTile;
    private final NativeMatrix[] dwTile;

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
        single = s0.precision() == Precision.FLOAT;
        trainC = s0.outputBias();
        centred = s0.centred();
        act = s0.activation();
        kind = s0.optimizer();
        mu = s0.momentum();
        scale = s0.loss().factor(p);
        double[] xs = new double[p * din];
        double[][] inputs = data.inputs();
        for (int s = 0; s < p; s++) {
            System.arraycopy(inputs[s], 0, xs, s * din, d + c);
            if (bias) {
                xs[s * din + d + c] = 1;
            }
        }
        yStar = round(data.targets().clone());
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
            for (double[] r : w[m]) {
                round(r);
            }
            round(z[m]);
            cb[m] = single ? (float) net.outputBias() : net.outputBias();
            fac[m] = net.factor();
            lr[m] = specs.get(m).effectiveLearningRate();
        }
        prevW = copy(w);
        prevZ = copy(z);
        prevC = cb.clone();
        nextW = copy(w);
        nextZ = copy(z);
        nextC = cb.clone();
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
        row = new double[n];
        rows = new double[2][n];
        as = act == Activation.SOFTPLUS ? new double[2][n] : rows;
        Precision prec = s0.precision();
        int pad = alignment(prec, p, din, n);
        tile = pad == 0 ? 1 : Math.min(kk, TILE);
        np = pad == 0 ? n : (n + pad - 1) / pad * pad;
        x = NativeMatrix.of(prec, xs, p, din);
        wide = NativeMatrix.zeros(prec, din, kk * np);
        for (int m = 0; m < kk; m++) {
            for (int j = 0; j < din; j++) {
                wide.put(j, m * np, w[m][j], n);
            }
        }
        int tiles = (kk + tile - 1) / tile;
        wTile = new NativeMatrix[tiles];
        hTile = new NativeMatrix[tiles];
        dwTile = new NativeMatrix[tiles];
        NativeMatrix h = NativeMatrix.zeros(prec, p, tile * np);
        NativeMatrix dw = NativeMatrix.zeros(prec, din, tile * np);
        for (int i = 0; i < tiles; i++) {
            int width = (Math.min(kk, (i + 1) * tile) - i * tile) * np;
            wTile[i] = wide.columns(i * tile * np, width);
            hTile[i] = h.columns(0, width);
            dwTile[i] = dw.columns(0, width);
        }
    }

    /**
     * The smallest of {@link #ALIGNMENTS} at which member blocks are exact, or 0 if none is (then
     * every member gets its own pair of products, of the shape it has alone).
     */
    static int alignment(Precision precision, int p, int din, int n) {
        return ALIGNMENT.computeIfAbsent(List.of(precision.ordinal(), p, din, n), key -> {
            for (int pad : ALIGNMENTS) {
                if (blocksExact(precision, p, din, n, pad)) {
                    return pad;
                }
            }
            return 0;
        });
    }

    /**
     * Whether, with blocks of N columns starting at multiples of {@code pad}, both products of
     * every block of a full tile equal, bit for bit, those of the block alone (random data: a
     * different order of the arithmetic shows in the last bits).
     */
    private static boolean blocksExact(Precision precision, int p, int din, int n, int pad) {
        int np = (n + pad - 1) / pad * pad;
        Random rnd = new Random(pad);
        NativeMatrix x = NativeMatrix.of(precision, rnd.doubles((long) p * din, -1, 1).toArray(), p, din);
        double[] ws = new double[din * TILE * np];
        for (int j = 0; j < din; j++) {
            for (int m = 0; m < TILE; m++) {
                for (int i = 0; i < n; i++) {
                    ws[(j * TILE + m) * np + i] = rnd.nextDouble() - 0.5;
                }
            }
        }
        NativeMatrix w = NativeMatrix.of(precision, ws, din, TILE * np);
        NativeMatrix h = NativeMatrix.zeros(precision, p, TILE * np);
        NativeMatrix dw = NativeMatrix.zeros(precision, din, TILE * np);
        h.product(x, false, w);
        dw.product(x, true, h);
        NativeMatrix wm = NativeMatrix.zeros(precision, din, np);
        NativeMatrix hm = NativeMatrix.zeros(precision, p, np);
        NativeMatrix dwm = NativeMatrix.zeros(precision, din, np);
        double[] a = new double[n];
        double[] b = new double[n];
        for (int m = 0; m < TILE; m++) {
            for (int j = 0; j < din; j++) {
                w.get(j, m * np, a, n);
                wm.put(j, 0, a, n);
            }
            hm.product(x, false, wm);
            dwm.product(x, true, hm);
            if (!sameBlock(h, hm, m * np, a, b) || !sameBlock(dw, dwm, m * np, a, b)) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameBlock(NativeMatrix wide, NativeMatrix alone, int col, double[] a, double[] b) {
        for (int r = 0; r < alone.rows; r++) {
            wide.get(r, col, a, a.length);
            alone.get(r, 0, b, b.length);
            if (!java.util.Arrays.equals(a, b)) {
                return false;
            }
        }
        return true;
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

    /** In single precision, rounds every element to float (in place); otherwise leaves them. */
    private double[] round(double[] a) {
        if (single) {
            for (int i = 0; i < a.length; i++) {
                a[i] = (float) a[i];
            }
        }
        return a;
    }

    private double round(double v) {
        return single ? (float) v : v;
    }

    @Override
    public double[] evaluate(int t) {
        // per tile of members, the two products are single wide BLAS calls, H = X [W_1 … W_T] and
        // [∂W_1 … ∂W_T] = Xᵀ [∂H_1 … ∂H_T]; a frozen member's columns are left as they are (no
        // output element reads another member's columns)
        for (int i = 0; i < wTile.length; i++) {
            int ms = i * tile;
            int me = Math.min(kk, ms + tile);
            boolean any = false;
            for (int m = ms; m < me; m++) {
                any |= !frozen[m];
            }
            if (!any) {
                continue;
            }
            hTile[i].product(x, false, wTile[i]);
            // ∂H goes where H was (each member's block is read before it is written)
            for (int m = ms; m < me; m++) {
                if (!frozen[m]) {
                    loss[m] = member(m, hTile[i], (m - ms) * np, t);
                }
            }
            dwTile[i].product(x, true, hTile[i]);
            for (int m = ms; m < me; m++) {
                if (!frozen[m]) {
                    step(m, dwTile[i], (m - ms) * np, t + 1);
                }
            }
        }
        return loss;
    }

    /**
     * Output, loss, ∂z and ∂c of member m from its rows of H (from column {@code col}), which it
     * overwrites with ∂H; returns its loss. Samples go in pairs, so that the two rows' output sums
     * run side by side (each a chain of dependent additions).
     */
    private double member(int m, NativeMatrix h, int col, int t) {
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
        for (int s = 0; s < p; s += 2) {
            int q = Math.min(2, p - s);
            for (int k = 0; k < q; k++) {
                h.get(s + k, col, rows[k], n);
                activate(rows[k], as[k]);
            }
            dot2(as[0], as[q - 1], zfm, n, ys);
            for (int k = 0; k < q; k++) {
                double y = ys[k] + cb[m];
                if (centred) {
                    if (t == 0) {
                        y0[m][s + k] = round(y);
                    }
                    y -= y0[m][s + k];
                }
                double res = y - yStar[s + k];
                sq += res * res;
                double e = res * scale;
                dcm += e;
                backward(rows[k], as[k], e, zfm, dzm);
                h.put(s + k, col, rows[k], n);
            }
        }
        for (int i = 0; i < n; i++) {
            dzm[i] *= f;
        }
        dc[m] = dcm;
        return sq * (0.5 * scale);
    }

    /** a = φ(h): in place in {@code r} where φ'(h) can be had from a (ReLU: a > 0; tanh: 1 − a²), else into {@code a}. */
    private void activate(double[] r, double[] a) {
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
    }

    /** ∂z += a e and ∂h = φ'(h) ∘ e·f·z, written over the row {@code r}. */
    private void backward(double[] r, double[] a, double e, double[] zfm, double[] dzm) {
        switch (act) {
            case RELU -> {
                // the step 1[a > 0] as min(a·2¹⁰²³·2¹⁰²³, 1), without a branch or a select, which
                // the JIT would not vectorise (a mispredicted branch per element cost more than the
                // rest of the pass)
                for (int i = 0; i < n; i++) {
                    dzm[i] += r[i] * e;
                    r[i] = Math.min(r[i] * HUGE * HUGE, 1.0) * (e * zfm[i]);
                }
            }
            case TANH -> {
                for (int i = 0; i < n; i++) {
                    dzm[i] += r[i] * e;
                    r[i] = (1 - r[i] * r[i]) * (e * zfm[i]);
                }
            }
            case SOFTPLUS -> {
                for (int i = 0; i < n; i++) {
                    dzm[i] += a[i] * e;
                    r[i] = act.slope(r[i]) * (e * zfm[i]);
                }
            }
        }
    }

    /**
     * θ_{t+1} of member m (optimizer step count {@code t}) from θ_t and its ∂W (rows of
     * {@code dw} from column {@code col}), ∂z and ∂c, into the next-state rows and into
     * {@link #wide}.
     */
    private void step(int m, NativeMatrix dw, int col, int t) {
        double c1 = 1 - Math.pow(mu, t);
        double c2 = 1 - Math.pow(BETA2, t);
        double rate = lr[m];
        double[] g = row;
        for (int j = 0; j <= din; j++) {
            // rows 0..din-1 of W, then z as one more row
            boolean isW = j < din;
            double[] from = isW ? w[m][j] : z[m];
            double[] to = isW ? nextW[m][j] : nextZ[m];
            double[] grad = g;
            if (isW) {
                dw.get(j, col, g, n);
            } else {
                grad = dz[m];
            }
            switch (kind) {
                case GD -> sgd(from, to, grad, rate);
                case MOMENTUM -> round(momentum(from, to, grad, isW ? mw1[m][j] : mz1[m], rate));
                case ADAM -> {
                    double[] v1 = isW ? mw1[m][j] : mz1[m];
                    double[] v2 = isW ? mw2[m][j] : mz2[m];
                    adam(from, to, grad, v1, v2, rate, c1, c2);
                    round(v1);
                    round(v2);
                }
            }
            round(to);
            if (isW) {
                wide.put(j, m * np, to, n);
            }
        }
        double gc = dc[m];
        double dir = gc;
        if (kind == Optimizer.MOMENTUM) {
            mc1[m] = round(mc1[m] * mu + gc);
            dir = mc1[m];
        } else if (kind == Optimizer.ADAM) {
            mc1[m] = round(mc1[m] * mu + gc * (1 - mu));
            mc2[m] = round(mc2[m] * BETA2 + gc * gc * (1 - BETA2));
            dir = mc1[m] / c1 / (Math.sqrt(mc2[m] / c2) + 1e-8);
        }
        nextC[m] = trainC ? round(cb[m] - dir * rate) : cb[m];
    }

    /** Nothing to copy: {@link #update} keeps the state it starts from (see the class comment). */
    @Override
    public void remember() {
    }

    /** θ_{t+1}, computed by {@link #evaluate}, becomes current; θ_t the last good state. */
    @Override
    public void update(int t) {
        for (int m = 0; m < kk; m++) {
            if (frozen[m]) {
                continue;
            }
            double[][] wm = prevW[m];
            prevW[m] = w[m];
            w[m] = nextW[m];
            nextW[m] = wm;
            double[] zm = prevZ[m];
            prevZ[m] = z[m];
            z[m] = nextZ[m];
            nextZ[m] = zm;
            prevC[m] = cb[m];
            cb[m] = nextC[m];
        }
    }

    private void sgd(double[] from, double[] to, double[] grad, double rate) {
        for (int i = 0; i < n; i++) {
            to[i] = from[i] - grad[i] * rate;
        }
    }

    private double[] momentum(double[] from, double[] to, double[] grad, double[] vel, double rate) {
        for (int i = 0; i < n; i++) {
            vel[i] = vel[i] * mu + grad[i];
            to[i] = from[i] - vel[i] * rate;
        }
        return vel;
    }

    private void adam(double[] from, double[] to, double[] grad, double[] m1, double[] m2, double rate, double c1, double c2) {
        for (int i = 0; i < n; i++) {
            double g = grad[i];
            m1[i] = m1[i] * mu + g * (1 - mu);
            m2[i] = m2[i] * BETA2 + g * g * (1 - BETA2);
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

    /**
     * a · b and a2 · b over [0, n), each with four partial sums (one running sum waits on every
     * add's latency; two rows' sums side by side hide it better).
     */
    private static void dot2(double[] a, double[] a2, double[] b, int n, double[] out) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double t0 = 0;
        double t1 = 0;
        double t2 = 0;
        double t3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
            t0 += a2[i] * b[i];
            t1 += a2[i + 1] * b[i + 1];
            t2 += a2[i + 2] * b[i + 2];
            t3 += a2[i + 3] * b[i + 3];
        }
        for (; i < n; i++) {
            s0 += a[i] * b[i];
            t0 += a2[i] * b[i];
        }
        out[0] = (s0 + s1) + (s2 + s3);
        out[1] = (t0 + t1) + (t2 + t3);
    }
}
