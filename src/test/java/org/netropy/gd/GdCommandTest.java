package org.netropy.gd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netropy.cli.Main;
import org.netropy.connectivity.NeuronTable;
import org.netropy.connectivity.NeuronTableCsv;
import org.netropy.io.Json;
import picocli.CommandLine;

/** {@code netropy gd train} and {@code gd bench}: files written, init-from round trip, one-line errors with exit code 2. */
class GdCommandTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void trainWritesTablesLossAndMetricsAndInitFromReproducesTheRun() throws Exception {
        Path a = dir.resolve("a");
        Run r = run("gd", "train", "--contexts", "2", "--hidden", "8", "--init-scale", "0.5", "--seeds", "1..2",
                "--steps", "20", "--no-progress", "--snapshots", "0,10", "--out", a.toString());
        assertEquals(0, r.code(), r.err());
        for (String f : new String[] {"neurons_init.csv", "neurons.csv", "loss.csv", "metrics.json", "neurons_step10.csv"}) {
            assertTrue(Files.exists(a.resolve(f)), f);
        }
        NeuronTable fin = NeuronTableCsv.read(a.resolve("neurons.csv"));
        assertEquals(16, fin.size());
        assertTrue(fin.hasMembers());
        JsonNode m = Json.MAPPER.readTree(a.resolve("metrics.json").toFile());
        assertEquals("input-selection", m.get("task").get("name").asText());
        assertEquals(25, m.get("task").get("stimuli").size(), "exact stimulus set recorded (5-point grid, D = 2)");
        assertEquals(2, m.get("members").size());
        assertEquals(21 * 2 + 1, Files.readAllLines(a.resolve("loss.csv")).size());

