package org.netropy.experiment.kinds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netropy.cli.CliRunner;

/** A sweep whose low-rank settings the task cannot hold is refused before anything runs. */
class GdKindValidationTest {
    @TempDir
    Path dir;

    @Test
    void alignedRankAboveTheTaskSpanIsABadSpec() throws Exception {
        Path spec = dir.resolve("bad-rank.yaml");
        Files.writeString(spec, String.join("\n",
                "name: bad-rank",
                "kind: gd-train",
                "base:",
                "  contexts: 2",
                "  init_scale: 0.5",
                "  init_rank: aligned",
                "sweep:",
                "  rank: [1, 3]",
                "seeds: 1",
                ""));
        Object[] r = CliRunner.run("run", spec.toString(), "--results", dir.resolve("results").toString(), "--no-progress");
        String err = (String) r[2];
        assertEquals(2, r[0], err);
        assertTrue(err.contains("rank") && err.contains("[1, 2]"), err);
        assertTrue(!Files.exists(dir.resolve("results/runs")) || Files.list(dir.resolve("results/runs")).findAny().isEmpty(),
                "nothing runs for an invalid sweep");
    }

    private Object[] runSpec(String kind, String name, String... base) throws Exception {
        Path spec = dir.resolve(name + ".yaml");
        StringBuilder text = new StringBuilder("name: " + name + "\nkind: " + kind + "\nbase:\n");
        for (String b : base) {
            text.append("  ").append(b).append('\n');
        }
        text.append("seeds: 1\n");
        Files.writeString(spec, text.toString());
        return CliRunner.run("run", spec.toString(), "--dry-run", "--results", dir.resolve("results").toString(), "--no-progress");
    }

    @Test
    void rdmScalesAreForTheFleschTaskAndMustBeNumbers() throws Exception {
        Object[] notFlesch = runSpec("gd-train", "rdm-input", "init_scale: 0.5", "rdm_scales: \"0.5\"");
        assertEquals(2, notFlesch[0], (String) notFlesch[2]);
        assertTrue(((String) notFlesch[2]).contains("rdm_scales") && ((String) notFlesch[2]).contains("flesch"), (String) notFlesch[2]);
        Object[] text = runSpec("gd-train", "rdm-text", "task: flesch", "init_scale: 0.5", "rdm_scales: \"rich, lazy\"");
        assertEquals(2, text[0], (String) text[2]);
        assertTrue(((String) text[2]).contains("rdm_scales must be comma-separated numbers"), (String) text[2]);
        Object[] ok = runSpec("gd-train", "rdm-ok", "task: flesch", "init_scale: 0.5", "rdm_scales: \"0.01, 0.5\"");
        assertEquals(0, ok[0], (String) ok[2]);
    }

    @Test
    void angleHistogramsNeedTheStimulusPlane() throws Exception {
        Object[] three = runSpec("gd-maxent", "angles-c3", "contexts: 3", "init_scale: 0.5", "angle_bins: 24");
        assertEquals(2, three[0], (String) three[2]);
        assertTrue(((String) three[2]).contains("angle_bins"), (String) three[2]);
        Object[] two = runSpec("gd-maxent", "angles-c2", "contexts: 2", "init_scale: 0.5", "angle_bins: 24");
        assertEquals(0, two[0], (String) two[2]);
    }

    @Test
    void theRdmRowsAreTheUpperTriangleWithTheDiagonalKeyedByCondition() {
        double[][] m = {{0, 1, 2}, {1, 0, 3}, {2, 3, 0}};
        java.util.Map<String, double[][]> rdms = new java.util.LinkedHashMap<>();
        rdms.put("hidden", m);
        for (String model : org.netropy.gd.FleschAnalysis.MODELS) {
            rdms.put(model, m);
        }
        java.util.List<java.util.Map<String, Object>> rows = GdTrainKind.rdmRows(rdms);
        assertEquals(6, rows.size());
        java.util.Map<String, Object> last = rows.get(4); // (2, 3)
        assertEquals(2, last.get(GdTrainKind.RDM_ROW));
        assertEquals(3, last.get(GdTrainKind.RDM_COL));
        assertEquals(3.0, last.get("rdm_hidden"));
        assertEquals(GdTrainKind.FINAL, last.get(GdTrainKind.STEP));
        org.netropy.experiment.SweepRunnerAccess.checkRows(new GdTrainKind(), rows);
    }
}
