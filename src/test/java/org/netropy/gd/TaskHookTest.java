package org.netropy.gd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netropy.random.RandomStreams;
import org.netropy.task.FleschTreesTask;
import org.netropy.task.Task;
import org.netropy.task.TaskData;
import org.netropy.task.TaskRegistry;
import org.netropy.task.TrainingRecipe;

/**
 * A new task is its class plus one registry line: the recipe and the representation analysis it
 * declares there reach the engine without the engine naming the task (issue 18).
 */
class TaskHookTest {

    /** A test-only task: the trees data under another name, so only its registry line can make it analysed. */
    private record ProbeTask(String name) implements Task {
        private static final FleschTreesTask TREES = new FleschTreesTask();

        @Override
        public String paper() {
            return "test";
        }

        @Override
        public String description() {
            return "trees data under a test-only name";
        }

        @Override
        public int features() {
            return TREES.features();
        }

        @Override
        public int contexts() {
            return TREES.contexts();
        }

        @Override
        public TaskData data() {
            return TREES.data();
        }

        @Override
        public Map<String, Object> settings() {
            return Map.of("task", name);
        }
    }

    private static final TrainingRecipe PROBE_RECIPE = new TrainingRecipe(true, false, "unit", 0.0123, "plain", "sum", 0.2, 0.5, 0.25,
            false);

    private static TaskRegistry.Entry entry(String name, String analysis) {
        return new TaskRegistry.Entry(name, "test", "trees data under a test-only name", PROBE_RECIPE, analysis,
                (options, streams) -> new ProbeTask(name));
    }

    @Test
    void aRegisteredTaskGetsItsRecipeAndItsAnalysis() {
        String name = "test-probe-analysed";
        try (var r = TaskRegistry.register(entry(name, FleschTreesTask.ANALYSIS))) {
            assertEquals(PROBE_RECIPE, TaskRegistry.recipe(name));
            assertEquals(0.0123, TaskRegistry.recipeValues(TrainingRecipe::learningRate).get(name));
            Task task = TaskRegistry.create(name, null, new RandomStreams(1));
            GdResult run = GdTrainer.train(GdRunSpec.meanField(task, 8, 0.5, 5), new RandomStreams(2));
            assertNotNull(run.metrics().analysis(), "the analysis the registry line declares is run");
            Map<String, Object> json = run.metrics().toJson();
            assertTrue(json.get("flesch") instanceof Map, "its record sits under its key in metrics.json");
            assertEquals(RegimeMetrics.COLUMNS, List.copyOf(run.metricsRow().keySet()), "and its columns follow the regime metrics");
            TaskAnalysis analysis = TaskAnalyses.of(task);
            assertTrue(analysis.drawsRdms(), "the trees analysis draws RDMs");
            Map<String, double[][]> rdms = analysis.rdms(run.last(), task.data());
            double[][] first = rdms.values().iterator().next();
            // Flesch et al. 2022's coarse conditions: 2 contexts x 3 branchiness x 3 leafiness levels
            assertEquals(2 * 3 * 3, first.length, "one RDM row per coarse condition");
            assertEquals(first.length, first[0].length, "square");
        }
        assertEquals(List.of(), TaskRegistry.names().stream().filter(n -> n.startsWith("test-probe")).toList(),
                "closing the registration withdraws the task");
    }

    @Test
    void theSameDataUnderATaskWithoutAnAnalysisGetsNone() {
        String name = "test-probe-plain";
        try (var r = TaskRegistry.register(entry(name, TaskRegistry.NO_ANALYSIS))) {
            GdResult run = GdTrainer.train(GdRunSpec.meanField(new ProbeTask(name), 8, 0.5, 5), new RandomStreams(2));
            assertNull(run.metrics().analysis());
            assertEquals(null, run.metrics().toJson().get("flesch"));
            assertTrue(!run.metricsRow().containsKey("units_dead"));
        }
    }

    @Test
    void anUnknownAnalysisNameIsAnErrorNamingTheTask() {
        String name = "test-probe-unknown";
        try (var r = TaskRegistry.register(entry(name, "no-such-analysis"))) {
            var e = assertThrows(IllegalStateException.class, () -> TaskAnalyses.of(new ProbeTask(name)));
            assertTrue(e.getMessage().contains(name) && e.getMessage().contains("no-such-analysis"), e.getMessage());
        }
    }

    @Test
    void aTakenNameIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> TaskRegistry.register(entry(FleschTreesTask.NAME, TaskRegistry.NO_ANALYSIS)));
    }

    @Test
    void theNestedJsonKeysKeepTheirOrder() {
        GdResult run = GdTrainer.train(GdRunSpec.meanField(GdTestSupport.smallTask(), 6, 0.5, 5), new RandomStreams(2));
        Map<String, Object> json = run.metrics().toJson();
        assertEquals(List.of("stimulus", "context", "hiddenBias", "readout", "hidden"),
                List.copyOf(((Map<?, ?>) json.get("relativeChange")).keySet()));
        assertEquals(List.of("stimulus", "hidden", "readout"), List.copyOf(((Map<?, ?>) json.get("normChange")).keySet()));
    }
}
