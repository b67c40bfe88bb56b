package org.netropy.gd;

import java.util.Arrays;
import java.util.List;
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
import org.netropy.task.TaskData;

/**
 * The step on ND4J: the members are the batch dimension of batched matrix products,
 * {@code H = X Wᵀ} (K × P × N), {@code y = φ(H)(f z) + c}; backward {@code ∂z = f φ(H)ᵀ e},
 * {@code ∂H = φ'(H) ∘ e (f z)ᵀ}, {@code ∂W = ∂Hᵀ X}, with {@code e = f_P (y − y*)}. Every product
 * and reduction stays inside one member's batch slice. The reference the {@link FusedKernel} is
 * tested against, in both precisions ({@code -Dnetropy.gd.kernel=nd4j} runs it).
 */
final class Nd4jKernel implements EnsembleKernel {
    private final int kk;
    private final int p;
    private final int d;
    private final int c;
    private final boolean bias;
    private final Activation act;
    private final boolean centred;
    private final double scale;
    private final INDArray x;
    private final INDArray xT;
    private final INDArray yStar;
    private final INDArray w;
    private final INDArray z;
    private final INDArray fac;
    private final INDArray cb;
    private final INDArray lrW;
    private final INDArray lrZ;
    private final INDArray lrC;
    private final Optim opt;
    private final INDArray prevW;
    private final INDArray prevZ;
    private final INDArray prevC;
    private final INDArray hBuf;
    private final INDArray aBuf;
    private final INDArray outerBuf;
    private final INDArray yBuf;
    private final INDArray dzBuf;
    private final INDArray dwBuf;
    private final INDArray maskBuf;
    private final INDArray zf;
    private final INDArray y0;
    private final WorkspaceConfiguration wsConfig = WorkspaceConfiguration.builder()
            .policyAllocation(AllocationPolicy.OVERALLOCATE).policyLearning(LearningPolicy.FIRST_LOOP).build();
    private final String wsId = "netropy-gd-" + Thread.currentThread().getId();
    private INDArray residual;

    Nd4jKernel(List<GdRunSpec> specs, List<Network> inits) {
        GdRunSpec s0 = specs.get(0);
        TaskData data = s0.task().data();
        DataType dt = s0.precision() == Precision.DOUBLE ? DataType.DOUBLE : DataType.FLOAT;
        kk = specs.size();
        p = data.size();
        int n = s0.hidden();
        d = data.features();
        c = data.contexts();
        bias = s0.hiddenBias();
        act = s0.activation();
        centred = s0.centred();
        // input columns [u, cue, 1]: the hidden bias is the weight of a constant input, so it
        // needs no broadcast and its gradient comes out of the same matrix product
        int din = d + c + (bias ? 1 : 0);
        scale = s0.loss().factor(p);

        double[][] inputs = data.inputs();
        double[][][] x3 = new double[kk][p][din];
        double[][] yStarK = new double[kk][];
        for (int m = 0; m < kk; m++) {
            for (int s = 0; s < p; s++) {
                System.arraycopy(inputs[s], 0, x3[m][s], 0, d + c);
                if (bias) {
                    x3[m][s][d + c] = 1;
                }
            }
            yStarK[m] = data.targets().clone();
        }
        x = Nd4j.create(x3).castTo(dt);                    // K × P × din
        xT = x.permute(0, 2, 1).dup('c');                     // K × din × P
        yStar = Nd4j.create(yStarK).castTo(dt);

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
            double lr = specs.get(m).effectiveLearningRate();
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    wAll[m][j][i] = net.w()[i][j];
                }
                for (int k = 0; k < c; k++) {
                    wAll[m][d + k][i] = net.v()[i][k];
                }
                if (bias) {
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
        w = Nd4j.create(wAll).castTo(dt);          // K × din × N
        z = Nd4j.create(zAll).castTo(dt);          // K × N × 1
        fac = Nd4j.create(facAll).castTo(dt);      // K × N × 1
        cb = Nd4j.create(cAll).castTo(dt);         // K × 1
        lrW = Nd4j.create(lrWAll).castTo(dt);
        lrZ = Nd4j.create(lrZAll).castTo(dt);
        lrC = Nd4j.create(lrCAll).castTo(dt);

        opt = new Optim(s0.optimizer(), s0.momentum(), w, z, cb);
        prevW = w.dup();
        prevZ = z.dup();
        prevC = cb.dup();
        hBuf = Nd4j.create(dt, kk, p, n);
        aBuf = Nd4j.create(dt, kk, p, n);
        outerBuf = Nd4j.create(dt, kk, p, n);
        yBuf = Nd4j.create(dt, kk, p, 1);
        dzBuf = Nd4j.create(dt, kk, n, 1);
        dwBuf = Nd4j.create(dt, kk, din, n);
        maskBuf = Nd4j.create(dt, kk, p, n);
        zf = Nd4j.create(dt, kk, n, 1);
        y0 = centred ? Nd4j.zeros(dt, kk, p) : null;
    }

