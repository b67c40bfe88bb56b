package org.netropy.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.netropy.io.InvalidInputException;
import org.netropy.random.RandomStreams;

class TaskRegistryTest {

    @Test
    void everyRegisteredTaskHasMetadataAndIsReproducibleFromItsSeed() {
        for (TaskRegistry.Entry e : TaskRegistry.entries()) {
            assertFalse(e.paper().isBlank());
            assertFalse(e.description().isBlank());
            TaskOptions o = new TaskOptions(3, null, TargetNormalisation.NONE, "gaussian", 5, 1.0, 20);
            Task a = TaskRegistry.create(e.name(), o, new RandomStreams(7));
            Task b = TaskRegistry.create(e.name(), o, new RandomStreams(7));
            assertEquals(e.name(), a.name());
            assertArrayEquals(a.data().stimuli(), b.data().stimuli());
            assertArrayEquals(a.data().targets(), b.data().targets());
        }
        InvalidInputException ex = assertThrows(InvalidInputException.class,
                () -> TaskRegistry.create("xor", TaskOptions.defaults(), new RandomStreams(1)));
        assertTrue(ex.getMessage().startsWith("--task must be one of input-selection, flesch"));
    }

    @Test
    void inputSelectionShowsEveryStimulusInEveryContextWithTargetsAu() {
        TaskOptions o = new TaskOptions(3, null, TargetNormalisation.SQRT_CONTEXTS, "grid", 3, 2.0, 1);
        Task t = TaskRegistry.create("input-selection", o, new RandomStreams(1));
        TaskData d = t.data();
        assertEquals(27 * 3, d.size());
        for (int s = 0; s < d.size(); s++) {
            int k = d.context()[s];
            assertEquals(1.0, d.cues()[s][k]);
            assertEquals(d.stimuli()[s][k] / Math.sqrt(3), d.targets()[s], 1e-15);
        }
        assertEquals(2.0, d.stimuli()[26][2], 0.0, "grid reaches the amplitude");
    }

    @Test
    void fleschTreesMatchThePublishedConstruction() {
        TaskData d = new FleschTreesTask().data();
        assertEquals(50, d.size());
        assertEquals(25, d.features());
        double s2 = 0;
        double c2 = 0;
        int nonZero = 0;
        for (int s = 0; s < 50; s++) {
            for (double x : d.stimuli()[s]) {
                s2 += x * x;
            }
            for (double x : d.cues()[s]) {
                c2 += x * x;
            }
            if (d.targets()[s] != 0) {
                nonZero++;
            }
            assertEquals(s < 25 ? 0 : 1, d.context()[s]);
        }
        assertEquals(1, s2, 1e-12, "stimulus matrix has unit Frobenius norm");
        assertEquals(1, c2, 1e-12, "cue matrix has unit Frobenius norm");
        assertEquals(40, nonZero);
        // blob of stimulus (b-index 0, l-index 4): centred at x = 0.2, y = 0.8, so its brightest pixel
        // is row 3 (y = 0.75), column 1 (x = 0.25); target -linspace(-2,2,5)[l] = -2 in context 1
        int s = 4;
        int argmax = 0;
        for (int q = 1; q < 25; q++) {
            if (d.stimuli()[s][q] > d.stimuli()[s][argmax]) {
                argmax = q;
            }
        }
        assertEquals(3 * 5 + 1, argmax);
        assertEquals(-2, d.targets()[s]);
        assertEquals(2, d.targets()[25 + s], "context 2 reads the b-index: -(-2)");
        // the same image in both contexts
        assertArrayEquals(d.stimuli()[7], d.stimuli()[32]);
        double[] perfect = d.targets().clone();
        assertEquals(1.0, d.signAccuracy(perfect));
        perfect[0] = -perfect[0];
        assertEquals(39.0 / 40, d.signAccuracy(perfect), 1e-15);
    }
}
