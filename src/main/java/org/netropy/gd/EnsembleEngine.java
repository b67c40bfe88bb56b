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
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.netropy.io.InvalidInputException;
import org.netropy.task.TaskData;

/**
 * Trains K two-layer networks at once on ND4J (the DL4J tensor library) as ONE wide network:
 * the hidden layers sit side by side (K·N units, one matrix product per step for all members)
 * and the readout is block-structured (member m sums only its own N units), so the per-call
 * framework overhead is paid once per step rather than once per network (ANCHORS: a DL4J
 * {@code fit} costs ~1.7 ms at the Flesch size whatever the width).
 *
 * <p>Each step is exact full-batch gradient descent with the closed-form gradients of
 * {@link Network#gradient} (forward {@code H = X Wᵀ + b}, readout
 * {@code y_m = f_m Σ_{i∈m} z_i φ(H_i) + c_m}, backward {@code ∂H = φ'(H) ∘ e ∘ f z},
 * {@code ∂W = ∂Hᵀ X}). Members never mix: every reduction is over one member's block, so a member
 * ends bit-for-bit where it would alone. A member whose loss becomes non-finite or explodes is
 * frozen at its last good state and reported as diverged; a member below the tolerance stops.
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
        int din = d + c;
        int kn = kk * n;
        double scale = s0.loss().factor(p);
        int steps = s0.steps();

        INDArray x = Nd4j.create(data.inputs()).castTo(dt);
        INDArray yStar = Nd4j.create(data.targets(), new long[] {p, 1}, DataType.DOUBLE).castTo(dt);

        double[][] wAll = new double[kn][];
        double[] bAll = new double[kn];
        double[] zAll = new double[kn];
        double[] facAll = new double[kn];
        double[] lrNeuron = new double[kn];
        double[] cAll = new double[kk];
        double[] lrOut = new double[kk];
        for (int m = 0; m < kk; m++) {
            Network net = inits.get(m);
            InvalidInputException.require(net.hidden() == n && net.features() == d && net.contexts() == c,
                    "initial network", "N=" + n + ", D=" + d + ", C=" + c, "N=" + net.hidden());
            double lr = specs.get(m).effectiveLearningRate();
            for (int i = 0; i < n; i++) {
                int r = m * n + i;
                wAll[r] = new double[din];
                System.arraycopy(net.w()[i], 0, wAll[r], 0, d);
                System.arraycopy(net.v()[i], 0, wAll[r], d, c);
                bAll[r] = net.b()[i];
                zAll[r] = net.z()[i];
                facAll[r] = net.factor();
                lrNeuron[r] = lr;
            }
            cAll[m] = net.outputBias();
            lrOut[m] = lr;
        }
        INDArray w = Nd4j.create(wAll).castTo(dt);
        INDArray b = row(bAll, dt);
        INDArray z = row(zAll, dt);
        INDArray fac = row(facAll, dt);
        INDArray cb = row(cAll, dt);
        INDArray lrW = Nd4j.create(lrNeuron, new long[] {kn, 1}, DataType.DOUBLE).castTo(dt);
        INDArray lrZ = row(lrNeuron, dt);
        INDArray lrB = s0.hiddenBias() ? row(lrNeuron, dt) : Nd4j.zeros(dt, 1, kn);
        INDArray lrC = s0.outputBias() ? row(lrOut, dt) : Nd4j.zeros(dt, 1, kk);

        Optim opt = new Optim(s0.optimizer(), s0.momentum(), w, b, z, cb);
        INDArray prevW = w.dup();
        INDArray prevB = b.dup();
        INDArray prevZ = z.dup();
        INDArray prevC = cb.dup();
        INDArray hBuf = Nd4j.create(dt, p, kn);
        INDArray aBuf = Nd4j.create(dt, p, kn);
        INDArray tmpBuf = Nd4j.create(dt, p, kn);
        INDArray dhBuf = Nd4j.create(dt, p, kn);
        INDArray dwBuf = Nd4j.create(dt, kn, din);
        INDArray yStarK = Nd4j.tile(yStar, 1, kk);
        INDArray y0 = s0.centred() ? Nd4j.zeros(dt, p, kk) : null;

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

        // Every temporary of a step lives in one reused workspace: without it, buffer allocation and
        // release dominate the step time of small networks.
        WorkspaceConfiguration wsConfig = WorkspaceConfiguration.builder()
                .policyAllocation(AllocationPolicy.OVERALLOCATE).policyLearning(LearningPolicy.FIRST_LOOP).build();
        String wsId = "netropy-gd-" + Thread.currentThread().getId();
        for (int t = 0; ; t++) {
          try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().getAndActivateWorkspace(wsConfig, wsId)) {
            // forward
            // (preallocated outputs and 2-D broadcasts: ND4J's generic N-d broadcasting and fresh
            // allocations cost far more than the arithmetic at these sizes)
            INDArray h = Nd4j.gemm(x, w, hBuf, false, true, 1.0, 0.0);
            if (s0.hiddenBias()) {
                h.addiRowVector(b);
            }
            INDArray a = apply(s0.activation(), aBuf.assign(h));
            INDArray zf = z.mul(fac);
            Nd4j.getExecutioner().exec(new BroadcastMulOp(a, zf, tmpBuf, 1));
            INDArray y = tmpBuf.reshape((long) p * kk, n).sum(1).reshape(p, kk);
            y.addiRowVector(cb);
            if (s0.centred()) {
                if (t == 0) {
                    y0.assign(y);
                }
                y.subi(y0);
            }
            INDArray r = y.subi(yStarK);
            double[] loss = r.mul(r).sum(0).muli(0.5 * scale).castTo(DataType.DOUBLE).toDoubleVector();

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
                    last[m] = t == 0 ? inits.get(m) : extract(prevW, prevB, prevZ, prevC, m, n, d, c, inits.get(m));
                    freeze(m, n, lrW, lrZ, lrB, lrC);
                    active[m] = false;
                    activeCount--;
                    continue;
                }
                curves.get(m).add(loss[m]);
                if (snapshotAt.length > t && snapshotAt[t]) {
                    snaps.get(m).put(t, extract(w, b, z, cb, m, n, d, c, inits.get(m)));
                }
                if (loss[m] < specs.get(m).tolerance() || t == steps) {
                    converged[m] = loss[m] < specs.get(m).tolerance();
                    stepsRun[m] = t;
                    last[m] = extract(w, b, z, cb, m, n, d, c, inits.get(m));
                    freeze(m, n, lrW, lrZ, lrB, lrC);
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
            prevB.assign(b);
            prevZ.assign(z);
            prevC.assign(cb);

            // backward
            INDArray e = r.muli(scale);
            INDArray eVec = e.reshape((long) p * kk);
            Nd4j.getExecutioner().exec(new BroadcastMulOp(a.reshape((long) p * kk, n), eVec, tmpBuf.reshape((long) p * kk, n), 0));
            INDArray dz = tmpBuf.sum(0).reshape(1, kn).muli(fac);
            INDArray sl = slope(s0.activation(), h, a);
            Nd4j.getExecutioner().exec(new BroadcastMulOp(sl.reshape((long) p * kk, n), eVec, dhBuf.reshape((long) p * kk, n), 0));
            INDArray dh = dhBuf.muliRowVector(zf);
            INDArray dw = Nd4j.gemm(dh, x, dwBuf, true, false, 1.0, 0.0);
            INDArray db = dh.sum(0).reshape(1, kn);
            INDArray dc = e.sum(0).reshape(1, kk);
            opt.step(t + 1, w, dw, lrW, b, db, lrB, z, dz, lrZ, cb, dc, lrC);
          }
        }

        List<Outcome> out = new ArrayList<>();
        for (int m = 0; m < kk; m++) {
            double[] curve = curves.get(m).stream().mapToDouble(Double::doubleValue).toArray();
            double[] offset = null;
            if (y0 != null) {
                offset = y0.getColumn(m).dup().castTo(DataType.DOUBLE).toDoubleVector();
            }
            out.add(new Outcome(inits.get(m), last[m], curve, diverged[m], divergedStep[m], converged[m], stepsRun[m],
                    offset, snaps.get(m)));
        }
        return out;
    }

    private static INDArray row(double[] v, DataType dt) {
        return Nd4j.create(v, new long[] {1, v.length}, DataType.DOUBLE).castTo(dt);
    }

    private static void freeze(int m, int n, INDArray lrW, INDArray lrZ, INDArray lrB, INDArray lrC) {
        lrW.get(NDArrayIndex.interval(m * n, (m + 1) * n), NDArrayIndex.all()).assign(0);
        lrZ.get(NDArrayIndex.all(), NDArrayIndex.interval(m * n, (m + 1) * n)).assign(0);
        lrB.get(NDArrayIndex.all(), NDArrayIndex.interval(m * n, (m + 1) * n)).assign(0);
        lrC.putScalar(0, m, 0);
    }

    private static Network extract(INDArray w, INDArray b, INDArray z, INDArray cb, int m, int n, int d, int c, Network like) {
        double[][] block = w.get(NDArrayIndex.interval(m * n, (m + 1) * n), NDArrayIndex.all()).castTo(DataType.DOUBLE).toDoubleMatrix();
        double[][] ws = new double[n][d];
        double[][] vs = new double[n][c];
        for (int i = 0; i < n; i++) {
            System.arraycopy(block[i], 0, ws[i], 0, d);
            System.arraycopy(block[i], d, vs[i], 0, c);
        }
        double[] bs = b.get(NDArrayIndex.all(), NDArrayIndex.interval(m * n, (m + 1) * n)).castTo(DataType.DOUBLE).toDoubleVector();
        double[] zs = z.get(NDArrayIndex.all(), NDArrayIndex.interval(m * n, (m + 1) * n)).castTo(DataType.DOUBLE).toDoubleVector();
        double cs = cb.getDouble(0, m);
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

        void step(int t, INDArray w, INDArray dw, INDArray lrW, INDArray b, INDArray db, INDArray lrB,
                  INDArray z, INDArray dz, INDArray lrZ, INDArray c, INDArray dc, INDArray lrC) {
            update(0, t, w, dw, lrW, true);
            update(1, t, b, db, lrB, false);
            update(2, t, z, dz, lrZ, false);
            update(3, t, c, dc, lrC, false);
        }

        private void update(int slot, int t, INDArray param, INDArray grad, INDArray lr, boolean column) {
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
            if (column) {
                INDArray step = dir == grad ? grad : dir.dup();
                Nd4j.getExecutioner().exec(new BroadcastMulOp(step, lr.reshape(lr.length()), step, 0));
                param.subi(step);
            } else {
                param.subi(dir.mul(lr));
            }
        }
    }
}
