package org.netropy.experiment.kinds;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.netropy.options.ParameterSchema;
import org.netropy.options.ParameterSpec;
import org.netropy.experiment.ResolvedParameters;
import org.netropy.gd.GdResult;
import org.netropy.gd.GdRunSpec;
import org.netropy.gd.GdTrainer;
import org.netropy.gd.InitSpec;
import org.netropy.gd.LowRankSpec;
import org.netropy.gd.Precision;
import org.netropy.gd.TrainingAlgorithm;
import org.netropy.io.InvalidInputException;
import org.netropy.random.RandomStreams;
import org.netropy.task.Task;
import org.netropy.task.TaskMatrix;
import org.netropy.task.TaskOptions;
import org.netropy.task.TaskRegistry;
import org.netropy.task.TrainingRecipe;

/**
 * The parameters shared by the gradient-descent kinds, the training run they define (THEORY §4),
 * and the regime metrics flattened into table columns.
 */
final class GdParameters {
    private GdParameters() {}

    static final List<ParameterSpec> COMMON = List.of(
            ParameterSpec.choice("task", TaskRegistry.names(), "input-selection", "task"),
            ParameterSpec.integer("contexts", 1, 64, 2L, "contexts C of input selection (A = I_C)"),
            ParameterSpec.integer("distractors", 0, 16, 0L, "input selection: extra stimulus features no context reports (A = [I_C; 0])"),
            ParameterSpec.integer("grid_points", 2, 21, 5L, "input selection: stimulus grid points per feature"),
            ParameterSpec.integer("hidden", 2, 100_000, 100L, "hidden units N"),
            ParameterSpec.number("init_scale", 0, 1e6, null, "stimulus-weight initial scale sigma_0 (rich small, lazy large)"),
            ParameterSpec.number("context_scale", 0, 1e6, 1.0, "Flesch: context-weight initial scale (input selection: see context_ratio)"),
            ParameterSpec.choice("stimuli", List.of("grid", "gaussian", "gaussian-pairs"), "grid",
                    "input selection: stimulus set, the grid_points^D grid or stimulus_count draws of N(0, amplitude^2 I) (gaussian-pairs: antithetic u, -u)"),
            ParameterSpec.integer("stimulus_count", 1, 20_000, 100L, "input selection with stimuli gaussian: number of stimuli (one set per seed)"),
            ParameterSpec.number("amplitude", 1e-6, 1e6, 1.0,
                    "input selection: stimulus amplitude (grid half-width or Gaussian std; the gain model is exact while |w.u| < |v_k|)"),
            ParameterSpec.number("context_ratio", 0, 1e6, 1.0,
                    "input selection: context-weight initial std as a multiple of init_scale (sigma_v = context_ratio * sigma_0)"),
            ParameterSpec.number("bias_ratio", 0, 1e6, 0.0,
                    "input selection: hidden-bias initial std as a multiple of init_scale (> 0: trained hidden biases b = bias_ratio * sigma_0 * xi; 0: none)"),
            ParameterSpec.integer("steps", 1, 10_000_000, (long) GdRunSpec.DEFAULT_STEPS, "gradient updates (full batch, or minibatches with batch_size)"),
            ParameterSpec.number("learning_rate", 1e-12, 1e6, GdRunSpec.MEAN_FIELD_LEARNING_RATE,
                    "base learning rate eta (input selection: mean-field scaling applied; flesch: plain)")
                    .withDefaultsBy("task", TaskRegistry.recipeValues(TrainingRecipe::learningRate)),
            ParameterSpec.flag("symmetric", true, "mirror-pair initialisation (zero initial output, needed in the lazy regime; hidden even)")
                    .withDefaultsBy("task", TaskRegistry.recipeValues(TrainingRecipe::mirrorPairs)),
            ParameterSpec.choice("init_rank", List.of("full", "rank", "spectral", "effective", "aligned", "anti-aligned"), "full",
                    "initial stimulus-weight structure (Liu et al. 2023)"),
            ParameterSpec.number("rank", 0, 1e6, 0.0, "rank r (rank, spectral, aligned, anti-aligned) or effective rank (effective)"));

    /** The training-algorithm settings, declared once in {@link TrainingAlgorithm#OPTIONS}. */
    static final List<ParameterSpec> ALGORITHM = TrainingAlgorithm.OPTIONS.stream().map(GdParameters::parameter).toList();

