package org.netropy.task;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import org.netropy.io.InvalidInputException;
import org.netropy.random.RandomStreams;

/**
 * The one place where tasks are listed by name (the neurogym idea: a registry with metadata).
 * To add a task, implement {@link Task} and add one {@link #register} line below: its training
 * recipe and the representation analysis its paper reports are declared on that line, so no
 * engine tests for a concrete task class.
 */
public final class TaskRegistry {

    /**
     * A registered task: name, citation, description, the training recipe of its paper, the name of
     * the representation analysis run on its trained networks ({@link #NO_ANALYSIS} for none; the
     * engine keeps the analyses by these names, the task layer does not depend on it) and a factory.
     */
    public record Entry(String name, String paper, String description, TrainingRecipe recipe, String analysis,
                        BiFunction<TaskOptions, RandomStreams, Task> factory) {
        public Entry {
            java.util.Objects.requireNonNull(name, "name");
            java.util.Objects.requireNonNull(recipe, "recipe");
            java.util.Objects.requireNonNull(analysis, "analysis (NO_ANALYSIS for none)");
            java.util.Objects.requireNonNull(factory, "factory");
        }
    }

    /** The analysis name of a task without a task-specific representation analysis. */
    public static final String NO_ANALYSIS = "";

    /** A registration that can be withdrawn (tests register a task for their own duration). */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

    static {
        register(new Entry(InputSelectionTask.NAME,
                "Hruza & Ostojic 2026; Dubreuil et al. 2022",
                "context-dependent input selection y* = A[:,k]·u on a grid or Gaussian stimulus set",
                TrainingRecipe.MEAN_FIELD, NO_ANALYSIS, TaskRegistry::inputSelection));
        register(new Entry(FleschTreesTask.NAME,
                "Flesch et al. 2022, Neuron",
                "5x5 Gaussian-blob 'trees', 2 contexts, sign accuracy on 40 non-zero targets",
                FleschTreesTask.RECIPE, FleschTreesTask.ANALYSIS, (options, streams) -> new FleschTreesTask()));
    }

    private TaskRegistry() {}

    /** Adds a task under a name not yet taken; closing the registration removes it again. */
    public static synchronized Registration register(Entry e) {
        if (ENTRIES.containsKey(e.name())) {
            throw new IllegalArgumentException("task " + e.name() + " is already registered");
        }
        ENTRIES.put(e.name(), e);
        return () -> {
            synchronized (TaskRegistry.class) {
                ENTRIES.remove(e.name(), e);
            }
        };
    }

    public static List<Entry> entries() {
        return List.copyOf(ENTRIES.values());
    }

    public static List<String> names() {
        return List.copyOf(ENTRIES.keySet());
    }

    /** The training recipe of a registered task (its paper's defaults). */
    public static TrainingRecipe recipe(String name) {
        return entry(name).recipe();
    }

    /** The representation analysis a task declares ({@link #NO_ANALYSIS} for none or an unregistered task). */
    public static String analysis(String name) {
        Entry e = ENTRIES.get(name);
        return e == null ? NO_ANALYSIS : e.analysis();
    }

    private static Entry entry(String name) {
        Entry e = ENTRIES.get(name);
        if (e == null) {
            throw new InvalidInputException("--task must be one of " + String.join(", ", names()) + " (got " + name + ")");
        }
        return e;
    }

    /** One recipe setting of every registered task, by task name (per-task defaults of a parameter). */
    public static Map<String, Object> recipeValues(java.util.function.Function<TrainingRecipe, Object> setting) {
        Map<String, Object> out = new LinkedHashMap<>();
        ENTRIES.forEach((name, e) -> out.put(name, setting.apply(e.recipe())));
        return out;
    }

    /** Builds a task; stochastic stimulus sets draw from the stream "task/stimuli". */
    public static Task create(String name, TaskOptions options, RandomStreams streams) {
        return entry(name).factory().apply(options, streams);
    }

    private static Task inputSelection(TaskOptions o, RandomStreams streams) {
        TaskMatrix a = o.taskMatrix() == null
                ? TaskMatrix.identity(o.contexts(), o.normalisation())
                : TaskMatrix.parse(o.taskMatrix(), o.normalisation());
        StimulusSet s;
        if (o.stimulusSet().equals("grid")) {
            s = StimulusSet.grid(a.features(), o.gridPoints(), o.amplitude());
        } else {
            SplittableRandom r = streams.stream("task/stimuli");
            s = o.stimulusSet().equals("gaussian-pairs")
                    ? StimulusSet.gaussianPairs(a.features(), o.stimulusCount(), o.amplitude(), r)
                    : StimulusSet.gaussian(a.features(), o.stimulusCount(), o.amplitude(), r);
        }
        return new InputSelectionTask(a, s, o.stimulusSet(), o.normalisation());
    }
}