    // Every temporary of a step lives in one reused workspace, and every large result goes to a
    // preallocated buffer: at these sizes ND4J's allocation and generic broadcasting cost far more
    // than the arithmetic.
    @Override
    public double[] evaluate(int t) {
        try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().getAndActivateWorkspace(wsConfig, wsId)) {
            // forward: H = X Wᵀ (K × P × N), y = φ(H) (f z) + c
            Nd4j.matmul(x, w, hBuf, false, false, false);
            apply(act, aBuf.assign(hBuf));
            zf.assign(z).muli(fac);
            Nd4j.matmul(aBuf, zf, yBuf, false, false, false);
            INDArray y = yBuf.reshape(kk, p).addiColumnVector(cb);
            if (centred) {
                if (t == 0) {
                    y0.assign(y);
                }
                y.subi(y0);
            }
            residual = y.subi(yStar);       // a view of the preallocated yBuf
            return residual.mul(residual).sum(1).muli(0.5 * scale).castTo(DataType.DOUBLE).toDoubleVector();
        }
    }

    @Override
    public void remember() {
        prevW.assign(w);
        prevZ.assign(z);
        prevC.assign(cb);
    }

    @Override
    public void update(int t) {
        try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().getAndActivateWorkspace(wsConfig, wsId)) {
            // backward: e = f_P (y − y*); ∂z = f φ(H)ᵀ e; ∂H = φ'(H) ∘ (e (f z)ᵀ); ∂W = ∂Hᵀ X
            INDArray e = residual.muli(scale);
            INDArray e3 = e.reshape(kk, p, 1);
            Nd4j.matmul(aBuf, e3, dzBuf, true, false, false);
            INDArray dz = dzBuf.muli(fac);
            Nd4j.matmul(e3, zf, outerBuf, false, true, false);
            INDArray dh;
            if (act == Activation.RELU) {
                Nd4j.exec(new Step(hBuf, maskBuf));       // 1 where H > 0
                dh = outerBuf.muli(maskBuf);
            } else {
                dh = slope(act, hBuf, aBuf).muli(outerBuf);
            }
            Nd4j.matmul(xT, dh, dwBuf, false, false, false);
            INDArray dc = e.sum(1).reshape(kk, 1);
            opt.step(t, w, dwBuf, lrW, z, dz, lrZ, cb, dc, lrC);
        }
    }

    @Override
    public void freeze(int m) {
        lrW.get(NDArrayIndex.point(m), NDArrayIndex.all(), NDArrayIndex.all()).assign(0);
        lrZ.get(NDArrayIndex.point(m), NDArrayIndex.all(), NDArrayIndex.all()).assign(0);
        lrC.putScalar(m, 0, 0);
    }

    @Override
    public Network extract(int m, boolean previous, Network like) {
        INDArray ww = previous ? prevW : w;
        INDArray zz = previous ? prevZ : z;
        INDArray cc = previous ? prevC : cb;
        double[][] block = ww.get(NDArrayIndex.point(m), NDArrayIndex.all(), NDArrayIndex.all()).castTo(DataType.DOUBLE)
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
        double[] zs = zz.get(NDArrayIndex.point(m), NDArrayIndex.all(), NDArrayIndex.point(0)).castTo(DataType.DOUBLE).toDoubleVector();
        double cs = cc.getDouble(m, 0);
        return new Network(ws, vs, bs, zs, cs, like.factor(), like.activation());
    }

    @Override
    public double[] offset(int m) {
        return y0 == null ? null : y0.getRow(m).dup().castTo(DataType.DOUBLE).toDoubleVector();
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
