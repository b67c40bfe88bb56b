package org.netropy.gd;

import java.util.LinkedHashMap;
import java.util.Map;
import org.netropy.connectivity.NeuronTable;
import org.netropy.io.InvalidInputException;
import org.netropy.task.FleschTreesTask;
import org.netropy.task.Task;
import org.netropy.task.TrainingRecipe;

/**
 * Everything that defines one gradient-descent run except its seed (THEORY §2, §4).
 *
 * @param task            the task (data set) to train on
 * @param hidden          N hidden neurons
 * @param activation      φ
 * @param hiddenBias      train a hidden bias b_i (otherwise b ≡ 0)
 * @param outputBias      train an output bias c
 * @param readout         readout normalisation s(N)
 * @param alpha           Chizat output scale α: y = α s Σ z φ (1 = none)
 * @param centred         subtract the initial output y₀ (Chizat &amp; Bach centring)
 * @param init            initial weights
 * @param learningRate    base rate η
 * @param lrScaling       mean-field (η N / max(1, σ_w²)) or plain
 * @param optimizer       gd, momentum or adam (nesterov, adagrad, rmsprop: DL4J backend)
 * @param momentum        momentum coefficient (momentum) or β₁ (adam)
 * @param loss            mean or summed squared error
 * @param steps           maximum number of updates T
 * @param tolerance       stop a network once its loss is below this (0 = never)
 * @param precision       float or double
 * @param divergenceFactor a loss above this × max(1, initial loss), or non-finite, is divergence
 * @param snapshotSteps   steps at which to keep weight snapshots (may be empty)
 * @param initFrom        initial weights from a table (mean-field z), or null to draw them
 * @param algorithm       backend, minibatches, updater constants, L2, dropout, schedule
 */
