package org.netropy.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page: heat-map panels (RDMs) with a colour bar, written in every format with its numbers. */
class FigurePageTest {
    @TempDir
    Path tmp;

    @Test
    void aHeatMapPanelIsDrawnWithItsTicksAndTheMatrixGoesToTheCsv() throws Exception {
        double[][] rdm = {{0, 1, 2}, {1, 0, 1.5}, {2, 1.5, 0}};
        Plot.Panel heat = new Plot.Panel("hidden RDM", "condition", "condition", false, false, null, null, List.of(),
                new Plot.Heatmap(rdm, List.of("c1", "c2", "c3"), "dissimilarity"));
        List<Path> files = FigurePage.write(List.of(heat), 1, 85, List.of(), FigureOptions.DEFAULT, tmp, "rdm");
        assertEquals(3, files.size());
        Files.writeString(tmp.resolve("rdm.csv"), Plot.csv(List.of(heat)));
        FigureFiles.check(tmp, "rdm", 85, 300);
        List<String> texts = FigureFiles.svgTexts(tmp.resolve("rdm.svg"));
        assertTrue(texts.containsAll(List.of("c1", "c2", "c3", "dissimilarity", "hidden RDM")), texts.toString());
        List<String> csv = Files.readAllLines(tmp.resolve("rdm.csv"));
        assertEquals(1 + 9, csv.size());
        assertTrue(csv.contains("a,c2,c3,1.5,,,,,"), csv.toString());
    }
}
