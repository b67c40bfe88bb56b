package org.netropy.ei;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netropy.cli.Main;
import org.netropy.io.Json;
import picocli.CommandLine;

class EiCliTest {
    static Object[] run(String... args) {
        return org.netropy.cli.CliRunner.run(args);
    }

    static void assertBadInput(String option, String... args) {
        Object[] r = run(args);
        String err = (String) r[2];
        assertEquals(2, r[0], String.join(" ", args) + " -> " + err);
        assertEquals(1, err.strip().lines().count(), err);
        assertTrue(err.contains(option), "message does not name " + option + ": " + err);
        assertFalse(err.contains("at org."), err);
    }

    @Test
    void badInputIsOneLineNamingTheOptionWithExitTwo() {
        for (String cmd : new String[] {"entropy", "scan"}) {
            assertBadInput("--p", "ei", cmd, "--p", "1.5");
            assertBadInput("--p", "ei", cmd, "--p", "-0.1");
            assertBadInput("--alpha", "ei", cmd, "--alpha", "1.01");
            assertBadInput("--epsilon", "ei", cmd, "--epsilon", "2");
            assertBadInput("--neurons", "ei", cmd, "--neurons", "0");
            assertBadInput("--we", "ei", cmd, "--we", "-1");
            assertBadInput("--wi", "ei", cmd, "--wi", "-0.5");
            assertBadInput("--neurons", "ei", cmd, "--neurons", "many");
        }
        assertBadInput("--alpha", "ei", "scan", "--alpha", "0..1.5");
        assertBadInput("--lambda", "ei", "scan", "--lambda", "2,1");
        assertBadInput("--preset", "ei", "scan", "--preset", "entropy-vs-lambda"); // the figures are specs now
        assertBadInput("--we/--wi", "ei", "entropy", "--we", "0", "--wi", "1", "--lambda", "1");
    }

    @Test
    void helpWorksOnEverySubCommand() {
        for (String[] args : new String[][] {{"ei", "--help"}, {"ei", "entropy", "--help"}, {"ei", "scan", "--help"}}) {
            Object[] r = run(args);
            assertEquals(0, r[0]);
            assertTrue(((String) r[1]).contains("Usage"), (String) r[1]);
        }
    }

    @Test
    void entropyJsonHasTheDocumentedFieldsAndMatchesTheLibrary() throws Exception {
        Object[] r = run("ei", "entropy", "--neurons", "50", "--p", "0.2", "--alpha", "0.2", "--we", "0.2", "--wi", "0.3",
                "--epsilon", "0.01", "--format", "json");
        assertEquals(0, r[0], (String) r[2]);
        JsonNode json = Json.MAPPER.readTree((String) r[1]);
        EntropyResult expected = AnnealedChain.entropy(new EiParameters(50, 0.2, 0.2, 0.2, 0.3, 0.01));
        assertEquals(expected.entropyBits(), json.get("entropy_bits").asDouble(), 0);
        assertEquals(expected.entropyRateBits(), json.get("entropy_rate_bits").asDouble(), 0);
        assertEquals(expected.meanActive(), json.get("mean_active").asDouble(), 0);
        assertEquals(10 * (0.8 * 0.2 - 0.2 * 0.3), json.get("lambda").asDouble(), 1e-12);
    }

    @Test
    void lambdaOptionMovesTheWeights() throws Exception {
        Object[] r = run("ei", "entropy", "--lambda", "1.5", "--format", "json");
        assertEquals(0, r[0], (String) r[2]);
        JsonNode json = Json.MAPPER.readTree((String) r[1]);
        assertEquals(1.5, json.get("lambda").asDouble(), 1e-12);
        assertEquals(2.0, json.get("wi").asDouble() / json.get("we").asDouble(), 1e-12); // default ratio kept
    }

    @Test
    void scanWritesTidyCsvAndCurves(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("scan.csv");
        Object[] r = run("ei", "scan", "--neurons", "40", "--alpha", "0,0.2", "--lambda", "0.5..2", "--points", "5",
                "--out", out.toString());
        assertEquals(0, r[0], (String) r[2]);
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(Files.newBufferedReader(out)).getRecords();
        assertEquals(10, rows.size());
        for (CSVRecord row : rows) {
            double h = Double.parseDouble(row.get("entropy_bits"));
            assertTrue(h >= 0 && h <= Math.log(41) / Math.log(2) + 1e-12);
            assertEquals("40", row.get("neurons"));
        }
        assertEquals(2.0, Double.parseDouble(rows.get(4).get("lambda")), 1e-9);
        List<CSVRecord> curves = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(Files.newBufferedReader(dir.resolve("scan-curves.csv"))).getRecords();
        assertEquals(2, curves.size());
        assertTrue(((String) r[1]).contains("max entropy"), (String) r[1]);
    }

    /** One naming convention: every column of ei entropy's CSV is a column of ei scan's points table, with the same value. */
    @Test
    void entropyAndScanShareColumnNamesAndValues() throws Exception {
        String[] config = {"--neurons", "30", "--alpha", "0.1", "--we", "0.3", "--wi", "0.4", "--simulate", "annealed",
                "--simulation-steps", "300", "--seed", "5"};
        Object[] e = run(concat(new String[] {"ei", "entropy", "--format", "csv"}, config));
        Object[] s = run(concat(new String[] {"ei", "scan"}, config));
        assertEquals(0, e[0], (String) e[2]);
        assertEquals(0, s[0], (String) s[2]);
        CSVFormat f = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build();
        CSVRecord one = f.parse(new java.io.StringReader((String) e[1])).getRecords().get(0);
        CSVRecord point = f.parse(new java.io.StringReader((String) s[1])).getRecords().get(0);
        int shared = 0;
        for (String column : one.getParser().getHeaderNames()) {
            assertTrue(column.matches("[a-z0-9_]+"), "not snake_case: " + column);
            if (point.isMapped(column) && !column.equals("seconds")) {
                assertEquals(point.get(column), one.get(column), column);
                shared++;
            }
        }
        assertTrue(shared >= 16, "only " + shared + " shared columns");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
