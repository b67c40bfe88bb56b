package org.netropy.experiment;

import org.netropy.cli.CliRunner;
import org.netropy.cli.Main;
import picocli.CommandLine;

/** The command line as users get it (Main's commands and error policy), keeping the last output. */
final class Cli {
    static String lastOut = "";
    static String lastErr = "";

    private Cli() {}

    static CommandLine commandLine() {
        return Main.commandLine();
    }

    /** Runs a command; returns its exit code and keeps its output in lastOut / lastErr. */
    static int run(String... args) {
        Object[] r = CliRunner.run(args);
        lastOut = (String) r[1];
        lastErr = (String) r[2];
        return (Integer) r[0];
    }
}
