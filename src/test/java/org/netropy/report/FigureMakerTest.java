package org.netropy.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netropy.experiment.FigureSpec;
import org.netropy.io.InvalidInputException;

/** Figures come from a tidy table alone: a hand-written table is enough to draw one. */
class FigureMakerTest {
    @TempDir
    Path tmp;

    private static Map<String, String> row(String sigma, String pop, String measure, String n, String mean, String sd, String hi) {
        return Map.of("sigma", sigma, "population", pop, "measure", measure, "n_seeds", n, "mean", mean, "sd", sd,
                "ci95_low", "", "ci95_high", hi);
    }

    private final List<Map<String, String>> table = List.of(
            row("10.0", "a", "fraction", "5", "0.5", "0.1", "0.6"),
            row("0.1", "a", "fraction", "5", "0.02", "0.05", "0.08"),
            row("1.0", "a", "fraction", "2", "0.3", "0.1", "1.2"),
            row("0.1", "b", "fraction", "5", "0.8", "0.1", "0.9"),
            row("0.1", "b", "other", "1", "9", "", ""),
            row("10.0", "b", "other", "1", "11", "", ""));

    private static FigureSpec figure(String id, FigureSpec.Panel... panels) {
        return new FigureSpec(id, "title", "", panels.length == 1 ? "single" : "double", panels.length, List.of(panels),
                Map.of("population", Map.of("a", "population A")));
    }

    private static FigureSpec.Panel fractions(boolean proportion) {
        return new FigureSpec.Panel("", "sigma", List.of("fraction"), List.of(), "population", Map.of(), true, false, "σ", "fraction",
                "", "line", proportion, List.of());
    }

    @Test
    void numbersInLabelsReadAsWritten() {
        assertEquals("1", FigureMaker.plainNumber("1.0"));
        assertEquals("0.05", FigureMaker.plainNumber("0.05"));
        assertEquals("4", FigureMaker.plainNumber("4.0"));
        assertEquals("0.001", FigureMaker.plainNumber("1e-3"));
        assertEquals("full", FigureMaker.plainNumber("full"));
    }

    @Test
    void everyFormatIsWrittenAndTheCsvHoldsThePlottedNumbers() throws Exception {
        List<Path> files = FigureMaker.draw(table, figure("fractions", fractions(true)), tmp, FigureOptions.DEFAULT);
        assertEquals(4, files.size());
        FigureFiles.check(tmp, "fractions", 85, 300);
        List<String> data = Files.readAllLines(tmp.resolve("fractions.csv"));
        assertEquals("panel,series,x,y,low,high,interval,n_seeds,seed_values", data.get(0));
        // sorted along x within each series; the label map names population a
        assertTrue(data.get(1).startsWith("a,population A,0.1,0.02,"), data.get(1));
        assertTrue(data.get(2).startsWith("a,population A,1.0,0.3,,,none (n < 3),2,"), data.get(2));
        assertTrue(data.get(4).startsWith("a,population = b,0.1,0.8,"), data.get(4));
    }

    @Test
    void proportionIntervalsStayInTheUnitIntervalAndTwoSeedsAreShownAsPoints() throws Exception {
        FigureMaker.draw(table, figure("p", fractions(true)), tmp, FigureOptions.DEFAULT);
        for (String line : Files.readAllLines(tmp.resolve("p.csv")).subList(1, 5)) {
            String[] c = line.split(",", -1);
            if (c[6].equals("wilson")) {
                double lo = Double.parseDouble(c[4]);
                double hi = Double.parseDouble(c[5]);
                assertTrue(lo >= 0 && hi <= 1 && lo <= Double.parseDouble(c[3]) && hi >= Double.parseDouble(c[3]), line);
            } else {
                assertEquals("none (n < 3)", c[6], line);
                // the two seeds mean ± sd/√2 are drawn instead
                String[] seeds = c[8].split(";");
                assertEquals(0.3 - 0.1 / Math.sqrt(2), Double.parseDouble(seeds[0]), 1e-12);
                assertEquals(0.3 + 0.1 / Math.sqrt(2), Double.parseDouble(seeds[1]), 1e-12);
            }
        }
        // the same rows as plain means would give t intervals below zero: 0.02 - 0.06 < 0
        FigureMaker.draw(table, figure("t", fractions(false)), tmp, FigureOptions.DEFAULT);
        String[] first = Files.readAllLines(tmp.resolve("t.csv")).get(1).split(",", -1);
        assertEquals("t", first[6]);
        assertEquals(-0.04, Double.parseDouble(first[4]), 1e-12);
    }

