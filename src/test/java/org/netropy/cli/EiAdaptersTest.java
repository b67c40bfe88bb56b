package org.netropy.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netropy.ei.EiOptions;
import org.netropy.ei.EiParameters;
import org.netropy.ei.EiScan;
import org.netropy.ei.EiSimulation;
import org.netropy.experiment.ExperimentSpec;
import org.netropy.experiment.ResolvedParameters;
import org.netropy.experiment.SpecLoader;
import org.netropy.experiment.kinds.EiCurveKind;
import org.netropy.io.InvalidInputException;
import org.netropy.random.RandomStreams;
import picocli.CommandLine;

/**
 * The E/I model is declared once ({@link EiOptions}): {@code ei scan}, {@code ei entropy} and a
 * spec of kind {@code ei-curve} with the same settings build the same engine scan, and each
 * refuses the same settings in its own caller's words.
 */
class EiAdaptersTest {
    private static EiScan cli(String... args) {
        CommandLine cl = new CommandLine(new EiCommand());
        cl.parseArgs(args);
        CommandLine sub = cl.getSubcommands().get(args[0]);
        Object command = sub.getCommand();
        if (command instanceof EiCommand.Scan scan) {
            return scan.scan(scan.values());
        }
        EiCommand.Entropy entropy = (EiCommand.Entropy) command;
        return entropy.scan(entropy.values());
    }

    private static List<ResolvedParameters> spec(String... base) {
        StringBuilder yaml = new StringBuilder("name: t\nkind: ei-curve\nbase:\n");
        for (String line : base) {
            yaml.append("  ").append(line).append('\n');
        }
        ExperimentSpec spec = SpecLoader.parse(Path.of("t.yaml"), yaml.toString());
        return spec.plan(ExperimentSpec.FULL);
    }

    private static void assertSameScan(EiScan expected, EiScan actual) {
        assertEquals(expected.plan(), actual.plan());
        assertArrayEquals(expected.lambdas(), actual.lambdas());
        assertEquals(expected.simulate(), actual.simulate());
        assertEquals(expected.steps(), actual.steps());
        assertEquals(expected.burnIn(), actual.burnIn());
        assertEquals(expected.seed(), actual.seed());
    }

    @Test
    void theCommandLineAndASpecBuildTheSameScan() {
        EiScan fromCli = cli("scan", "--neurons", "60", "--p", "0.15", "--alpha", "0.3", "--wi", "0.7", "--epsilon", "0.002",
                "--lambda-by", "we", "--lambda", "0.5..2", "--points", "4", "--simulate", "both", "--simulation-steps", "300",
                "--burn-in", "20");
        List<ResolvedParameters> rows = spec("neurons: 60", "p: 0.15", "alpha: 0.3", "wi: 0.7", "epsilon: 0.002", "lambda_by: we",
                "lambda_from: 0.5", "lambda_to: 2", "lambda_points: 4", "simulate: both", "simulation_steps: 300", "burn_in: 20");
        assertEquals(1, rows.size());
        EiScan fromSpec = EiCurveKind.scan(rows.get(0));
        assertSameScan(fromSpec, fromCli);
        // the engine's values, written out independently of both adapters: W_E moves, W_I stays 0.7
        EiParameters last = fromCli.plan().get(0).get(3);
        assertEquals(new EiParameters(60, 0.15, 0.3, last.excitatoryWeight(), 0.7, 0.002), last);
        assertEquals(2.0, last.lambda(), 1e-12);
        assertEquals(java.util.EnumSet.allOf(EiSimulation.Mode.class), fromCli.simulate());
        assertEquals(300, fromCli.steps());
        assertEquals(20, fromCli.burnIn());
    }

    @Test
    void theDefaultsAreTheSameForEveryCaller() {
        EiScan entropy = cli("entropy");
        EiScan scan = cli("scan");
        assertSameScan(entropy, scan);
        assertEquals(List.of(List.of(new EiParameters(100, 0.1, 0.2, 0.25, 0.5, 0.001))), scan.plan());
        EiScan spec = EiCurveKind.scan(spec("lambda_points: 3").get(0));
        EiParameters first = spec.plan().get(0).get(0); // the defaults sit on lambda = 1; the grid starts at 0.1
        assertEquals(0.025, first.excitatoryWeight(), 1e-15);
        assertEquals(0.05, first.inhibitoryWeight(), 1e-15);
        assertEquals(new EiParameters(100, 0.1, 0.2, first.excitatoryWeight(), first.inhibitoryWeight(), 0.001), first);
        assertEquals(EiSimulation.DEFAULT_BURN_IN, spec.burnIn());
        assertEquals(spec.steps(), scan.steps());
    }

