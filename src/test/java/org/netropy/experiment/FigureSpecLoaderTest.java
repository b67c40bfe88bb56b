package org.netropy.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netropy.io.InvalidInputException;

/** The figures block of a spec: panels, labels, marks, and one-line errors naming the field. */
class FigureSpecLoaderTest {
    @TempDir
    Path tmp;

    private static final String HEAD = """
            name: demo
            kind: analytic-demo
            description: d
            sweep:
              n: [10, 100]
            variants:
              quick: {seeds: 1}
            """;

    private ExperimentSpec load(String figures) throws IOException {
        Path f = tmp.resolve("demo.yaml");
        Files.writeString(f, HEAD + figures);
        return SpecLoader.load(f);
    }

    @Test
    void panelsLabelsAndMarksAreRead() throws IOException {
        ExperimentSpec s = load("""
                figures:
                  - id: fig
                    title: "Two panels"
                    labels:
                      statistic: {mean: "sample mean"}
                      measure: {squared_error: "measured"}
                    panels:
                      - {title: "a", x: n, y: squared_error, reference: expected_squared_error, series: statistic, log_x: true}
                      - {x: n, y: squared_error, mark: stem, proportion: true, claims: [error-falls]}
                  - {id: single, x: n, y: squared_error}
                """);
        FigureSpec fig = s.figures().get(0);
        assertEquals("double", fig.width());
        assertEquals(2, fig.columns());
        assertEquals(List.of("expected_squared_error"), fig.panels().get(0).reference());
        assertEquals("stem", fig.panels().get(1).mark());
        assertTrue(fig.panels().get(1).proportion());
        assertEquals(List.of("error-falls"), fig.panels().get(1).claims());
        assertEquals("sample mean", fig.labels().get("statistic").get("mean"));
        FigureSpec single = s.figures().get(1);
        assertEquals("single", single.width());
        assertEquals("line", single.panels().get(0).mark());
    }

    @Test
    void badFiguresAreOneLineErrorsNamingTheField() {
        InvalidInputException mark = assertThrows(InvalidInputException.class, () -> load("""
                figures:
                  - {id: f, panels: [{x: n, y: squared_error, mark: pie}]}
                """));
        assertTrue(mark.getMessage().contains("figures[0].panels[0].mark must be one of line, stem, bars, histogram, stacked"), mark.getMessage());
        InvalidInputException label = assertThrows(InvalidInputException.class, () -> load("""
                figures:
                  - {id: f, labels: {statstic: {mean: m}}, x: n, y: squared_error}
                """));
        assertTrue(label.getMessage().contains("statstic") && label.getMessage().contains("statistic"), label.getMessage());
        InvalidInputException width = assertThrows(InvalidInputException.class, () -> load("""
                figures:
                  - {id: f, width: "wide", x: n, y: squared_error}
                """));
        assertTrue(width.getMessage().contains("width must be single, double or a width in mm"), width.getMessage());
        InvalidInputException panelKey = assertThrows(InvalidInputException.class, () -> load("""
                figures:
                  - {id: f, panels: [{x: n, y: squared_error, colour: red}]}
                """));
        assertTrue(panelKey.getMessage().contains("unknown key 'colour'") || panelKey.getMessage().contains("colour"), panelKey.getMessage());
    }
}