    @Test
    void referenceMeasuresAndSeveralPanelsShareOneLegendAndCaption() throws Exception {
        FigureSpec.Panel withTheory = FigureSpec.Panel.line("sigma", List.of("fraction"), List.of("other"), null,
                Map.of("population", "b"), true, true, "σ", "value");
        FigureSpec f = figure("two", fractions(true), withTheory);
        FigureMaker.draw(table, f, tmp, new FigureOptions(85, 180, Double.NaN, 150, List.of("pdf", "svg", "png")));
        FigureFiles.check(tmp, "two", 180, 150);
        List<String> texts = FigureFiles.svgTexts(tmp.resolve("two.svg"));
        assertTrue(texts.containsAll(List.of("a", "b", "population A", "population = b")), texts.toString());
        String md = FigureMaker.index("e", "d", List.of(f), List.of(new FigureMaker.ClaimRef("other-grows", "other")),
                FigureOptions.DEFAULT);
        assertTrue(md.contains("[PDF](two.pdf) · [SVG](two.svg) · [PNG](two.png) · [plotted data](two.csv)"), md);
        assertTrue(md.contains("**(b)** value against σ; dashed: other (population = b). Claims: `other-grows`."), md);
        assertFalse(md.contains("**(a)** fraction against σ, one line per population. Claims"), md);
    }

    @Test
    void onlyTheChosenFormatsAreWrittenAndLinked() throws Exception {
        FigureOptions svgOnly = new FigureOptions(85, 180, 120, 300, List.of("svg"));
        FigureMaker.draw(table, figure("s", fractions(true)), tmp, svgOnly);
        assertTrue(Files.exists(tmp.resolve("s.svg")));
        assertFalse(Files.exists(tmp.resolve("s.png")));
        assertFalse(FigureMaker.index("e", "d", List.of(figure("s", fractions(true))), List.of(), svgOnly).contains("s.png"));
        assertThrows(InvalidInputException.class, () -> new FigureOptions(85, 180, Double.NaN, 300, List.of("gif")));
        assertThrows(InvalidInputException.class, () -> new FigureOptions(85, 180, 10, 300, List.of("svg")));
    }