        Path b = dir.resolve("b");
        Run r2 = run("gd", "train", "--contexts", "2", "--hidden", "8", "--init-scale", "0.5", "--seeds", "1..2",
                "--steps", "20", "--no-progress", "--init-from", a.resolve("neurons_init.csv").toString(), "--out", b.toString());
        assertEquals(0, r2.code(), r2.err());
        NeuronTable fin2 = NeuronTableCsv.read(b.resolve("neurons.csv"));
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 2; j++) {
                assertEquals(fin.w()[i][j], fin2.w()[i][j], 1e-12 * (1 + Math.abs(fin.w()[i][j])));
            }
            assertEquals(fin.z()[i], fin2.z()[i], 1e-12 * (1 + Math.abs(fin.z()[i])));
        }
    }

    @Test
    void badInputGetsOneLineNamingTheOptionAndExitCode2() {
        String out = dir.resolve("x").toString();
        String[][] cases = {
            {"--task", "xor"},
            {"--init-rank", "rank", "--rank", "5"},
            {"--init-scale", "-1"},
            {"--activation", "sigmoid"},
            {"--hidden", "zero"},
            {"--rank", "1"},
        };
        String[] names = {"--task", "--rank", "--init-scale", "--activation", "--hidden", "--rank"};
        for (int c = 0; c < cases.length; c++) {
            String[] args = new String[4 + cases[c].length + 2];
            args[0] = "gd";
            args[1] = "train";
            args[2] = "--no-progress";
            args[3] = "--steps=1";
            System.arraycopy(cases[c], 0, args, 4, cases[c].length);
            args[args.length - 2] = "--out";
            args[args.length - 1] = out;
            Run r = run(args);
            assertEquals(2, r.code(), String.join(" ", cases[c]) + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains(names[c]), r.err());
        }
    }

    @Test
    void initFromWithTheWrongShapeIsRejected() throws Exception {
        Path a = dir.resolve("a");
        assertEquals(0, run("gd", "train", "--hidden", "4", "--steps", "1", "--no-progress", "--out", a.toString()).code());
        Run r = run("gd", "train", "--hidden", "6", "--steps", "1", "--no-progress",
                "--init-from", a.resolve("neurons.csv").toString(), "--out", dir.resolve("b").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--init-from"), r.err());
    }

    /** With --init-from the table gives the weights: a setting that shapes drawn weights would be ignored, so it is refused. */
    @Test
    void settingsOfDrawnWeightsAreRefusedWithInitFrom() throws Exception {
        Path a = dir.resolve("a");
        assertEquals(0, run("gd", "train", "--hidden", "4", "--steps", "1", "--no-progress", "--out", a.toString()).code());
        String table = a.resolve("neurons_init.csv").toString();
        for (String[] setting : new String[][] {{"--context-ratio", "2"}, {"--init-rank", "rank", "--rank", "1"}, {"--readout-ratio", "0.5"}}) {
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("gd", "train", "--hidden", "4", "--steps", "1",
                    "--no-progress", "--init-from", table, "--out", dir.resolve("b").toString()));
            args.addAll(java.util.List.of(setting));
            Run r = run(args.toArray(new String[0]));
            assertEquals(2, r.code(), r.err());
            assertTrue(r.err().contains(setting[0]) && r.err().contains("without --init-from"), r.err());
            assertFalse(java.nio.file.Files.exists(dir.resolve("b")), "nothing written");
        }
    }

    @Test
    void benchReportsPerNetworkTimesConsistentWithTheirRatioAndRejectsBadOptions() {
        Run r = run("gd", "bench", "--size", "flesch", "--ensembles", "1,2", "--steps", "3", "--repeats", "1");
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().strip().split("\\R");
        List<String> head = List.of(lines[0].split(","));
        assertEquals(3, lines.length, r.out());
        for (int k = 1; k <= 2; k++) {
            String[] row = lines[k].split(",", -1);
            assertEquals(head.size(), row.length, lines[k]);
            assertEquals("netropy", row[head.indexOf("engine")]);
            double total = Double.parseDouble(row[head.indexOf("step_us")]);
            double perNetwork = Double.parseDouble(row[head.indexOf("per_network_step_us")]);
            double cpu = Double.parseDouble(row[head.indexOf("per_network_step_cpu_us")]);
            double floorCpu = Double.parseDouble(row[head.indexOf("matmul_floor_cpu_us_per_network")]);
            double ratio = Double.parseDouble(row[head.indexOf("cpu_ratio_to_floor")]);
            assertEquals(total / k, perNetwork, 0.01 + 1e-3 * perNetwork, lines[k]);
            assertTrue(cpu > 0 && floorCpu > 0, lines[k]);
            // the printed ratio is of the unrounded times: equal to the rounded ones' up to rounding
            assertEquals(cpu / floorCpu, ratio, 0.01 + 0.01 * ratio, lines[k]);
            // no peer ran: no ratio to it
            assertEquals("", row[head.indexOf("ratio_to_numpy")], lines[k]);
        }
        for (String[] bad : new String[][] {{"--repeats", "0"}, {"--size", "huge"}, {"--steps", "0"}, {"--peer-networks", "0"}}) {
            Run b = run("gd", "bench", bad[0], bad[1]);
            assertEquals(2, b.code(), b.err());
            assertEquals(1, b.err().strip().lines().count(), b.err());
            assertTrue(b.err().contains(bad[0]), b.err());
        }
    }

    @Test
    void benchSaysWhichPeersItSkippedAndStillTimesItself() {
        Run r = run("gd", "bench", "--ensembles", "1", "--steps", "2", "--repeats", "1", "--peers",
                "--python", dir.resolve("no-such-python").toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(2, r.out().strip().lines().count(), r.out());
        assertTrue(r.out().strip().lines().skip(1).allMatch(l -> l.startsWith("netropy,")), r.out());
        List<String> notes = r.err().strip().lines().toList();
        assertEquals(2, notes.size(), r.err());
        assertTrue(notes.get(0).contains("NumPy peer skipped") && notes.get(1).contains("PyTorch peer skipped"), r.err());
    }
}
