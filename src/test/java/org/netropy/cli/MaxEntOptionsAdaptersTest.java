package org.netropy.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netropy.experiment.ResolvedParameters;
import org.netropy.experiment.SpecLoader;
import org.netropy.experiment.kinds.MaxEntClassesKind;
import org.netropy.io.InvalidInputException;
import org.netropy.maxent.GainPrior;
import org.netropy.maxent.MaxEntOptions;
import org.netropy.maxent.MaxEntSolution;
import org.netropy.options.Naming;
import org.netropy.options.OptionValues;
import picocli.CommandLine;

/**
 * The max-ent settings are declared once ({@link MaxEntOptions}): {@code maxent solve}, a spec and
 * {@code compare --maxent} resolve the same law for the same settings, and each caller's error
 * names the setting as that caller wrote it.
 */
class MaxEntOptionsAdaptersTest {
    /** The engine's values as {@code maxent solve ARGS} resolves them. */
    private static OptionValues cli(String... args) {
        MaxEntCommand.Solve solve = new MaxEntCommand.Solve();
        new CommandLine(solve).parseArgs(args);
        return solve.values(solve.sigma);
    }

    private static MaxEntOptions.Law spec(Map<String, Object> given) {
        MaxEntClassesKind kind = new MaxEntClassesKind();
        OptionValues v = kind.parameters().resolve(given, Naming.SPEC);
        return kind.resolve(new ResolvedParameters(v.values(), 1, kind.parameters()));
    }

    private static String error(Runnable r) {
        return assertThrows(InvalidInputException.class, r::run).getMessage();
    }

    @Test
    void theCommandLineAndASpecResolveTheSameLaw() {
        MaxEntOptions.Law fromCli = MaxEntOptions.law(cli("--contexts", "3", "--sigma", "0.7", "--sigma-ratio", "2",
                "--normalisation", "sqrt-contexts", "--activation", "relu", "--bias-scale", "0.5", "--context-scale", "2",
                "--prior-rank", "2", "--prior-floor", "0.1"), false);
        MaxEntOptions.Law fromSpec = spec(Map.of("contexts", 3L, "sigma", 0.7, "sigma_ratio", 2.0, "normalisation", "sqrt-contexts",
                "activation", "relu", "bias_scale", 0.5, "context_scale", 2.0, "prior_rank", 2L, "prior_floor", 0.1));
        assertEquals(fromSpec.gains(), fromCli.gains());
        assertEquals(fromSpec.task(), fromCli.task());
        assertEquals(1 / Math.sqrt(3), fromCli.task().get(0, 0), 1e-15); // A/sqrt(C), not A
        assertEquals(0.7, fromCli.sigmaW());
        assertEquals(1.4, fromCli.sigmaZ(), 1e-15);
        assertEquals(fromSpec.weights().describe(), fromCli.weights().describe());
        assertTrue(!fromCli.weights().isotropic(), fromCli.weights().describe());
        MaxEntSolution a = fromCli.solve();
        MaxEntSolution b = fromSpec.solve();
        assertEquals(b.kl(), a.kl(), 0);
        assertEquals("relu-bias", a.problem().prior().kind());
        // compare --maxent: the same prior (its keys with dashes, as in the old spelling, or underscores)
        GainPrior fromCompare = MaxEntSpec.parse("sigma=0.7,activation=relu,bias-scale=0.5,context_scale=2").prior(3);
        assertArrayEquals(a.problem().prior().weights(), fromCompare.weights(), 0);
    }

    @Test
    void continuousGainsAgreeToo() {
        MaxEntOptions.Law fromCli = MaxEntOptions.law(cli("--contexts", "2", "--sigma", "1", "--activation", "tanh",
                "--context-scale", "2", "--quadrature-nodes", "6"), false);
        MaxEntOptions.Law fromSpec = spec(Map.of("contexts", 2L, "sigma", 1.0, "activation", "tanh", "context_scale", 2.0,
                "quadrature_nodes", 6L));
        assertEquals(fromSpec.gains(), fromCli.gains());
        assertEquals(6, fromCli.gains().quadratureNodes());
        GainPrior fromCompare = MaxEntSpec.parse("sigma=1,activation=tanh,context-scale=2,quadrature-nodes=6").prior(2);
        assertArrayEquals(fromCli.problem().prior().weights(), fromCompare.weights(), 0);
    }