    @Test
    void ambiguousSliceOrNoMatchIsAClearError() {
        FigureSpec noSeries = figure("x", FigureSpec.Panel.line("sigma", List.of("fraction"), List.of(), null, Map.of(), false, false, "s", "f"));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> FigureMaker.draw(table, noSeries, tmp, FigureOptions.DEFAULT));
        assertTrue(e.getMessage().contains("several table rows for sigma = 0.1"), e.getMessage());
        FigureSpec none = figure("y", FigureSpec.Panel.line("sigma", List.of("missing"), List.of(), null, Map.of(), false, false, "s", "f"));
        assertThrows(InvalidInputException.class, () -> FigureMaker.draw(new ArrayList<>(table), none, tmp, FigureOptions.DEFAULT));
    }

    private static Map<String, String> cell(String scale, String r, String c, String measure, String mean) {
        return Map.of("scale", scale, "row", r, "col", c, "measure", measure, "n_seeds", "3", "mean", mean, "sd", "0.1",
                "ci95_low", "", "ci95_high", "");
    }

    private static FigureSpec.Panel heat(String measure, String scale) {
        return new FigureSpec.Panel("", "col", List.of(measure), List.of(), "row", Map.of("scale", scale), false, false, "condition",
                "dissimilarity", "", "heatmap", false, List.of());
    }

    @Test
    void aHeatMapIsTheTableMatrixWithItsTriangleMirroredAndSparseTicks() throws Exception {
        // an upper triangle with the diagonal of a 3 x 3 matrix, rows and columns numbered 1..3 (10 > 9 as numbers)
        List<Map<String, String>> t = new ArrayList<>();
        String[] n = {"1", "2", "10"};
        double[][] m = {{0, 1, 2}, {1, 0, 3}, {2, 3, 0}};
        for (int i = 0; i < 3; i++) {
            for (int j = i; j < 3; j++) {
                t.add(cell("a", n[i], n[j], "d", Double.toString(m[i][j])));
                t.add(cell("b", n[i], n[j], "d", Double.toString(2 * m[i][j])));
            }
        }
        FigureSpec f = new FigureSpec("rdm", "title", "", "double", 2, List.of(heat("d", "a"), heat("d", "b")),
                Map.of("col", Map.of("2", "middle", "*", "")));
        FigureMaker.draw(t, f, tmp, FigureOptions.DEFAULT);
        FigureFiles.check(tmp, "rdm", 180, 300);
        List<String> csv = Files.readAllLines(tmp.resolve("rdm.csv"));
        assertEquals(1 + 2 * 9, csv.size());
        // row "10" (last), column "1" (first): given only as (1, 10), mirrored; blank ticks stay blank in the CSV
        assertTrue(csv.contains("a,,,2.0,,,,,"), csv.toString());
        assertTrue(csv.contains("b,middle,,6.0,,,,,"), csv.toString());
        List<String> texts = FigureFiles.svgTexts(tmp.resolve("rdm.svg"));
        assertEquals(4, texts.stream().filter("middle"::equals).count(), texts.toString()); // x and y of both panels
        assertTrue(texts.contains("dissimilarity") && texts.contains("condition"), texts.toString());
        assertTrue(FigureMaker.index("e", "d", List.of(f), List.of(), FigureOptions.DEFAULT)
                .contains("heat map of dissimilarity for every pair (row, column) of condition"));
        // one colour scale for the two panels: the second's values are twice the first's
        List<Plot.Panel> panels = List.of(
                new Plot.Panel("", "c", "c", false, false, null, null, List.of(), new Plot.Heatmap(m, List.of("x", "y", "z"), "d")),
                new Plot.Panel("", "c", "c", false, false, null, null, List.of(),
                        new Plot.Heatmap(new double[][] {{0, 6}, {6, 0}}, List.of("x", "y"), "d")));
        List<Plot.Panel> shared = FigureMaker.sharedHeatmapScales(panels, 2);
        for (Plot.Panel p : shared) {
            assertEquals(0, p.heatmap().low());
            assertEquals(6, p.heatmap().high());
        }
        // one colour bar per row of panels, beside its last heat map; in one column, one per panel
        assertEquals(List.of(false, true), shared.stream().map(p -> p.heatmap().colourBar()).toList());
        assertEquals(List.of(true, true), FigureMaker.sharedHeatmapScales(panels, 1).stream().map(p -> p.heatmap().colourBar()).toList());
    }

    @Test
    void categoriesKeepTheLabelsThenTheSweepOrderNeverTheAlphabet() {
        List<Map<String, String>> rows = new ArrayList<>();
        for (String c : List.of("adam", "gd", "sgd", "momentum", "zeta")) {
            rows.add(Map.of("algorithm", c));
        }
        FigureSpec labelled = new FigureSpec("f", "t", "", "single", 1, List.of(fractions(false)),
                Map.of("algorithm", orderedMap("sgd", "SGD", "gd", "GD")));
        assertEquals(List.of("sgd", "gd", "momentum", "adam", "zeta"),
                FigureMaker.categories(labelled, "algorithm", rows, List.of("gd", "momentum", "adam")));
        List<Map<String, String>> numbers = List.of(Map.of("k", "10"), Map.of("k", "9"), Map.of("k", "x"));
        assertEquals(List.of("9", "10", "x"), FigureMaker.categories(figure("g", fractions(false)), "k", numbers, List.of()));
    }

    private static Map<String, String> orderedMap(String... kv) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void aHistogramsIntervalStopsAtZeroAndSaysSo() throws Exception {
        List<Map<String, String>> t = List.of(
                Map.of("angle_deg", "-90", "measure", "density", "n_seeds", "3", "mean", "0.001", "sd", "0.002", "ci95_low", "", "ci95_high", "0.006"),
                Map.of("angle_deg", "90", "measure", "density", "n_seeds", "3", "mean", "0.004", "sd", "0.001", "ci95_low", "", "ci95_high", "0.0065"));
        FigureSpec.Panel p = new FigureSpec.Panel("", "angle_deg", List.of("density"), List.of(), null, Map.of(), false, false,
                "angle (degrees)", "density (per degree)", "", "histogram", false, List.of());
        FigureMaker.draw(t, figure("h", p), tmp, FigureOptions.DEFAULT);
        FigureFiles.check(tmp, "h", 85, 300);
        List<String> csv = Files.readAllLines(tmp.resolve("h.csv"));
        assertTrue(csv.get(1).startsWith("a,density,-90,0.001,0.0,0.006,\"t, cut at 0\""), csv.get(1));
        String[] kept = csv.get(2).split(",");
        assertEquals(0.0015, Double.parseDouble(kept[4]), 1e-12, csv.get(2)); // above zero: the t interval as it is
        assertEquals("t", kept[6]);
    }
}
