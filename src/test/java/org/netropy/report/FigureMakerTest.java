package org.netropy.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netropy.experiment.FigureSpec;
import org.netropy.io.InvalidInputException;

/** Figures come from a tidy table alone: a hand-written table is enough to draw one. */
class FigureMakerTest {
    @TempDir
    Path tmp;

    private static Map<String, String> row(String sigma, String pop, String measure, String mean, String lo, String hi) {
        return Map.of("sigma", sigma, "population", pop, "measure", measure, "n_seeds", "3", "mean", mean,
                "ci95_low", lo, "ci95_high", hi);
    }

    private final List<Map<String, String>> table = List.of(
            row("10.0", "a", "fraction", "0.5", "0.4", "0.6"),
            row("0.1", "a", "fraction", "0.2", "0.1", "0.3"),
            row("1.0", "a", "fraction", "0.3", "", ""),
            row("0.1", "b", "fraction", "0.8", "0.7", "0.9"),
            row("0.1", "b", "other", "9", "8", "10"));

    @Test
    void linesFollowTheSeriesColumnSortedAlongX() throws Exception {
        FigureSpec f = new FigureSpec("fractions", "Fractions", "sigma", List.of("fraction"), List.of(), "population", Map.of(),
                true, false, "sigma", "fraction", "a rises with sigma");
        Path png = FigureMaker.draw(table, f, tmp);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(900, img.getWidth());
        assertTrue(Files.readString(tmp.resolve("fractions.svg")).contains("<svg"));
        List<String> data = Files.readAllLines(tmp.resolve("fractions.csv"));
        assertEquals("series,sigma,mean,ci95_low,ci95_high,n_seeds", data.get(0));
        assertEquals(List.of(
                "population = a,0.1,0.2,0.1,0.3,3",
                "population = a,1.0,0.3,,,3",
                "population = a,10.0,0.5,0.4,0.6,3",
                "population = b,0.1,0.8,0.7,0.9,3"), data.subList(1, data.size()));
    }

    @Test
    void filterSelectsASliceAndTextXGivesBars() throws Exception {
        FigureSpec f = new FigureSpec("at-small-sigma", "At sigma = 0.1", "population", List.of("fraction"), List.of(), null,
                Map.of("sigma", 0.1), false, false, "population", "fraction", "");
        FigureMaker.draw(table, f, tmp);
        List<String> data = Files.readAllLines(tmp.resolve("at-small-sigma.csv"));
        assertEquals(3, data.size());
        assertTrue(data.get(1).startsWith("fraction,a,0.2"));
        assertTrue(data.get(2).startsWith("fraction,b,0.8"));
    }

    @Test
    void referenceMeasuresAreDrawnBesideTheMeasuredOnes() throws Exception {
        FigureSpec f = new FigureSpec("with-theory", "b", "sigma", List.of("fraction"), List.of("other"), null,
                Map.of("population", "b"), false, false, "sigma", "value", "");
        FigureMaker.draw(table, f, tmp);
        List<String> data = Files.readAllLines(tmp.resolve("with-theory.csv"));
        assertEquals(List.of("fraction,0.1,0.8,0.7,0.9,3", "other,0.1,9.0,8.0,10.0,3"), data.subList(1, data.size()));
        assertTrue(FigureMaker.index("e", "d", List.of(f)).contains("(dashed: other)"));
    }

    @Test
    void ambiguousSliceOrNoMatchIsAClearError() {
        FigureSpec noSeries = new FigureSpec("x", "x", "sigma", List.of("fraction"), List.of(), null, Map.of(), false, false, "s", "f", "");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> FigureMaker.draw(table, noSeries, tmp));
        assertTrue(e.getMessage().contains("several table rows for sigma = 0.1"), e.getMessage());
        FigureSpec none = new FigureSpec("y", "y", "sigma", List.of("missing"), List.of(), null, Map.of(), false, false, "s", "f", "");
        assertThrows(InvalidInputException.class, () -> FigureMaker.draw(new ArrayList<>(table), none, tmp));
    }
}
