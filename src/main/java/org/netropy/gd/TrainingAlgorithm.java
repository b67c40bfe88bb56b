package org.netropy.gd;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.netropy.io.InvalidInputException;

/**
 * How the networks are trained beyond task, architecture, loss and base rate: which backend, full
 * batch or minibatches, the updater's hyper-parameters, L2 penalty, dropout and the rate schedule.
 *
 * <p>Each setting is declared once, in {@link #OPTIONS}: {@code gd train} turns every entry into a
 * command-line option ({@code --batch-size}) and the gradient-descent spec kinds into a spec
 * parameter ({@code batch_size}); both convert their values with {@link #parse}, which also refuses
 * a setting the chosen backend lacks with one line naming the backend that has it.
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

    /** How an entry point spells a setting: {@code --batch-size} on the command line, {@code batch_size} in a spec. */
    public enum Naming {
        CLI, SPEC;

        public String name(String key) {
            return this == CLI ? "--" + key.replace('_', '-') : key;
        }
    }

    /**
     * One training-algorithm setting, declared once for the command line and the specs.
     *
     * @param key          spec name (lower_snake_case); the option is {@code --} + key with dashes
     * @param type         value type
     * @param min          smallest value (numbers, integers)
     * @param max          largest value (numbers, integers)
     * @param choices      allowed values of a choice
     * @param defaultValue default, as text
     * @param help         one line for {@code --help} and {@code run --list-kinds}
     */
    public record Option(String key, Type type, double min, double max, List<String> choices, String defaultValue, String help) {
        /** Value types. */
        public enum Type { CHOICE, NUMBER, INTEGER }

        public String cliName() {
            return Naming.CLI.name(key);
        }

        static Option choice(String key, List<String> choices, String def, String help) {
            return new Option(key, Type.CHOICE, 0, 0, choices, def, help);
        }

        static Option number(String key, double min, double max, String def, String help) {
            return new Option(key, Type.NUMBER, min, max, List.of(), def, help);
        }

        static Option integer(String key, long min, long max, String def, String help) {
            return new Option(key, Type.INTEGER, min, max, List.of(), def, help);
        }

        /** The value as a String (choice), Double (number) or Long (integer), checked against the range. */
        Object convert(Object raw, Naming naming) {
            String field = naming.name(key);
            Object v = raw == null ? defaultValue : raw;
            switch (type) {
                case CHOICE -> {
                    String s = v.toString().toLowerCase(Locale.ROOT);
                    InvalidInputException.require(choices.contains(s), field, "one of " + String.join(", ", choices), v);
                    return s;
                }
                case NUMBER -> {
                    double d = number(field, v);
                    InvalidInputException.require(Double.isFinite(d) && d >= min && d <= max, field,
                            "a number in [" + min + ", " + max + "]", v);
                    return d;
                }
                default -> {
                    double d = number(field, v);
                    InvalidInputException.require(d == Math.rint(d) && d >= min && d <= max, field,
                            "an integer in [" + (long) min + ", " + (long) max + "]", v);
                    return (long) d;
                }
            }
        }

        private static double number(String field, Object v) {
            if (v instanceof Number n) {
                return n.doubleValue();
            }
            try {
                return Double.parseDouble(v.toString().trim());
            } catch (NumberFormatException e) {
                throw new InvalidInputException(field + " must be a number (got " + v + ")");
            }
        }
    }

    /** Every training-algorithm setting (the optimizer and its momentum/β₁ are held by {@link GdRunSpec}). */
    public static final List<Option> OPTIONS = List.of(
            Option.choice("backend", List.of("fused", "dl4j"), "fused",
                    "fused (fast ensembles; full-batch gd, momentum, adam) | dl4j (a DL4J MultiLayerNetwork: minibatches, DL4J updaters, L2, dropout, schedules)"),
            Option.choice("optimizer", List.of("gd", "momentum", "adam", "nesterov", "adagrad", "rmsprop"), "gd",
                    "gd | momentum (heavy ball) | adam | nesterov | adagrad | rmsprop (the last three: dl4j)"),
            Option.number("momentum", 0, 0.999999, "0.9", "momentum (momentum, nesterov), or Adam beta1"),
            Option.number("adam_beta2", 0, 0.999999, "0.999", "Adam beta2 (other than 0.999: dl4j)"),
            Option.number("epsilon", 1e-300, 0.5, "1e-8", "epsilon of adam, adagrad, rmsprop (other than 1e-8 for adam: dl4j)"),
            Option.number("rms_decay", 0, 0.999999, "0.95", "RMSProp decay of the squared-gradient average"),
            Option.integer("batch_size", 0, 10_000_000, "0", "samples per update, reshuffled every epoch from the seed (0 = full batch; else dl4j)"),
            Option.number("weight_decay", 0, 1e6, "0", "L2 penalty lambda/2 (|W|^2 + |z|^2) on the weights, not the biases (dl4j)"),
            Option.number("dropout", 0, 0.99, "0", "probability of dropping a hidden unit in a training step (dl4j)"),
            Option.choice("lr_schedule", List.of("none", "step", "exponential"), "none",
                    "none | step (rate x decay^floor((t-1)/step)) | exponential (rate x decay^(t-1)) (dl4j)"),
            Option.number("lr_decay", 1e-12, 1, "0.5", "decay factor of the rate schedule"),
            Option.integer("lr_step", 1, 1_000_000_000, "1000", "updates per decay of the step schedule"));

    /** Optimizer, its momentum and the algorithm, as parsed from one entry point's values. */
    public record Parsed(Optimizer optimizer, double momentum, TrainingAlgorithm algorithm) {}

    /**
     * Converts the values of {@link #OPTIONS} (by key; null = default) from either entry point,
     * refusing settings that would not be used: a schedule's decay without a schedule, an updater
     * constant of another updater. {@code given} says which keys the user set explicitly (the
     * command line knows; a spec counts a value off its default as given). A setting that is not
     * used is left at its default in the result, so two parses that train alike compare equal.
     */
    public static Parsed parse(Function<String, Object> values, Predicate<String> given, Naming naming) {
        Map<String, Object> v = new LinkedHashMap<>();
        for (Option o : OPTIONS) {
            v.put(o.key(), o.convert(values.apply(o.key()), naming));
        }
        Optimizer optimizer = Optimizer.parse(naming.name("optimizer"), (String) v.get("optimizer"));
        Schedule schedule = switch ((String) v.get("lr_schedule")) {
            case "step" -> Schedule.STEP;
            case "exponential" -> Schedule.EXPONENTIAL;
            default -> Schedule.NONE;
        };
        unused(v, given, naming, "momentum", optimizer == Optimizer.GD || optimizer.normalised() && optimizer != Optimizer.ADAM,
                "--optimizer momentum, nesterov or adam");
        unused(v, given, naming, "adam_beta2", optimizer != Optimizer.ADAM, "--optimizer adam");
        unused(v, given, naming, "epsilon", !optimizer.normalised(), "--optimizer adam, adagrad or rmsprop");
        unused(v, given, naming, "rms_decay", optimizer != Optimizer.RMSPROP, "--optimizer rmsprop");
        unused(v, given, naming, "lr_decay", schedule == Schedule.NONE, "--lr-schedule step or exponential");
        unused(v, given, naming, "lr_step", schedule != Schedule.STEP, "--lr-schedule step");
        Backend backend = "dl4j".equals(v.get("backend")) ? Backend.DL4J : Backend.FUSED;
        TrainingAlgorithm a = new TrainingAlgorithm(backend, (int) (long) (Long) v.get("batch_size"), (Double) v.get("adam_beta2"),
                (Double) v.get("epsilon"), (Double) v.get("rms_decay"), (Double) v.get("weight_decay"), (Double) v.get("dropout"),
                schedule, (Double) v.get("lr_decay"), (int) (long) (Long) v.get("lr_step"));
        return new Parsed(optimizer, (Double) v.get("momentum"), a);
    }

    private static void unused(Map<String, Object> v, Predicate<String> given, Naming naming, String key, boolean unused,
                               String needs) {
        if (unused) {
            Option o = OPTIONS.stream().filter(x -> x.key().equals(key)).findFirst().orElseThrow();
            v.put(key, o.convert(null, naming));
        }
        if (unused && given.test(key)) {
            String with = naming == Naming.CLI ? needs : needs.replace("--", "").replace('-', '_');
            throw new InvalidInputException(naming.name(key) + " is used only with " + with + " (it would be ignored)");
        }
    }
}
