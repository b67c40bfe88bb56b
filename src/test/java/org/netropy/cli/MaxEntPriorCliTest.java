package org.netropy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netropy.io.Json;

/** {@code --prior-rank R [--prior-floor EPS]}: honoured by solve, sample, norm-match, scan; refused by limit; bad values exit 2. */
class MaxEntPriorCliTest {
    @TempDir
    Path dir;

    @Test
    void solveRecordsThePriorOnlyWhenUsedAndStillSolvesTheTask() throws Exception {
        Object[] r = CliErrorPolicyTest.run("maxent", "solve", "--contexts", "2", "--sigma", "0.7", "--prior-rank", "1",
                "--prior-floor", "0.05", "--format", "json");
        assertEquals(0, r[0], (String) r[2]);
        JsonNode n = Json.MAPPER.readTree((String) r[1]);
        assertEquals(1, n.get("priorRank").asInt());
        assertEquals(0.05, n.get("priorFloor").asDouble());
        assertEquals("task-rank", n.get("weightPrior").asText());
        assertEquals("full", n.get("method").asText(), "auto picks the full solver for a structured prior");
        double m00 = 0;
        double m01 = 0;
        for (JsonNode p : n.get("patterns")) {
            double prob = p.get("probability").asDouble();
            m00 += prob * p.get("crossCovariance").get(0).asDouble() * p.get("gains").get(0).asDouble();
            m01 += prob * p.get("crossCovariance").get(0).asDouble() * p.get("gains").get(1).asDouble();
        }
        assertEquals(1, m00, 1e-9);
        assertEquals(0, m01, 1e-9);
        JsonNode iso = Json.MAPPER.readTree((String) CliErrorPolicyTest.run("maxent", "solve", "--contexts", "2", "--sigma", "0.7",
                "--format", "json")[1]);
        assertFalse(iso.has("priorRank") || iso.has("priorFloor") || iso.has("weightPrior"), "isotropic output unchanged");
        Object[] csv = CliErrorPolicyTest.run("maxent", "solve", "--contexts", "2", "--sigma", "0.7", "--prior-rank", "1",
                "--format", "csv");
        assertEquals(0, csv[0], (String) csv[2]);
        String header = ((String) csv[1]).lines().findFirst().orElseThrow();
        assertTrue(header.contains("prior_rank") && header.contains("prior_floor"), header);
        assertFalse(((String) CliErrorPolicyTest.run("maxent", "solve", "--contexts", "2", "--sigma", "0.7", "--format", "csv")[1])
                .lines().findFirst().orElseThrow().contains("prior_rank"));
    }

    @Test
    void sampleNormMatchAndScanHonourThePrior() {
        Object[] sample = CliErrorPolicyTest.run("maxent", "sample", "--contexts", "2", "--sigma", "0.7", "--prior-rank", "1",
                "--neurons", "200", "--seed", "1", "--out", dir.resolve("n.csv").toString());
        assertEquals(0, sample[0], (String) sample[2]);
        Object[] nm = CliErrorPolicyTest.run("maxent", "norm-match", "--contexts", "2", "--squared-norm", "10", "--prior-rank", "1",
                "--format", "json");
        assertEquals(0, nm[0], (String) nm[2]);
        assertTrue(((String) nm[1]).contains("\"priorRank\""), (String) nm[1]);
        Object[] scan = CliErrorPolicyTest.run("maxent", "scan", "--contexts", "2", "--sigma", "0.5,1", "--prior-rank", "2",
                "--prior-floor", "0", "--out", dir.resolve("s.csv").toString());
        assertEquals(0, scan[0], (String) scan[2]);
    }

    @Test
    void badPriorInputIsOneLineExitTwoNamingTheOption() {
        String[][] cases = {
            {"--prior-rank", "3"},
            {"--prior-rank", "-1"}, // 0 is the isotropic law, as prior_rank: 0 in a spec
            {"--prior-rank", "1", "--prior-floor", "-0.1"},
            {"--prior-rank", "1", "--prior-floor", "0"},
            {"--prior-floor", "0.1"},
            {"--prior-rank", "1", "--solver", "reduced"},
        };
        String[] options = {"--prior-rank", "--prior-rank", "--prior-floor", "--prior-floor", "--prior-floor", "--solver"};
        for (int i = 0; i < cases.length; i++) {
            String[] args = new String[5 + cases[i].length];
            System.arraycopy(new String[] {"maxent", "solve", "--contexts", "2", "--sigma=1"}, 0, args, 0, 5);
            System.arraycopy(cases[i], 0, args, 5, cases[i].length);
            Object[] r = CliErrorPolicyTest.run(args);
            String err = (String) r[2];
            assertEquals(2, r[0], String.join(" ", args) + " -> " + err);
            assertEquals(1, err.strip().lines().count(), err);
            assertTrue(err.contains(options[i]), err);
        }
        Object[] limit = CliErrorPolicyTest.run("maxent", "limit", "--contexts", "2", "--prior-rank", "1");
        assertEquals(2, limit[0], (String) limit[2]);
        assertTrue(((String) limit[2]).contains("--prior-rank"), (String) limit[2]);
        Object[] unreachable = CliErrorPolicyTest.run("maxent", "norm-match", "--contexts", "2", "--squared-norm", "5",
                "--prior-rank", "1");
        assertEquals(2, unreachable[0], (String) unreachable[2]);
        assertEquals(1, ((String) unreachable[2]).strip().lines().count());
    }
}
