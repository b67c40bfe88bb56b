package org.netropy.gd;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.function.IntConsumer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.netropy.io.InvalidInputException;
import org.netropy.task.TaskData;

/**
 * Trains K two-layer networks at once on ND4J (the DL4J tensor library) so that the per-call
 * framework overhead is paid once per step for all of them (a DL4J {@code fit} call costs
 * ~1.7 ms at the Flesch size whatever the width). The members are the batch dimension of
 * batched matrix products: {@code H = X Wᵀ} (K × P × N), {@code y = φ(H)(f z) + c}; backward
 * {@code ∂z = f φ(H)ᵀ e}, {@code ∂H = φ'(H) ∘ e (f z)ᵀ}, {@code ∂W = ∂Hᵀ X}, with
 * {@code e = f_P (y − y*)} — the closed-form gradients of {@link Network#gradient}, checked
 * against finite differences and against one DL4J {@code MultiLayerNetwork} SGD step in the tests.
 * The hidden bias is the weight of a constant input column. This is the block-structured readout
 * of the issue without materialising the K·N × K block matrix.
 *
 * <p>Members never mix: every product and reduction stays inside one member's batch slice, so a
 * member ends bit-for-bit where it would alone (tested). A member whose loss becomes non-finite or
 * explodes is frozen at its last good state (the previous step) and reported as diverged; a
 * member whose loss falls below the tolerance stops there.
 */
final class EnsembleEngine {

    /** What one member's training produced. */
    record Outcome(Network initial, Network last, double[] lossCurve, boolean diverged, int divergedStep,
                   boolean converged, int stepsRun, double[] offset, TreeMap<Integer, Network> snapshots) {}

    private EnsembleEngine() {}

