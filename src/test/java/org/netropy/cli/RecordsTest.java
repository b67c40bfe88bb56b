package org.netropy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netropy.io.Json;
import org.netropy.io.Progress;

/** Records: loss.csv thinned by --loss-every with the exact final loss; progress without animation off a terminal. */
class RecordsTest {
    @TempDir
    Path dir;

    @Test
    void lossCsvKeepsAboutAThousandPointsAndTheExactFinalLoss() throws Exception {
        Path out = dir.resolve("run");
        Object[] r = CliRunner.run("gd", "train", "--contexts", "2", "--hidden", "4", "--steps", "3001", "--seeds", "1..2",
                "--no-progress", "--out", out.toString());
        assertEquals(0, r[0], (String) r[2]);
        List<String> lines = Files.readAllLines(out.resolve("loss.csv"));
        // steps 0, 3, ..., 3000 and the final step 3001, per network
        assertEquals(1 + 2 * (1001 + 1), lines.size());
        JsonNode m = Json.MAPPER.readTree(out.resolve("metrics.json").toFile());
        for (int member = 0; member < 2; member++) {
            String prefix = member + ",3001,";
            String last = lines.stream().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow();
            double finalLoss = m.get("members").get(member).get("metrics").get("finalLoss").asDouble();
            // metrics.json recomputes the loss on the final network: equal to rounding
            assertEquals(finalLoss, Double.parseDouble(last.substring(prefix.length())), 1e-12 * finalLoss, "the final loss");
        }
        Path every = dir.resolve("every");
        r = CliRunner.run("gd", "train", "--contexts", "2", "--hidden", "4", "--steps", "30", "--loss-every", "1",
                "--no-progress", "--out", every.toString());
        assertEquals(0, r[0], (String) r[2]);
        assertEquals(1 + 31, Files.readAllLines(every.resolve("loss.csv")).size());
        r = CliRunner.run("gd", "train", "--contexts", "2", "--steps", "30", "--loss-every", "0", "--out", dir.resolve("x").toString());
        assertEquals(2, r[0]);
        assertTrue(((String) r[2]).contains("--loss-every"), (String) r[2]);
    }

    @Test
    void progressOffATerminalIsPlainLinesWithoutCarriageReturns() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (Progress p = new Progress("sweep", 10, 2, false, ps)) {
            for (int i = 0; i < 8; i++) {
                p.step(0);
            }
        }
        String log = bytes.toString(StandardCharsets.UTF_8);
        assertFalse(log.contains("\r"), log);
        assertEquals(1, log.strip().lines().count(), log);
        assertTrue(log.startsWith("sweep: 10/10 (100%)"), log);
        assertEquals("6 min 25 s", Progress.duration(385));
    }

    @Test
    void reproduceReportsOverallProgressWithAnEta() {
        String line = ReproduceCommand.overall(2, 8, 100, 400, 60, 0.5);
        assertEquals("netropy reproduce: 2/8 specs, 100/400 runs (25%), 1 min 0 s elapsed, ETA ~2 min 30 s", line);
        assertTrue(ReproduceCommand.overall(8, 8, 400, 400, 60, 0.5).endsWith("done"));
    }
}
