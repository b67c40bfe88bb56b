package org.netropy.maxent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.netropy.task.TargetNormalisation;
import org.netropy.task.TaskMatrix;

/** Convergence across σ and C, the reduced solver, and the analytic limits of THEORY §3. */
class SolverLimitsTest {
    static final SolverSettings FULL = SolverSettings.DEFAULT.withMethod(SolverSettings.Method.FULL);
    static final SolverSettings REDUCED = SolverSettings.DEFAULT.withMethod(SolverSettings.Method.REDUCED);

    static MaxEntProblem identity(int c, double sigma) {
        return MaxEntProblem.of(TaskMatrix.identity(c, TargetNormalisation.NONE), sigma, GainPrior.uniformBinary(c));
    }

    static double[] sigmaGrid(int points) {
        double[] s = new double[points];
        for (int i = 0; i < points; i++) {
            s[i] = 0.03 * Math.pow(10 / 0.03, i / (points - 1.0));
        }
        return s;
    }

    @Test
    void fullSolverConvergesAcrossSigmaForSmallC() {
        for (int c = 1; c <= 4; c++) {
            for (double sigma : sigmaGrid(12)) {
                MaxEntSolution s = MaxEntSolver.solve(identity(c, sigma), FULL, null);
                assertTrue(s.converged() && s.residual() < 1e-10, "C=" + c + " sigma=" + sigma + " residual " + s.residual());
                assertTrue(Double.isFinite(s.kl()) && s.kl() >= 0);
            }
        }
    }

    @Test
    @Tag("slow")
    void fullSolverConvergesAcrossSigmaUpToEightContexts() {
        for (int c = 5; c <= 8; c++) {
            for (double sigma : sigmaGrid(20)) {
                MaxEntSolution s = MaxEntSolver.solve(identity(c, sigma), FULL, null);
                assertTrue(s.converged() && s.residual() < 1e-10, "C=" + c + " sigma=" + sigma + " residual " + s.residual());
            }
        }
    }

    @Test
    void reducedSolverAgreesWithFullSolver() {
        for (int c = 2; c <= 6; c++) {
            for (double sigma : new double[] {0.05, 0.3, 1, 4}) {
                MaxEntSolution full = MaxEntSolver.solve(identity(c, sigma), FULL, null);
                MaxEntSolution red = MaxEntSolver.solve(identity(c, sigma), REDUCED, null);
                assertEquals("reduced", red.method());
                assertEquals(full.kl(), red.kl(), 1e-9 * Math.max(1, full.kl()), "KL C=" + c + " σ=" + sigma);
                for (int m = 0; m <= c; m++) {
                    assertEquals(full.classProbability(m), red.classProbability(m), 1e-9, "P(m=" + m + ") C=" + c);
                }
                assertEquals(full.scaledLambda()[0][1], red.scaledLambda()[0][1], 1e-7);
            }
        }
    }

    @Test
    void reducedSolverHandlesSixtyFourContexts() {
        for (double sigma : new double[] {0.03, 0.3, 3, 10}) {
            MaxEntSolution s = MaxEntSolver.solve(identity(64, sigma));
            assertTrue(s.converged() && s.residual() < 1e-10, "σ=" + sigma + " residual " + s.residual());
            double total = s.classes().stream().mapToDouble(PatternClass::probability).sum();
            assertEquals(1, total, 1e-12);
        }
    }

    /** σ → ∞: κΛ → A S⁻¹ with S⁻¹ = 4(I − J/(C+1)), P → π, 2κ·KL → tr(A S⁻¹ Aᵀ). */
    @Test
    void largeSigmaLimit() {
        int c = 3;
        double sigma = 200;
        MaxEntSolution s = MaxEntSolver.solve(identity(c, sigma), FULL, null);
        double kappa = Math.pow(sigma, 4);
        for (int j = 0; j < c; j++) {
            for (int k = 0; k < c; k++) {
                double expected = 4 * ((j == k ? 1 : 0) - 1.0 / (c + 1));
                assertEquals(expected, kappa * s.lambda()[j][k], 1e-3 * 4);
            }
        }
        for (Population p : s.populations()) {
            assertEquals(p.prior(), p.probability(), 1e-4);
        }
        double trace = 4 * c * (1 - 1.0 / (c + 1)); // tr(I·S⁻¹·I)
        assertEquals(trace, 2 * kappa * s.kl(), 1e-3 * trace);
    }

    /** σ → 0: √κ·E[|w|²/s + z²/t] → 2S*(I_C) with S* = √(2+√3), 3√3/2, √10 for C = 2, 3, 4. */
    @Test
    void smallSigmaLimitApproachesGroupNormCost() {
        double[] expected = {Math.sqrt(2 + Math.sqrt(3)), 3 * Math.sqrt(3) / 2, Math.sqrt(10)};
        for (int c = 2; c <= 4; c++) {
            double sigma = 1e-3;
            MaxEntSolution s = MaxEntSolver.solve(identity(c, sigma));
            assertTrue(s.converged(), "C=" + c);
            double cost = Math.sqrt(s.problem().kappa()) * normalisedSquaredNorm(s);
            assertEquals(2 * expected[c - 2], cost, 1e-3 * expected[c - 2], "C=" + c);
        }
    }

