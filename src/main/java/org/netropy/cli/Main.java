package org.netropy.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code bin/netropy}. Every sub-command lives in its own class in this package.
 *
 * <p>Error policy (the same for every command): bad input prints one line naming the option or
 * field and its allowed values and exits with 2; an unexpected failure prints one line and exits
 * with 1 (set {@code NETROPY_DEBUG=1} for the stack trace). Users never see a stack trace.
 */
@Command(name = "netropy", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Gradient descent versus maximum-entropy connectivity of context-dependent networks.",
        subcommands = {MaxEntCommand.class, GdCommand.class, CompareCommand.class, EiCommand.class,
                RunCommand.class, ReproduceCommand.class, TableCommand.class, FiguresCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    /** Exit code for bad input (picocli's convention for usage errors). */
    public static final int EXIT_USAGE = 2;
    /** Exit code for an unexpected internal failure. */
    public static final int EXIT_FAILURE = 1;
    /** Exit code for a numerical result that did not converge ({@link org.netropy.io.NotConvergedException}). */
    public static final int EXIT_NOT_CONVERGED = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line with the project's error policy; returns the exit code (used by tests). */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /** The configured command line, with writers that tests can replace. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("netropy: " + ex.getMessage() + " (see '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            return EXIT_USAGE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (System.getenv("NETROPY_DEBUG") != null) {
                ex.printStackTrace(err);
            }
            if (ex instanceof org.netropy.io.NotConvergedException) {
                err.println("netropy: not converged: " + oneLine(ex.getMessage()));
                return EXIT_NOT_CONVERGED;
            }
            if (ex instanceof IllegalArgumentException) {
                err.println("netropy: " + oneLine(ex.getMessage()));
                return EXIT_USAGE;
            }
            err.println("netropy: failed: " + ex.getClass().getSimpleName() + ": " + oneLine(ex.getMessage())
                    + " (set NETROPY_DEBUG=1 for details)");
            return EXIT_FAILURE;
        });
        return cl;
    }

    private static String oneLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        return message.lines().findFirst().orElse("").strip();
    }

    /** Version from the jar manifest or the build; "dev" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"netropy " + (v == null ? "0.1.0-SNAPSHOT" : v)};
        }
    }
}
