package org.netropy.gd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.netropy.task.Task;

/**
 * One place knows every field of a {@link GdRunSpec}: the builder. The 20-argument constructor
 * was copied into the CLI and the tests, and each copy could drop or swap a setting (the
 * full-batch shortcut silently reset the training algorithm).
 */
class GdRunSpecBuilderTest {
    private static final Task TASK = GdTestSupport.smallTask();

    /** A run whose every setting differs from the builder's default. */
    private static GdRunSpec unusual() {
        InitSpec init = new InitSpec(0.3, 0.4, 0.1, 0.2, 0.5, 0.05, true, LowRankSpec.FULL, null);
        TrainingAlgorithm d = TrainingAlgorithm.DEFAULT;
        TrainingAlgorithm adam = new TrainingAlgorithm(TrainingAlgorithm.Backend.DL4J, 4, d.beta2(), d.epsilon(), d.rmsDecay(),
                1e-4, 0.0, TrainingAlgorithm.Schedule.STEP, 0.5, 10);
        return GdRunSpec.builder(TASK).hidden(8).activation(Activation.TANH).hiddenBias(true).outputBias(true)
                .readout(Readout.STANDARD).alpha(2.0).centred(true).init(init).learningRate(0.02)
                .lrScaling(LearningRateScaling.PLAIN).optimizer(Optimizer.ADAM).momentum(0.8).loss(LossScale.SUM).steps(30)
                .tolerance(1e-3).precision(Precision.DOUBLE).divergenceFactor(1e6).snapshotSteps(new int[] {0, 10})
                .algorithm(adam).build();
    }

    @Test
    void toBuilderKeepsEverySetting() {
        GdRunSpec s = unusual();
        GdRunSpec copy = s.toBuilder().build();
        assertEquals(s, copy);
        assertEquals(text(s), text(copy));
    }

    @Test
    void everyWithChangesOnlyItsOwnSettings() {
        GdRunSpec s = unusual();
        Map<String, UnaryOperator<GdRunSpec>> changes = Map.of(
                "steps", x -> x.withSteps(20),
                "learningRate", x -> x.withLearningRate(0.03),
                "stimulusScale", x -> x.withInit(new InitSpec(0.6, 0.4, 0.1, 0.2, 0.5, 0.05, true, LowRankSpec.FULL, null)));
        for (var e : changes.entrySet()) {
            Map<String, String> before = text(s);
            Map<String, String> after = text(e.getValue().apply(s));
            Set<String> differ = new TreeSet<>();
            for (String k : before.keySet()) {
                if (!before.get(k).equals(after.get(k))) {
                    differ.add(k);
                }
            }
            differ.remove("effectiveLearningRate");       // derived from the rate and the scale
            assertEquals(Set.of(e.getKey()), differ, e.getKey());
            assertSame(s.snapshotSteps(), e.getValue().apply(s).snapshotSteps());
            assertSame(s.algorithm(), e.getValue().apply(s).algorithm());
        }
    }

    @Test
    void theRecipesAreTheBuilderWithTheirSettings() {
        GdRunSpec mf = GdRunSpec.meanField(TASK, 10, 0.5, 40);
        assertEquals(text(GdRunSpec.builder(TASK).hidden(10).init(InitSpec.uniform(0.5)).steps(40).build()), text(mf));
        assertEquals(TrainingAlgorithm.DEFAULT, mf.algorithm());
        assertEquals(0.9, mf.momentum());
        assertEquals(1e8, mf.divergenceFactor());
    }

    /** The recorded settings as text (arrays by content). */
    private static Map<String, String> text(GdRunSpec s) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        s.describe().forEach((k, v) -> m.put(k, v instanceof int[] a ? java.util.Arrays.toString(a) : String.valueOf(v)));
        return m;
    }

    /** The record's constructor is called in GdRunSpec alone (its builder); nowhere else copies the field list. */
    @Test
    void noCopyOfTheFieldListOutsideGdRunSpec() throws IOException {
        List<String> copies;
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/java")), Files.walk(Path.of("src/test/java")))) {
            copies = files.filter(p -> p.toString().endsWith(".java") && !p.getFileName().toString().equals("GdRunSpec.java")
                    && !p.getFileName().toString().equals("GdRunSpecBuilderTest.java"))
                    .filter(p -> {
                        try {
                            return Files.readString(p).contains("new GdRunSpec(");
                        } catch (IOException ex) {
                            throw new java.io.UncheckedIOException(ex);
                        }
                    }).map(Path::toString).toList();
        }
        assertTrue(copies.isEmpty(), "new GdRunSpec(...) outside GdRunSpec: " + copies);
    }
}
