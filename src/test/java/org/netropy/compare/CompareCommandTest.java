package org.netropy.compare;

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
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netropy.cli.Main;
import org.netropy.connectivity.NeuronTable;
import org.netropy.connectivity.NeuronTableCsv;
import org.netropy.io.Json;
import picocli.CommandLine;

/** The `netropy compare` command end to end, and its one-line errors (exit 2) on bad input. */
class CompareCommandTest {
    @TempDir
    Path dir;

    static Object[] run(String... args) {
        return org.netropy.cli.CliRunner.run(args);
    }

    private static final String[] FAST = {"--bootstrap", "3", "--null-replicates", "3", "--bootstrap-sample", "300",
        "--pairwise-sample", "200", "--energy-sample", "300", "--max-components", "3"};

    private Object[] compare(Path a, Path b, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("compare", "--a", a.toString(), "--b", b.toString(),
                "--out", dir.resolve("out").toString()));
        args.addAll(List.of(FAST));
        args.addAll(List.of(extra));
        return run(args.toArray(new String[0]));
    }

    private Path table(String name, int n, long seed) {
        Path p = dir.resolve(name);
        NeuronTableCsv.write(p, MaxEntLikeModel.twoContexts().sample(n, new SplittableRandom(seed)));
        return p;
    }

    @Test
    void drawsItsFigureSetForBothSides() throws IOException {
        Path a = table("a.csv", 400, 1);
        Path b = table("b.csv", 400, 2);
        Object[] r = compare(a, b, "--seed", "5");
        assertEquals(0, r[0], (String) r[2]);
        Path out = dir.resolve("out");
        org.netropy.report.FigureFiles.check(out, org.netropy.report.CompareFigures.STEM, 180, 300);
        List<String> texts = org.netropy.report.FigureFiles.svgTexts(out.resolve("comparison-figures.svg"));
        assertTrue(texts.containsAll(List.of("a: a.csv", "b: b.csv", "population fractions")), texts.toString());
        // the plotted fractions are the comparison's, both sides
        JsonNode json = Json.MAPPER.readTree(out.resolve("comparison.json").toFile());
        double fa = json.get("populationFractions").get("11").get("a").asDouble();
        assertTrue(Files.readAllLines(out.resolve("comparison-figures.csv")).stream()
                .anyMatch(l -> l.startsWith("a,a: a.csv,11," + fa + ",")), "fraction of 11 in the CSV");
        assertTrue(Files.readString(out.resolve("figures.md")).contains("[PDF](comparison-figures.pdf)"));
    }

    @Test
    void writesTheThreeFilesWithTheDocumentedKeys() throws IOException {
        Path a = table("a.csv", 500, 1);
        Path b = table("b.csv", 500, 2);
        Object[] r = compare(a, b, "--seed", "5");
        assertEquals(0, r[0], (String) r[2]);
        assertTrue(((String) r[1]).contains("overall:"), (String) r[1]);
        JsonNode json = Json.MAPPER.readTree(dir.resolve("out/comparison.json").toFile());
        for (String key : List.of("populationFractions", "totalVariation", "jensenShannon", "crossCovarianceError",
                "marginals", "energyDistance", "clustering", "verdicts")) {
            assertTrue(json.has(key), key);
        }
        assertTrue(json.get("populationFractions").get("01").has("a"));
        assertTrue(json.get("marginals").get("w_1").has("ks"));
        assertTrue(json.get("marginals").get("w_1").has("wasserstein1"));
        assertTrue(json.get("clustering").get("a").has("stabilityZ"));
        assertEquals(5, json.get("seed").asLong());
        assertTrue(Files.readString(dir.resolve("out/comparison.csv")).startsWith("quantity,key,a,b,value\n"));
        assertTrue(Files.readString(dir.resolve("out/comparison.md")).contains("**Overall: "));
    }

    @Test
    void gdFolderWithMembersIsTableA() throws IOException {
        MaxEntLikeModel model = MaxEntLikeModel.twoContexts();
        Path gd = Files.createDirectories(dir.resolve("gd"));
        NeuronTableCsv.write(gd.resolve("neurons.csv"), NeuronTable.ofMembers(List.of(
                model.sample(300, new SplittableRandom(1)), model.sample(300, new SplittableRandom(2)))));
        Path b = table("b.csv", 600, 3);
        Object[] r = run(concat(new String[] {"compare", "--gd", gd.toString(), "--b", b.toString(),
            "--out", dir.resolve("out").toString()}, FAST));
        assertEquals(0, r[0], (String) r[2]);
        JsonNode json = Json.MAPPER.readTree(dir.resolve("out/comparison.json").toFile());
        assertEquals(2, json.get("members").get("a").get("members").asInt());
    }

    private static String[] concat(String[] x, String[] y) {
        String[] out = java.util.Arrays.copyOf(x, x.length + y.length);
        System.arraycopy(y, 0, out, x.length, y.length);
        return out;
    }

    private void assertOneLineError(Object[] r, String... fragments) {
        assertEquals(2, r[0], (String) r[2]);
        String err = ((String) r[2]).strip();
        assertEquals(1, err.lines().count(), err);
        assertFalse(err.contains("at org."), err);
        for (String f : fragments) {
            assertTrue(err.contains(f), "'" + f + "' missing from: " + err);
        }
    }

    @Test
    void missingColumnNamesFileAndColumn() throws IOException {
        Path a = table("a.csv", 50, 1);
        Path bad = dir.resolve("bad.csv");
        List<String> lines = Files.readAllLines(table("b.csv", 50, 2));
        StringBuilder sb = new StringBuilder();
        for (String line : lines) {
            sb.append(line, 0, line.lastIndexOf(',')).append('\n'); // drop gain_2
        }
        Files.writeString(bad, sb.toString());
        assertOneLineError(compare(a, bad), "bad.csv", "gain_2");
    }

    @Test
    void nanValueNamesFileAndColumn() throws IOException {
        Path a = table("a.csv", 50, 1);
        Path bad = dir.resolve("nan.csv");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(table("b.csv", 50, 2)));
        String[] cells = lines.get(3).split(",");
        cells[NeuronTable.parameterColumnNames(2, 2).indexOf("z")] = "NaN";
        lines.set(3, String.join(",", cells));
        Files.writeString(bad, String.join("\n", lines) + "\n");
        assertOneLineError(compare(a, bad), "nan.csv", "column z");
    }

    @Test
    void emptyTableIsRejected() throws IOException {
        Path a = table("a.csv", 50, 1);
        Path empty = dir.resolve("empty.csv");
        Files.writeString(empty, String.join(",", NeuronTable.parameterColumnNames(2, 2)) + "\n");
        assertOneLineError(compare(a, empty), "empty.csv", "empty");
    }

    @Test
    void tablesOfDifferentTasksAreRejected() {
        Path a = table("a.csv", 50, 1);
        Path c3 = dir.resolve("c3.csv");
        SplittableRandom r = new SplittableRandom(4);
        double[][] w = new double[40][2];
        double[][] v = new double[40][3];
        double[][] g = new double[40][3];
        double[] z = new double[40];
        for (int i = 0; i < 40; i++) {
            z[i] = r.nextDouble();
        }
        NeuronTableCsv.write(c3, NeuronTable.of(w, v, new double[40], z, g));
        assertOneLineError(compare(a, c3, "--task-matrix", "none"), "c3.csv", "v_3");
    }

    @Test
    void badOptionsAreOneLineErrors() {
        Path a = table("a.csv", 50, 1);
        Path b = table("b.csv", 50, 2);
        assertOneLineError(compare(a, b, "--threshold", "1.5"), "--threshold");
        assertOneLineError(run("compare", "--b", b.toString(), "--out", dir.toString()), "--a");
        assertOneLineError(compare(a, b, "--joint-columns", "w_1,q"), "--joint-columns", "q");
        assertOneLineError(compare(a, dir.resolve("missing.csv")), "missing.csv");
    }
}