    /**
     * Named training algorithms, {@code "name: key=value, ...; name: ..."} over the
     * training-algorithm parameters and learning_rate, and the one a run uses: sweeping
     * {@code algorithm} over the names compares algorithms (whose rates differ) on the same initial
     * weights, and the table groups by the short name. Empty: none.
     */
    static final ParameterSpec ARMS = ParameterSpec.text("algorithms", "",
            "named training algorithms 'name: key=value, ...; name: ...' over backend, optimizer, ..., learning_rate");
    static final ParameterSpec ARM = ParameterSpec.text("algorithm", "", "the name of one of 'algorithms' to train with (sweep it)");

    private static ParameterSpec parameter(TrainingAlgorithm.Option o) {
        return switch (o.type()) {
            case CHOICE -> ParameterSpec.choice(o.key(), o.choices(), o.defaultValue(), o.help());
            case NUMBER -> ParameterSpec.number(o.key(), o.min(), o.max(), Double.parseDouble(o.defaultValue()), o.help());
            case INTEGER -> ParameterSpec.integer(o.key(), (long) o.min(), (long) o.max(), Long.parseLong(o.defaultValue()), o.help());
        };
    }

    /** The optimizer and training algorithm of a run, refused where the backend lacks them (also by --dry-run). */
    static TrainingAlgorithm.Parsed algorithm(ResolvedParameters p) {
        return armed(withArm(p));
    }

