package org.netropy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netropy.io.Json;
import picocli.CommandLine;

/** The exit-code convention (0, 2 bad input, 3 not converged, 1 unexpected with a log) and output checks before work. */
class ExitCodesAndOutputsTest {
    @TempDir
    Path dir;

    static Object[] run(String... args) {
        return CliRunner.run(args);
    }

    static String err(Object[] r) {
        return ((String) r[2]).strip();
    }

    static void assertOneLine(Object[] r, int code, String... fragments) {
        String err = err(r);
        assertEquals(code, r[0], err);
        assertEquals(1, err.lines().filter(l -> !l.startsWith("netropy: warning:")).count(), err);
        assertFalse(err.contains("\tat "), err);
        for (String f : fragments) {
            assertTrue(err.contains(f), "'" + f + "' missing from: " + err);
        }
    }

    private String[] tinyTrain(Path out, String... extra) {
        List<String> a = new java.util.ArrayList<>(List.of("gd", "train", "--no-progress", "--out", out.toString()));
        a.addAll(List.of(extra));
        for (String[] d : new String[][] {{"--hidden", "4"}, {"--steps", "5"}, {"--contexts", "2"}}) {
            if (!a.contains(d[0])) {
                a.addAll(List.of(d));
            }
        }
        return a.toArray(String[]::new);
    }

    @Test
    void nonConvergenceIsExitThreeInSolveScanAndSample() {
        assertOneLine(run("maxent", "solve", "--contexts", "2", "--sigma", "1e-6"), 3, "not converged", "residual");
        assertOneLine(run("maxent", "scan", "--contexts", "2", "--sigma", "1e-6,1", "--out", dir.resolve("s.csv").toString()), 3,
                "not converged", "1 of 2");
        Path net = dir.resolve("net.csv");
        assertOneLine(run("maxent", "sample", "--contexts", "2", "--sigma", "1e-6", "--neurons", "10", "--seed", "1",
                "--out", net.toString()), 3, "not converged");
        assertFalse(Files.exists(net), "a network was drawn from an unconverged law");
    }

    @Test
    void sigmaOutsideTheResolvableRangeNamesSigma() {
        assertOneLine(run("maxent", "solve", "--contexts", "2", "--sigma", "1e-300"), 2, "--sigma must be", "1e-300".replace("1e-300", "1.0E-300"));
        assertOneLine(run("maxent", "solve", "--contexts", "2", "--sigma", "1e300"), 2, "--sigma must be");
        assertOneLine(run("maxent", "scan", "--contexts", "2", "--sigma", "1e-9..1", "--out", dir.resolve("s.csv").toString()), 2,
                "--sigma must be");
    }

    @Test
    void limitRefusesWhatItCannotDoInAMinuteNamingContexts() {
        assertOneLine(run("maxent", "limit", "--contexts", "14"), 2, "--contexts", "maxent limit", "per context");
        assertOneLine(run("maxent", "limit", "--contexts", "20"), 2, "--contexts");
        assertEquals(0, run("maxent", "limit", "--contexts", "3")[0]);
    }

    @Test
    void unexpectedFailureIsExitOneWithTheTraceInALog() throws IOException {
        CommandLine cl = Main.commandLine();
        StringWriter err = new StringWriter();
        System.setProperty(Main.LOG_DIR_PROPERTY, dir.toString());
        try {
            // an IllegalArgumentException from a library is a bug, not bad input
            int code = Main.report(new IllegalArgumentException("index out of range in a library"), cl, new PrintWriter(err, true));
            assertEquals(1, code);
        } finally {
            System.clearProperty(Main.LOG_DIR_PROPERTY);
        }
        String line = err.toString().strip();
        assertEquals(1, line.lines().count(), line);
        Path log;
        try (Stream<Path> s = Files.list(dir)) {
            log = s.filter(p -> p.getFileName().toString().startsWith("netropy-error-")).findFirst().orElseThrow();
        }
        assertTrue(line.contains(log.toString()), line);
        assertTrue(Files.readString(log).contains("at org.netropy"), "stack trace in the log");
    }

