package org.netropy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netropy.connectivity.NeuronTableCsv;
import org.netropy.io.Json;

class MaxEntCommandTest {
    @TempDir
    Path dir;

    @Test
    void solveJsonHasTheDocumentedKeysAndSatisfiesTheTask() throws Exception {
        Object[] r = CliErrorPolicyTest.run("maxent", "solve", "--contexts", "2", "--sigma", "0.7", "--format", "json");
        assertEquals(0, r[0], (String) r[2]);
        JsonNode n = Json.MAPPER.readTree((String) r[1]);
        for (String key : new String[] {"contexts", "features", "sigmaW", "sigmaZ", "lambda", "patterns", "kl",
                "klPopulation", "klSelectivity", "entropy", "iterations", "residual"}) {
            assertTrue(n.has(key), key);
        }
        assertEquals(2, n.get("lambda").size());
        double[][] m = new double[2][2];
        double total = 0;
        for (JsonNode p : n.get("patterns")) {
            assertEquals(2, p.get("gains").size());
            double prob = p.get("probability").asDouble();
            total += prob;
            for (int j = 0; j < 2; j++) {
                for (int k = 0; k < 2; k++) {
                    m[j][k] += prob * p.get("crossCovariance").get(j).asDouble() * p.get("gains").get(k).asDouble();
                }
            }
        }
        assertEquals(1, total, 1e-12);
        // The JSON alone reproduces the constraint E[z w g^T] = I.
        assertEquals(1, m[0][0], 1e-9);
        assertEquals(0, m[0][1], 1e-9);
    }

    @Test
    void badInputIsOneLineExitTwo() {
        String[][] cases = {
            {"maxent", "solve", "--contexts", "0", "--sigma", "1"},
            {"maxent", "solve", "--contexts", "2", "--sigma", "NaN"},
            {"maxent", "solve", "--contexts", "2", "--sigma", "-1"},
            {"maxent", "solve", "--sigma", "1", "--task-matrix", "1,0;0"},
            {"maxent", "solve", "--sigma", "1", "--task-matrix", "1,a"},
            {"maxent", "solve", "--contexts", "2", "--sigma", "1", "--gains", "exp"},
            {"maxent", "solve", "--contexts", "2", "--sigma", "1", "--frobnicate"},
            {"maxent", "scan", "--contexts", "1..x", "--out", "x.csv"},
        };
        for (String[] args : cases) {
            Object[] r = CliErrorPolicyTest.run(args);
            String err = (String) r[2];
            assertEquals(2, r[0], String.join(" ", args) + " -> " + err);
            assertEquals(1, err.strip().lines().count(), err);
            assertFalse(err.contains("Exception"), err);
        }
        String err = (String) CliErrorPolicyTest.run("maxent", "solve", "--contexts", "2", "--sigma", "1", "--gains", "exp")[2];
        assertTrue(err.contains("--gains") && err.contains("tanh"), err);
    }

    @Test
    void scanWritesTidyRowsAndSampleWritesATable() throws Exception {
        Path csv = dir.resolve("scan.csv");
        Object[] r = CliErrorPolicyTest.run("maxent", "scan", "--contexts", "1..3", "--sigma", "0.1..3", "--points", "4", "--out", csv.toString());
        assertEquals(0, r[0], (String) r[2]);
        long rows = Files.readAllLines(csv).size() - 1;
        assertEquals(4 * (2 + 3 + 4), rows); // σ points × (C+1) classes per C
        Path table = dir.resolve("net.csv");
        r = CliErrorPolicyTest.run("maxent", "sample", "--contexts", "2", "--sigma", "0.5", "--neurons", "100", "--seed", "3",
                "--out", table.toString());
        assertEquals(0, r[0], (String) r[2]);
        assertEquals(100, NeuronTableCsv.read(table).size());
    }

    /** --format csv is honoured by every max-ent sub-command that accepts it, with the same numbers as its JSON. */
    @Test
    void limitAndNormMatchWriteCsvWithTheirJsonNumbers() throws Exception {
        Object[] limitJson = CliErrorPolicyTest.run("maxent", "limit", "--contexts", "3", "--format", "json");
        Object[] limitCsv = CliErrorPolicyTest.run("maxent", "limit", "--contexts", "3", "--format", "csv");
        assertEquals(0, limitCsv[0], (String) limitCsv[2]);
        java.util.List<org.apache.commons.csv.CSVRecord> rows = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader()
                .setSkipHeaderRecord(true).build().parse(new java.io.StringReader((String) limitCsv[1])).getRecords();
        JsonNode lj = Json.MAPPER.readTree((String) limitJson[1]);
        assertEquals(lj.get("patterns").size(), rows.size());
        assertEquals(lj.get("cost").asDouble(), Double.parseDouble(rows.get(0).get("cost")), 0.0);

        Object[] nmJson = CliErrorPolicyTest.run("maxent", "norm-match", "--contexts", "2", "--squared-norm", "8", "--format", "json");
        Object[] nmCsv = CliErrorPolicyTest.run("maxent", "norm-match", "--contexts", "2", "--squared-norm", "8", "--format", "csv");
        assertEquals(0, nmCsv[0], (String) nmCsv[2]);
        java.util.List<org.apache.commons.csv.CSVRecord> nm = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader()
                .setSkipHeaderRecord(true).build().parse(new java.io.StringReader((String) nmCsv[1])).getRecords();
        assertEquals(Json.MAPPER.readTree((String) nmJson[1]).get("tau").asDouble(), Double.parseDouble(nm.get(0).get("tau")), 0.0);
        assertEquals(4, nm.size()); // one row per gain pattern at C = 2
    }

    /** One spelling of a gain pattern in every format: g01 in JSON as in CSV and tables. */
    @Test
    void patternNamesAreSpelledTheSameInJsonAndCsv() throws Exception {
        Object[] json = CliErrorPolicyTest.run("maxent", "solve", "--contexts", "2", "--sigma", "0.5", "--format", "json");
        Object[] csv = CliErrorPolicyTest.run("maxent", "solve", "--contexts", "2", "--sigma", "0.5", "--format", "csv");
        java.util.Set<String> fromJson = new java.util.TreeSet<>();
        for (JsonNode p : Json.MAPPER.readTree((String) json[1]).get("patterns")) {
            fromJson.add(p.get("pattern").asText());
        }
        java.util.Set<String> fromCsv = new java.util.TreeSet<>();
        org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new java.io.StringReader((String) csv[1])).forEach(r -> fromCsv.add(r.get("pattern")));
        assertEquals(java.util.Set.of("g00", "g01", "g10", "g11"), fromJson);
        assertEquals(fromJson, fromCsv);
    }
}
