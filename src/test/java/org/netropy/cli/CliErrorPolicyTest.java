package org.netropy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
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

    /** A stray '%' in a description makes picocli print a warning instead of the help text. */
    @Test
    void everyCommandsHelpRendersWithoutAWarning() {
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> rendered = new ArrayList<>();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            ArrayDeque<CommandLine> todo = new ArrayDeque<>(List.of(Main.commandLine()));
            while (!todo.isEmpty()) {
                CommandLine c = todo.pop();
                String usage = c.getUsageMessage();
                assertFalse(usage.contains("%n"), c.getCommandName() + ": " + usage);
                rendered.add(c.getCommandName());
                todo.addAll(c.getSubcommands().values());
            }
        } finally {
            System.setErr(saved);
        }
        assertTrue(rendered.size() > 10, rendered.toString());
        assertEquals("", err.toString(StandardCharsets.UTF_8), "warnings while rendering " + rendered);
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