    @Test
    void outOfMemoryNamesTheSizingOptionAndTheHeapSetting() {
        CommandLine train = Main.commandLine().getSubcommands().get("gd").getSubcommands().get("train");
        StringWriter err = new StringWriter();
        // thrown on a worker thread, it arrives wrapped
        int code = Main.report(new IllegalStateException(new java.util.concurrent.ExecutionException(new OutOfMemoryError("Java heap space"))),
                train, new PrintWriter(err, true));
        assertEquals(1, code);
        String line = err.toString().strip();
        assertEquals(1, line.lines().count(), line);
        assertTrue(line.contains("--seeds") && line.contains("NETROPY_JAVA_OPTS"), line);
    }

    @Test
    void badOutputPathsAreRefusedBeforeTraining() throws IOException {
        Path file = Files.writeString(dir.resolve("n.csv"), "x");
        long t0 = System.nanoTime();
        // a huge job: refused at once, not after the work
        assertOneLine(run(tinyTrain(file, "--steps", "100000000", "--hidden", "2000")), 2, "--out", "not a folder");
        assertTrue((System.nanoTime() - t0) / 1e9 < 20, "refused after the work");
        Path d = Files.createDirectories(dir.resolve("table-dir"));
        assertOneLine(run("maxent", "scan", "--contexts", "2", "--sigma", "1", "--out", d.toString()), 2, "--out", "directory");
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(), s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList(), "temporary file left");
        }
    }

    @Test
    void aUsedOutputFolderIsRefusedAndReplacedWholeOnRequest() throws IOException {
        Path out = dir.resolve("run");
        assertEquals(0, run(tinyTrain(out, "--snapshots", "2"))[0]);
        assertTrue(Files.exists(out.resolve("neurons_step2.csv")));
        assertOneLine(run(tinyTrain(out)), 2, "--out", "--replace");
        Object[] r = run(tinyTrain(out, "--replace"));
        assertEquals(0, r[0], err(r));
        assertFalse(Files.exists(out.resolve("neurons_step2.csv")), "old snapshot left beside the new result");
    }

    @Test
    void gdTrainRecordsTheSameProvenanceAsASpecRun() throws IOException {
        Path out = dir.resolve("run");
        Object[] r = run(tinyTrain(out, "--seeds", "3..4"));
        assertEquals(0, r[0], err(r));
        JsonNode p = Json.MAPPER.readTree(out.resolve("provenance.json").toFile());
        for (String field : List.of("git", "netropy_version", "code_key", "java", "os", "dependencies", "seeds", "arguments")) {
            assertTrue(p.has(field), field + " missing from " + p);
        }
        assertTrue(p.get("git").has("commit") && p.get("git").has("dirty"), p.toString());
        assertEquals("[3,4]", p.get("seeds").get("roots").toString());
        assertEquals("netropy gd train", p.get("command").asText());
    }

    @Test
    void sampleWritesToStandardOutputForDash() {
        Object[] r = run("maxent", "sample", "--contexts", "2", "--sigma", "0.5", "--neurons", "4", "--seed", "1", "--out", "-");
        assertEquals(0, r[0], err(r));
        assertFalse(Files.exists(Path.of("-")), "a file named - was written");
    }

    @Test
    void silentlyAcceptedInputsAreRefusedNamingTheOption() {
        Path out = dir.resolve("x");
        assertOneLine(run("maxent", "sample", "--contexts", "2", "--sigma", "0.5", "--neurons", "10", "--seed", "1",
                "--stimulus-points", "1", "--out", dir.resolve("n.csv").toString()), 2, "--stimulus-points");
        assertOneLine(run(tinyTrain(out, "--grid-points", "1")), 2, "--grid-points");
        assertOneLine(run(tinyTrain(out, "--task", "flesch", "--contexts", "3")), 2, "--contexts", "flesch");
        assertOneLine(run(tinyTrain(out, "--contexts", "4096")), 2, "--contexts must be");
        assertOneLine(run(tinyTrain(out, "--init-scale", "0.1,1", "--points", "5")), 2, "--points");
        assertOneLine(run("maxent", "scan", "--contexts", "2", "--sigma", "0.1,1", "--points", "5",
                "--out", dir.resolve("s.csv").toString()), 2, "--points");
        assertFalse(Files.exists(out), "a refused run wrote its folder");
    }

    @Test
    void sizeLimitsComeBeforeTheWork() {
        long t0 = System.nanoTime();
        assertOneLine(run(tinyTrain(dir.resolve("x"), "--seeds", "1..1000000000")), 2, "--seeds", "at most");
        assertOneLine(run(tinyTrain(dir.resolve("x"), "--seeds", "1..1000", "--init-scale", "0.1..1", "--points", "1000")), 2,
                "networks");
        assertTrue((System.nanoTime() - t0) / 1e9 < 10, "limits checked after building the work");
    }

    @Test
    void neuronTablesWithExtraFieldsDuplicateColumnsOrImpossibleGainsAreRefused() throws IOException {
        String header = "w_1,w_2,v_1,v_2,b,z,gain_1,gain_2\n";
        Path good = Files.writeString(dir.resolve("good.csv"), header + "1,0,1,1,0,1,1,0\n-1,0,1,1,0,-1,0,1\n");
        Path extra = Files.writeString(dir.resolve("extra.csv"), header + "1,0,1,1,0,1,1,0,9\n");
        Path dup = Files.writeString(dir.resolve("dup.csv"), "w_1,w_1,v_1,v_2,b,z,gain_1,gain_2\n1,0,1,1,0,1,1,0\n");
        Path gain = Files.writeString(dir.resolve("gain.csv"), header + "1,0,1,1,0,1,7.0,0\n");
        String o = dir.resolve("cmp").toString();
        assertOneLine(run("compare", "--a", extra.toString(), "--b", good.toString(), "--out", o), 2, "extra.csv", "9 fields");
        assertOneLine(run("compare", "--a", dup.toString(), "--b", good.toString(), "--out", o), 2, "dup.csv", "w_1", "twice");
        assertOneLine(run("compare", "--a", gain.toString(), "--b", good.toString(), "--out", o), 2, "gain.csv", "gain_1", "[0, 1]");
    }

    @Test
    void compareWithAnUnconvergedMaxEntLawIsExitThreeAndItsMarkdownTablesKeepTheirColumns() throws IOException {
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        for (Path p : List.of(a, b)) {
            Object[] r = run("maxent", "sample", "--contexts", "2", "--sigma", "0.5", "--neurons", "400", "--seed",
                    p == a ? "1" : "2", "--context-scale", "5", "--out", p.toString());
            assertEquals(0, r[0], err(r));
        }
        assertOneLine(run("compare", "--a", a.toString(), "--maxent", "sigma=1e-6", "--out", dir.resolve("c1").toString()), 3,
                "not converged");
        Object[] r = run("compare", "--a", a.toString(), "--b", b.toString(), "--out", dir.resolve("c2").toString(),
                "--bootstrap", "2", "--null-replicates", "2");
        assertEquals(0, r[0], err(r));
        String md = Files.readString(dir.resolve("c2/comparison.md"));
        assertTrue(md.contains("E[zw\\|g]"), "unescaped | in a table header");
        // every row of a Markdown table has as many cells as its header
        int cells = -1;
        for (String line : md.lines().toList()) {
            if (!line.startsWith("|")) {
                cells = -1;
                continue;
            }
            int n = line.split("(?<!\\\\)\\|", -1).length;
            if (cells < 0) {
                cells = n;
            } else {
                assertEquals(cells, n, "a cell split by an unescaped |: " + line);
            }
        }
    }

    @Test
    void tablesTooLargeForTheHeapAreRefusedBeforeTheyAreRead() throws Exception {
        Path big = dir.resolve("big.csv");
        StringBuilder sb = new StringBuilder("w_1,w_2,v_1,v_2,b,z,gain_1,gain_2\n");
        for (int i = 0; i < 100_000; i++) {
            sb.append("1,0,1,1,0,1,1,0\n");
        }
        Files.writeString(big, sb.toString());
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(javaBin, "-Xmx32m", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "compare", "--a", big.toString(), "--b", big.toString(), "--out", dir.resolve("c").toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(2, p.exitValue(), output);
        assertEquals(1, output.lines().count(), output);
        assertTrue(output.contains("200002 neurons") && output.contains("NETROPY_JAVA_OPTS"), output);
    }
}