    static List<Outcome> train(List<GdRunSpec> specs, List<Network> inits, IntConsumer progress) {
        int kk = specs.size();
        InvalidInputException.require(kk > 0 && inits.size() == kk, "ensemble", "one initial network per member", inits.size());
        GdRunSpec s0 = specs.get(0);
        for (GdRunSpec s : specs) {
            InvalidInputException.require(s.task() == s0.task() && s.hidden() == s0.hidden() && s.activation() == s0.activation()
                            && s.hiddenBias() == s0.hiddenBias() && s.outputBias() == s0.outputBias() && s.centred() == s0.centred()
                            && s.loss() == s0.loss() && s.optimizer() == s0.optimizer() && s.momentum() == s0.momentum()
                            && s.steps() == s0.steps() && s.precision() == s0.precision(),
                    "ensemble members", "sharing task, size, activation, biases, centring, loss, optimizer, steps and precision",
                    "a member that differs");
        }
        TaskData data = s0.task().data();
        DataType dt = s0.precision() == Precision.DOUBLE ? DataType.DOUBLE : DataType.FLOAT;
        int p = data.size();
        int n = s0.hidden();
        int d = data.features();
        int c = data.contexts();
        // input columns [u, cue, 1]: the hidden bias is the weight of a constant input, so it
        // needs no broadcast and its gradient comes out of the same matrix product
        int din = d + c + (s0.hiddenBias() ? 1 : 0);
        double scale = s0.loss().factor(p);
        int steps = s0.steps();

        double[][] inputs = data.inputs();
        double[][][] x3 = new double[kk][p][din];
        double[][] yStarK = new double[kk][];
        for (int m = 0; m < kk; m++) {
            for (int s = 0; s < p; s++) {
                System.arraycopy(inputs[s], 0, x3[m][s], 0, d + c);
                if (s0.hiddenBias()) {
                    x3[m][s][d + c] = 1;
                }
            }
            yStarK[m] = data.targets().clone();
        }
        INDArray x = Nd4j.create(x3).castTo(dt);                    // K × P × din
        INDArray xT = x.permute(0, 2, 1).dup('c');                     // K × din × P
        INDArray yStar = Nd4j.create(yStarK).castTo(dt);

        // stimulus/context/bias weights stored transposed, K × din × N, so that no batched product
        // needs a transposed operand (ND4J copies transposed batch operands)
        double[][][] wAll = new double[kk][din][n];
        double[][][] zAll = new double[kk][n][1];
        double[][][] facAll = new double[kk][n][1];
        double[][][] lrWAll = new double[kk][din][n];
        double[][][] lrZAll = new double[kk][n][1];
        double[][] cAll = new double[kk][1];
        double[][] lrCAll = new double[kk][1];
        for (int m = 0; m < kk; m++) {
            Network net = inits.get(m);
            InvalidInputException.require(net.hidden() == n && net.features() == d && net.contexts() == c,
                    "initial network", "N=" + n + ", D=" + d + ", C=" + c, "N=" + net.hidden());
            double lr = specs.get(m).effectiveLearningRate();
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    wAll[m][j][i] = net.w()[i][j];
                }
                for (int k = 0; k < c; k++) {
                    wAll[m][d + k][i] = net.v()[i][k];
                }
                if (s0.hiddenBias()) {
                    wAll[m][d + c][i] = net.b()[i];
                }
                zAll[m][i][0] = net.z()[i];
                facAll[m][i][0] = net.factor();
                lrZAll[m][i][0] = lr;
            }
            for (double[] row : lrWAll[m]) {
                Arrays.fill(row, lr);
            }
            cAll[m][0] = net.outputBias();
            lrCAll[m][0] = s0.outputBias() ? lr : 0;
        }
        INDArray w = Nd4j.create(wAll).castTo(dt);          // K × din × N
        INDArray z = Nd4j.create(zAll).castTo(dt);          // K × N × 1
        INDArray fac = Nd4j.create(facAll).castTo(dt);      // K × N × 1
        INDArray cb = Nd4j.create(cAll).castTo(dt);         // K × 1
        INDArray lrW = Nd4j.create(lrWAll).castTo(dt);
        INDArray lrZ = Nd4j.create(lrZAll).castTo(dt);
        INDArray lrC = Nd4j.create(lrCAll).castTo(dt);

        Optim opt = new Optim(s0.optimizer(), s0.momentum(), w, z, cb);
        INDArray prevW = w.dup();
        INDArray prevZ = z.dup();
        INDArray prevC = cb.dup();
        INDArray hBuf = Nd4j.create(dt, kk, p, n);
        INDArray aBuf = Nd4j.create(dt, kk, p, n);
        INDArray outerBuf = Nd4j.create(dt, kk, p, n);
        INDArray yBuf = Nd4j.create(dt, kk, p, 1);
        INDArray dzBuf = Nd4j.create(dt, kk, n, 1);
        INDArray dwBuf = Nd4j.create(dt, kk, din, n);
        INDArray maskBuf = Nd4j.create(dt, kk, p, n);
        INDArray zf = Nd4j.create(dt, kk, n, 1);
        INDArray y0 = s0.centred() ? Nd4j.zeros(dt, kk, p) : null;

        boolean[] active = new boolean[kk];
        Arrays.fill(active, true);
        int activeCount = kk;
        List<List<Double>> curves = new ArrayList<>();
        Network[] last = new Network[kk];
        boolean[] diverged = new boolean[kk];
        boolean[] converged = new boolean[kk];
        int[] divergedStep = new int[kk];
        int[] stepsRun = new int[kk];
        double[] initialLoss = new double[kk];
        List<TreeMap<Integer, Network>> snaps = new ArrayList<>();
        for (int m = 0; m < kk; m++) {
            curves.add(new ArrayList<>());
            snaps.add(new TreeMap<>());
            divergedStep[m] = -1;
        }
        boolean[] snapshotAt = new boolean[steps + 1];
        for (int t : s0.snapshotSteps()) {
            snapshotAt[t] = true;
        }
        boolean bias = s0.hiddenBias();

        // Every temporary of a step lives in one reused workspace, and every large result goes to
        // a preallocated buffer: at these sizes ND4J's allocation and generic broadcasting cost far
        // more than the arithmetic. Members are the batch dimension of batched matrix products.
        WorkspaceConfiguration wsConfig = WorkspaceConfiguration.builder()
                .policyAllocation(AllocationPolicy.OVERALLOCATE).policyLearning(LearningPolicy.FIRST_LOOP).build();
        String wsId = "netropy-gd-" + Thread.currentThread().getId();
        for (int t = 0; ; t++) {
          try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().getAndActivateWorkspace(wsConfig, wsId)) {
            // forward: H = X Wᵀ (K × P × N), y = φ(H) (f z) + c
            Nd4j.matmul(x, w, hBuf, false, false, false);
            INDArray a = apply(s0.activation(), aBuf.assign(hBuf));
            zf.assign(z).muli(fac);
            Nd4j.matmul(a, zf, yBuf, false, false, false);
            INDArray y = yBuf.reshape(kk, p).addiColumnVector(cb);
            if (s0.centred()) {
                if (t == 0) {
                    y0.assign(y);
                }
                y.subi(y0);
            }
            INDArray r = y.subi(yStar);
            double[] loss = r.mul(r).sum(1).muli(0.5 * scale).castTo(DataType.DOUBLE).toDoubleVector();

            for (int m = 0; m < kk; m++) {
                if (!active[m]) {
                    continue;
                }
                if (t == 0) {
                    initialLoss[m] = loss[m];
                }
                boolean bad = !Double.isFinite(loss[m]) || loss[m] > s0.divergenceFactor() * Math.max(1.0, initialLoss[m]);
                if (bad) {
                    diverged[m] = true;
                    divergedStep[m] = t;
                    stepsRun[m] = Math.max(0, t - 1);
                    last[m] = t == 0 ? inits.get(m) : extract(prevW, prevZ, prevC, m, d, c, bias, inits.get(m));
                    freeze(m, lrW, lrZ, lrC);
                    active[m] = false;
                    activeCount--;
                    continue;
                }
                curves.get(m).add(loss[m]);
                if (snapshotAt.length > t && snapshotAt[t]) {
                    snaps.get(m).put(t, extract(w, z, cb, m, d, c, bias, inits.get(m)));
                }
                if (loss[m] < specs.get(m).tolerance() || t == steps) {
                    converged[m] = loss[m] < specs.get(m).tolerance();
                    stepsRun[m] = t;
                    last[m] = extract(w, z, cb, m, d, c, bias, inits.get(m));
                    freeze(m, lrW, lrZ, lrC);
                    active[m] = false;
                    activeCount--;
                }
            }
            if (progress != null) {
                progress.accept(t);
            }
            if (activeCount == 0 || t >= steps) {
                break;
            }
            prevW.assign(w);
            prevZ.assign(z);
            prevC.assign(cb);

            // backward: e = f_P (y − y*); ∂z = f φ(H)ᵀ e; ∂H = φ'(H) ∘ (e (f z)ᵀ); ∂W = ∂Hᵀ X
            INDArray e = r.muli(scale);
            INDArray e3 = e.reshape(kk, p, 1);
            Nd4j.matmul(a, e3, dzBuf, true, false, false);
            INDArray dz = dzBuf.muli(fac);
            Nd4j.matmul(e3, zf, outerBuf, false, true, false);
            INDArray dh;
            if (s0.activation() == Activation.RELU) {
                Nd4j.exec(new Step(hBuf, maskBuf));       // 1 where H > 0
                dh = outerBuf.muli(maskBuf);
            } else {
                dh = slope(s0.activation(), hBuf, a).muli(outerBuf);
            }
            Nd4j.matmul(xT, dh, dwBuf, false, false, false);
            INDArray dc = e.sum(1).reshape(kk, 1);
            opt.step(t + 1, w, dwBuf, lrW, z, dz, lrZ, cb, dc, lrC);
          }
        }

        List<Outcome> out = new ArrayList<>();
        for (int m = 0; m < kk; m++) {
            double[] curve = curves.get(m).stream().mapToDouble(Double::doubleValue).toArray();
            double[] offset = null;
            if (y0 != null) {
                offset = y0.getRow(m).dup().castTo(DataType.DOUBLE).toDoubleVector();
            }
            out.add(new Outcome(inits.get(m), last[m], curve, diverged[m], divergedStep[m], converged[m], stepsRun[m],
                    offset, snaps.get(m)));
        }
        return out;
    }

    private static void freeze(int m, INDArray lrW, INDArray lrZ, INDArray lrC) {
        lrW.get(NDArrayIndex.point(m), NDArrayIndex.all(), NDArrayIndex.all()).assign(0);
        lrZ.get(NDArrayIndex.point(m), NDArrayIndex.all(), NDArrayIndex.all()).assign(0);
        lrC.putScalar(m, 0, 0);
    }

    private static Network extract(INDArray w, INDArray z, INDArray cb, int m, int d, int c, boolean bias, Network like) {
        double[][] block = w.get(NDArrayIndex.point(m), NDArrayIndex.all(), NDArrayIndex.all()).castTo(DataType.DOUBLE)
                .transpose().toDoubleMatrix();
        int n = block.length;
        double[][] ws = new double[n][d];
        double[][] vs = new double[n][c];
        double[] bs = new double[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(block[i], 0, ws[i], 0, d);
            System.arraycopy(block[i], d, vs[i], 0, c);
            bs[i] = bias ? block[i][d + c] : like.b()[i];
        }
        double[] zs = z.get(NDArrayIndex.point(m), NDArrayIndex.all(), NDArrayIndex.point(0)).castTo(DataType.DOUBLE).toDoubleVector();
        double cs = cb.getDouble(m, 0);
        return new Network(ws, vs, bs, zs, cs, like.factor(), like.activation());
    }

    /** φ(H) computed in place in {@code h}. */
    static INDArray apply(Activation act, INDArray h) {
        return switch (act) {
            case RELU -> Transforms.relu(h, false);
            case TANH -> Transforms.tanh(h, false);
            case SOFTPLUS -> Transforms.softPlus(h, false);
        };
    }

    /** φ'(H), using φ(H) where cheaper. */
    static INDArray slope(Activation act, INDArray h, INDArray a) {
        return switch (act) {
            case RELU -> h.gt(0).castTo(h.dataType());
            case TANH -> a.mul(a).rsubi(1);
            case SOFTPLUS -> Transforms.sigmoid(h, true);
        };
    }

    /** Update rules on the four parameter blocks; rates are per-neuron vectors (zero = frozen). */
    private static final class Optim {
        private final Optimizer kind;
        private final double mu;
        private final INDArray[] m1;
        private final INDArray[] m2;

        Optim(Optimizer kind, double mu, INDArray... params) {
            this.kind = kind;
            this.mu = mu;
            m1 = new INDArray[params.length];
            m2 = new INDArray[params.length];
            if (kind != Optimizer.GD) {
                for (int i = 0; i < params.length; i++) {
                    m1[i] = Nd4j.zerosLike(params[i]);
                    if (kind == Optimizer.ADAM) {
                        m2[i] = Nd4j.zerosLike(params[i]);
                    }
                }
            }
        }

        void step(int t, INDArray w, INDArray dw, INDArray lrW, INDArray z, INDArray dz, INDArray lrZ,
                  INDArray c, INDArray dc, INDArray lrC) {
            update(0, t, w, dw, lrW);
            update(1, t, z, dz, lrZ);
            update(2, t, c, dc, lrC);
        }

        /** θ −= rate ∘ direction; rates are full-shape arrays (zero = frozen member). */
        private void update(int slot, int t, INDArray param, INDArray grad, INDArray lr) {
            INDArray dir = grad;
            if (kind == Optimizer.MOMENTUM) {
                m1[slot].muli(mu).addi(grad);
                dir = m1[slot].dup();
            } else if (kind == Optimizer.ADAM) {
                double beta2 = 0.999;
                m1[slot].muli(mu).addi(grad.mul(1 - mu));
                m2[slot].muli(beta2).addi(grad.mul(grad).muli(1 - beta2));
                double c1 = 1 - Math.pow(mu, t);
                double c2 = 1 - Math.pow(beta2, t);
                dir = m1[slot].div(c1).divi(Transforms.sqrt(m2[slot].div(c2), false).addi(1e-8));
            }
            param.subi(dir.muli(lr));
        }
    }
}
