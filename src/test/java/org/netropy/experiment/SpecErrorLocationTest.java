package org.netropy.experiment;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.netropy.io.InvalidInputException;

/**
 * Errors speak the spec's language: a rule a kind checks across parameters names the file and
 * the line of the YAML key it is about, and the key as the spec writes it (never an engine's
 * command-line option). Both were missing: the message named the file only, and E/I messages
 * said {@code --lambda}.
 */
class SpecErrorLocationTest {
    private static String error(String name, String yaml) {
        return assertThrows(InvalidInputException.class, () -> SpecLoader.parse(Path.of(name + ".yaml"), yaml)).getMessage();
    }

    @Test
    void aCrossParameterRuleNamesTheLineOfTheKeyInTheVariant() {
        String yaml = String.join("\n", "name: v", "kind: gd-train", "base:", "  init_scale: 1.0", "variants:", "  quick:",
                "    base:", "      hidden: 7", "");
        String e = error("v", yaml);
        assertTrue(e.startsWith("v.yaml:8: ") && e.contains("hidden"), e);
        assertFalse(e.contains("\n"), e);
    }

    @Test
    void aSettingTheRunWouldIgnoreNamesItsLine() {
        String yaml = String.join("\n", "name: q", "kind: maxent-classes", "base:", "  contexts: 2", "  sigma: 1.0",
                "  quadrature_nodes: 8", "");
        String e = error("q", yaml);
        assertTrue(e.startsWith("q.yaml:6: ") && e.contains("quadrature_nodes is used only with activation"), e);
    }

    @Test
    void eiEngineMessagesUseTheSpecsParameterNames() {
        String yaml = String.join("\n", "name: ei", "kind: ei-curve", "base:", "  lambda_by: wi", "");
        String e = error("ei", yaml);
        assertTrue(e.contains("lambda_from/lambda_to") && !e.contains("--"), e);
        assertTrue(e.startsWith("ei.yaml:"), e);
    }
}
