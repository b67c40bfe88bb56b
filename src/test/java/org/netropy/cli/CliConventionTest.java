package org.netropy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One command-line convention: a command that writes a table writes it to standard output when
 * {@code --out} is left out or is {@code -}, its summary to standard error; the nonlinearity is
 * {@code --activation} for every engine ({@code --gains} is its deprecated old name); a setting
 * that would be ignored is refused naming the option. Regressions: {@code maxent scan} and
 * {@code maxent sample} demanded {@code --out}, and {@code --gains} beside {@code --gain-patterns}
 * was ignored.
 */
class CliConventionTest {
    @TempDir
    Path dir;

    @Test
    void maxentScanWritesItsTableToStandardOutputWithoutOut() throws Exception {
        Object[] r = CliRunner.run("maxent", "scan", "--contexts", "1..2", "--sigma", "0.5,1");
        assertEquals(0, r[0], (String) r[2]);
        String out = (String) r[1];
        assertTrue(out.startsWith("contexts,") || out.lines().findFirst().orElse("").contains("sigma"), out);
        assertFalse(out.contains("max-ent scan:"), "summary on standard output: " + out);
        assertTrue(((String) r[2]).contains("max-ent scan:"), (String) r[2]);
        // the same table as --out FILE writes
        Path file = dir.resolve("s.csv");
        Object[] f = CliRunner.run("maxent", "scan", "--contexts", "1..2", "--sigma", "0.5,1", "--out", file.toString());
        assertEquals(0, f[0], (String) f[2]);
        assertEquals(Files.readString(file), out);
        Object[] dash = CliRunner.run("maxent", "scan", "--contexts", "1..2", "--sigma", "0.5,1", "--out", "-");
        assertEquals(out, dash[1]);
    }

    @Test
    void maxentSampleWritesItsTableToStandardOutputWithoutOut() {
        PrintStream saved = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        Object[] r;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            r = CliRunner.run("maxent", "sample", "--contexts", "2", "--sigma", "0.5", "--neurons", "10", "--seed", "1");
        } finally {
            System.setOut(saved);
        }
        assertEquals(0, r[0], (String) r[2]);
        String table = captured.toString(StandardCharsets.UTF_8);
        assertEquals(11, table.strip().lines().count(), table); // header + 10 neurons
        assertEquals("", r[1]);
        assertTrue(((String) r[2]).contains("wrote 10 neurons"), (String) r[2]);
    }

    @Test
    void activationIsTheOptionAndGainsItsDeprecatedAlias() {
        Object[] a = CliRunner.run("maxent", "solve", "--contexts", "2", "--sigma", "1", "--activation", "tanh", "--context-scale", "2", "--format", "csv");
        assertEquals(0, a[0], (String) a[2]);
        PrintStream saved = System.err;
        ByteArrayOutputStream notice = new ByteArrayOutputStream();
        Object[] g;
        try {
            System.setErr(new PrintStream(notice, true, StandardCharsets.UTF_8));
            g = CliRunner.run("maxent", "solve", "--contexts", "2", "--sigma", "1", "--gains", "tanh", "--context-scale", "2", "--format", "csv");
        } finally {
            System.setErr(saved);
        }
        assertEquals(0, g[0], (String) g[2]);
        assertEquals(a[1], g[1], "the alias must solve the same law");
        String n = notice.toString(StandardCharsets.UTF_8);
        assertEquals(1, n.strip().lines().count(), n);
        assertTrue(n.contains("--gains is deprecated") && n.contains("--activation"), n);
        Object[] bad = CliRunner.run("maxent", "solve", "--contexts", "2", "--sigma", "1", "--activation", "exp");
        assertEquals(2, bad[0]);
        assertTrue(((String) bad[2]).contains("--activation"), (String) bad[2]);
        Object[] both = CliRunner.run("maxent", "solve", "--contexts", "2", "--sigma", "1", "--activation", "tanh", "--gains", "relu");
        assertEquals(2, both[0]);
        assertTrue(((String) both[2]).contains("--gains"), (String) both[2]);
    }

    @Test
    void anActivationBesideExplicitGainPatternsIsRefused() {
        Object[] r = CliRunner.run("maxent", "solve", "--contexts", "2", "--sigma", "1", "--gain-patterns", "1,0:1;0,1:1",
                "--activation", "tanh");
        assertEquals(2, r[0], (String) r[2]);
        assertTrue(((String) r[2]).contains("--activation") && ((String) r[2]).contains("--gain-patterns"), (String) r[2]);
        assertEquals(1, ((String) r[2]).strip().lines().count(), (String) r[2]);
    }
}
