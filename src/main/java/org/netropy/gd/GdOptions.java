package org.netropy.gd;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.netropy.io.InvalidInputException;
import org.netropy.linalg.EffectiveRank;
import org.netropy.options.OptionValues;
import org.netropy.options.ParameterSchema;
import org.netropy.options.ParameterSpec;
import org.netropy.random.RandomStreams;
import org.netropy.task.InputSelectionTask;
import org.netropy.task.Task;
import org.netropy.task.TaskMatrix;
import org.netropy.task.TaskOptions;
import org.netropy.task.TaskRegistry;
import org.netropy.task.TargetNormalisation;
import org.netropy.task.TrainingRecipe;

/**
 * The parameters of one gradient-descent training run (THEORY §4), declared once for the command
 * line ({@code gd train --hidden-bias}) and the spec kinds ({@code hidden_bias}): {@link #SCHEMA}
 * holds names, ranges, defaults (a task's paper recipe, {@link TrainingRecipe}, where it differs)
 * and help; {@link #validate} holds every cross-field rule, naming fields as the caller spells
 * them; {@link #runSpec} builds the {@link GdRunSpec}. One semantics for both callers:
 *
 * <ul>
 *   <li>Initial scales: {@code init_scale} is σ₀ of the stimulus weights. A task whose recipe
 *       fixes the context (readout) std (Flesch et al. 2022: 1 and 0.01) takes it absolute from
 *       {@code context_scale} ({@code readout_scale}); the mean-field task scales it with σ₀,
 *       {@code context_ratio · σ₀} ({@code readout_ratio · σ₀}), THEORY §4.
 *   <li>Low-rank initial weights (Liu et al. 2023): {@code init_rank} picks the structure,
 *       {@code rank} its rank (or effective rank).
 *   <li>Hidden biases are trained with {@code hidden_bias} or when {@code bias_ratio > 0}; their
 *       initial values are {@code bias_init} plus a Gaussian of std {@code bias_scale} (absolute)
 *       or {@code bias_ratio · σ₀}.
 *   <li>A setting the run would not read is refused, never ignored.
 * </ul>
 */
public final class GdOptions {
    private GdOptions() {}

    /** Named training algorithms, {@code "name: key=value, ...; name: ..."}; sweeping {@link #ARM} over the names compares algorithms on the same initial weights. */
    public static final ParameterSpec ARMS = ParameterSpec.text("algorithms", "",
            "named training algorithms 'name: key=value, ...; name: ...' over backend, optimizer, ..., learning_rate");
    /** The name of one of {@link #ARMS} a run trains with (empty: none). */
    public static final ParameterSpec ARM = ParameterSpec.text("algorithm", "", "the name of one of 'algorithms' to train with (sweep it)");

