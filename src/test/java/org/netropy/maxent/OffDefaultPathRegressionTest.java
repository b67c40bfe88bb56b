package org.netropy.maxent;

import org.netropy.activation.Nonlinearity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.netropy.task.TargetNormalisation;
import org.netropy.task.TaskMatrix;

/**
 * The four defects of the max-ent engine off its default path (A = a·I, uniform binary ReLU
 * gains), each as it was first seen from the command line.
 */
class OffDefaultPathRegressionTest {

    /** E|w|² + z² from the populations' own second moments (trace of E[(w,z)(w,z)ᵀ|g]). */
    static double squaredNormFromMoments(MaxEntSolution s) {
        double sum = 0;
        for (Population p : s.populations()) {
            double[][] m = p.secondMoment();
            double trace = 0;
            for (int i = 0; i < m.length; i++) {
                trace += m[i][i];
            }
            sum += p.probability() * trace;
        }
        return sum;
    }

    /** Defect 1: `norm-match --contexts 2 --squared-norm 6.1 --task-matrix "0.8,0.3;-0.2,1.1"` missed by 0.8%. */
    @Test
    void normMatchingIsExactForANonIdentityTask() {
        TaskMatrix task = TaskMatrix.parse("0.8,0.3;-0.2,1.1", TargetNormalisation.NONE);
        GainPrior prior = GainPrior.uniformBinary(2);
        NormMatchedScale.Result r = NormMatchedScale.solve(task, prior, 6.1, SolverSettings.DEFAULT);
        MaxEntSolution atTau = MaxEntSolver.solve(MaxEntProblem.of(task, r.tau(), prior));
        assertEquals(6.1, squaredNormFromMoments(atTau), 1e-9 * 6.1);
    }

    /**
     * Defect 2: `solve --contexts 2 --sigma 1 --gains tanh --context-scale 2` gave P(00) = 0.015 /
     * 0.133 / 0.376 with 6 / 20 / 80 nodes. The default solve must agree with a dense independent
     * integration at its own Λ̃, and the law must be normalisable over the whole gain box.
     */
    @Test
    void continuousGainsAgreeWithAnIndependentIntegration() {
        TaskMatrix task = TaskMatrix.identity(2, TargetNormalisation.NONE);
        GainPrior prior = GainPrior.forActivation(Nonlinearity.TANH, 2, 2.0, 0, 6, 20_000);
        MaxEntSolution s = MaxEntSolver.solve(MaxEntProblem.of(task, 1.0, prior));
        DenseGainIntegral.Result exact = DenseGainIntegral.evaluate(s, Nonlinearity.TANH, 2.0, 1.0, 24, 10);
        for (Population pop : s.populations()) {
            assertEquals(exact.probability().get(pop.label()), pop.probability(), 1e-6, "P(" + pop.label() + ")");
        }
        assertEquals(exact.kl(), s.kl(), 1e-6, "KL");
    }

    /** Defect 3: `maxent limit --contexts 6` had primalCost 4.1633301 below the dual 4.1633320. */
    @Test
    void limitPrimalIsFeasibleAndAboveTheDual() {
        int c = 6;
        TaskMatrix task = TaskMatrix.identity(c, TargetNormalisation.NONE);
        GroupNormLimit.Solution s = GroupNormLimit.solve(task, GainPrior.uniformBinary(c));
        double[][] m = new double[c][c];
        for (GroupNormLimit.PatternWeight p : s.patterns()) {
            for (int k = 0; k < c; k++) {
                if (p.label().charAt(k) == '1') {
                    for (int j = 0; j < c; j++) {
                        m[j][k] += p.amplitude()[j];
                    }
                }
            }
        }
        double err = 0;
        for (int j = 0; j < c; j++) {
            for (int k = 0; k < c; k++) {
                err += Math.pow(m[j][k] - task.get(j, k), 2);
            }
        }
        assertTrue(Math.sqrt(err / c) <= 1e-10, "primal residual " + Math.sqrt(err / c));
        assertTrue(s.primalCost() >= s.cost(), "primal " + s.primalCost() + " below dual " + s.cost());
    }

    /**
     * Defect 4: the automatic choice enumerated all 2^C patterns up to C = 16 for A = a·I with an
     * exchangeable prior (3.1 GB for a 10-point scan). A C = 16 solve now allocates what its C + 1
     * classes need (bytes counted by the JVM, deterministic, unlike time).
     */
    @Test
    void symmetricSixteenContextSolveDoesNotEnumerate() {
        int c = 16;
        MaxEntProblem p = MaxEntProblem.of(TaskMatrix.identity(c, TargetNormalisation.NONE), 1.0, GainPrior.uniformBinary(c));
        MaxEntSolver.solve(p); // warm-up (class loading)
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = mx.getCurrentThreadAllocatedBytes();
        MaxEntSolution s = MaxEntSolver.solve(p);
        long bytes = mx.getCurrentThreadAllocatedBytes() - before;
        assertEquals("reduced", s.method());
        assertTrue(bytes < 20_000_000L, "a C = 16 symmetric solve allocated " + bytes / 1_000_000 + " MB");
    }

    /** The reduced solver's lazily computed populations are the full solver's, pattern by pattern. */
    @Test
    void lazyPopulationsMatchTheFullEnumeration() {
        int c = 4;
        MaxEntProblem p = MaxEntProblem.of(TaskMatrix.identity(c, TargetNormalisation.NONE), 0.4, GainPrior.uniformBinary(c));
        MaxEntSolution full = MaxEntSolver.solve(p, SolverSettings.DEFAULT.withMethod(SolverSettings.Method.FULL), null);
        MaxEntSolution reduced = MaxEntSolver.solve(p);
        assertEquals("reduced", reduced.method());
        assertEquals(full.populations().size(), reduced.populations().size());
        assertEquals(full.meanSquaredNorm(), reduced.meanSquaredNorm(), 1e-9);
        for (int i = 0; i < full.populations().size(); i++) {
            Population a = full.populations().get(i);
            Population b = reduced.populations().get(i);
            assertEquals(a.label(), b.label());
            assertEquals(a.probability(), b.probability(), 1e-9, a.label());
            assertEquals(a.structure(), b.structure(), 1e-9, a.label());
            for (int j = 0; j < c; j++) {
                assertEquals(a.crossCovariance()[j], b.crossCovariance()[j], 1e-8, a.label());
                for (int k = 0; k <= c; k++) {
                    assertEquals(a.secondMoment()[j][k], b.secondMoment()[j][k], 1e-8, a.label());
                }
            }
        }
    }
}