    /**
     * {@link #algorithm} of parameters whose arm is already applied. A setting counts as given
     * when it is off its default, so that one the optimizer or schedule would not read is refused
     * (it was once accepted and ignored).
     */
    private static TrainingAlgorithm.Parsed armed(ResolvedParameters p) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        ALGORITHM.forEach(s -> defaults.put(s.name(), s.defaultFor(p.values())));
        TrainingAlgorithm.Parsed a = TrainingAlgorithm.parse(p.values()::get,
                key -> !java.util.Objects.equals(p.values().get(key), defaults.get(key)), TrainingAlgorithm.Naming.SPEC);
        a.algorithm().check(a.optimizer(), Precision.DOUBLE, TrainingAlgorithm.Naming.SPEC);
        return a;
    }

    static ParameterSchema schema(ParameterSpec... own) {
        List<ParameterSpec> all = new ArrayList<>(COMMON);
        all.addAll(ALGORITHM);
        all.add(ARMS);
        all.add(ARM);
        all.addAll(Arrays.asList(own));
        return ParameterSchema.of(all.toArray(new ParameterSpec[0]));
    }

    /**
     * The training run of a spec run as the engine reads it; refuses settings it would ignore
     * (context_scale for input selection, whose context weights are fixed; rank with a full-rank
     * initialisation; the stimulus grid and distractors for the Flesch task). The task is drawn from the run's own seed, as {@link #train} does.
     */
    static GdRunSpec resolve(ResolvedParameters p, ParameterSchema schema) {
        validate(p);
        boolean flesch = p.string("task").equals("flesch");
        schema.refuseUnlessUsed(p, "context_scale", flesch, "with task flesch (input selection fixes its context weights)");
        schema.refuseUnlessUsed(p, "rank", !p.string("init_rank").equals("full"), "with init_rank other than full");
        schema.refuseUnlessUsed(p, "grid_points", !flesch, "with task input-selection (the Flesch task has its own stimuli)");
        schema.refuseUnlessUsed(p, "distractors", !flesch, "with task input-selection (the Flesch task has its own stimuli)");
        return spec(p, new RandomStreams(p.seed()));
    }

    static void validate(ResolvedParameters p) {
        String mode = p.string("init_rank");
        double rank = p.number("rank");
        InvalidInputException.require(mode.equals("full") || rank > 0, "rank", "> 0 when init_rank is not full", rank);
        if (p.string("task").equals("input-selection") && !mode.equals("full")) {
            int c = p.intValue("contexts");
            int d = c + p.intValue("distractors");
            int max = switch (mode) {
                case "aligned" -> c;                  // A = [I_C; 0] spans C input directions
                case "anti-aligned" -> d - c;         // their orthogonal complement: the distractors
                default -> Math.min(d, p.intValue("hidden"));
            };
            InvalidInputException.require(rank <= max && (mode.equals("effective") || rank == Math.rint(rank)), "rank",
                    (mode.equals("effective") ? "a number" : "an integer") + " in [1, " + max + "] for init_rank " + mode
                            + " (contexts " + c + ", distractors " + p.intValue("distractors") + ")", rank);
        }
        InvalidInputException.require(!p.flag("symmetric") || p.intValue("hidden") % 2 == 0, "hidden",
                "an even number with symmetric: true (mirror pairs)", p.intValue("hidden"));
        InvalidInputException.require(!p.string("task").equals("flesch") || p.intValue("contexts") == 2, "contexts",
                "2 for the flesch task", p.intValue("contexts"));
        boolean gaussian = !p.string("stimuli").equals("grid");
        InvalidInputException.require(!gaussian || p.string("task").equals("input-selection"), "stimuli", "grid for the flesch task",
                p.string("stimuli"));
        InvalidInputException.require(gaussian || p.intValue("stimulus_count") == 100, "stimulus_count",
                "100 (its default) with stimuli grid: it sets the Gaussian set only", p.intValue("stimulus_count"));
        InvalidInputException.require(!gaussian || p.intValue("grid_points") == 5, "grid_points",
                "5 (its default) with Gaussian stimuli: it sets the grid only", p.intValue("grid_points"));
        InvalidInputException.require(!p.string("stimuli").equals("gaussian-pairs") || p.intValue("stimulus_count") % 2 == 0,
                "stimulus_count", "an even number with stimuli gaussian-pairs", p.intValue("stimulus_count"));
        double stimuli = gaussian ? p.intValue("stimulus_count")
                : Math.pow(p.intValue("grid_points"), p.intValue("contexts") + p.intValue("distractors"));
        InvalidInputException.require(p.string("task").equals("flesch") || stimuli <= 20_000, "grid_points/contexts/distractors",
                "a stimulus grid of at most 20000 points (grid_points^(contexts + distractors))", (long) stimuli);
        if (p.string("task").equals("flesch")) {
            InvalidInputException.require(p.number("amplitude") == 1.0, "amplitude", "1 for the flesch task (its stimuli are fixed images)",
                    p.number("amplitude"));
            InvalidInputException.require(p.number("context_ratio") == 1.0, "context_ratio",
                    "1 for the flesch task (set context_scale there)", p.number("context_ratio"));
            InvalidInputException.require(p.number("bias_ratio") == 0.0, "bias_ratio",
                    "0 for the flesch task (its biases are 0.1, Flesch et al. 2022)", p.number("bias_ratio"));
        } else {
            InvalidInputException.require(p.number("context_scale") == 1.0, "context_scale",
                    "1 for input-selection (its context-weight scale is context_ratio * init_scale)", p.number("context_scale"));
        }
        TrainingAlgorithm.Parsed algorithm = algorithm(p);
        long samples = p.string("task").equals("flesch") ? 50 : (long) stimuli * p.intValue("contexts");
        InvalidInputException.require(algorithm.algorithm().batchSize() <= samples, "batch_size",
                "at most the " + samples + " samples of the task (0 = full batch)", algorithm.algorithm().batchSize());
    }

    /** The parameters with the settings of the named {@code algorithm} applied (see {@link #ARMS}). */
    static ResolvedParameters withArm(ResolvedParameters p) {
        String name = text(p, ARM);
        String arms = text(p, ARMS);
        if (name.isEmpty()) {
            InvalidInputException.require(arms.isEmpty(), "algorithms", "used with algorithm (the name of one of them)", arms);
            return p;
        }
        Map<String, String> definitions = new LinkedHashMap<>();
        for (String arm : arms.split(";")) {
            int colon = arm.indexOf(':');
            String armName = colon < 0 ? arm.strip() : arm.substring(0, colon).strip();
            InvalidInputException.require(colon > 0 && armName.matches("[a-z0-9][a-z0-9+._-]*") && !definitions.containsKey(armName),
                    "algorithms", "'name: key=value, ...; name: ...' with distinct lower-case names", arm.strip());
            definitions.put(armName, arm.substring(colon + 1).strip());
        }
        InvalidInputException.require(definitions.containsKey(name), "algorithm", "one of " + String.join(", ", definitions.keySet()), name);
        Map<String, ParameterSpec> settable = new LinkedHashMap<>();
        for (ParameterSpec s : ALGORITHM) {
            settable.put(s.name(), s);
        }
        COMMON.stream().filter(s -> s.name().equals("learning_rate")).forEach(s -> settable.put(s.name(), s));
        Map<String, Object> values = new LinkedHashMap<>(p.values());
        String settings = definitions.get(name);
        for (String pair : settings.isEmpty() ? new String[0] : settings.split(",")) {
            String[] kv = pair.split("=", 2);
            InvalidInputException.require(kv.length == 2, "algorithms", "'name: key=value, ...' for " + name, settings);
            String key = kv[0].strip();
            ParameterSpec s = settable.get(key);
            InvalidInputException.require(s != null, "algorithms", "settings of " + String.join(", ", settable.keySet()), key);
            InvalidInputException.require(java.util.Objects.equals(p.values().get(key), s.defaultFor(p.values())), "algorithms",
                    "the only place that sets " + key + " (it is also set to " + p.values().get(key) + ")", name);
            String raw = kv[1].strip();
            Object value = raw;
            if (s.type() == ParameterSpec.Type.INTEGER) {
                try {
                    value = Long.parseLong(raw);
                } catch (NumberFormatException e) {
                    value = raw;
                }
            }
            values.put(key, s.normalise("algorithms." + name + "." + key, value));
        }
        return new ResolvedParameters(values, p.seed());
    }

    private static String text(ResolvedParameters p, ParameterSpec s) {
        Object v = p.values().get(s.name());
        return v == null ? "" : v.toString().strip();
    }

    static GdRunSpec spec(ResolvedParameters p, RandomStreams random) {
        p = withArm(p);
        TaskMatrix a = taskMatrix(p);
        TaskOptions d = TaskOptions.defaults();
        TaskOptions options = new TaskOptions(a.contexts(), a.format(), d.normalisation(), p.string("stimuli"),
                p.intValue("grid_points"), p.number("amplitude"), p.intValue("stimulus_count"));
        Task task = TaskRegistry.create(p.string("task"), options, random);
        boolean flesch = p.string("task").equals("flesch");
        GdRunSpec spec = flesch
                ? GdRunSpec.flesch(task, p.intValue("hidden"), p.number("init_scale"), p.number("context_scale"), p.intValue("steps"))
                : GdRunSpec.meanField(task, p.intValue("hidden"), p.number("init_scale"), p.intValue("steps"));
        spec = spec.withLearningRate(p.number("learning_rate")); // the recorded value is the one used, for every task
        InitSpec i = spec.init();
        LowRankSpec lowRank = switch (p.string("init_rank")) {
            case "full" -> LowRankSpec.FULL;
            case "rank" -> new LowRankSpec(LowRankSpec.Mode.RANK, p.number("rank"));
            case "spectral" -> new LowRankSpec(LowRankSpec.Mode.SPECTRAL, p.number("rank"));
            case "effective" -> new LowRankSpec(LowRankSpec.Mode.EFFECTIVE, p.number("rank"));
            case "aligned" -> new LowRankSpec(LowRankSpec.Mode.ALIGNED, p.number("rank"));
            default -> new LowRankSpec(LowRankSpec.Mode.ANTI_ALIGNED, p.number("rank"));
        };
        boolean symmetric = p.flag("symmetric");
        TrainingAlgorithm.Parsed algorithm = armed(p);
        spec = spec.withAlgorithm(algorithm.optimizer(), algorithm.momentum(), algorithm.algorithm());
        double contextScale = i.contextScale();
        double biasScale = i.biasScale();
        if (!flesch) {
            // THEORY §4 mean-field default sigma_v = sigma_0, scaled by context_ratio; biases only when bias_ratio > 0
            contextScale = p.number("context_ratio") * p.number("init_scale");
            biasScale = p.number("bias_ratio") * p.number("init_scale");
            spec = spec.withHiddenBias(biasScale > 0);
        }
        return spec.withInit(new InitSpec(i.stimulusScale(), contextScale, i.biasMean(), biasScale, i.readoutScale(),
                i.outputBiasInit(), symmetric, lowRank, i.rankMeasure()));
    }

    /** A = I_C stacked over {@code distractors} zero rows (features no context reports). */
    static TaskMatrix taskMatrix(ResolvedParameters p) {
        int c = p.intValue("contexts");
        double[][] a = new double[c + p.intValue("distractors")][c];
        for (int k = 0; k < c; k++) {
            a[k][k] = 1;
        }
        return new TaskMatrix(a);
    }

    static GdResult train(ResolvedParameters p, RandomStreams random) {
        return GdTrainer.train(spec(p, random), random);
    }
}
