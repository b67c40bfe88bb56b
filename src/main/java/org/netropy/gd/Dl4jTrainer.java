package org.netropy.gd;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.IntConsumer;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.linalg.schedule.StepSchedule;
import org.netropy.random.RandomStreams;
import org.netropy.task.TaskData;

/**
 * The DL4J backend ({@code --backend dl4j}): the same network, initial weights, loss and rates as
 * the fused kernel, trained as a DL4J {@code MultiLayerNetwork} (dense φ layer → dense identity
 * output), which opens DL4J's minibatch training, updaters, L2 and dropout.
 *
 * <p><b>How the engine's parametrisation maps onto standard DL4J layers.</b> The readout
 * {@code y = f Σ z_i φ(h_i) + c} (f = α s(N), THEORY §2) is a dense layer with weights
 * {@code W = f z}; a step of size η on z is a step on W of size η f² for the updaters linear in the
 * gradient (gd, momentum, nesterov: ∂L/∂W = ∂L/∂z / f and ΔW = f Δz) and η f for the normalised
 * ones (adam, adagrad, rmsprop: invariant to the gradient's scale), whose ε on W is ε/f so that it is
 * ε in z units. The L2 penalty (λ/2)|z|² is (λ/2f²)|W|². The output bias c and the hidden layer
 * keep η; an untrained output bias is a constant subtracted from the targets. The loss is {@link HalfSquaredError} with DL4J's division by the minibatch size for
 * {@code --loss mean} (1/P full batch, 1/B on minibatches) and without it for {@code sum}; centring
 * trains on the targets y* + y₀. So no custom layer is needed and full-batch gd and momentum agree
 * with the fused kernel to rounding, ~1e-15 per step (tested to 1e-9 after 100 steps).
 *
 * <p><b>Conventions that differ.</b> DL4J's Adam adds ε to √v before the bias correction,
 * {@code η √(1−β₂ᵗ)/(1−β₁ᵗ) · m/(√v + ε)}, i.e. ε/√(1−β₂ᵗ) on the corrected √v̂; the fused kernel
 * adds ε to √v̂. The steps differ by a relative ε(1/√(1−β₂ᵗ) − 1)/√v̂, negligible unless the
 * gradients are as small as ~ε/√(1−β₂ᵗ). Momentum is heavy ball in both ({@link HeavyBallMomentum});
 * DL4J's {@code Nesterovs} is offered as {@code nesterov}. A rate schedule gives update t (t = 1,
 * 2, ...) the rate η γ^⌊(t−1)/S⌋ (step) or η γ^(t−1) (exponential), DL4J's iteration count being
 * t − 1. Dropout (inverted: kept units scaled by 1/(1−p)) acts on the hidden activity in training
 * steps only; the loss curve is always the full-data loss without dropout and without the penalty.
 *
 * <p><b>Randomness.</b> Minibatches: a permutation of the P samples per epoch from the stream
 * {@code train/minibatch} (consecutive batches of B, the last one shorter when B does not divide
 * P); dropout masks: ND4J's generator of the training thread, seeded from {@code train/dropout}.
 * Both seeds are recorded; reruns are bit-identical (tested).
 *
 * <p>Networks are trained one at a time (DL4J has no block-structured readout for an ensemble), a
 * {@code fit} call costing about a millisecond at the Flesch size (see docs/GRADIENT_DESCENT.md).
 */
final class Dl4jTrainer {
    /** Streams the DL4J backend draws from when it needs them. */
    static final String MINIBATCH_STREAM = "train/minibatch";
    static final String DROPOUT_STREAM = "train/dropout";

    private Dl4jTrainer() {}

