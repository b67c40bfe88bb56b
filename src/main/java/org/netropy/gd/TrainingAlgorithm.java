package org.netropy.gd;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.netropy.io.InvalidInputException;
import org.netropy.options.Naming;
import org.netropy.options.OptionValues;
import org.netropy.options.ParameterSpec;

/**
 * How the networks are trained beyond task, architecture, loss and base rate: which backend, full
 * batch or minibatches, the updater's hyper-parameters, L2 penalty, dropout and the rate schedule.
 *
 * <p>Each setting is declared once, in {@link #OPTIONS} (part of {@link GdOptions#SCHEMA}): the
 * command line reads it as {@code --batch-size}, a spec as {@code batch_size}; both convert their
 * values with {@link #parse}, and {@link #check} refuses a setting the chosen backend lacks with
 * one line naming the backend that has it.
 *
 * <p>The fused kernel ({@link FusedKernel}) trains full batch with gd, heavy-ball momentum or Adam
 * (β₂ = 0.999, ε = 10⁻⁸ added after the bias correction). The DL4J backend ({@link Dl4jTrainer})
 * trains the same network as a DL4J {@code MultiLayerNetwork} and adds minibatches, DL4J's
 * updaters, L2, dropout and schedules; it runs in double precision.
 *
 * @param backend     fused (the default) or dl4j
 * @param batchSize   samples per update, reshuffled every epoch from the stream {@code train/minibatch}; 0 = full batch
 * @param beta2       Adam's β₂
 * @param epsilon     ε of Adam, AdaGrad and RMSProp
 * @param rmsDecay    RMSProp's decay of the squared-gradient average
 * @param weightDecay λ of the L2 penalty (λ/2)(|W|² + |z|²) added to the loss (biases are not penalised)
 * @param dropout     probability of dropping a hidden unit's activity in a training step (inverted dropout)
 * @param schedule    rate schedule: none, step (η γ^⌊(t−1)/S⌋ at update t) or exponential (η γ^(t−1))
 * @param lrDecay     γ of the schedule
 * @param lrStep      S of the step schedule (updates)
 */
