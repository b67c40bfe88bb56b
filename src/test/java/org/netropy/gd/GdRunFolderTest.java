package org.netropy.gd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netropy.connectivity.NeuronTable;
import org.netropy.random.RandomStreams;

/** What {@link GdOutput#write} writes, {@link GdOutput#read} reads back: the one reader of a gd run folder. */
class GdRunFolderTest {
    @TempDir
    Path dir;

    @Test
    void aWrittenFolderReadsBackItsTablesLossCurvesAndInitialisation() throws Exception {
        InitSpec init = new InitSpec(0.4, 0.6, 0.1, 0.2, 0.4, 0.1, false, LowRankSpec.FULL, null);
        GdRunSpec spec = GdRunSpec.builder(GdTestSupport.smallTask()).hidden(6).hiddenBias(true).outputBias(true).init(init)
                .steps(25).build();
        List<GdResult> results = GdTrainer.trainEnsemble(List.of(spec, spec), List.of(new RandomStreams(1), new RandomStreams(2)), null);
        GdOutput.write(dir, results, 10);
        GdRunFolder run = GdOutput.read(dir);

        assertTrue(run.hasFinalTable());
        NeuronTable fin = run.finalTable();
        assertEquals(2, fin.memberIndices().length);
        assertArrayEquals(results.get(1).finalTable().z(), fin.member(fin.memberIndices()[1]).z(), 0.0);
        assertArrayEquals(results.get(0).initialTable().w()[3], run.initialTable().w()[3], 0.0);

        List<GdRunFolder.LossCurve> curves = run.lossCurves();
        assertEquals(2, curves.size());
        for (int m = 0; m < 2; m++) {
            double[] full = results.get(m).lossCurve();
            assertArrayEquals(new double[] {0, 10, 20, 25}, curves.get(m).steps(), 0.0, "every 10th step and the last");
            for (int k = 0; k < curves.get(m).steps().length; k++) {
                assertEquals(full[(int) curves.get(m).steps()[k]], curves.get(m).losses()[k], 0.0);
            }
        }

        GdRunFolder.Recorded rec = run.recorded().orElseThrow();
        assertEquals("relu", rec.activation());
        assertTrue(rec.hiddenBias());
        assertEquals(0.1, rec.biasInit());
        assertEquals(0.2, rec.biasScale());
        assertEquals(0.6, rec.contextScale());
        assertEquals(List.of(0.4, 0.4, 0.4), rec.stimulusScales(), "the settings' and each member's");
    }

    @Test
    void aFolderWithoutItsRecordsHasNone() throws Exception {
        GdRunFolder run = GdOutput.read(Files.createDirectories(dir.resolve("empty")));
        assertEquals(List.of(), run.lossCurves());
        assertTrue(run.recorded().isEmpty());
        assertTrue(!run.hasFinalTable());
    }
}