    static EnsembleEngine.Outcome train(GdRunSpec spec, Network init, RandomStreams streams, IntConsumer progress) {
        TaskData data = spec.task().data();
        int p = data.size();
        int n = spec.hidden();
        int d = data.features();
        int c = data.contexts();
        int din = d + c;
        TrainingAlgorithm alg = spec.algorithm();
        double f = init.factor();
        double[] y0 = spec.centred() ? init.outputs(data) : null;
        double[] yStar = data.targets();
        // centring trains on y* + y₀; an untrained output bias c is a constant moved into the targets
        double fixedBias = spec.outputBias() ? 0 : init.outputBias();
        double[][] labels = new double[p][1];
        for (int s = 0; s < p; s++) {
            labels[s][0] = (y0 == null ? yStar[s] : yStar[s] + y0[s]) - fixedBias;
        }
        double[][] inputs = data.inputs();

        MultiLayerNetwork net = new MultiLayerNetwork(configuration(spec, din, f, streams));
        net.init();
        setParameters(net, init, spec, d, c);
        if (alg.dropout() > 0) {
            Nd4j.getRandom().setSeed(streams.seedFor(DROPOUT_STREAM));
        }
        SplittableRandom shuffle = alg.minibatch() ? streams.stream(MINIBATCH_STREAM) : null;
        DataSet full = new DataSet(Nd4j.create(inputs), Nd4j.create(labels));
        int[] order = identity(p);
        int position = p;

        double lossScale = spec.loss().factor(p);
        List<Double> curve = new ArrayList<>();
        TreeMap<Integer, Network> snaps = new TreeMap<>();
        boolean[] snapshotAt = new boolean[spec.steps() + 1];
        for (int t : spec.snapshotSteps()) {
            snapshotAt[t] = true;
        }
        Layout layout = new Layout(din, n, spec.hiddenBias(), spec.outputBias());
        double[] current = net.params().toDoubleVector();
        layout.verify(current, init, f);
        double[] initialTheta = current;
        double[] previous = current;
        double[] lastTheta;
        boolean diverged = false;
        boolean converged = false;
        int divergedStep = -1;
        int stepsRun;
        double initialLoss = Double.NaN;
        for (int t = 0; ; t++) {
            if (t > 0) {
                current = net.params().toDoubleVector();
            }
            double loss = layout.loss(current, inputs, spec.activation(), fixedBias, y0, yStar, lossScale);
            if (t == 0) {
                initialLoss = loss;
            }
            if (!Double.isFinite(loss) || loss > spec.divergenceFactor() * Math.max(1.0, initialLoss)) {
                diverged = true;
                divergedStep = t;
                stepsRun = Math.max(0, t - 1);
                lastTheta = previous;
                break;
            }
            curve.add(loss);
            if (snapshotAt[t]) {
                snaps.put(t, t == 0 ? init : layout.network(current, init, d, c, f));
            }
            if (progress != null) {
                progress.accept(t);
            }
            if (loss < spec.tolerance() || t == spec.steps()) {
                converged = loss < spec.tolerance();
                stepsRun = t;
                lastTheta = current;
                break;
            }
            previous = current;
            if (shuffle == null) {
                net.fit(full);
            } else {
                if (position >= p) {
                    shuffle(order, shuffle);
                    position = 0;
                }
                int b = Math.min(alg.batchSize(), p - position);
                double[][] xb = new double[b][];
                double[][] yb = new double[b][];
                for (int k = 0; k < b; k++) {
                    xb[k] = inputs[order[position + k]];
                    yb[k] = labels[order[position + k]];
                }
                position += b;
                net.fit(new DataSet(Nd4j.create(xb), Nd4j.create(yb)));
            }
        }
        // the initial network exactly as drawn (not via W_out / f) when no update was applied
        Network last = lastTheta == initialTheta ? init : layout.network(lastTheta, init, d, c, f);
        double[] lossCurve = curve.stream().mapToDouble(Double::doubleValue).toArray();
        return new EnsembleEngine.Outcome(init, last, lossCurve, diverged, divergedStep, converged, stepsRun, y0, snaps);
    }

    /** The layers, their per-layer rates (see the class comment) and the loss. */
    static MultiLayerConfiguration configuration(GdRunSpec spec, int din, double f, RandomStreams streams) {
        TrainingAlgorithm alg = spec.algorithm();
        Optimizer o = spec.optimizer();
        double eta = spec.effectiveLearningRate();
        double readoutRate = o.normalised() ? eta * f : eta * f * f;
        DenseLayer.Builder hidden = new DenseLayer.Builder().nIn(din).nOut(spec.hidden())
                .activation(activation(spec.activation())).hasBias(spec.hiddenBias())
                .updater(updater(spec, eta, 1)).biasUpdater(updater(spec, eta, 1));
        OutputLayer.Builder out = new OutputLayer.Builder(new HalfSquaredError()).nIn(spec.hidden()).nOut(1)
                .activation(org.nd4j.linalg.activations.Activation.IDENTITY).hasBias(spec.outputBias())
                .updater(updater(spec, readoutRate, 1 / f)).biasUpdater(updater(spec, eta, 1));
        if (alg.weightDecay() > 0) {
            hidden.l2(alg.weightDecay());
            out.l2(alg.weightDecay() / (f * f));
        }
        if (alg.dropout() > 0) {
            out.dropOut(1 - alg.dropout());   // DL4J: dropout on a layer's input, given as the retain probability
        }
        return new NeuralNetConfiguration.Builder()
                .dataType(DataType.DOUBLE)
                .seed(streams.seedFor(DROPOUT_STREAM))
                .weightInit(WeightInit.ZERO)
                .miniBatch(spec.loss() == LossScale.MEAN)
                .list()
                .layer(hidden.build())
                .layer(out.build())
                .build();
    }

