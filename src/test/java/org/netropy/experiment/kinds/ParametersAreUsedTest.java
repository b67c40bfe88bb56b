package org.netropy.experiment.kinds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.netropy.options.ParameterSchema;
import org.netropy.options.ParameterSpec;
import org.netropy.experiment.ResolvedParameters;
import org.netropy.experiment.RunContext;
import org.netropy.experiment.RunKind;
import org.netropy.experiment.RunKinds;
import org.netropy.experiment.SpecLoader;
import org.netropy.io.InvalidInputException;
import org.netropy.io.Json;
import org.netropy.random.RandomStreams;

/**
 * A parameter that is accepted is used: for every registered run kind and every declared
 * parameter, moving it from a base to another allowed value changes the engine options the run
 * computes with ({@link RunKind#resolve}), and so the run's content key, or is refused with a
 * one-line error. And a table records the value a run used: the parameter columns of a table,
 * read back, resolve to the same engine options.
 */
class ParametersAreUsedTest {
    /** Bases the generic walk cannot reach by switching one choice (a companion value is needed). */
    private static final Map<String, List<Map<String, Object>>> EXTRA_BASES = Map.of(
            "gd-train", List.of(Map.of("init_rank", "rank", "rank", 1.0), Map.of("task", "flesch", "symmetric", true)),
            "gd-maxent", List.of(Map.of("init_rank", "effective", "rank", 1.5)),
            "maxent-classes", List.of(Map.of("bias_scale", 1.0)),
            "maxent-sample", List.of(Map.of("bias_scale", 1.0)),
            "ei-curve", List.of(Map.of("simulate", "both", "lambda_by", "wi", "we", 2.0)));

    /**
     * Values laid over every base where the kind accepts them: the E/I defaults happen to sit on
     * the lambda = 1 boundary (W_E = 0.25, W_I = 0.5), where on_boundary changes nothing.
     */
    private static final Map<String, Map<String, Object>> OVERRIDES = Map.of("ei-curve", Map.of("wi", 0.6));

    private static List<RunKind> kinds() {
        List<RunKind> kinds = new ArrayList<>();
        ServiceLoader.load(RunKind.class).forEach(kinds::add);
        return kinds;
    }

    @Test
    void everyParameterOfEveryKindChangesTheEngineOptionsOrIsRefused() {
        List<RunKind> kinds = kinds();
        assertTrue(kinds.size() >= 10, "kinds found by ServiceLoader: " + kinds.size());
        List<String> offences = new ArrayList<>();
        for (RunKind kind : kinds) {
            offences.addAll(ParameterWalk.ignored(kind, EXTRA_BASES.getOrDefault(kind.name(), List.of()), OVERRIDES.getOrDefault(kind.name(), Map.of())));
        }
        assertTrue(offences.isEmpty(), offences.size() + " ignored settings:\n" + String.join("\n", offences));
    }

    /** The walk is not vacuous: a kind whose run ignores a declared parameter is caught. */
    @Test
    void theWalkCatchesAKindThatIgnoresAParameter() {
        RunKind ignoring = new RunKind() {
            private final ParameterSchema schema = ParameterSchema.of(ParameterSpec.integer("n", 1, 10, 2L, "used"),
                    ParameterSpec.number("scale", 0, 10, 1.0, "declared, recorded, ignored"));

            public String name() {
                return "ignoring-test";
            }

            public String description() {
                return "test kind that ignores 'scale'";
            }

            public ParameterSchema parameters() {
                return schema;
            }

            public List<String> rowKeys() {
                return List.of();
            }

            public List<String> measures() {
                return List.of("value");
            }

            public Object resolve(ResolvedParameters p) {
                return p.integer("n");
            }

            public List<Map<String, Object>> run(ResolvedParameters p, RandomStreams random, RunContext context) {
                return List.of(Map.of("value", (double) p.integer("n")));
            }
        };
        if (!RunKinds.contains(ignoring.name())) {
            RunKinds.register(ignoring);
        }
        List<String> offences = ParameterWalk.ignored(RunKinds.get(ignoring.name()), List.of(), Map.of());
        assertFalse(offences.isEmpty());
        assertTrue(offences.stream().allMatch(o -> o.contains("scale =")), String.join("\n", offences));
    }

    /** The content comparison sees inside records and arrays (otherwise every walk would pass or fail trivially). */
    @Test
    void contentComparisonLooksInsideRecordsAndArrays() {
        record R(double[] x, List<Object> y) {}
        assertTrue(ParameterWalk.sameContent(new R(new double[] {1, 2}, List.of(new double[] {3})),
                new R(new double[] {1, 2}, List.of(new double[] {3}))));
        assertFalse(ParameterWalk.sameContent(new R(new double[] {1, 2}, List.of()), new R(new double[] {1, 3}, List.of())));
        assertTrue(ParameterWalk.sameContent(Double.NaN, Double.NaN));
    }

