package org.netropy.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.netropy.options.Naming;
import org.netropy.options.OptionValues;
import org.netropy.options.ParameterSchema;
import org.netropy.options.ParameterSpec;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The command-line adapter of an engine's declared parameters: each {@link ParameterSpec} becomes
 * the option {@code --key-with-dashes} (its help text, allowed values and defaults taken from the
 * declaration), and the options a user typed are resolved by the same
 * {@link ParameterSchema#resolve} that resolves a spec, with errors naming the option.
 */
final class DeclaredOptions {
    private DeclaredOptions() {}

    /** Adds one option per declared parameter to {@code command} (call from a model transformer). */
    static CommandSpec add(CommandSpec command, ParameterSchema schema) {
        for (ParameterSpec p : schema.parameters()) {
            OptionSpec.Builder b = OptionSpec.builder(Naming.CLI.name(p.name())).type(String.class)
                    .paramLabel(label(p)).description(help(p));
            if (p.type() == ParameterSpec.Type.FLAG) {
                b.arity("0..1").fallbackValue("true");
            }
            command.addOption(b.build());
        }
        return command;
    }

    /**
     * Adds, for each of {@code keys}, an option that takes a value, list or range of the declared
     * parameter (a command that sweeps it, e.g. {@code ei scan --alpha 0..0.3}); its help is the
     * declaration's. The command parses the text itself and passes each value back through the
     * schema ({@link OptionValues#with}), so every value is range-checked as a single one would be.
     */
    static CommandSpec addRanges(CommandSpec command, ParameterSchema schema, java.util.List<String> keys) {
        for (String key : keys) {
            ParameterSpec p = schema.get(key);
            if (p == null) {
                throw new IllegalArgumentException("no parameter '" + key + "' in " + schema.names());
            }
            command.addOption(OptionSpec.builder(Naming.CLI.name(key)).type(String.class).paramLabel("RANGE")
                    .description(help(p, "a value, list or range; ")).build());
        }
        return command;
    }

    /** An option a release renamed or replaced: refused with a pointer to what replaced it. */
    private record Renamed(String old, String now) {}

    /**
     * Adds hidden options that earlier releases had, each refused by {@link #read} with one line
     * naming its replacement ("--lr was renamed: use --learning-rate X"), so that an old command
     * line fails with a pointer instead of picocli's bare "unknown option".
     *
     * @param oldToNew old option → what to type instead
     */
    static CommandSpec renamed(CommandSpec command, Map<String, String> oldToNew) {
        oldToNew.forEach((old, now) -> command.addOption(OptionSpec.builder(old).type(String.class).arity("0..1").fallbackValue("")
                .hidden(true).userObject(new Renamed(old, now)).description("renamed: " + now).build()));
        return command;
    }

    /** The values of the declared parameters: what the user typed, checked, with every other at its default. */
    static OptionValues read(CommandSpec command, ParameterSchema schema) {
        CommandLine.ParseResult parsed = command.commandLine().getParseResult();
        if (parsed != null) {
            for (OptionSpec o : parsed.matchedOptions()) {
                if (o.userObject() instanceof Renamed r) {
                    throw new org.netropy.io.InvalidInputException(r.old() + " was renamed: use " + r.now());
                }
            }
        }
        Map<String, String> given = new LinkedHashMap<>();
        for (ParameterSpec p : schema.parameters()) {
            String name = Naming.CLI.name(p.name());
            if (parsed != null && parsed.hasMatchedOption(name)) {
                given.put(p.name(), parsed.matchedOptionValue(name, ""));
            }
        }
        return schema.resolve(given, Naming.CLI);
    }

    /** "Base learning rate (default: 0.05, task flesch: 0.005)": the declaration's text, capitalised, with its defaults. */
    private static String help(ParameterSpec p) {
        return help(p, "");
    }

    private static String help(ParameterSpec p, String form) {
        String text = p.description().isEmpty() ? p.name() : p.description();
        String defaults = "".equals(p.defaultValue()) ? "default: none" : p.defaultText().replaceFirst("^default ", "default: ");
        return Character.toUpperCase(text.charAt(0)) + text.substring(1) + " (" + form + defaults + ")";
    }

    private static String label(ParameterSpec p) {
        return switch (p.type()) {
            case CHOICE -> String.join("|", p.choices());
            case FLAG -> "true|false";
            case INTEGER -> "N";
            case NUMBER -> "X";
            case TEXT -> "TEXT";
        };
    }
}
