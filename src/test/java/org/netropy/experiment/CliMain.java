package org.netropy.experiment;

/** Entry point for tests that run the command line in a separate JVM (to kill it for real). */
public final class CliMain {
    private CliMain() {}

    public static void main(String[] args) {
        int code = Cli.run(args);
        System.out.print(Cli.lastOut);
        System.err.print(Cli.lastErr);
        System.exit(code);
    }
}
