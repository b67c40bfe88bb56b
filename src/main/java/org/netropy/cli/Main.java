package org.netropy.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.netropy.io.InvalidInputException;
import org.netropy.io.NotConvergedException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code bin/netropy}. Every sub-command lives in its own class in this package.
 *
 * <p>Exit codes (the same for every command, documented in the README): 0 success; 2 invalid
 * input ({@link InvalidInputException} or a usage error: one line naming the option or field and
 * its allowed values); 3 a numerical result that did not converge ({@link NotConvergedException});
 * 1 an unexpected failure (one line naming a log file that holds the stack trace; set
 * {@code NETROPY_DEBUG=1} to also print it). Running out of memory is reported in one line naming
 * the option that sizes the work and the heap setting {@code NETROPY_JAVA_OPTS}.
 */
@Command(name = "netropy", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Gradient descent versus maximum-entropy connectivity of context-dependent networks.",
        subcommands = {MaxEntCommand.class, GdCommand.class, CompareCommand.class, EiCommand.class,
                RunCommand.class, ReproduceCommand.class, TableCommand.class, FiguresCommand.class, ClaimsCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    /** Exit code for bad input (picocli's convention for usage errors). */
    public static final int EXIT_USAGE = 2;
    /** Exit code for an unexpected internal failure. */
    public static final int EXIT_FAILURE = 1;
    /** Exit code for a numerical result that did not converge. */
    public static final int EXIT_NOT_CONVERGED = 3;
    /** Where the stack trace of an unexpected failure goes (overridable for tests). */
    public static final String LOG_DIR_PROPERTY = "netropy.logDir";

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
        CommandLine cl;
        try {
            cl = commandLine();
        } catch (RuntimeException | Error e) {
            // a broken command model (annotations, static tables) is a bug like any other: exit 1 with a log
            PrintWriter err = new PrintWriter(System.err, true);
            return failed(e, e, String.join(" ", args), err);
        }
        return execute(cl, args);
    }

    /**
     * Runs a configured command line. Picocli hands exceptions of a command to the execution
     * handler but lets errors through (out of memory, an assertion, a failed class
     * initialisation, a stack overflow): they are mapped here, by the same policy.
     */
    public static int execute(CommandLine cl, String... args) {
        try {
            return cl.execute(args);
        } catch (Error e) {
            CommandLine leaf = cl;
            CommandLine.ParseResult r = cl.getParseResult();
            while (r != null && r.subcommand() != null) {
                r = r.subcommand();
                leaf = r.commandSpec().commandLine();
            }
            if (!(e instanceof OutOfMemoryError) && System.getenv("NETROPY_DEBUG") != null) {
                e.printStackTrace(cl.getErr());
            }
            return report(e, leaf, cl.getErr());
        }
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
            return report(ex, commandLine, err);
        });
        return cl;
    }

    /**
     * Writes {@code provenance.json} into a command's output folder: the same record as a spec
     * run's (code version, git commit and dirty flag, Java, OS, libraries), the command line and
     * the seeds.
     */
    static void recordProvenance(CommandLine command, Path dir, java.util.Map<String, ?> seeds) {
        CommandLine root = command;
        while (root.getParent() != null) {
            root = root.getParent();
        }
        java.util.List<String> args = root.getParseResult() == null ? java.util.List.of() : root.getParseResult().originalArgs();
        org.netropy.experiment.Provenance.writeForCommand(dir, command.getCommandSpec().qualifiedName(), args, seeds);
    }

    /** Maps an exception to the exit-code convention and prints its one line. */
    static int report(Throwable thrown, CommandLine commandLine, PrintWriter err) {
        // work run on other threads arrives wrapped (ExecutionException, IllegalStateException): the cause decides
        Throwable ex = thrown;
        for (Throwable c = thrown; c != null && c.getCause() != c; c = c.getCause()) {
            if (c instanceof InvalidInputException || c instanceof NotConvergedException || c instanceof OutOfMemoryError) {
                ex = c;
                break;
            }
        }
        if (ex instanceof InvalidInputException) {
            err.println("netropy: " + oneLine(ex.getMessage()));
            return EXIT_USAGE;
        }
        if (ex instanceof NotConvergedException) {
            err.println("netropy: not converged: " + oneLine(ex.getMessage()));
            return EXIT_NOT_CONVERGED;
        }
        if (ex instanceof OutOfMemoryError) {
            err.println("netropy: out of memory in '" + commandLine.getCommandSpec().qualifiedName() + "': the work is too large for the heap ("
                    + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB); make it smaller with " + sizingOptions(commandLine)
                    + " or give Java more memory, e.g. NETROPY_JAVA_OPTS=-Xmx16g");
            return EXIT_FAILURE;
        }
        CommandLine.ParseResult parsed = commandLine.getParseResult();
        return failed(thrown, ex, parsed == null ? "" : String.join(" ", parsed.originalArgs()), err);
    }

    /** An unexpected failure: one line naming the log file that holds the stack trace; exit 1. */
    private static int failed(Throwable thrown, Throwable shown, String args, PrintWriter err) {
        Path log = writeLog(thrown, args);
        err.println("netropy: failed: " + shown.getClass().getSimpleName() + ": " + oneLine(shown.getMessage())
                + (log != null ? " (stack trace in " + log + ")" : " (set NETROPY_DEBUG=1 for details)"));
        return EXIT_FAILURE;
    }

    /** The options of a command that size its work (those given on the command line first). */
    private static String sizingOptions(CommandLine commandLine) {
        java.util.List<String> sizing = java.util.List.of("--seeds", "--neurons", "--hidden", "--steps", "--points", "--contexts",
                "--ensemble-size", "--init-scale", "--jobs");
        java.util.List<String> have = new java.util.ArrayList<>();
        for (String name : sizing) {
            if (commandLine.getCommandSpec().findOption(name) != null) {
                have.add(name);
            }
        }
        return have.isEmpty() ? "smaller input files" : String.join(", ", have);
    }

    /** Writes the full stack trace of an unexpected failure to a log file; null if that fails too. */
    private static Path writeLog(Throwable ex, String args) {
        try {
            String dir = System.getProperty(LOG_DIR_PROPERTY);
            Path logs = dir != null ? Path.of(dir) : Path.of(System.getProperty("java.io.tmpdir"));
            Files.createDirectories(logs);
            Path log = Files.createTempFile(logs, "netropy-error-", ".log");
            StringWriter trace = new StringWriter();
            PrintWriter w = new PrintWriter(trace);
            w.println("netropy " + args);
            w.println("at " + java.time.Instant.now());
            ex.printStackTrace(w);
            w.flush();
            Files.writeString(log, trace.toString());
            return log;
        } catch (Exception | Error e) {
            return null;
        }
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