    /** Every parameter of a training run except the run controls of an entry point (seeds, output, threads). */
    public static final ParameterSchema SCHEMA = ParameterSchema.of(List.of(
            ParameterSpec.choice("task", TaskRegistry.names(), InputSelectionTask.NAME, "task (see gd tasks)"),
            ParameterSpec.integer("contexts", 1, 64, 2L, "contexts C of input selection (A = I_C)"),
            ParameterSpec.integer("distractors", 0, 16, 0L, "input selection: extra stimulus features no context reports (A = [I_C; 0])"),
            ParameterSpec.integer("grid_points", 2, 1001, 5L, "input selection: stimulus grid points per feature"),
            ParameterSpec.integer("hidden", 1, 1_000_000, 100L, "hidden units N"),
            ParameterSpec.number("init_scale", 0, 1e6, null, "stimulus-weight initial std sigma_0 (rich small, lazy large)"),
            ParameterSpec.number("context_scale", 0, 1e6, 1.0, "context-weight initial std where the task's recipe fixes it (flesch; input selection: context_ratio)")
                    .withDefaultsBy("task", fixedByRecipe(TrainingRecipe::contextScale)),
            ParameterSpec.choice("stimuli", List.of("grid", "gaussian", "gaussian-pairs"), "grid",
                    "input selection: stimulus set, the grid_points^D grid or stimulus_count draws of N(0, amplitude^2 I) (gaussian-pairs: antithetic u, -u)"),
            ParameterSpec.integer("stimulus_count", 1, 20_000, 100L, "input selection with stimuli gaussian: number of stimuli (one set per seed)"),
            ParameterSpec.number("amplitude", 1e-6, 1e6, 1.0,
                    "input selection: stimulus amplitude (grid half-width or Gaussian std; the gain model is exact while |w.u| < |v_k|)"),
            ParameterSpec.number("context_ratio", 0, 1e6, 1.0,
                    "input selection: context-weight initial std as a multiple of init_scale (sigma_v = context_ratio * sigma_0)"),
            ParameterSpec.number("bias_ratio", 0, 1e6, 0.0,
                    "hidden-bias initial std as a multiple of init_scale (> 0: trained hidden biases b = bias_init + bias_ratio * sigma_0 * xi)"),
            ParameterSpec.integer("steps", 1, 10_000_000, (long) GdRunSpec.DEFAULT_STEPS, "gradient updates (full batch, or minibatches with batch_size)"),
            ParameterSpec.number("learning_rate", 1e-12, 1e6, GdRunSpec.MEAN_FIELD_LEARNING_RATE, "base learning rate eta (scaled as lr_scaling says)")
                    .withDefaultsBy("task", TaskRegistry.recipeValues(TrainingRecipe::learningRate)),
            ParameterSpec.flag("symmetric", true, "mirror-pair initialisation (zero initial output, needed in the lazy regime; hidden even)")
                    .withDefaultsBy("task", TaskRegistry.recipeValues(TrainingRecipe::mirrorPairs)),
            ParameterSpec.choice("init_rank", List.of("full", "rank", "spectral", "effective", "aligned", "anti-aligned"), "full",
                    "initial stimulus-weight structure (Liu et al. 2023): rank-R truncation keeping the Frobenius (rank) or spectral norm,"
                            + " a power-law spectrum of effective rank R, or rank R in (aligned) or orthogonal to (anti-aligned) the task directions"),
            ParameterSpec.number("rank", 0, 1e6, 0.0, "rank R of init_rank (an integer; effective: a number >= 1)"),
            ParameterSpec.choice("rank_measure", labels(EffectiveRank.values(), EffectiveRank::label), EffectiveRank.ENTROPY.label(),
                    "effective-rank measure of init_rank effective"),
            ParameterSpec.text("task_matrix", "", "input selection: task matrix A as rows '1,0;0,1' (empty: I_C over distractors zero rows)"),
            ParameterSpec.choice("normalisation", labels(TargetNormalisation.values(), TargetNormalisation::label), "none",
                    "input selection: target normalisation across contexts"),
            ParameterSpec.choice("activation", labels(Activation.values(), Activation::label), Activation.RELU.label(), "hidden nonlinearity"),
            ParameterSpec.choice("readout", labels(Readout.values(), Readout::label), "mean-field", "readout factor: mean-field 1/N, standard 1/sqrt N, unit 1")
                    .withDefaultsBy("task", TaskRegistry.recipeValues(TrainingRecipe::readout)),
            ParameterSpec.number("alpha", 1e-12, 1e12, 1.0, "Chizat output scale alpha"),
            ParameterSpec.flag("centre", false, "subtract the initial output (Chizat centring)"),
            ParameterSpec.flag("hidden_bias", false, "train hidden biases").withDefaultsBy("task", TaskRegistry.recipeValues(TrainingRecipe::hiddenBias)),
            ParameterSpec.flag("output_bias", false, "train an output bias").withDefaultsBy("task", TaskRegistry.recipeValues(TrainingRecipe::outputBias)),
            ParameterSpec.number("bias_init", -1e6, 1e6, 0.0, "initial hidden and output bias")
                    .withDefaultsBy("task", TaskRegistry.recipeValues(TrainingRecipe::biasInit)),
            ParameterSpec.number("bias_scale", 0, 1e6, 0.0, "std of the initial hidden biases around bias_init (absolute; see bias_ratio)"),
            ParameterSpec.number("readout_scale", 0, 1e6, 1.0,
                    "readout initial std, in the readout's own convention, where the task's recipe fixes it (flesch; input selection: readout_ratio)")
                    .withDefaultsBy("task", fixedByRecipe(TrainingRecipe::readoutScale)),
            ParameterSpec.number("readout_ratio", 0, 1e6, 1.0, "input selection: readout initial std as a multiple of init_scale"),
            ParameterSpec.choice("lr_scaling", labels(LearningRateScaling.values(), LearningRateScaling::label), "mean-field",
                    "mean-field (eta N / max(1, sigma_0^2)) | plain").withDefaultsBy("task", TaskRegistry.recipeValues(TrainingRecipe::lrScaling)),
            ParameterSpec.choice("loss_scale", labels(LossScale.values(), LossScale::label), "mean", "mean or summed squared error")
                    .withDefaultsBy("task", TaskRegistry.recipeValues(TrainingRecipe::loss)),
            ParameterSpec.number("tolerance", 0, 1e12, 0.0, "stop a network when its loss is below this (0: never)"),
            ParameterSpec.choice("precision", labels(Precision.values(), Precision::label), "double",
                    "float | double (float runs at about the speed of double, see docs/GRADIENT_DESCENT.md)")))
            .plus(TrainingAlgorithm.OPTIONS).plus(List.of(ARMS, ARM));