    @Test
    void eachCallerReadsTheRuleInItsOwnWords() {
        String onCli = error(() -> MaxEntOptions.law(cli("--contexts", "2", "--sigma", "1", "--activation", "tanh",
                "--bias-scale", "0.5"), false));
        assertTrue(onCli.startsWith("--bias-scale must be 0 for --activation tanh"), onCli);
        String inSpec = error(() -> spec(Map.of("contexts", 2L, "sigma", 1.0, "activation", "tanh", "bias_scale", 0.5)));
        assertTrue(inSpec.startsWith("bias_scale must be 0 for activation tanh"), inSpec);
        String inCompare = error(() -> MaxEntSpec.parse("sigma=1,activation=tanh,bias-scale=0.5").prior(2));
        assertTrue(inCompare.startsWith("--maxent bias-scale must be 0 for --maxent activation tanh"), inCompare);
        String badValue = error(() -> MaxEntSpec.parse("sigma=1,activation=exp"));
        assertTrue(badValue.startsWith("--maxent activation must be one of relu, tanh"), badValue);
        String unknown = error(() -> MaxEntSpec.parse("sigma=1,foo=2"));
        assertTrue(unknown.startsWith("--maxent key must be one of sigma, contexts, normalisation, activation") && unknown.contains("init-scale"), unknown);
        String badSigma = error(() -> MaxEntSpec.parse("sigma=-1"));
        assertTrue(badSigma.startsWith("--maxent sigma must be"), badSigma);
        // a setting the law would not read is refused, in the caller's words
        String ignoredOnCli = error(() -> MaxEntOptions.law(cli("--contexts", "2", "--sigma", "1", "--quadrature-nodes", "8"), false));
        assertTrue(ignoredOnCli.startsWith("--quadrature-nodes is used only with --activation tanh"), ignoredOnCli);
        Object[] limit = CliErrorPolicyTest.run("maxent", "limit", "--contexts", "2", "--solver", "full");
        assertEquals(2, limit[0], (String) limit[2]);
        assertTrue(((String) limit[2]).contains("--solver is used only by other maxent commands"), (String) limit[2]);
        String floorInSpec = error(() -> spec(Map.of("contexts", 2L, "sigma", 1.0, "prior_floor", 0.2)));
        assertTrue(floorInSpec.startsWith("prior_floor is used only with prior_rank >= 1"), floorInSpec);
    }

    @Test
    void theOldKeyGainsPointsToActivation() {
        String yaml = String.join("\n", "name: g", "kind: maxent-classes", "base:", "  contexts: 2", "  sigma: 1.0",
                "  gains: tanh", "");
        String e = error(() -> SpecLoader.parse(Path.of("g.yaml"), yaml));
        assertTrue(e.startsWith("g.yaml:6: ") && e.contains("gains was renamed to activation"), e);
        assertEquals(1, e.strip().lines().count(), e);
        String resolved = error(() -> MaxEntOptions.SCHEMA.resolve(Map.of("gains", "tanh"), Naming.SPEC));
        assertEquals("gains was renamed to activation (same values)", resolved);
        // compare --maxent keeps gains= as a deprecated alias, like maxent --gains
        PrintStream saved = System.err;
        ByteArrayOutputStream notice = new ByteArrayOutputStream();
        GainPrior old;
        try {
            System.setErr(new PrintStream(notice, true, StandardCharsets.UTF_8));
            old = MaxEntSpec.parse("sigma=1,gains=tanh,context-scale=2").prior(2);
        } finally {
            System.setErr(saved);
        }
        assertTrue(notice.toString(StandardCharsets.UTF_8).contains("gains is deprecated; use activation"), notice.toString());
        assertArrayEquals(MaxEntSpec.parse("sigma=1,activation=tanh,context-scale=2").prior(2).weights(), old.weights(), 0);
        String both = error(() -> MaxEntSpec.parse("sigma=1,gains=tanh,activation=relu"));
        assertTrue(both.startsWith("--maxent gains"), both);
    }
}
