package org.netropy.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Test helper: runs the CLI in-process with the project's error policy and captures its output. */
public final class CliRunner {
    private CliRunner() {}

    /** Runs the CLI and returns {exit code, stdout, stderr}. */
    public static Object[] run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = Main.execute(cl, args);
        return new Object[] {code, out.toString(), err.toString()};
    }
}
