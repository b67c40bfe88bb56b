package org.netropy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CliErrorPolicyTest {
    static Object[] run(String... args) {
        return org.netropy.cli.CliRunner.run(args);
    }

    @Test
    void unknownOptionIsOneLineExitTwo() {
        Object[] r = run("--no-such-option");
        assertEquals(2, r[0]);
        String err = (String) r[2];
        assertEquals(1, err.strip().lines().count(), err);
        assertTrue(err.contains("--no-such-option"), err);
        assertFalse(err.contains("at org."), err);
    }

    @Test
    void rangesRejectBadValuesNamingTheOption() {
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Ranges.integers("--contexts", "0..3", 1, 64));
        assertTrue(e.getMessage().startsWith("--contexts must be"), e.getMessage());
        double[] s = Ranges.numbers("--sigma", "0.1..10", 3, true, true);
        assertEquals(1.0, s[1], 1e-12); // geometric midpoint
        assertEquals(3, Ranges.integers("--contexts", "1..3", 1, 64).length);
    }
}
