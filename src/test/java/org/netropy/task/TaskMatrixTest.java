package org.netropy.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.netropy.io.InvalidInputException;

class TaskMatrixTest {
    @Test
    void parsesRowsAndNormalises() {
        TaskMatrix a = TaskMatrix.parse("1,0;0,1", TargetNormalisation.SQRT_CONTEXTS);
        assertEquals(2, a.features());
        assertEquals(2, a.contexts());
        assertEquals(1 / Math.sqrt(2), a.get(0, 0), 1e-15);
        assertEquals(0, a.get(0, 1));
        assertEquals(TaskMatrix.identity(2, TargetNormalisation.SQRT_CONTEXTS), a);
    }

    @Test
    void formatRoundTrips() {
        TaskMatrix a = TaskMatrix.parse("1,0.5,-2;0,1,3", TargetNormalisation.NONE);
        assertEquals(a, TaskMatrix.parse(a.format(), TargetNormalisation.NONE));
        assertEquals(1 * 0.3 + 0 * 0.7, a.target(new double[] {0.3, 0.7}, 0), 1e-15);
    }

    @Test
    void badInputNamesTheOption() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> TaskMatrix.parse("1,0;0", TargetNormalisation.NONE));
        assertTrue(e.getMessage().contains("rectangular"), e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> TaskMatrix.parse("1,x", TargetNormalisation.NONE));
        assertTrue(e.getMessage().startsWith("--task-matrix"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> TaskMatrix.identity(0, TargetNormalisation.NONE));
    }

    @Test
    void gridHasAllCombinations() {
        StimulusSet s = StimulusSet.grid(2, 5, 2.0);
        assertEquals(25, s.size());
        double sum = 0;
        for (double[] u : s.stimuli()) {
            sum += u[0] + u[1];
            assertTrue(Math.abs(u[0]) <= 2.0 && Math.abs(u[1]) <= 2.0);
        }
        assertEquals(0, sum, 1e-12); // symmetric grid
    }
}
