package org.netropy.gd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netropy.random.RandomStreams;
import org.netropy.task.FleschTreesTask;

/**
 * The typed regime metrics: the flat table row and the metrics.json record are two readings of
 * the same fields. Each table column is checked against the JSON path it stands for (a mapping
 * written here, independently of {@link RegimeMetrics#toRow}); a renamed JSON key once turned a
 * column silently into NaN through an untyped map lookup.
 */
class RegimeMetricsRowTest {

    /** Column → path in the metrics.json record ("/" between keys, "#i" an array index, "%" a unit-class share). */
    private static final Map<String, String> PATHS = new LinkedHashMap<>();

    static {
        PATHS.put("final_loss", "finalLoss");
        PATHS.put("accuracy", "accuracy");
        PATHS.put("relative_change_stimulus", "relativeChange/stimulus");
        PATHS.put("relative_change_context", "relativeChange/context");
        PATHS.put("relative_change_readout", "relativeChange/readout");
        PATHS.put("norm_change_stimulus", "normChange/stimulus");
        PATHS.put("ntk_alignment", "ntkAlignment");
        PATHS.put("ntk_alignment_stimulus", "ntkAlignmentStimulus");
        PATHS.put("representation_alignment", "representationAlignment");
        PATHS.put("cka", "cka");
        PATHS.put("activation_hamming", "activationHamming");
        PATHS.put("conserved_drift", "conservedDrift");
        PATHS.put("erank_init", "effectiveRankInit/erank");
        PATHS.put("erank_final", "effectiveRankFinal/erank");
        PATHS.put("units_dead", "%dead");
        PATHS.put("units_context1_only", "%context1-only");
        PATHS.put("units_context2_only", "%context2-only");
        PATHS.put("units_mixed", "%mixed");
        PATHS.put("rsa_grid", "flesch/rsaBetas/grid");
        PATHS.put("rsa_orthogonal", "flesch/rsaBetas/orthogonal");
        PATHS.put("rsa_parallel", "flesch/rsaBetas/parallel");
        PATHS.put("ablation_context1_only_context1", "flesch/ablationAccuracyPerContext/context1-only#0");
        PATHS.put("ablation_context1_only_context2", "flesch/ablationAccuracyPerContext/context1-only#1");
        PATHS.put("ablation_mixed_context1", "flesch/ablationAccuracyPerContext/mixed#0");
        PATHS.put("ablation_mixed_context2", "flesch/ablationAccuracyPerContext/mixed#1");
    }

    @Test
    void onTheFleschTaskEveryColumnIsItsJsonValue() {
        GdResult r = GdTrainer.train(GdRunSpec.flesch(new FleschTreesTask(), 20, 0.1, 1.0, 30), new RandomStreams(3));
        Map<String, Object> row = r.metricsRow();
        assertEquals(RegimeMetrics.COLUMNS, List.copyOf(row.keySet()));
        agree(row, r);
        int units = ((FleschAnalysis.Result) r.metrics().analysis()).unitClasses().values().stream().mapToInt(Integer::intValue).sum();
        assertEquals(20, units, "every hidden unit has one class");
    }

    @Test
    void elsewhereTheFleschColumnsAreAbsent() {
        GdResult r = GdTrainer.train(GdRunSpec.meanField(GdTestSupport.smallTask(), 10, 0.5, 20), new RandomStreams(3));
        assertNull(r.metrics().analysis());
        Map<String, Object> row = r.metricsRow();
        assertEquals(RegimeMetrics.COLUMNS.subList(0, RegimeMetrics.COLUMNS.indexOf("units_dead")), List.copyOf(row.keySet()));
        agree(row, r);
        assertEquals(List.of("initialLoss", "finalLoss", "accuracy", "accuracyPerContext", "relativeChange", "normChange",
                "ntkAlignment", "ntkAlignmentStimulus", "representationAlignment", "cka", "activationHamming", "conservedDrift",
                "effectiveRankInit", "effectiveRankFinal"), List.copyOf(r.metrics().toJson().keySet()), "the metrics.json keys");
    }

    private static void agree(Map<String, Object> row, GdResult r) {
        Map<String, Object> json = r.metrics().toJson();
        assertEquals(r.diverged() ? 1.0 : 0.0, row.get("diverged"));
        for (var e : row.entrySet()) {
            if (e.getKey().equals("diverged")) {
                continue;
            }
            assertEquals(at(json, PATHS.get(e.getKey())), (double) e.getValue(), 0.0, e.getKey());
        }
    }

    @SuppressWarnings("unchecked")
    private static double at(Map<String, Object> json, String path) {
        if (path.startsWith("%")) {
            Map<String, Integer> classes = (Map<String, Integer>) ((Map<String, Object>) json.get("flesch")).get("unitClasses");
            double total = classes.values().stream().mapToInt(Integer::intValue).sum();
            return classes.get(path.substring(1)) / total;
        }
        Object node = json;
        String[] parts = path.split("#");
        for (String key : parts[0].split("/")) {
            node = ((Map<String, Object>) node).get(key);
        }
        return parts.length > 1 ? ((double[]) node)[Integer.parseInt(parts[1])] : ((Number) node).doubleValue();
    }
}
