package org.netropy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netropy.io.InvalidInputException;
import org.netropy.options.Naming;
import org.netropy.options.OptionValues;
import org.netropy.options.ParameterSchema;
import org.netropy.options.ParameterSpec;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** One declaration, two callers: the command line and a spec resolve the same values, each error in its own words. */
class DeclaredOptionsTest {
    private static final ParameterSchema SCHEMA = ParameterSchema.of(
            ParameterSpec.choice("task", List.of("a", "b"), "a", "task"),
            ParameterSpec.integer("hidden_units", 2, 100, 10L, "units"),
            ParameterSpec.number("learning_rate", 1e-9, 10, 0.05, "rate").withDefaultsBy("task", Map.of("b", 0.005)),
            ParameterSpec.flag("mirror_pairs", false, "pairs"));

    private static OptionValues cli(String... args) {
        CommandSpec spec = DeclaredOptions.add(CommandSpec.create(), SCHEMA);
        CommandLine cl = new CommandLine(spec);
        cl.parseArgs(args);
        return DeclaredOptions.read(spec, SCHEMA);
    }

    @Test
    void theCommandLineAndASpecResolveTheSameValues() {
        OptionValues fromCli = cli("--task", "b", "--hidden-units", "12", "--mirror-pairs");
        OptionValues fromSpec = SCHEMA.resolve(Map.of("task", "b", "hidden_units", 12L, "mirror_pairs", true), Naming.SPEC);
        assertEquals(fromSpec.values(), fromCli.values());
        assertEquals(0.005, fromCli.number("learning_rate")); // the per-task default, on both paths
        assertTrue(fromCli.given("hidden_units"));
        assertFalse(fromCli.given("learning_rate"));
        assertEquals(Boolean.FALSE, cli("--mirror-pairs=false").values().get("mirror_pairs"));
    }

    @Test
    void errorsNameTheFieldAsTheCallerWroteIt() {
        InvalidInputException onCli = assertThrows(InvalidInputException.class, () -> cli("--hidden-units", "1"));
        assertTrue(onCli.getMessage().startsWith("--hidden-units must be an integer in [2, 100]"), onCli.getMessage());
        InvalidInputException inSpec = assertThrows(InvalidInputException.class,
                () -> SCHEMA.resolve(Map.of("hidden_units", 1L), Naming.SPEC));
        assertTrue(inSpec.getMessage().startsWith("hidden_units must be"), inSpec.getMessage());
        OptionValues v = cli("--task", "b");
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> cli("--mirror-pairs").refuseUnlessUsed("mirror_pairs", false, "with task b"));
        assertTrue(refused.getMessage().startsWith("--mirror-pairs is used only with task b"), refused.getMessage());
        v.refuseUnlessUsed("mirror_pairs", false, "never"); // at its default: nothing to refuse
    }
}
