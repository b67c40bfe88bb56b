package org.netropy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netropy.io.Json;
import org.netropy.maxent.GainPrior;
import org.netropy.maxent.MaxEntSolution;
import org.netropy.task.TargetNormalisation;
import org.netropy.task.TaskMatrix;

/** Every max-ent output states its accuracy; what did not converge exits with 3, what cannot run with 2. */
class MaxEntAccuracyCliTest {
    @TempDir
    Path dir;

    @Test
    void jsonAndCsvCarryResidualQuadratureErrorAndVerdict() throws Exception {
        Object[] r = CliErrorPolicyTest.run("maxent", "solve", "--contexts", "2", "--sigma", "1", "--activation", "tanh",
                "--context-scale", "2", "--format", "json");
        assertEquals(0, r[0], (String) r[2]);
        JsonNode n = Json.MAPPER.readTree((String) r[1]);
        assertTrue(n.get("converged").asBoolean());
        assertTrue(n.get("quadratureError").asDouble() <= 1e-6 && n.get("residual").asDouble() < 1e-9, n.toString());
        r = CliErrorPolicyTest.run("maxent", "solve", "--contexts", "2", "--sigma", "1", "--format", "csv");
        String header = ((String) r[1]).lines().findFirst().orElseThrow();
        assertTrue(header.contains("residual") && header.contains("quadrature_error") && header.contains("converged"), header);
        r = CliErrorPolicyTest.run("maxent", "solve", "--contexts", "2", "--sigma", "1");
        assertTrue(((String) r[1]).contains("accuracy: converged"), (String) r[1]);
    }

    @Test
    void condensedLawExitsThreeNamingIt() {
        Object[] r = CliErrorPolicyTest.run("maxent", "solve", "--contexts", "2", "--sigma", "1", "--activation", "sigmoid");
        assertEquals(3, r[0], (String) r[2]);
        String err = (String) r[2];
        assertTrue(err.contains("netropy: not converged:") && err.contains("condensation"), err);
        assertTrue(((String) r[1]).contains("NOT CONVERGED"), (String) r[1]);
    }

    @Test
    void fullEnumerationStatesItsLimit() {
        Object[] r = CliErrorPolicyTest.run("maxent", "solve", "--contexts", "14", "--sigma", "1", "--solver", "full");
        assertEquals(2, r[0], (String) r[2]);
        String err = ((String) r[2]).strip();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.contains("--solver full") && err.contains("C <= 12"), err);
        // the same symmetric problem runs with the automatic (reduced) solver
        assertEquals(0, CliErrorPolicyTest.run("maxent", "solve", "--contexts", "14", "--sigma", "1")[0]);
    }

    @Test
    void limitReportsAFeasiblePrimalAndItsGap() throws Exception {
        Object[] r = CliErrorPolicyTest.run("maxent", "limit", "--contexts", "6", "--format", "json");
        assertEquals(0, r[0], (String) r[2]);
        JsonNode n = Json.MAPPER.readTree((String) r[1]);
        assertTrue(n.get("primalResidual").asDouble() <= 1e-10, n.toString());
        assertTrue(n.get("dualityGap").asDouble() >= 0 && n.get("dualityGap").asDouble() < 1e-6, n.toString());
        assertTrue(n.get("primalCost").asDouble() >= n.get("cost").asDouble());
    }

    @Test
    void scanToSixtyFourContextsWritesEveryClass() throws Exception {
        Path csv = dir.resolve("s.csv");
        Object[] r = CliErrorPolicyTest.run("maxent", "scan", "--contexts", "1..64", "--sigma", "0.03..10", "--points", "3",
                "--out", csv.toString());
        assertEquals(0, r[0], (String) r[2]);
        List<String> lines = Files.readAllLines(csv);
        assertEquals(3 * (65 * 66 / 2 - 1), lines.size() - 1); // Σ_{C=1..64} (C+1) classes per sigma
    }

    /** compare --maxent sigma=auto on a biased ReLU network uses the orthant prior of its initialisation. */
    @Test
    void initialisationPriorOfABiasedReluNetwork() throws Exception {
        Files.writeString(dir.resolve("metrics.json"), "{\"settings\": {\"activation\": \"relu\", \"hiddenBias\": true,"
                + " \"biasInit\": 0.1, \"biasScale\": 0.0, \"contextScale\": 0.5, \"stimulusScale\": 0.3}}");
        GainPrior p = MaxEntSpec.initialisationPrior(dir, 2);
        double up = 0.5 * org.apache.commons.math3.special.Erf.erfc(-0.1 / 0.5 / Math.sqrt(2));
        assertEquals("relu-bias", p.kind());
        assertEquals(up * up, p.weights()[3], 1e-15);
        MaxEntSpec spec = MaxEntSpec.parse("sigma=auto");
        org.netropy.connectivity.NeuronTable table = org.netropy.connectivity.NeuronTable.of(
                new double[][] {{2, 0}, {0, 2}}, new double[][] {{1, -1}, {-1, 1}}, new double[] {0, 0}, new double[] {2, 2},
                new double[][] {{1, 0}, {0, 1}});
        var refs = spec.solutions(TaskMatrix.identity(2, TargetNormalisation.NONE), table, dir);
        for (MaxEntSolution s : refs.values()) {
            assertEquals("relu-bias", s.problem().prior().kind());
            assertEquals(0.5, spec.samplingContextScale(s));
        }
        // bias-free: the uniform prior
        Files.writeString(dir.resolve("metrics.json"), "{\"settings\": {\"activation\": \"relu\", \"hiddenBias\": false,"
                + " \"biasInit\": 0.1, \"biasScale\": 0.0, \"contextScale\": 1.0, \"stimulusScale\": 0.3}}");
        assertEquals("relu-uniform", MaxEntSpec.initialisationPrior(dir, 2).kind());
    }
}