    /** DL4J's updater for a block of parameters with base rate {@code rate} and ε multiplied by {@code epsScale}. */
    private static IUpdater updater(GdRunSpec spec, double rate, double epsScale) {
        TrainingAlgorithm alg = spec.algorithm();
        ISchedule schedule = switch (alg.schedule()) {
            case NONE -> null;
            case STEP -> new StepSchedule(ScheduleType.ITERATION, rate, alg.lrDecay(), alg.lrStep());
            case EXPONENTIAL -> new ExponentialSchedule(ScheduleType.ITERATION, rate, alg.lrDecay());
        };
        double mu = spec.momentum();
        double eps = alg.epsilon() * epsScale;
        IUpdater u = switch (spec.optimizer()) {
            case GD -> new Sgd(rate);
            case MOMENTUM -> new HeavyBallMomentum(rate, null, mu);
            case NESTEROV -> new Nesterovs(rate, mu);
            case ADAM -> new Adam(rate, mu, alg.beta2(), eps);
            case ADAGRAD -> new AdaGrad(rate, eps);
            case RMSPROP -> new RmsProp(rate, alg.rmsDecay(), eps);
        };
        if (schedule != null) {
            u.setLrAndSchedule(rate, schedule);
        }
        return u;
    }

    private static org.nd4j.linalg.activations.Activation activation(Activation a) {
        return switch (a) {
            case RELU -> org.nd4j.linalg.activations.Activation.RELU;
            case TANH -> org.nd4j.linalg.activations.Activation.TANH;
            case SOFTPLUS -> org.nd4j.linalg.activations.Activation.SOFTPLUS;
        };
    }

    private static void setParameters(MultiLayerNetwork net, Network init, GdRunSpec spec, int d, int c) {
        int n = init.hidden();
        double[][] w = new double[d + c][n];
        double[][] wOut = new double[n][1];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                w[j][i] = init.w()[i][j];
            }
            for (int k = 0; k < c; k++) {
                w[d + k][i] = init.v()[i][k];
            }
            wOut[i][0] = init.factor() * init.z()[i];
        }
        net.getLayer(0).setParam("W", Nd4j.create(w));
        if (spec.hiddenBias()) {
            net.getLayer(0).setParam("b", Nd4j.create(new double[][] {init.b()}));
        }
        net.getLayer(1).setParam("W", Nd4j.create(wOut));
        if (spec.outputBias()) {
            net.getLayer(1).setParam("b", Nd4j.create(new double[][] {{init.outputBias()}}));
        }
    }

    /**
     * Where the parameters sit in DL4J's flat parameter vector: the hidden layer's W (din × N,
     * column-major: W[j][i] at j + din·i) and b, then the readout's W (N) and b. Reading the flat
     * vector once per step costs one copy (per-array access cost ~0.5 ms a step); {@link #verify}
     * checks the layout against the initial weights.
     */
    private record Layout(int din, int n, boolean hiddenBias, boolean outputBias) {
        int bias() {
            return din * n;
        }

        int readout() {
            return din * n + (hiddenBias ? n : 0);
        }

        int outBias() {
            return readout() + n;
        }

        void verify(double[] theta, Network init, double f) {
            int d = init.features();
            boolean ok = theta.length == outBias() + (outputBias ? 1 : 0);
            for (int i = 0; ok && i < n; i++) {
                ok = theta[din * i] == (d > 0 ? init.w()[i][0] : init.v()[i][0]) && theta[readout() + i] == f * init.z()[i]
                        && (!hiddenBias || theta[bias() + i] == init.b()[i]);
            }
            if (!ok) {
                throw new IllegalStateException("DL4J's parameter layout is not the one assumed (W column-major, then b)");
            }
        }

        /** f_P ½ Σ (y − y₀ − y*)² over all samples, in plain Java (no dropout, no penalty). */
        double loss(double[] theta, double[][] inputs, Activation act, double fixedOut, double[] y0, double[] yStar, double scale) {
            int ro = readout();
            double c = outputBias ? theta[outBias()] : fixedOut;
            double sq = 0;
            for (int s = 0; s < inputs.length; s++) {
                double[] x = inputs[s];
                double y = c;
                for (int i = 0; i < n; i++) {
                    double h = hiddenBias ? theta[bias() + i] : 0;
                    int o = din * i;
                    for (int j = 0; j < din; j++) {
                        h += x[j] * theta[o + j];
                    }
                    y += theta[ro + i] * act.apply(h);
                }
                double r = (y0 == null ? y : y - y0[s]) - yStar[s];
                sq += r * r;
            }
            return sq * (0.5 * scale);
        }

        /** The network in the engine's convention (z = W_out / f). */
        Network network(double[] theta, Network like, int d, int c, double f) {
            double[][] ws = new double[n][d];
            double[][] vs = new double[n][c];
            double[] b = hiddenBias ? new double[n] : like.b().clone();
            double[] zs = new double[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    ws[i][j] = theta[din * i + j];
                }
                for (int k = 0; k < c; k++) {
                    vs[i][k] = theta[din * i + d + k];
                }
                if (hiddenBias) {
                    b[i] = theta[bias() + i];
                }
                zs[i] = theta[readout() + i] / f;
            }
            return new Network(ws, vs, b, zs, outputBias ? theta[outBias()] : like.outputBias(), like.factor(), like.activation());
        }
    }

    private static int[] identity(int p) {
        int[] a = new int[p];
        for (int i = 0; i < p; i++) {
            a[i] = i;
        }
        return a;
    }

    /** Fisher–Yates with the run's minibatch generator. */
    private static void shuffle(int[] a, SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