public record GdRunSpec(Task task, int hidden, Activation activation, boolean hiddenBias, boolean outputBias,
                        Readout readout, double alpha, boolean centred, InitSpec init, double learningRate,
                        LearningRateScaling lrScaling, Optimizer optimizer, double momentum, LossScale loss,
                        int steps, double tolerance, Precision precision, double divergenceFactor,
                        int[] snapshotSteps, NeuronTable initFrom, TrainingAlgorithm algorithm) {

    public GdRunSpec {
        InvalidInputException.require(task != null, "--task", "set", "none");
        InvalidInputException.inRange("--hidden", hidden, 1, 10_000_000);
        InvalidInputException.positive("--alpha", alpha);
        InvalidInputException.positive("--learning-rate", learningRate);
        InvalidInputException.require(momentum >= 0 && momentum < 1, "--momentum", "a number in [0, 1)", momentum);
        InvalidInputException.inRange("--steps", steps, 0, Integer.MAX_VALUE - 1);
        InvalidInputException.nonNegative("--tolerance", tolerance);
        InvalidInputException.require(divergenceFactor > 1, "divergence factor", "a number > 1", divergenceFactor);
        InvalidInputException.require(!init.symmetric() || hidden % 2 == 0, "--hidden", "even with --symmetric (mirror pairs)", hidden);
        if (snapshotSteps == null) {
            snapshotSteps = new int[0];
        }
        for (int s : snapshotSteps) {
            InvalidInputException.require(s >= 0 && s <= steps, "--snapshots", "steps in [0, " + steps + "]", s);
        }
        if (initFrom != null) {
            InvalidInputException.require(initFrom.size() == hidden && initFrom.features() == task.features()
                            && initFrom.contexts() == task.contexts(), "--init-from",
                    "a table with N=" + hidden + " neurons, D=" + task.features() + ", C=" + task.contexts(),
                    "N=" + initFrom.size() + ", D=" + initFrom.features() + ", C=" + initFrom.contexts());
        }
        if (algorithm == null) {
            algorithm = TrainingAlgorithm.DEFAULT;
        }
        algorithm.check(optimizer, precision, org.netropy.options.Naming.CLI);
        InvalidInputException.require(algorithm.batchSize() <= task.data().size(), "--batch-size",
                "at most the " + task.data().size() + " samples of the task (0 = full batch)", algorithm.batchSize());
    }

    /** Base learning rate η of the mean-field recipe (THEORY §4; declared in {@link TrainingRecipe#MEAN_FIELD}). */
    public static final double MEAN_FIELD_LEARNING_RATE = TrainingRecipe.MEAN_FIELD.learningRate();
    /** Base learning rate η of the Flesch et al. 2022 recipe (declared with the task, {@link FleschTreesTask#RECIPE}). */
    public static final double FLESCH_LEARNING_RATE = FleschTreesTask.RECIPE.learningRate();
    /** Updates when a run does not say, the same on the command line and in specs. */
    public static final int DEFAULT_STEPS = 2000;

    /**
     * Mean-field defaults of THEORY §4 for a task: ReLU, no biases, readout 1/N, all blocks
     * N(0, σ²), η = 0.05 with mean-field scaling, mean squared error, double precision.
     */
    public static GdRunSpec meanField(Task task, int hidden, double sigma, int steps) {
        return builder(task).hidden(hidden).init(InitSpec.uniform(sigma)).steps(steps).build();
    }

    /**
     * The Flesch et al. 2022 network (THEORY §1): 27 → N ReLU → 1, biases 0.1, readout std 1/100,
     * plain dense readout, summed squared error, η = 5e-3, given stimulus and context scales.
     */
    public static GdRunSpec flesch(Task task, int hidden, double inputScale, double contextScale, int steps) {
        return GdOptions.forTask(task, Map.of("hidden", (long) hidden, "init_scale", inputScale, "context_scale", contextScale,
                "steps", (long) steps));
    }

    /** Output factor α·s(N): y = factor · Σ z_raw φ + c. */
    public double outputFactor() {
        return alpha * readout.factor(hidden);
    }

    /** The per-parameter learning rate actually used. */
    public double effectiveLearningRate() {
        return lrScaling.effective(learningRate, hidden, init.stimulusScale());
    }

    public GdRunSpec withInit(InitSpec i) {
        return toBuilder().init(i).build();
    }

    /** The same run with or without trained hidden biases b_i. */
    public GdRunSpec withHiddenBias(boolean bias) {
        return toBuilder().hiddenBias(bias).build();
    }

    public GdRunSpec withSteps(int t) {
        return toBuilder().steps(t).build();
    }

    public GdRunSpec withLearningRate(double eta) {
        return toBuilder().learningRate(eta).build();
    }

    public GdRunSpec withPrecision(Precision p) {
        return toBuilder().precision(p).build();
    }

    public GdRunSpec withOptimizer(Optimizer o) {
        return toBuilder().optimizer(o).build();
    }

    public GdRunSpec withInitFrom(NeuronTable t) {
        return toBuilder().initFrom(t).build();
    }

    /** The same run with another optimizer, momentum and training algorithm. */
    public GdRunSpec withAlgorithm(Optimizer o, double mu, TrainingAlgorithm a) {
        return toBuilder().optimizer(o).momentum(mu).algorithm(a).build();
    }

    /**
     * A run on {@code task} with the mean-field defaults of THEORY §4 (N = 100, σ = 1,
     * {@link #DEFAULT_STEPS} steps, the rest as {@link #meanField}); set what differs.
     */
    public static Builder builder(Task task) {
        return new Builder(task);
    }

    /** A builder holding every setting of this run. */
    public Builder toBuilder() {
        Builder b = new Builder(task);
        b.hidden = hidden;
        b.activation = activation;
        b.hiddenBias = hiddenBias;
        b.outputBias = outputBias;
        b.readout = readout;
        b.alpha = alpha;
        b.centred = centred;
        b.init = init;
        b.learningRate = learningRate;
        b.lrScaling = lrScaling;
        b.optimizer = optimizer;
        b.momentum = momentum;
        b.loss = loss;
        b.steps = steps;
        b.tolerance = tolerance;
        b.precision = precision;
        b.divergenceFactor = divergenceFactor;
        b.snapshotSteps = snapshotSteps;
        b.initFrom = initFrom;
        b.algorithm = algorithm;
        return b;
    }

    /**
     * The one place besides the record that knows every field: each setter replaces one field,
     * {@link #build} validates the whole run (the record's constructor).
     */
    public static final class Builder {
        private Task task;
        private int hidden = 100;
        private Activation activation = Activation.RELU;
        private boolean hiddenBias;
        private boolean outputBias;
        private Readout readout = Readout.MEAN_FIELD;
        private double alpha = 1.0;
        private boolean centred;
        private InitSpec init = InitSpec.uniform(1.0);
        private double learningRate = MEAN_FIELD_LEARNING_RATE;
        private LearningRateScaling lrScaling = LearningRateScaling.MEAN_FIELD;
        private Optimizer optimizer = Optimizer.GD;
        private double momentum = 0.9;
        private LossScale loss = LossScale.MEAN;
        private int steps = DEFAULT_STEPS;
        private double tolerance;
        private Precision precision = Precision.DOUBLE;
        private double divergenceFactor = 1e8;
        private int[] snapshotSteps = new int[0];
        private NeuronTable initFrom;
        private TrainingAlgorithm algorithm = TrainingAlgorithm.DEFAULT;

        private Builder(Task task) {
            this.task = task;
        }

        public Builder task(Task v) { task = v; return this; }
        public Builder hidden(int v) { hidden = v; return this; }
        public Builder activation(Activation v) { activation = v; return this; }
        public Builder hiddenBias(boolean v) { hiddenBias = v; return this; }
        public Builder outputBias(boolean v) { outputBias = v; return this; }
        public Builder readout(Readout v) { readout = v; return this; }
        public Builder alpha(double v) { alpha = v; return this; }
        public Builder centred(boolean v) { centred = v; return this; }
        public Builder init(InitSpec v) { init = v; return this; }
        public Builder learningRate(double v) { learningRate = v; return this; }
        public Builder lrScaling(LearningRateScaling v) { lrScaling = v; return this; }
        public Builder optimizer(Optimizer v) { optimizer = v; return this; }
        public Builder momentum(double v) { momentum = v; return this; }
        public Builder loss(LossScale v) { loss = v; return this; }
        public Builder steps(int v) { steps = v; return this; }
        public Builder tolerance(double v) { tolerance = v; return this; }
        public Builder precision(Precision v) { precision = v; return this; }
        public Builder divergenceFactor(double v) { divergenceFactor = v; return this; }
        public Builder snapshotSteps(int[] v) { snapshotSteps = v; return this; }
        public Builder initFrom(NeuronTable v) { initFrom = v; return this; }
        public Builder algorithm(TrainingAlgorithm v) { algorithm = v; return this; }

        public GdRunSpec build() {
            return new GdRunSpec(task, hidden, activation, hiddenBias, outputBias, readout, alpha, centred, init, learningRate,
                    lrScaling, optimizer, momentum, loss, steps, tolerance, precision, divergenceFactor, snapshotSteps, initFrom,
                    algorithm);
        }
    }

    /** Settings as a JSON-friendly map (the task's own settings are recorded separately). */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("task", task.name());
        m.put("hidden", hidden);
        m.put("activation", activation.label());
        m.put("hiddenBias", hiddenBias);
        m.put("outputBias", outputBias);
        m.put("readout", readout.label());
        m.put("alpha", alpha);
        m.put("centred", centred);
        m.put("stimulusScale", init.stimulusScale());
        m.put("contextScale", init.contextScale());
        m.put("biasInit", init.biasMean());
        m.put("biasScale", init.biasScale());
        m.put("readoutScale", init.readoutScale());
        m.put("outputBiasInit", init.outputBiasInit());
        m.put("symmetric", init.symmetric());
        m.put("lowRank", init.lowRank().describe());
        m.put("rankMeasure", init.rankMeasure().label());
        m.put("learningRate", learningRate);
        m.put("learningRateScaling", lrScaling.label());
        m.put("effectiveLearningRate", effectiveLearningRate());
        m.put("optimizer", optimizer.label());
        m.put("momentum", momentum);
        m.put("loss", loss.label());
        m.put("steps", steps);
        m.put("tolerance", tolerance);
        m.put("precision", precision.label());
        m.put("divergenceFactor", divergenceFactor);
        m.put("snapshotSteps", snapshotSteps);
        m.put("initFrom", initFrom != null);
        m.putAll(algorithm.describe(optimizer));
        return m;
    }
}