    /** Samples in a stimulus grid, at most (a larger grid is a mistake, not a task). */
    static final int MAX_GRID = 20_000;

    /**
     * Refuses a run the engine would not train as written, with one line naming the field as the
     * caller spells it: every range is checked by {@link ParameterSchema#resolve}, these are the
     * rules between fields.
     */
    public static void validate(OptionValues in) {
        OptionValues v = withArm(in.withSchema(SCHEMA));
        String task = v.string("task");
        boolean selection = task.equals(InputSelectionTask.NAME);
        String own = "with " + v.field("task") + " " + InputSelectionTask.NAME + " (task " + task + " has its own stimuli)";
        v.require(selection || v.intValue("contexts") == 2, "contexts", "2 for task " + task + " (it has two contexts)", v.intValue("contexts"));
        boolean matrix = !v.string("task_matrix").isBlank();
        for (String key : List.of("task_matrix", "distractors", "normalisation", "stimuli", "amplitude")) {
            v.refuseUnlessUsed(key, selection, own);
        }
        v.refuseUnlessUsed("contexts", !matrix || !selection, "without " + v.field("task_matrix") + " (the matrix sets C)");
        v.refuseUnlessUsed("distractors", !matrix, "without " + v.field("task_matrix") + " (the matrix sets D)");
        String stimuli = v.string("stimuli");
        boolean grid = stimuli.equals("grid");
        v.refuseUnlessUsed("grid_points", selection && grid, "with " + v.field("stimuli") + " grid");
        v.refuseUnlessUsed("stimulus_count", selection && !grid, "with " + v.field("stimuli") + " gaussian or gaussian-pairs");
        v.require(!stimuli.equals("gaussian-pairs") || v.intValue("stimulus_count") % 2 == 0, "stimulus_count",
                "an even number with " + v.field("stimuli") + " gaussian-pairs", v.intValue("stimulus_count"));
        TaskMatrix a = selection ? taskMatrix(v) : null;
        if (selection && grid) {
            double points = Math.pow(v.intValue("grid_points"), a.features());
            v.require(points <= MAX_GRID, "grid_points", "a stimulus grid of at most " + MAX_GRID + " points (" + v.field("grid_points") + "^"
                    + a.features() + " features)", (long) points);
        }

        int hidden = v.intValue("hidden");
        v.require(!v.flag("symmetric") || hidden % 2 == 0, "hidden", "an even number with " + v.field("symmetric") + " true (mirror pairs)", hidden);
        String mode = v.string("init_rank");
        double rank = v.number("rank");
        v.refuseUnlessUsed("rank", !mode.equals("full"), "with " + v.field("init_rank") + " other than full");
        v.refuseUnlessUsed("rank_measure", mode.equals("effective"), "with " + v.field("init_rank") + " effective");
        Task built = TaskRegistry.create(task, taskOptions(v), new RandomStreams(0)); // sizes only: no stimulus is kept
        if (!mode.equals("full")) {
            int rows = v.flag("symmetric") ? hidden / 2 : hidden; // mirror pairs draw N/2 neurons
            int d = built.features();
            int c = built.contexts();
            int max = switch (mode) {
                case "aligned" -> Math.min(rows, c);          // A = [I_C; 0] spans C input directions
                case "anti-aligned" -> Math.min(rows, d - c); // their orthogonal complement
                default -> Math.min(rows, d);
            };
            boolean effective = mode.equals("effective");
            v.require(rank >= 1 && rank <= max && (effective || rank == Math.rint(rank)), "rank",
                    (effective ? "a number" : "an integer") + " in [1, " + max + "] for " + v.field("init_rank") + " " + mode + " (" + rows
                            + " drawn neurons, " + d + " stimulus features, " + c + " contexts)", rank);
        }

        TrainingRecipe recipe = TaskRegistry.recipe(task);
        boolean fixedContext = Double.isFinite(recipe.contextScale());
        boolean fixedReadout = Double.isFinite(recipe.readoutScale());
        v.refuseUnlessUsed("context_scale", fixedContext, "with a task whose recipe fixes the context scale (input selection: " + v.field("context_ratio") + ")");
        v.refuseUnlessUsed("context_ratio", !fixedContext, "with a task whose context std scales with init_scale (" + task + ": " + v.field("context_scale") + ")");
        v.refuseUnlessUsed("readout_scale", fixedReadout, "with a task whose recipe fixes the readout scale (input selection: " + v.field("readout_ratio") + ")");
        v.refuseUnlessUsed("readout_ratio", !fixedReadout, "with a task whose readout std scales with init_scale (" + task + ": " + v.field("readout_scale") + ")");
        boolean ratio = v.number("bias_ratio") > 0;
        v.require(!ratio || v.flag("hidden_bias") || !v.given("hidden_bias"), "hidden_bias", "true with " + v.field("bias_ratio") + " > 0 (it trains hidden biases)", false);
        v.require(!ratio || v.number("bias_scale") == 0, "bias_scale", "0 with " + v.field("bias_ratio") + " > 0 (set the hidden-bias std one way)", v.number("bias_scale"));
        boolean hiddenBias = hiddenBias(v);
        v.refuseUnlessUsed("bias_scale", hiddenBias, "with " + v.field("hidden_bias") + " true or " + v.field("bias_ratio") + " > 0");
        v.refuseUnlessUsed("bias_init", hiddenBias || v.flag("output_bias"), "with " + v.field("hidden_bias") + " or " + v.field("output_bias") + " true");

        TrainingAlgorithm.Parsed algorithm = TrainingAlgorithm.parse(v);
        algorithm.algorithm().check(algorithm.optimizer(), Precision.parse(v.field("precision"), v.string("precision")), v.naming());
        int samples = built.data().size();
        v.require(algorithm.algorithm().batchSize() <= samples, "batch_size", "at most the " + samples + " samples of the task (0 = full batch)",
                algorithm.algorithm().batchSize());
    }

