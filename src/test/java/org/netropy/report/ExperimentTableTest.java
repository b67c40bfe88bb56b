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
        assertEquals("x,noise,fail_above,measure,n_seeds,mean,sd,ci95_low,ci95_high,n_diverged", lines.get(0));
        assertEquals("1.0,0.0,1.0E300,y,2,1.0,0.0,1.0,1.0,0", lines.get(1));
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

    /** Test kind: odd seeds "diverge" (loss 1e6), even seeds reach loss 1; one measure is never measured. */
    static final class DivergeDemoKind implements org.netropy.experiment.RunKind {
        @Override
        public String name() {
            return "diverge-demo";
        }

        @Override
        public String description() {
            return "table test: odd seeds diverge";
        }

        @Override
        public org.netropy.options.ParameterSchema parameters() {
            return org.netropy.options.ParameterSchema.of(
                    org.netropy.options.ParameterSpec.number("lr", 0, 100, 1.0, "learning rate | step size"));
        }

        @Override
        public List<String> rowKeys() {
            return List.of("label");
        }

        @Override
        public List<String> measures() {
            return List.of("final_loss", "diverged", "never_measured");
        }

        @Override
        public Object resolve(org.netropy.experiment.ResolvedParameters p) {
            return p.values();
        }

        @Override
        public List<Map<String, Object>> run(org.netropy.experiment.ResolvedParameters p, org.netropy.random.RandomStreams random,
                                             org.netropy.experiment.RunContext context) {
            boolean diverged = p.seed() % 2 == 1;
            Map<String, Object> row = new java.util.LinkedHashMap<>();
            row.put("label", "E[zw|g]");
            row.put("final_loss", diverged ? 1e6 : 1.0);
            row.put("diverged", diverged ? 1.0 : 0.0);
            row.put("never_measured", Double.NaN);
            return List.of(row);
        }
    }

    static {
        if (!org.netropy.experiment.RunKinds.contains("diverge-demo")) {
            org.netropy.experiment.RunKinds.register(new DivergeDemoKind());
        }
    }

    @Test
    void divergedNetworksAreCountedAndLeftOutOfTheMeansUnlessIncluded() throws Exception {
        ExperimentTable t = sweep("name: t\nkind: diverge-demo\nseeds: 8\n");
        ExperimentTable.Row loss = t.rows().stream().filter(r -> r.measure().equals("final_loss")).findFirst().orElseThrow();
        assertEquals(4, loss.stats().n());
        assertEquals(4, loss.diverged());
        assertEquals(1.0, loss.stats().mean(), 0, "a mean over diverged losses");
        ExperimentTable.Row div = t.rows().stream().filter(r -> r.measure().equals("diverged")).findFirst().orElseThrow();
        assertEquals(8, div.stats().n());
        assertEquals(0.5, div.stats().mean(), 0, "the diverged fraction over all seeds");
        assertTrue(t.rows().stream().noneMatch(r -> r.stats().n() == 0), "empty rows (n_seeds = 0) written");
        assertTrue(t.rows().stream().noneMatch(r -> r.measure().equals("never_measured")));

        ExperimentTable all = ExperimentTable.aggregate(tmp.resolve("results"), "t", ExperimentSpec.FULL, true);
        ExperimentTable.Row lossAll = all.rows().stream().filter(r -> r.measure().equals("final_loss")).findFirst().orElseThrow();
        assertEquals(8, lossAll.stats().n());
        assertEquals((4 * 1e6 + 4) / 8, lossAll.stats().mean(), 1e-6);

        // Markdown escapes '|', and a codebook names every column with a meaning and a unit
        t.write(tmp.resolve("tables"));
        String md = Files.readString(tmp.resolve("tables/t.md"));
        String row = md.lines().filter(l -> l.contains("final_loss")).findFirst().orElseThrow();
        assertTrue(row.contains("E[zw\\|g]"), row);
        assertEquals(t.header().size() + 1, row.split("(?<!\\\\)\\|", -1).length - 1, "cells in a Markdown row: " + row);
        String codebook = Files.readString(tmp.resolve("tables/t.codebook.md"));
        for (String column : t.header()) {
            assertTrue(codebook.contains("| " + column + " |"), column + " missing from the codebook");
        }
        assertTrue(codebook.contains("learning rate \\| step size"), codebook);
        assertTrue(codebook.contains("| final_loss |"), codebook);
    }

    @Test
    void everyMeasureAndRowKeyOfEveryBuiltInKindIsInTheCodebook() {
        for (String name : org.netropy.experiment.RunKinds.names()) {
            org.netropy.experiment.RunKind k = org.netropy.experiment.RunKinds.get(name);
            if (name.equals("diverge-demo")) {
                continue;
            }
            for (String c : k.measures()) {
                assertTrue(Codebook.entry(c) != null, "measure " + c + " of kind " + name + " has no codebook entry");
            }
            for (String c : k.rowKeys()) {
                assertTrue(Codebook.entry(c) != null, "row key " + c + " of kind " + name + " has no codebook entry");
            }
        }
    }
}