public record TrainingAlgorithm(Backend backend, int batchSize, double beta2, double epsilon, double rmsDecay,
                                double weightDecay, double dropout, Schedule schedule, double lrDecay, int lrStep) {

    /** Where the step is computed. */
    public enum Backend {
        FUSED("fused"), DL4J("dl4j");

        private final String label;

        Backend(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Learning-rate schedule over updates. */
    public enum Schedule {
        NONE("none"), STEP("step"), EXPONENTIAL("exponential");

        private final String label;

        Schedule(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** Factor multiplying the rate of update t = 1, 2, ... */
        public double factor(int t, double decay, int step) {
            return switch (this) {
                case NONE -> 1.0;
                case STEP -> Math.pow(decay, Math.floor((t - 1) / (double) step));
                case EXPONENTIAL -> Math.pow(decay, t - 1);
            };
        }
    }

    /** The fused kernel's fixed Adam constants. */
    static final double FUSED_BETA2 = 0.999;
    static final double FUSED_EPSILON = 1e-8;

    /** Full batch on the fused kernel: what every run did before the DL4J backend existed. */
    public static final TrainingAlgorithm DEFAULT = new TrainingAlgorithm(Backend.FUSED, 0, FUSED_BETA2, FUSED_EPSILON, 0.95,
            0, 0, Schedule.NONE, 0.5, 1000);

    public TrainingAlgorithm {
        InvalidInputException.require(backend != null, "--backend", "fused or dl4j", "none");
        InvalidInputException.require(schedule != null, "--lr-schedule", "none, step or exponential", "none");
        InvalidInputException.require(batchSize >= 0, "--batch-size", "an integer >= 0 (0 = full batch)", batchSize);
        InvalidInputException.require(beta2 >= 0 && beta2 < 1, "--adam-beta2", "a number in [0, 1)", beta2);
        InvalidInputException.require(epsilon > 0 && epsilon < 1, "--epsilon", "a number in (0, 1)", epsilon);
        InvalidInputException.require(rmsDecay >= 0 && rmsDecay < 1, "--rms-decay", "a number in [0, 1)", rmsDecay);
        InvalidInputException.nonNegative("--weight-decay", weightDecay);
        InvalidInputException.require(dropout >= 0 && dropout < 1, "--dropout", "a number in [0, 1)", dropout);
        InvalidInputException.require(lrDecay > 0 && lrDecay <= 1, "--lr-decay", "a number in (0, 1]", lrDecay);
        InvalidInputException.require(lrStep >= 1, "--lr-step", "an integer >= 1", lrStep);
    }

    /** Whether a run uses minibatches. */
    public boolean minibatch() {
        return batchSize > 0;
    }

    /** Rate factor of update t (1, 2, ...). */
    public double rateFactor(int t) {
        return schedule.factor(t, lrDecay, lrStep);
    }

    /**
     * Refuses a combination the backend lacks, one line naming the other backend. {@code naming}
     * spells the fields as the user wrote them.
     */
    public void check(Optimizer optimizer, Precision precision, Naming naming) {
        if (backend == Backend.FUSED) {
            String other = " needs " + naming.name("backend") + " dl4j (the fused kernel ";
            require(optimizer.onFusedKernel(), naming.name("optimizer") + " " + optimizer.label() + other + "has gd, momentum, adam)");
            require(batchSize == 0, naming.name("batch_size") + other + "trains full batch)");
            require(weightDecay == 0, naming.name("weight_decay") + other + "has no L2 penalty)");
            require(dropout == 0, naming.name("dropout") + other + "has no dropout)");
            require(schedule == Schedule.NONE, naming.name("lr_schedule") + " " + schedule.label() + other + "has a constant rate)");
            require(beta2 == FUSED_BETA2 && epsilon == FUSED_EPSILON || optimizer != Optimizer.ADAM,
                    naming.name("adam_beta2") + "/" + naming.name("epsilon") + " other than 0.999/1e-8" + other + "fixes them)");
        } else {
            require(precision == Precision.DOUBLE, naming.name("precision") + " " + precision.label()
                    + " needs " + naming.name("backend") + " fused (the DL4J backend runs in double precision)");
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new InvalidInputException(message);
        }
    }

    /** The settings this run uses, for metrics.json (an unused hyper-parameter is not recorded). */
    public Map<String, Object> describe(Optimizer optimizer) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("backend", backend.label());
        if (backend == Backend.FUSED) {
            return m;
        }
        m.put("batchSize", batchSize == 0 ? "full" : batchSize);
        if (batchSize > 0) {
            m.put("shuffling", "a new permutation of the samples every epoch, from the stream train/minibatch");
        }
        if (optimizer == Optimizer.ADAM) {
            m.put("adamBeta2", beta2);
        }
        if (optimizer.normalised()) {
            m.put("epsilon", epsilon);
        }
        if (optimizer == Optimizer.RMSPROP) {
            m.put("rmsDecay", rmsDecay);
        }
        m.put("weightDecay", weightDecay);
        m.put("dropout", dropout);
        m.put("lrSchedule", schedule.label());
        if (schedule != Schedule.NONE) {
            m.put("lrDecay", lrDecay);
        }
        if (schedule == Schedule.STEP) {
            m.put("lrStep", lrStep);
        }
        return m;
    }

    // ---------------------------------------------------------------- option declarations

    /** Every training-algorithm setting (the optimizer and its momentum/β₁ are held by {@link GdRunSpec}); part of {@link GdOptions#SCHEMA}. */
    public static final List<ParameterSpec> OPTIONS = List.of(
            ParameterSpec.choice("backend", List.of("fused", "dl4j"), "fused",
                    "fused (fast ensembles; full-batch gd, momentum, adam) | dl4j (a DL4J MultiLayerNetwork: minibatches, DL4J updaters, L2, dropout, schedules)"),
            ParameterSpec.choice("optimizer", List.of("gd", "momentum", "adam", "nesterov", "adagrad", "rmsprop"), "gd",
                    "gd | momentum (heavy ball) | adam | nesterov | adagrad | rmsprop (the last three: dl4j)"),
            ParameterSpec.number("momentum", 0, 0.999999, 0.9, "momentum (momentum, nesterov), or Adam beta1"),
            ParameterSpec.number("adam_beta2", 0, 0.999999, 0.999, "Adam beta2 (other than 0.999: dl4j)"),
            ParameterSpec.number("epsilon", 1e-300, 0.5, 1e-8, "epsilon of adam, adagrad, rmsprop (other than 1e-8 for adam: dl4j)"),
            ParameterSpec.number("rms_decay", 0, 0.999999, 0.95, "RMSProp decay of the squared-gradient average"),
            ParameterSpec.integer("batch_size", 0, 10_000_000, 0L, "samples per update, reshuffled every epoch from the seed (0 = full batch; else dl4j)"),
            ParameterSpec.number("weight_decay", 0, 1e6, 0.0, "L2 penalty lambda/2 (|W|^2 + |z|^2) on the weights, not the biases (dl4j)"),
            ParameterSpec.number("dropout", 0, 0.99, 0.0, "probability of dropping a hidden unit in a training step (dl4j)"),
            ParameterSpec.choice("lr_schedule", List.of("none", "step", "exponential"), "none",
                    "none | step (rate x decay^floor((t-1)/step)) | exponential (rate x decay^(t-1)) (dl4j)"),
            ParameterSpec.number("lr_decay", 1e-12, 1, 0.5, "decay factor of the rate schedule"),
            ParameterSpec.integer("lr_step", 1, 1_000_000_000, 1000L, "updates per decay of the step schedule"));

    /** Optimizer, its momentum and the algorithm, as parsed from one entry point's values. */
    public record Parsed(Optimizer optimizer, double momentum, TrainingAlgorithm algorithm) {}

    /**
     * Reads the values of {@link #OPTIONS} from either entry point, refusing settings that would
     * not be used (a schedule's decay without a schedule, an updater constant of another
     * updater); a setting counts as given when it is off its default. {@code v} must declare
     * {@link #OPTIONS} (its schema is used for the defaults).
     */
    public static Parsed parse(OptionValues v) {
        Optimizer optimizer = Optimizer.parse(v.field("optimizer"), v.string("optimizer"));
        Schedule schedule = switch (v.string("lr_schedule")) {
            case "step" -> Schedule.STEP;
            case "exponential" -> Schedule.EXPONENTIAL;
            default -> Schedule.NONE;
        };
        String with = "with " + v.field("optimizer") + " ";
        v.refuseUnlessUsed("momentum", !(optimizer == Optimizer.GD || optimizer.normalised() && optimizer != Optimizer.ADAM),
                with + "momentum, nesterov or adam");
        v.refuseUnlessUsed("adam_beta2", optimizer == Optimizer.ADAM, with + "adam");
        v.refuseUnlessUsed("epsilon", optimizer.normalised(), with + "adam, adagrad or rmsprop");
        v.refuseUnlessUsed("rms_decay", optimizer == Optimizer.RMSPROP, with + "rmsprop");
        v.refuseUnlessUsed("lr_decay", schedule != Schedule.NONE, "with " + v.field("lr_schedule") + " step or exponential");
        v.refuseUnlessUsed("lr_step", schedule == Schedule.STEP, "with " + v.field("lr_schedule") + " step");
        Backend backend = "dl4j".equals(v.string("backend")) ? Backend.DL4J : Backend.FUSED;
        TrainingAlgorithm a = new TrainingAlgorithm(backend, v.intValue("batch_size"), v.number("adam_beta2"), v.number("epsilon"),
                v.number("rms_decay"), v.number("weight_decay"), v.number("dropout"), schedule, v.number("lr_decay"),
                v.intValue("lr_step"));
        return new Parsed(optimizer, v.number("momentum"), a);
    }
}