    /**
     * The training run of these values ({@link #validate}d first); the task's random stimuli (if
     * any) are drawn from {@code random}.
     */
    public static GdRunSpec runSpec(OptionValues in, RandomStreams random) {
        validate(in);
        OptionValues v = withArm(in.withSchema(SCHEMA));
        return build(TaskRegistry.create(v.string("task"), taskOptions(v), random), v);
    }

    /**
     * The run of an already built task under its own recipe (its {@link TaskRegistry} line),
     * with {@code settings} (spec keys and values, e.g. {@code hidden}, {@code init_scale})
     * changed: how code outside the two adapters (benchmarks, tests) asks for "the Flesch network"
     * without restating the recipe.
     */
    public static GdRunSpec forTask(Task task, Map<String, Object> settings) {
        Map<String, Object> given = new java.util.LinkedHashMap<>(settings);
        given.put("task", task.name());
        OptionValues v = SCHEMA.resolve(given, org.netropy.options.Naming.SPEC);
        validate(v);
        return build(task, withArm(v));
    }

    private static GdRunSpec build(Task task, OptionValues v) {
        TrainingRecipe recipe = TaskRegistry.recipe(v.string("task"));
        double sigma = v.number("init_scale");
        double context = Double.isFinite(recipe.contextScale()) ? v.number("context_scale") : v.number("context_ratio") * sigma;
        double readout = Double.isFinite(recipe.readoutScale()) ? v.number("readout_scale") : v.number("readout_ratio") * sigma;
        double biasScale = v.number("bias_ratio") > 0 ? v.number("bias_ratio") * sigma : v.number("bias_scale");
        InitSpec init = new InitSpec(sigma, context, v.number("bias_init"), biasScale, readout, v.number("bias_init"), v.flag("symmetric"),
                lowRank(v), EffectiveRank.parse(v.field("rank_measure"), v.string("rank_measure")));
        TrainingAlgorithm.Parsed algorithm = TrainingAlgorithm.parse(v);
        return GdRunSpec.builder(task).hidden(v.intValue("hidden")).activation(Activation.parse(v.field("activation"), v.string("activation")))
                .hiddenBias(hiddenBias(v)).outputBias(v.flag("output_bias")).readout(Readout.parse(v.field("readout"), v.string("readout")))
                .alpha(v.number("alpha")).centred(v.flag("centre")).init(init).learningRate(v.number("learning_rate"))
                .lrScaling(LearningRateScaling.parse(v.field("lr_scaling"), v.string("lr_scaling")))
                .optimizer(algorithm.optimizer()).momentum(algorithm.momentum()).algorithm(algorithm.algorithm())
                .loss(LossScale.parse(v.field("loss_scale"), v.string("loss_scale"))).steps(v.intValue("steps")).tolerance(v.number("tolerance"))
                .precision(Precision.parse(v.field("precision"), v.string("precision"))).build();
    }