    /**
     * A table's parameter columns are {@code String.valueOf} of the values saved in a run's
     * spec.json; read back as a spec would read them, they give the same values and the same
     * engine options, so a table row names the computation that produced it.
     */
    @Test
    void theValuesATableRecordsAreTheValuesTheRunUsed() throws Exception {
        List<String> offences = new ArrayList<>();
        for (RunKind kind : kinds()) {
            for (Map<String, Object> base : ParameterWalk.bases(kind, EXTRA_BASES.getOrDefault(kind.name(), List.of()), OVERRIDES.getOrDefault(kind.name(), Map.of()))) {
                ResolvedParameters run = ParameterWalk.plan(kind, base);
                @SuppressWarnings("unchecked")
                Map<String, Object> saved = Json.MAPPER.readValue(Json.MAPPER.writeValueAsString(run.values()), Map.class);
                Map<String, Object> fromTable = new LinkedHashMap<>();
                saved.forEach((k, v) -> fromTable.put(k, cell(String.valueOf(v))));
                ResolvedParameters readBack = ParameterWalk.plan(kind, fromTable);
                if (!readBack.values().equals(run.values())) {
                    offences.add(kind.name() + ": table " + fromTable + " reads back as " + readBack.values() + ", run used " + run.values());
                } else if (!ParameterWalk.sameContent(kind.resolve(run), kind.resolve(readBack))) {
                    offences.add(kind.name() + ": table values of " + base + " resolve to other engine options");
                }
            }
        }
        assertTrue(offences.isEmpty(), String.join("\n", offences));
    }

    /**
     * End to end through the runner and {@code netropy table}: the parameter cells of the table
     * of a real sweep (values whose text could lose digits) resolve to exactly the engine options
     * of the runs that produced them.
     */
    @Test
    void aRealTablesParameterCellsNameTheRunsThatMadeIt(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path spec = dir.resolve("recorded.yaml");
        java.nio.file.Files.writeString(spec, String.join("\n", "name: recorded", "kind: analytic-demo",
                "sweep:", "  sigma: [0.001, 1.0e-5, 3.3333333333333335]", "  n: [3, 17]", "seeds: 2", ""));
        Path results = dir.resolve("results");
        Object[] r = org.netropy.cli.CliRunner.run("run", spec.toString(), "--results", results.toString(), "--no-progress");
        assertEquals(0, r[0], (String) r[2]);
        RunKind kind = RunKinds.get("analytic-demo");
        java.util.Set<Object> planned = new java.util.HashSet<>();
        for (ResolvedParameters p : SpecLoader.load(spec).plan(org.netropy.experiment.ExperimentSpec.FULL)) {
            planned.add(kind.resolve(new ResolvedParameters(p.values(), 1)));
        }
        org.netropy.report.ExperimentTable table = org.netropy.report.ExperimentTable.aggregate(results, "recorded",
                org.netropy.experiment.ExperimentSpec.FULL);
        java.util.Set<Object> recorded = new java.util.HashSet<>();
        for (org.netropy.report.ExperimentTable.Row row : table.rows()) {
            Map<String, Object> cells = new LinkedHashMap<>();
            for (String p : kind.parameters().names()) {
                cells.put(p, cell(row.group().get(table.columns().indexOf(p))));
            }
            recorded.add(kind.resolve(new ResolvedParameters(ParameterWalk.plan(kind, cells).values(), 1)));
        }
        assertEquals(planned, recorded);
        assertEquals(6, recorded.size());
    }

    /** A table cell as YAML reads it: numbers and flags as such, anything else as text. */
    private static Object cell(String text) {
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException notLong) {
            try {
                return Double.parseDouble(text);
            } catch (NumberFormatException text2) {
                return text;
            }
        }
    }

    /** Regressions of settings the walk found accepted and ignored (each refused now, naming the key and the file line). */
    @Test
    void settingsThatWereIgnoredAreRefusedNamingTheKey() {
        String[][] cases = {
                {"maxent-classes", "contexts: 2\n  sigma: 1.0\n  quadrature_nodes: 8", "quadrature_nodes"},
                {"maxent-patterns", "contexts: 2\n  sigma: 1.0\n  context_scale: 2.0", "context_scale"},
                {"ei-curve", "burn_in: 10", "burn_in"},
                {"ei-curve", "lambda_by: we\n  we: 0.4", "we"},
                {"gd-train", "init_scale: 1.0\n  context_scale: 2.0", "context_scale"},
                {"gd-train", "init_scale: 1.0\n  rank: 2", "rank"},
                {"gd-train", "init_scale: 1.0\n  momentum: 0.5", "momentum"},
                {"gd-train", "init_scale: 1.0\n  task: flesch\n  grid_points: 7", "grid_points"},
                {"gd-train", "init_scale: 1.0\n  task: flesch\n  distractors: 1", "distractors"},
        };
        for (String[] c : cases) {
            String yaml = "name: x\nkind: " + c[0] + "\nbase:\n  " + c[1] + "\n";
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> SpecLoader.parse(Path.of("x.yaml"), yaml), c[1]);
            assertTrue(e.getMessage().contains(c[2]) && !e.getMessage().contains("\n"), e.getMessage());
        }
        // and the same settings where they are read are accepted and change the options
        ResolvedParameters a = ParameterWalk.plan(RunKinds.get("gd-train"), Map.of("init_scale", 1.0, "optimizer", "momentum"));
        ResolvedParameters b = ParameterWalk.plan(RunKinds.get("gd-train"), Map.of("init_scale", 1.0, "optimizer", "momentum",
                "momentum", 0.5));
        assertNotEquals(a.values(), b.values());
        assertFalse(ParameterWalk.sameContent(RunKinds.get("gd-train").resolve(a), RunKinds.get("gd-train").resolve(b)));
        assertEquals(a.seed(), b.seed());
    }
}
