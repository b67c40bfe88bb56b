package org.netropy.experiment.kinds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netropy.cli.CliRunner;
import org.netropy.maxent.GainPrior;
import org.netropy.maxent.MaxEntProblem;
import org.netropy.maxent.MaxEntSolver;
import org.netropy.maxent.WeightPrior;
import org.netropy.task.TargetNormalisation;
import org.netropy.task.TaskMatrix;

/** Spec parameters prior_rank / prior_floor (max-ent kinds) and reference_prior (gd-maxent). */
class MaxEntPriorParametersTest {
    @TempDir
    Path dir;

    /** σ → ∞ under a structured prior: KL·κ → tr(Aᵀ S⁻¹ A S_π⁻¹)/2, against the solved law at σ = 30. */
    @Test
    void largeSigmaKlUnderAStructuredPriorIsTheSolvedAsymptote() {
        TaskMatrix t = TaskMatrix.identity(3, TargetNormalisation.NONE);
        for (WeightPrior w : new WeightPrior[] {WeightPrior.ISOTROPIC, WeightPrior.taskAligned(t, 1, 0.05, "prior_rank", "prior_floor"),
                WeightPrior.taskAligned(t, 2, 0.3, "prior_rank", "prior_floor")}) {
            MaxEntProblem p = MaxEntProblem.of(t, 30, GainPrior.uniformBinary(3), w);
            double asymptote = MaxEntClassesKind.largeSigmaKl(p);
            double kl = MaxEntSolver.solve(p).kl();
            assertEquals(kl, asymptote, 1e-3 * kl, w.describe());
        }
    }

    private Object[] run(String kind, String... base) throws Exception {
        StringBuilder b = new StringBuilder("name: prior-spec\nkind: " + kind + "\nbase:\n");
        for (String line : base) {
            b.append("  ").append(line).append('\n');
        }
        b.append("seeds: 1\n");
        Path spec = dir.resolve("prior-spec.yaml");
        Files.writeString(spec, b.toString());
        return CliRunner.run("run", spec.toString(), "--results", dir.resolve("results").toString(), "--no-progress", "--dry-run");
    }

    @Test
    void badPriorParametersAreOneLineErrorsBeforeAnythingRuns() throws Exception {
        String[][] bad = {
            {"maxent-classes", "contexts: 2", "sigma: 1.0", "prior_rank: 3"},
            {"maxent-classes", "contexts: 2", "sigma: 1.0", "prior_floor: 0.2"},
            {"maxent-sample", "contexts: 2", "sigma: 1.0", "neurons: 100", "prior_rank: 1", "prior_floor: 0"},
            {"gd-maxent", "contexts: 2", "init_scale: 0.5", "prior_floor: 0.2"},
        };
        String[] names = {"prior_rank", "prior_floor", "prior_floor", "prior_floor"};
        for (int i = 0; i < bad.length; i++) {
            String[] base = java.util.Arrays.copyOfRange(bad[i], 1, bad[i].length);
            Object[] r = run(bad[i][0], base);
            String err = (String) r[2];
            assertEquals(2, r[0], String.join(", ", bad[i]) + " -> " + err);
            assertEquals(1, err.strip().lines().count(), err);
            assertTrue(err.contains(names[i]), err);
        }
        Object[] ok = run("maxent-classes", "contexts: 2", "sigma: 1.0", "prior_rank: 1", "prior_floor: 0.1");
        assertEquals(0, ok[0], (String) ok[2]);
        Object[] gd = run("gd-maxent", "contexts: 2", "init_scale: 0.5", "reference_prior: initialisation", "prior_floor: 0.1");
        assertEquals(0, gd[0], (String) gd[2]);
    }
}