    @Test
    void theBoundaryIsSolvedAlikeOnEveryPath() {
        EiScan fromCli = cli("entropy", "--alpha", "0.3", "--wi", "2", "--on-boundary", "--lambda", "3");
        EiScan fromSpec = EiCurveKind.scan(spec("alpha: 0.3", "wi: 2.0", "on_boundary: true", "lambda_from: 3", "lambda_to: 4",
                "lambda_points: 2").get(0));
        EiParameters atThree = fromCli.plan().get(0).get(0);
        assertEquals(atThree, fromSpec.plan().get(0).get(0));
        // lambda = 1 on the boundary, then both weights scaled by 3: W_I = 6 and lambda = 3
        assertEquals(6.0, atThree.inhibitoryWeight(), 1e-12);
        assertEquals(3.0, atThree.lambda(), 1e-12);
    }

    private static String cliError(String... args) {
        return assertThrows(InvalidInputException.class, () -> cli(args)).getMessage();
    }

    private static String specError(String... base) {
        return assertThrows(InvalidInputException.class, () -> spec(base)).getMessage();
    }

    @Test
    void eachRuleSpeaksItsCallersWords() {
        String[][] cases = {
                // CLI option, its arguments, the spec key, its lines
                {"--burn-in", "scan --lambda 0.5,1 --burn-in 5", "burn_in", "burn_in: 5"},
                {"--simulation-steps", "entropy --simulation-steps 500", "simulation_steps", "simulation_steps: 500"},
                {"--we", "scan --lambda 0.5,1 --lambda-by we --we 0.4", "we", "lambda_by: we|we: 0.4"},
                {"--wi", "entropy --lambda 1 --lambda-by wi --wi 0.4", "wi", "lambda_by: wi|wi: 0.4|lambda_to: 1"},
                {"--on-boundary", "entropy --lambda 1 --lambda-by we --on-boundary", "on_boundary", "lambda_by: we|on_boundary: true"},
                {"--neurons", "scan --neurons 0", "neurons", "neurons: 0"},
                {"--alpha", "scan --alpha 0..1.5", "alpha", "alpha: 1.5"},
                {"--simulate", "entropy --simulate annealed,quenched", "simulate", "simulate: annealed,quenched"},
        };
        for (String[] c : cases) {
            String onCli = cliError(c[1].split(" "));
            assertTrue(onCli.startsWith(c[0] + " "), onCli);
            String inSpec = specError(c[3].split("\\|"));
            assertTrue(inSpec.contains(": " + c[2] + " ") || inSpec.contains(c[2] + " must") || inSpec.contains(c[2] + " is"), inSpec);
            assertFalse(inSpec.contains("--"), inSpec);
        }
        // a target the line cannot reach: the option that sets it on the command line, the grid in a spec
        assertTrue(cliError("entropy", "--lambda-by", "wi", "--lambda", "5").startsWith("--lambda must be reachable"));
        String grid = specError("lambda_by: wi");
        assertTrue(grid.contains("lambda_from/lambda_to must be reachable") && !grid.contains("--"), grid);
        assertTrue(cliError("scan", "--we", "0", "--wi", "1", "--lambda", "1")
                .startsWith("--we/--wi must be a pair with positive lambda"));
        // lambda_by is used only with targets: the command line can leave them out, a spec cannot
        assertTrue(cliError("entropy", "--lambda-by", "wi").startsWith("--lambda-by is used only with target lambdas (--lambda)"));
    }

    @Test
    void theEngineErrorAfterTheChainNamesEpsilonAsTheCallerDoes() {
        Object[] r = CliRunner.run("ei", "entropy", "--neurons", "10", "--p", "1", "--alpha", "0", "--we", "1", "--wi", "0",
                "--epsilon", "0");
        assertEquals(2, r[0]);
        assertTrue(((String) r[2]).contains("--epsilon must be > 0"), (String) r[2]);
        ResolvedParameters row = spec("neurons: 10", "p: 1.0", "alpha: 0.0", "we: 1.0", "wi: 0.0", "epsilon: 0.0", "lambda_from: 1",
                "lambda_to: 2", "lambda_points: 2").get(0);
        String s = assertThrows(InvalidInputException.class, () -> new EiCurveKind().run(row, new RandomStreams(1), null)).getMessage();
        assertTrue(s.startsWith("epsilon must be > 0"), s);
    }
}