    /** E[|w|²/s + z²/t] = Σ_m P_m (D + x/q + 1/q). */
    static double normalisedSquaredNorm(MaxEntSolution s) {
        double d = s.problem().features();
        double sum = 0;
        for (PatternClass c : s.classes()) {
            double q = 1 - c.structure();
            sum += c.probability() * (d + (1 - q) / q + 1 / q);
        }
        return sum;
    }

    /** C = D = 1, target a: P(1) = 1/(1+√q), where q solves √(κ(1−q)) = a q (1+√q). */
    @Test
    void singleContextClosedForm() {
        for (double a : new double[] {0.5, 1, 2}) {
            for (double sigma : new double[] {0.1, 0.7, 3}) {
                double kappa = Math.pow(sigma, 4);
                double lo = 1e-15;
                double hi = 1;
                for (int i = 0; i < 200; i++) { // the left side falls and the right side rises in q
                    double mid = 0.5 * (lo + hi);
                    double f = Math.sqrt(kappa * (1 - mid)) - a * mid * (1 + Math.sqrt(mid));
                    if (f > 0) {
                        lo = mid;
                    } else {
                        hi = mid;
                    }
                }
                double q = 0.5 * (lo + hi);
                MaxEntProblem p = MaxEntProblem.of(new TaskMatrix(new double[][] {{a}}), sigma, GainPrior.uniformBinary(1));
                MaxEntSolution s = MaxEntSolver.solve(p);
                Population active = s.populations().stream().filter(x -> x.label().equals("1")).findFirst().orElseThrow();
                assertEquals(1 / (1 + Math.sqrt(q)), active.probability(), 1e-9, "a=" + a + " σ=" + sigma);
                assertEquals(q, active.q(), 1e-9);
            }
        }
    }

    /** (s, t) → (a²s, t/a²) keeps κ, hence P(g) and x_g. */
    @Test
    void rescalingInvariance() {
        TaskMatrix task = TaskMatrix.parse("1,0.4;-0.3,0.9", TargetNormalisation.NONE);
        MaxEntSolution s1 = MaxEntSolver.solve(new MaxEntProblem(task, 0.6, 0.6, GainPrior.uniformBinary(2)));
        MaxEntSolution s2 = MaxEntSolver.solve(new MaxEntProblem(task, 0.6 * 3, 0.6 / 3, GainPrior.uniformBinary(2)));
        for (int i = 0; i < s1.populations().size(); i++) {
            assertEquals(s1.populations().get(i).probability(), s2.populations().get(i).probability(), 1e-10);
            assertEquals(s1.populations().get(i).structure(), s2.populations().get(i).structure(), 1e-10);
        }
    }

    /** Permuting contexts and features together permutes Λ. */
    @Test
    void permutationEquivariance() {
        double[][] a = {{1, 0.2, 0}, {0.1, 0.8, -0.3}, {0, 0.4, 1.2}};
        int[] perm = {2, 0, 1};
        double[][] b = new double[3][3];
        for (int j = 0; j < 3; j++) {
            for (int k = 0; k < 3; k++) {
                b[perm[j]][perm[k]] = a[j][k];
            }
        }
        MaxEntSolution s1 = MaxEntSolver.solve(MaxEntProblem.of(new TaskMatrix(a), 0.5, GainPrior.uniformBinary(3)));
        MaxEntSolution s2 = MaxEntSolver.solve(MaxEntProblem.of(new TaskMatrix(b), 0.5, GainPrior.uniformBinary(3)));
        for (int j = 0; j < 3; j++) {
            for (int k = 0; k < 3; k++) {
                assertEquals(s1.lambda()[j][k], s2.lambda()[perm[j]][perm[k]], 1e-8 * Math.abs(s1.lambda()[0][0]));
            }
        }
    }

    @Test
    void achievedTaskMatchesTarget() {
        TaskMatrix task = TaskMatrix.parse("1,-0.5;0.25,2;0,1", TargetNormalisation.NONE);
        MaxEntSolution s = MaxEntSolver.solve(MaxEntProblem.of(task, 0.2, GainPrior.uniformBinary(2)));
        double[][] m = s.achievedTask();
        for (int j = 0; j < 3; j++) {
            for (int k = 0; k < 2; k++) {
                assertEquals(task.get(j, k), m[j][k], 1e-9);
            }
        }
        List<Population> pops = s.populations();
        assertEquals(4, pops.size());
        assertEquals(1, pops.stream().mapToDouble(Population::probability).sum(), 1e-12);
    }
}
