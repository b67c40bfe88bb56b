package org.netropy.experiment;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.netropy.cli.FiguresCommand;
import org.netropy.cli.Main;
import org.netropy.cli.ReproduceCommand;
import org.netropy.cli.RunCommand;
import org.netropy.cli.TableCommand;
import picocli.CommandLine;

/**
 * The command line as users get it: Main's error policy with the experiment commands added
 * (they are registered in Main by the lead; here they are added to the same configured instance).
 */
final class Cli {
    static String lastOut = "";
    static String lastErr = "";

    private Cli() {}

    static CommandLine commandLine() {
        CommandLine cl = Main.commandLine();
        cl.addSubcommand("run", new CommandLine(new RunCommand()));
        cl.addSubcommand("reproduce", new CommandLine(new ReproduceCommand()));
        cl.addSubcommand("table", new CommandLine(new TableCommand()));
        cl.addSubcommand("figures", new CommandLine(new FiguresCommand()));
        return cl;
    }

    /** Runs a command; returns its exit code and keeps its output in lastOut / lastErr. */
    static int run(String... args) {
        CommandLine cl = commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        lastOut = out.toString();
        lastErr = err.toString();
        return code;
    }
}
