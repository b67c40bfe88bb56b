package org.netropy.cli;

import java.util.Map;
import org.netropy.io.InvalidInputException;
import org.netropy.maxent.MaxEntOptions;
import org.netropy.options.OptionValues;
import org.netropy.options.ParameterSchema;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The command-line adapter of {@link MaxEntOptions} for the {@code maxent} commands: the engine's
 * declaration becomes their options ({@link Declared}), and what a user typed is resolved by the
 * engine, with errors naming the option. {@code --contexts} and {@code --sigma} are each
 * command's own (ranges in {@code maxent scan}) and join the values through {@link #at}.
 */
final class MaxEntCommandOptions {
    /** The engine's parameters but C and σ. */
    static final ParameterSchema SCHEMA = MaxEntOptions.SCHEMA.without("contexts", "sigma");

    /** Adds {@link #SCHEMA}'s options to a {@code maxent} sub-command (its picocli model transformer). */
    static final class Declared implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec command) {
            return DeclaredOptions.add(command, SCHEMA);
        }
    }

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** The old name of --activation: accepted with a one-line notice on standard error. */
    @Option(names = "--gains", paramLabel = "relu|tanh|sigmoid|softplus", hidden = true,
            description = "Deprecated: the old name of --activation.")
    String gains;

    private OptionValues values;

    /** The typed values (--gains read as --activation, with its notice once), every other at its default. */
    OptionValues values() {
        if (values == null) {
            OptionValues v = DeclaredOptions.read(command, SCHEMA);
            if (gains != null) {
                CommandLine.ParseResult parsed = command.commandLine().getParseResult();
                InvalidInputException.require(parsed == null || !parsed.hasMatchedOption("--activation"), "--gains",
                        "left out when --activation is given (it is the old name of --activation)", gains);
                Object activation = SCHEMA.get("activation").parse("--gains", gains);
                System.err.println("netropy: --gains is deprecated; use --activation (same values)");
                v = v.with(Map.of("activation", activation));
            }
            values = v;
        }
        return values;
    }

    /** The values with C contexts and scale σ, each checked by the engine (null: not given). */
    OptionValues at(Integer contexts, Double sigma) {
        OptionValues v = values();
        if (contexts != null) {
            v = MaxEntOptions.with(v, "contexts", contexts);
        }
        if (sigma != null) {
            v = MaxEntOptions.with(v, "sigma", sigma);
        }
        return v;
    }

    /** Whether --task-matrix was given (then --contexts, if given, must agree with it). */
    boolean taskMatrixGiven() {
        return !values().string("task_matrix").isEmpty();
    }

    /** Refuses settings {@code command} does not read (never accepted and ignored). */
    void refuseUnread(String command, String why, String... keys) {
        for (String key : keys) {
            values().refuseUnlessUsed(key, false, "by other maxent commands (" + command + ": " + why + ")");
        }
    }

    /** A command that does not honour a structured weight prior refuses it (never accepted and ignored). */
    void refuseWeightPrior(String command, String why) {
        String needs = "with maxent solve, scan, sample or norm-match (" + command + ": " + why + ")";
        values().refuseUnlessUsed("prior_rank", false, needs);
        values().refuseUnlessUsed("prior_floor", false, needs);
    }
}
