package org.netropy.connectivity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netropy.io.InvalidInputException;

class NeuronTableCsvTest {
    @TempDir
    Path dir;

    static NeuronTable random(int n, int d, int c, SplittableRandom r) {
        double[][] w = new double[n][d];
        double[][] v = new double[n][c];
        double[][] g = new double[n][c];
        double[] b = new double[n];
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                w[i][j] = r.nextGaussian();
            }
            for (int k = 0; k < c; k++) {
                v[i][k] = r.nextGaussian();
                g[i][k] = r.nextDouble();
            }
            b[i] = r.nextGaussian() * 1e-300;
            z[i] = r.nextGaussian() * 1e300;
        }
        return NeuronTable.of(w, v, b, z, g);
    }

    @Test
    void roundTripIsBitIdentical() {
        NeuronTable t = random(17, 3, 2, new SplittableRandom(1));
        Path f = dir.resolve("t.csv");
        NeuronTableCsv.write(f, t);
        NeuronTable back = NeuronTableCsv.read(f);
        for (String col : t.columnNames()) {
            assertArrayEquals(t.column(col), back.column(col), col);
        }
    }

    @Test
    void membersRoundTripAndSplit() {
        SplittableRandom r = new SplittableRandom(2);
        NeuronTable all = NeuronTable.ofMembers(List.of(random(4, 2, 2, r), random(6, 2, 2, r)));
        Path f = dir.resolve("m.csv");
        NeuronTableCsv.write(f, all);
        NeuronTable back = NeuronTableCsv.read(f);
        assertArrayEquals(new int[] {0, 1}, back.memberIndices());
        assertEquals(6, back.member(1).size());
        assertArrayEquals(all.member(1).column("z"), back.member(1).column("z"));
    }

    @Test
    void errorsNameFileLineAndColumn() throws Exception {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, "w_1,v_1,b,z\n1,2,3,4\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> NeuronTableCsv.read(f));
        assertTrue(e.getMessage().contains("missing column gain_1"), e.getMessage());
        Files.writeString(f, "w_1,v_1,b,z,gain_1\n1,2,3,NaN,1\n");
        e = assertThrows(InvalidInputException.class, () -> NeuronTableCsv.read(f));
        assertTrue(e.getMessage().contains("line 2 column z"), e.getMessage());
        Files.writeString(f, "w_1,v_1,b,z,gain_1\n");
        e = assertThrows(InvalidInputException.class, () -> NeuronTableCsv.read(f));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }
}