    /**
     * The input-selection task matrix: {@code task_matrix}, or A = I_C over {@code distractors}
     * zero rows (features no context reports), with the target normalisation applied.
     */
    public static TaskMatrix taskMatrix(OptionValues v) {
        try {
            return TaskMatrix.parse(matrixText(v), TargetNormalisation.parse(v.field("normalisation"), v.string("normalisation")));
        } catch (InvalidInputException e) {
            throw new InvalidInputException(e.getMessage().replace("--task-matrix", v.field("task_matrix")));
        }
    }

    /** The task matrix as written (before normalisation): {@code task_matrix}, or I_C over the distractors' zero rows. */
    private static String matrixText(OptionValues v) {
        String text = v.string("task_matrix").strip();
        if (!text.isEmpty()) {
            return text;
        }
        int c = v.intValue("contexts");
        double[][] a = new double[c + v.intValue("distractors")][c];
        for (int k = 0; k < c; k++) {
            a[k][k] = 1;
        }
        return new TaskMatrix(a).format();
    }

    /** The values with the settings of the named {@code algorithm} applied (see {@link #ARMS}); unchanged without one. */
    public static OptionValues withArm(OptionValues p) {
        String name = p.string(ARM.name()).strip();
        String arms = p.string(ARMS.name()).strip();
        if (name.isEmpty()) {
            p.require(arms.isEmpty(), ARMS.name(), "used with " + p.field(ARM.name()) + " (the name of one of them)", arms);
            return p;
        }
        Map<String, String> definitions = new LinkedHashMap<>();
        for (String arm : arms.split(";")) {
            int colon = arm.indexOf(':');
            String armName = colon < 0 ? arm.strip() : arm.substring(0, colon).strip();
            p.require(colon > 0 && armName.matches("[a-z0-9][a-z0-9+._-]*") && !definitions.containsKey(armName),
                    ARMS.name(), "'name: key=value, ...; name: ...' with distinct lower-case names", arm.strip());
            definitions.put(armName, arm.substring(colon + 1).strip());
        }
        p.require(definitions.containsKey(name), ARM.name(), "one of " + String.join(", ", definitions.keySet()), name);
        Map<String, ParameterSpec> settable = new LinkedHashMap<>();
        TrainingAlgorithm.OPTIONS.forEach(s -> settable.put(s.name(), s));
        settable.put("learning_rate", SCHEMA.get("learning_rate"));
        Map<String, Object> values = new LinkedHashMap<>();
        String settings = definitions.get(name);
        for (String pair : settings.isEmpty() ? new String[0] : settings.split(",")) {
            String[] kv = pair.split("=", 2);
            p.require(kv.length == 2, ARMS.name(), "'name: key=value, ...' for " + name, settings);
            String key = kv[0].strip();
            ParameterSpec s = settable.get(key);
            p.require(s != null, ARMS.name(), "settings of " + String.join(", ", settable.keySet()), key);
            p.require(!p.given(key), ARMS.name(), "the only place that sets " + key + " (it is also set to " + p.values().get(key) + ")", name);
            String raw = kv[1].strip();
            Object value = raw;
            if (s.type() == ParameterSpec.Type.INTEGER) {
                try {
                    value = Long.parseLong(raw);
                } catch (NumberFormatException e) {
                    value = raw;
                }
            }
            values.put(key, s.normalise(p.field(ARMS.name()) + "." + name + "." + key, value));
        }
        return p.with(values);
    }

