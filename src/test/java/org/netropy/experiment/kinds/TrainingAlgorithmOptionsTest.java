package org.netropy.experiment.kinds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netropy.cli.CliRunner;
import org.netropy.options.ParameterSpec;
import org.netropy.experiment.ResolvedParameters;
import org.netropy.gd.GdOptions;
import org.netropy.gd.Optimizer;
import org.netropy.gd.TrainingAlgorithm;

/**
 * The training-algorithm settings are declared once ({@link TrainingAlgorithm#OPTIONS}, part of {@link GdOptions#SCHEMA}) and reach
 * both entry points with the same meaning; a setting the backend lacks is refused by both (and by
 * {@code run --dry-run}) with one line naming the other backend. Nothing here trains.
 */
class TrainingAlgorithmOptionsTest {
    @TempDir
    Path dir;

    private static void oneLine(Object[] r, String... mustContain) {
        String err = (String) r[2];
        assertEquals(2, r[0], err);
        assertEquals(1, err.strip().lines().count(), err);
        for (String s : mustContain) {
            assertTrue(err.contains(s), s + " in: " + err);
        }
    }

    @Test
    void everyOptionIsBothACommandLineOptionAndASpecParameter() {
        Object[] help = CliRunner.run("gd", "train", "--help");
        for (ParameterSpec o : TrainingAlgorithm.OPTIONS) {
            String option = "--" + o.name().replace('_', '-');
            assertTrue(((String) help[1]).contains(option), option);
            assertTrue(new GdTrainKind().parameters().contains(o.name()), o.name());
        }
    }

    @Test
    void theCommandLineRefusesWhatTheFusedKernelLacksNamingTheDl4jBackend() {
        String out = dir.resolve("x").toString();
        String[][] cases = {
            {"--batch-size", "10"}, {"--optimizer", "rmsprop"}, {"--weight-decay", "1e-3"}, {"--dropout", "0.2"},
            {"--lr-schedule", "step"}, {"--optimizer", "adam", "--adam-beta2", "0.99"},
        };
        for (String[] c : cases) {
            List<String> args = new ArrayList<>(List.of("gd", "train", "--no-progress", "--steps", "1", "--out", out));
            args.addAll(List.of(c));
            oneLine(CliRunner.run(args.toArray(new String[0])), c[c.length - 2], "--backend dl4j");
        }
        oneLine(CliRunner.run("gd", "train", "--backend", "dl4j", "--precision", "float", "--steps", "1", "--out", out),
                "--precision", "--backend fused");
        oneLine(CliRunner.run("gd", "train", "--lr-step", "5", "--steps", "1", "--out", out), "--lr-step", "--lr-schedule step");
        oneLine(CliRunner.run("gd", "train", "--backend", "dl4j", "--batch-size", "51", "--steps", "1", "--out", out),
                "--batch-size", "50 samples");
        oneLine(CliRunner.run("gd", "train", "--backend", "gpu", "--steps", "1", "--out", out), "--backend", "fused, dl4j");
        assertTrue(!Files.exists(dir.resolve("x")), "nothing was trained");
    }

    @Test
    void specsRefuseTheSameInDryRun() throws Exception {
        Path spec = dir.resolve("bad-batch.yaml");
        Files.writeString(spec, String.join("\n",
                "name: bad-batch",
                "kind: gd-train",
                "base:",
                "  init_scale: 0.5",
                "sweep:",
                "  batch_size: [0, 10]",
                "seeds: 1",
                ""));
        oneLine(CliRunner.run("run", spec.toString(), "--dry-run", "--results", dir.resolve("r").toString()),
                "batch_size", "backend dl4j");
    }

    @Test
    void aNamedAlgorithmAppliesItsSettingsAndRefusesConflictsAndUnknownNames() {
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        for (ParameterSpec s : GdOptions.SCHEMA.parameters()) {
            values.put(s.name(), s.defaultValue());
        }
        values.put("init_scale", 0.5);
        values.put("algorithms", "plain: optimizer=gd; adam: backend=dl4j, optimizer=adam, learning_rate=1.0e-4, batch_size=10");
        values.put("algorithm", "adam");
        ResolvedParameters p = new ResolvedParameters(values, 1);
        TrainingAlgorithm.Parsed a = TrainingAlgorithm.parse(GdOptions.withArm(p.withSchema(GdOptions.SCHEMA)));
        assertEquals(Optimizer.ADAM, a.optimizer());
        assertEquals(10, a.algorithm().batchSize());
        assertEquals(TrainingAlgorithm.Backend.DL4J, a.algorithm().backend());
        assertEquals(1e-4, GdOptions.withArm(p.withSchema(GdOptions.SCHEMA)).number("learning_rate"));

        values.put("algorithm", "sgd");
        assertTrue(refused(values).contains("algorithm must be one of plain, adam"));
        values.put("algorithm", "adam");
        values.put("batch_size", 5L);
        assertTrue(refused(values).contains("the only place that sets batch_size"));
        values.put("batch_size", 0L);
        values.put("algorithm", "");
        assertTrue(refused(values).contains("algorithms"));
    }

    private static String refused(Map<String, Object> values) {
        try {
            GdOptions.validate(new ResolvedParameters(values, 1));
        } catch (org.netropy.io.InvalidInputException e) {
            return e.getMessage();
        }
        return "accepted";
    }
}
