package org.netropy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netropy.io.InvalidInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Exit codes end to end, through the command line and its handlers: only invalid input exits
 * 2; a programming error of any kind (an exception or an error such as an assertion or a failed
 * class initialisation) exits 1 with one line that names the log file holding its stack trace.
 * A test command is added to the real command line (nothing in the product is a test hook).
 */
class UnexpectedFailureTest {
    @TempDir
    Path logs;

    @BeforeEach
    void logHere() {
        System.setProperty(Main.LOG_DIR_PROPERTY, logs.toString());
    }

    @AfterEach
    void logDefault() {
        System.clearProperty(Main.LOG_DIR_PROPERTY);
    }

    @Command(name = "fail")
    static final class Fail implements Callable<Integer> {
        private final Supplier<Throwable> failure;

        Fail(Supplier<Throwable> failure) {
            this.failure = failure;
        }

        @Override
        public Integer call() throws Exception {
            Throwable t = failure.get();
            if (t instanceof Exception e) {
                throw e;
            }
            throw (Error) t;
        }
    }

    private static Object[] run(Supplier<Throwable> failure) {
        CommandLine cl = Main.commandLine();
        cl.addSubcommand("fail", new Fail(failure));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = Main.execute(cl, "fail");
        return new Object[] {code, err.toString().strip()};
    }

    /** Exit 1, one line, the log it names exists and holds the stack trace. */
    private static void assertLogged(Supplier<Throwable> failure, String name) throws Exception {
        Object[] r = run(failure);
        String line = (String) r[1];
        assertEquals(1, r[0], line);
        assertEquals(1, line.lines().count(), line);
        assertFalse(line.contains("\tat "), line);
        assertTrue(line.contains(name), line);
        Matcher m = Pattern.compile("stack trace in (\\S+?)\\)").matcher(line);
        assertTrue(m.find(), "no log named: " + line);
        Path log = Path.of(m.group(1));
        assertTrue(Files.isRegularFile(log), log.toString());
        assertTrue(log.startsWith(Path.of(System.getProperty(Main.LOG_DIR_PROPERTY))), log.toString());
        String trace = Files.readString(log);
        assertTrue(trace.contains(name) && trace.contains("at org.netropy.cli.UnexpectedFailureTest"), trace);
    }

    @Test
    void programmingExceptionsExitOneWithALog() throws Exception {
        assertLogged(() -> new IllegalArgumentException("index 3 out of range"), "IllegalArgumentException");
        assertLogged(() -> new IllegalStateException("unreachable"), "IllegalStateException");
        assertLogged(NullPointerException::new, "NullPointerException");
    }

    @Test
    void programmingErrorsExitOneWithALog() throws Exception {
        assertLogged(() -> new AssertionError("invariant broken"), "AssertionError");
        assertLogged(() -> new ExceptionInInitializerError(new IllegalStateException("static table")), "ExceptionInInitializerError");
        assertLogged(() -> new StackOverflowError(), "StackOverflowError");
    }

    @Test
    void onlyInvalidInputExitsTwo() {
        Object[] bad = run(() -> new InvalidInputException("--x must be 1 or 2 (got 3)"));
        assertEquals(2, bad[0]);
        assertEquals("netropy: --x must be 1 or 2 (got 3)", bad[1]);
        // wrapped on a worker thread, the cause decides
        Object[] wrapped = run(() -> new IllegalStateException(new java.util.concurrent.ExecutionException(
                new InvalidInputException("--y must be positive (got -1)"))));
        assertEquals(2, wrapped[0]);
        assertEquals(2, CliRunner.run("maxent", "solve", "--no-such-option")[0]);
    }
}