    private static boolean hiddenBias(OptionValues v) {
        return v.flag("hidden_bias") || v.number("bias_ratio") > 0;
    }

    private static TaskOptions taskOptions(OptionValues v) {
        if (!v.string("task").equals(InputSelectionTask.NAME)) {
            return TaskOptions.defaults();
        }
        return new TaskOptions(taskMatrix(v).contexts(), matrixText(v),
                TargetNormalisation.parse(v.field("normalisation"), v.string("normalisation")), v.string("stimuli"),
                v.intValue("grid_points"), v.number("amplitude"), v.intValue("stimulus_count"));
    }

    private static LowRankSpec lowRank(OptionValues v) {
        double r = v.number("rank");
        return switch (v.string("init_rank")) {
            case "full" -> LowRankSpec.FULL;
            case "rank" -> new LowRankSpec(LowRankSpec.Mode.RANK, r);
            case "spectral" -> new LowRankSpec(LowRankSpec.Mode.SPECTRAL, r);
            case "effective" -> new LowRankSpec(LowRankSpec.Mode.EFFECTIVE, r);
            case "aligned" -> new LowRankSpec(LowRankSpec.Mode.ALIGNED, r);
            default -> new LowRankSpec(LowRankSpec.Mode.ANTI_ALIGNED, r);
        };
    }

    /** A recipe setting by task, for the tasks whose recipe fixes it (NaN: it scales with σ₀ instead). */
    private static Map<String, Object> fixedByRecipe(Function<TrainingRecipe, Double> setting) {
        Map<String, Object> out = new LinkedHashMap<>();
        TaskRegistry.recipeValues(r -> setting.apply(r)).forEach((task, x) -> {
            if (Double.isFinite((Double) x)) {
                out.put(task, x);
            }
        });
        return out;
    }

    private static <E> List<String> labels(E[] values, Function<E, String> label) {
        return Arrays.stream(values).map(label).toList();
    }
}
