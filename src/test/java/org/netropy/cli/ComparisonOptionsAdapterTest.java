package org.netropy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netropy.compare.ComparisonOptions;
import org.netropy.compare.ComparisonSettings;
import org.netropy.compare.PopulationClustering;
import org.netropy.io.InvalidInputException;
import org.netropy.options.Naming;
import picocli.CommandLine;

/** The comparator's settings are declared once: {@code compare}'s options and a spec's keys give the same settings. */
class ComparisonOptionsAdapterTest {
    private static CompareCommand parsed(String... args) {
        CompareCommand command = new CompareCommand();
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void theCommandLineAndTheDeclarationGiveTheSameSettings() {
        ComparisonSettings cli = parsed("--a", "a.csv", "--b", "b.csv", "--out", "o", "--tol-tv", "0.2", "--independent-rows",
                "--joint-columns", "w_1,z", "--max-components", "3").settings(2, 3);
        ComparisonSettings declared = ComparisonOptions.settings(ComparisonOptions.SCHEMA.resolve(Map.of("tol_tv", 0.2,
                "independent_rows", true, "joint_columns", "w_1,z", "max_components", 3L), Naming.SPEC), null);
        assertEquals(declared, cli);
        assertEquals(0.2, cli.tolerances().totalVariation());
        assertEquals(false, cli.verdicts().pairedRows());
        assertEquals(List.of("w_1", "z"), cli.jointColumns());
        assertEquals(3, cli.clustering().maxComponents());
    }

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        // docs/COMPARATOR.md lists these defaults; the calibration of docs/COMPARATOR.md was measured at them
        ComparisonSettings d = ComparisonSettings.defaults();
        assertEquals(new ComparisonSettings.Tolerances(0.10, 0.25, 0.10, 0.05, 2.0), d.tolerances());
        assertEquals(new ComparisonSettings.VerdictBootstrap(400, true, 0.05), d.verdicts());
        assertEquals(new PopulationClustering.Settings(6, 10, 10, 0.8, 1000, 1000, 4000), d.clustering());
        assertEquals(0.5, d.threshold());
        assertEquals(0.95, d.confidence());
        assertEquals(2000, d.energySample());
        assertEquals(d, parsed("--a", "a.csv", "--b", "b.csv", "--out", "o").settings(2, 3));
    }

    @Test
    void aBadValueNamesTheOption() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> parsed("--a", "a.csv", "--b", "b.csv", "--out", "o", "--tol-ks", "1.5").settings(2, 2));
        assertTrue(e.getMessage().startsWith("--tol-ks must be a finite number in [0, 1]"), e.getMessage());
        InvalidInputException spec = assertThrows(InvalidInputException.class,
                () -> ComparisonOptions.SCHEMA.resolve(Map.of("tol_ks", 1.5), Naming.SPEC));
        assertTrue(spec.getMessage().startsWith("tol_ks must be"), spec.getMessage());
    }
}
