package org.netropy.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netropy.experiment.ExperimentSpec;
import org.netropy.experiment.Shard;
import org.netropy.experiment.SpecLoader;
import org.netropy.experiment.SweepRunner;
import org.netropy.io.InvalidInputException;
import org.netropy.io.Json;

class ExperimentTableTest {
    @TempDir
    Path tmp;

    private ExperimentTable sweep(String yaml) {
        Path file = tmp.resolve("t.yaml");
        ExperimentSpec spec = SpecLoader.parse(file, yaml);
        SweepRunner.run(spec, ExperimentSpec.FULL, tmp.resolve("results"), new SweepRunner.Options(2, Shard.ALL, false, null));
        return ExperimentTable.aggregate(tmp.resolve("results"), "t", ExperimentSpec.FULL);
    }

    @Test
    void noiselessRunsGiveExactMeansZeroSpreadAndNumericOrder() {
        // fail-demo computes y = x^2 (+ noise); with noise 0 every seed gives exactly x^2.
        ExperimentTable t = sweep("name: t\nkind: fail-demo\nsweep:\n  x: [10, 2, 9]\nseeds: 3\n");
        assertEquals(List.of("x", "noise", "fail_above"), t.columns());
        assertEquals(3, t.rows().size());
        assertEquals(List.of("2.0", "9.0", "10.0"), t.rows().stream().map(r -> r.group().get(0)).toList(), "numeric order");
        double[] squares = {4, 81, 100};
        for (int i = 0; i < 3; i++) {
            SeedStatistics s = t.rows().get(i).stats();
            assertEquals(3, s.n());
            assertEquals(squares[i], s.mean(), 1e-12);
            assertEquals(0, s.sd(), 1e-12);
            assertEquals(s.mean(), s.ciLow(), 1e-12);
        }
    }

    @Test
    void noisyRunsAverageToTheNoiselessValue() {
        ExperimentTable t = sweep("name: t\nkind: fail-demo\nbase: {x: 3, noise: 0.5}\nseeds: 40\n");
        SeedStatistics s = t.rows().get(0).stats();
        assertEquals(40, s.n());
        assertTrue(s.ciLow() < 9 && 9 < s.ciHigh(), "95% CI " + s.ciLow() + ".." + s.ciHigh() + " should hold 9");
        assertEquals(0.5, s.sd(), 0.2);
    }

    @Test
    void writesCsvMarkdownAndJsonWithTheSameRows() throws Exception {
        ExperimentTable t = sweep("name: t\nkind: fail-demo\nsweep:\n  x: [1, 2]\nseeds: 2\n");
        Path csv = t.write(tmp.resolve("tables"));
        List<String> lines = Files.readAllLines(csv);
        assertEquals("x,noise,fail_above,measure,n_seeds,mean,sd,ci95_low,ci95_high", lines.get(0));
        assertEquals("1.0,0.0,1.0E300,y,2,1.0,0.0,1.0,1.0", lines.get(1));
        String md = Files.readString(tmp.resolve("tables/t.md"));
        assertTrue(md.contains("| x | noise | fail_above | measure | n_seeds |"), md);
        assertTrue(md.contains("4 of 4 runs complete"), md);
        Map<?, ?> json = Json.read(tmp.resolve("tables/t.json"), Map.class);
        assertEquals(2, ((List<?>) json.get("rows")).size());
        assertEquals(4.0, ((Number) ((Map<?, ?>) ((List<?>) json.get("rows")).get(1)).get("mean")).doubleValue(), 0);
    }

    @Test
    void unknownExperimentOrVariantIsAClearError() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> ExperimentTable.aggregate(tmp, "nothing", ExperimentSpec.FULL));
        assertTrue(e.getMessage().contains("no runs of experiment 'nothing'"), e.getMessage());
    }
}
