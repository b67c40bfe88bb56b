package org.netropy.maxent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.netropy.connectivity.NeuronTable;
import org.netropy.io.InvalidInputException;
import org.netropy.linalg.Cholesky;
import org.netropy.task.TargetNormalisation;
import org.netropy.task.TaskMatrix;

/**
 * The structured reference law {@code w ~ N(0, σ_w² S)} (THEORY §3): the dual's derivatives, the
 * constraints, the whitening identity (the structured problem of A is the isotropic problem of
 * L⁻¹A in w' = L⁻¹w), the isotropic and large-floor limits, the sampler and bad input.
 */
class WeightPriorTest {

    static TaskMatrix task(String a) {
        return TaskMatrix.parse(a, TargetNormalisation.NONE);
    }

    /** A random SPD matrix M Mᵀ + 0.1 I, far from isotropic. */
    static double[][] randomCovariance(int d, SplittableRandom r) {
        double[][] m = new double[d][d];
        for (double[] row : m) {
            for (int j = 0; j < d; j++) {
                row[j] = r.nextGaussian();
            }
        }
        double[][] s = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                for (int k = 0; k < d; k++) {
                    s[i][j] += m[i][k] * m[j][k];
                }
                s[i][j] += i == j ? 0.1 : 0;
            }
        }
        return s;
    }

    static MaxEntSolution solveFull(MaxEntProblem p) {
        return MaxEntSolver.solve(p, new SolverSettings(1e-12, SolverSettings.DEFAULT.maxIterations(),
                SolverSettings.Method.FULL, SolverSettings.DEFAULT.quadratureTolerance()), null);
    }

    @Test
    void gradientAndHessianMatchFiniteDifferencesWithAStructuredPrior() {
        SplittableRandom r = new SplittableRandom(3);
        for (String a : new String[] {"1,0;0,1", "1,0.5,-0.2;0.3,1,0", "1,0;0,1;0.4,-0.3"}) {
            TaskMatrix t = task(a);
            WeightPrior w = WeightPrior.ofCovariance(randomCovariance(t.features(), r));
            MaxEntProblem p = MaxEntProblem.of(t, 0.8, GainPrior.uniformBinary(t.contexts()), w);
            FullDual f = new FullDual(p);
            double[] x = new double[t.features() * t.contexts()];
            for (int i = 0; i < x.length; i++) {
                x[i] = r.nextGaussian();
            }
            double max = 0;
            for (double[] g : p.prior().gains()) {
                double[] b = FullDual.tilt(x, g, t.features(), t.contexts());
                max = Math.max(max, Math.sqrt(org.netropy.linalg.Vectors.dot(b, w.apply(b))));
            }
            for (int i = 0; i < x.length; i++) {
                x[i] *= 0.6 / max; // interior: b̃ᵀSb̃ ≤ 0.36 for every pattern
            }
            DualIdentitiesTest.assertDerivativesMatchFiniteDifferences(f, x, a + " with " + w.describe());
        }
    }

    /**
     * The law solves the task: {@code Σ_g P(g) E[zw|g] gᵀ = A} to 1e-9, and agrees with the
     * isotropic law of the whitened task L⁻¹A (an independent solve) mapped back by w = L w':
     * P(g), x_g and the KL equal, {@code E[zw|g] = L E[zw'|g]}, second moments
     * {@code diag(L,1) M' diag(L,1)ᵀ}, {@code E|w|² + z²} from those moments, and the entropy
     * shifted by ½ log det S.
     */
    @Test
    void constraintsHoldAndTheLawIsTheWhitenedIsotropicLaw() {
        SplittableRandom r = new SplittableRandom(5);
        for (String a : new String[] {"1,0;0,1", "1,0.5,-0.2;0.3,1,0", "1,0;0,1;0.4,-0.3"}) {
            TaskMatrix t = task(a);
            WeightPrior w = WeightPrior.ofCovariance(randomCovariance(t.features(), r));
            for (double sigma : new double[] {0.4, 1.0, 3.0}) {
                MaxEntSolution s = solveFull(MaxEntProblem.of(t, sigma, GainPrior.uniformBinary(t.contexts()), w));
                assertTrue(s.converged(), a + " sigma " + sigma);
                double[][] m = s.achievedTask();
                for (int j = 0; j < t.features(); j++) {
                    for (int k = 0; k < t.contexts(); k++) {
                        assertEquals(t.get(j, k), m[j][k], 1e-9, "constraint " + j + "," + k + " of " + a);
                    }
                }
                MaxEntSolution iso = solveFull(MaxEntProblem.of(w.whiten(t), sigma, GainPrior.uniformBinary(t.contexts())));
                double[][] l = w.choleskyFactor();
                int d = t.features();
                assertEquals(iso.kl(), s.kl(), 1e-9 * Math.max(1, iso.kl()), "KL");
                assertEquals(iso.entropy() + 0.5 * Cholesky.of(w.shape()).logDeterminant(), s.entropy(), 1e-9 * Math.max(1, Math.abs(s.entropy())));
                double norm = 0;
                for (int g = 0; g < s.populations().size(); g++) {
                    Population ps = s.populations().get(g);
                    Population pi = iso.populations().get(g);
                    assertEquals(pi.label(), ps.label());
                    assertEquals(pi.probability(), ps.probability(), 1e-9, "P(" + ps.label() + ")");
                    assertEquals(pi.structure(), ps.structure(), 1e-9, "x_" + ps.label());
                    double[] mapped = times(l, pi.crossCovariance());
                    double[][] mom = pi.secondMoment();
                    for (int i = 0; i < d; i++) {
                        assertEquals(mapped[i], ps.crossCovariance()[i], 1e-9 * Math.max(1, Math.abs(mapped[i])), "E[zw|g]");
                        for (int j = 0; j < d; j++) {
                            double v = 0; // (L M'_ww Lᵀ)_ij
                            for (int p = 0; p < d; p++) {
                                for (int q = 0; q < d; q++) {
                                    v += l[i][p] * mom[p][q] * l[j][q];
                                }
                            }
                            assertEquals(v, ps.secondMoment()[i][j], 1e-9 * Math.max(1, Math.abs(v)), "E[wwᵀ|g]");
                            norm += i == j ? ps.probability() * v : 0;
                        }
                    }
                    assertEquals(mom[d][d], ps.secondMoment()[d][d], 1e-9 * Math.max(1, mom[d][d]), "E[z²|g]");
                    norm += ps.probability() * mom[d][d];
                }
                assertEquals(norm, s.meanSquaredNorm(), 1e-9 * norm, "E|w|² + z² from the mapped second moments");
            }
        }
    }

    static double[] times(double[][] l, double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            for (int j = 0; j < v.length; j++) {
                out[i] += l[i][j] * v[j];
            }
        }
        return out;
    }

    /** Σ_w = σ² I given as a covariance (any scale), and a rank-D prior, reproduce the isotropic law to 1e-10. */
    @Test
    void isotropicCovarianceAndFullRankReproduceTheIsotropicLaw() {
        TaskMatrix t = task("1,0.5,-0.2;0.3,1,0");
        double[][] scaledIdentity = {{7, 0}, {0, 7}};
        WeightPrior[] same = {WeightPrior.ofCovariance(scaledIdentity),
                WeightPrior.taskAligned(t, 2, 0.0, "prior-rank", "prior-floor"),
                WeightPrior.taskAligned(t, 2, 0.3, "prior-rank", "prior-floor"),
                WeightPrior.randomSubspace(2, 2, 0.0, new SplittableRandom(1), "prior-rank", "prior-floor")};
        for (double sigma : new double[] {0.5, 1.5}) {
            MaxEntSolution iso = solveFull(MaxEntProblem.of(t, sigma, GainPrior.uniformBinary(3)));
            for (WeightPrior w : same) {
                assertFalse(w.isotropic(), "takes the structured code path");
                MaxEntSolution s = solveFull(MaxEntProblem.of(t, sigma, GainPrior.uniformBinary(3), w));
                assertEquals(iso.kl(), s.kl(), 1e-10, w.describe());
                assertEquals(iso.entropy(), s.entropy(), 1e-10, w.describe());
                assertEquals(iso.meanSquaredNorm(), s.meanSquaredNorm(), 1e-10, w.describe());
                assertEquals(iso.traceCovariance(), s.traceCovariance(), 1e-10, w.describe());
                for (int g = 0; g < s.populations().size(); g++) {
                    Population a = iso.populations().get(g);
                    Population b = s.populations().get(g);
                    assertEquals(a.probability(), b.probability(), 1e-10);
                    for (int j = 0; j < 2; j++) {
                        assertEquals(a.crossCovariance()[j], b.crossCovariance()[j], 1e-10);
                        for (int k = 0; k < 3; k++) {
                            assertEquals(a.secondMoment()[j][k], b.secondMoment()[j][k], 1e-10);
                        }
                    }
                }
            }
        }
    }

    /** A large floor ε makes S = I + O(1/ε): the law tends to the isotropic one at that rate. */
    @Test
    void largeFloorTendsToTheIsotropicLaw() {
        TaskMatrix t = TaskMatrix.identity(3, TargetNormalisation.NONE);
        MaxEntSolution iso = solveFull(MaxEntProblem.of(t, 0.7, GainPrior.uniformBinary(3)));
        double previous = Double.POSITIVE_INFINITY;
        for (double eps : new double[] {1e1, 1e3, 1e5}) {
            WeightPrior w = WeightPrior.taskAligned(t, 1, eps, "prior-rank", "prior-floor");
            MaxEntSolution s = solveFull(MaxEntProblem.of(t, 0.7, GainPrior.uniformBinary(3), w));
            double diff = Math.abs(s.kl() - iso.kl());
            assertTrue(diff < previous, "closer to isotropic as eps grows: " + diff + " at " + eps);
            assertTrue(diff < 50 * iso.kl() / eps, "O(1/eps): " + diff + " at " + eps);
            previous = diff;
        }
        // and a small floor moves the law: weight along the prior's direction is cheap
        WeightPrior sharp = WeightPrior.taskAligned(t, 1, 0.05, "prior-rank", "prior-floor");
        MaxEntSolution s = solveFull(MaxEntProblem.of(t, 0.7, GainPrior.uniformBinary(3), sharp));
        assertTrue(Math.abs(s.kl() - iso.kl()) > 0.1, "a rank-1 prior changes the law");
    }

    /** The task-aligned rank-R shape: trace D, U = first task directions, eigenvalues (D/R + ε)/(1+ε) and ε/(1+ε). */
    @Test
    void lowRankShapeIsNormalisedAndSpansTheTaskDirections() {
        TaskMatrix t = task("1,0;0,1;0,0");
        WeightPrior w = WeightPrior.taskAligned(t, 1, 0.05, "prior-rank", "prior-floor");
        double[][] s = w.shape();
        assertEquals(3.0, s[0][0] + s[1][1] + s[2][2], 1e-12);
        assertEquals((3 + 0.05) / 1.05, s[0][0], 1e-12, "variance along the first task direction");
        assertEquals(0.05 / 1.05, s[1][1], 1e-12);
        assertEquals(0, s[0][1], 1e-12);
        assertEquals(1, w.rank());
        assertEquals(0.05, w.floor());
    }

    /**
     * Sampled moments against the closed form (independent draws, N = 200 000, seed 17): tr Cov(T)
     * and each population's fraction, E[zw|g] and E[wwᵀ|g] within 5 standard errors estimated from
     * the sample itself.
     */
    @Test
    void sampledMomentsMatchTheClosedFormUnderAStructuredPrior() {
        TaskMatrix t = TaskMatrix.identity(2, TargetNormalisation.NONE);
        WeightPrior w = WeightPrior.ofCovariance(new double[][] {{2.0, 0.6}, {0.6, 0.5}});
        MaxEntSolution s = MaxEntSolver.solve(MaxEntProblem.of(t, 0.9, GainPrior.uniformBinary(2), w));
        int n = 200_000;
        NeuronTable net = MaxEntSampler.sample(s, n, false, 1.0, new SplittableRandom(17));
        // tr Cov(T) = E|z w gᵀ|² − |A|² (T = z w gᵀ), the finite-N error scale
        double t2 = 0;
        double t4 = 0;
        for (int i = 0; i < n; i++) {
            double[] wi = net.w()[i];
            double v = net.z()[i] * net.z()[i] * (wi[0] * wi[0] + wi[1] * wi[1])
                    * (net.gain()[i][0] * net.gain()[i][0] + net.gain()[i][1] * net.gain()[i][1]);
            t2 += v / n;
            t4 += v * v / n;
        }
        assertEquals(s.traceCovariance(), t2 - 2, 5 * Math.sqrt((t4 - t2 * t2) / n), "tr Cov(T)");
        for (Population p : s.populations()) {
            int count = 0;
            double[] sum = new double[5]; // z w_0, z w_1, w_0 w_0, w_0 w_1, w_1 w_1
            double[] sum2 = new double[5];
            for (int i = 0; i < n; i++) {
                if (!GainPrior.label(net.gain()[i]).equals(p.label())) {
                    continue;
                }
                count++;
                double z = net.z()[i];
                double[] wi = net.w()[i];
                double[] v = {z * wi[0], z * wi[1], wi[0] * wi[0], wi[0] * wi[1], wi[1] * wi[1]};
                for (int k = 0; k < 5; k++) {
                    sum[k] += v[k];
                    sum2[k] += v[k] * v[k];
                }
            }
            double se = Math.sqrt(p.probability() * (1 - p.probability()) / n);
            assertEquals(p.probability(), (double) count / n, 5 * se, "P(" + p.label() + ")");
            double[] expected = {p.crossCovariance()[0], p.crossCovariance()[1], p.secondMoment()[0][0],
                    p.secondMoment()[0][1], p.secondMoment()[1][1]};
            for (int k = 0; k < 5; k++) {
                double mean = sum[k] / count;
                double sd = Math.sqrt(sum2[k] / count - mean * mean);
                assertEquals(expected[k], mean, 5 * sd / Math.sqrt(count), "moment " + k + " of " + p.label());
            }
        }
    }

    @Test
    void normMatchingHonoursTheStructuredPrior() {
        TaskMatrix t = TaskMatrix.identity(2, TargetNormalisation.NONE);
        WeightPrior w = WeightPrior.taskAligned(t, 1, 0.05, "prior-rank", "prior-floor");
        NormMatchedScale.Result r = NormMatchedScale.solve(t, GainPrior.uniformBinary(2), w, 10.0, SolverSettings.DEFAULT);
        assertEquals(10.0, r.solution().meanSquaredNorm(), 1e-8);
        assertFalse(r.solution().problem().weights().isotropic());
        double fromMoments = 0;
        for (Population p : r.solution().populations()) {
            double[][] m = p.secondMoment();
            fromMoments += p.probability() * (m[0][0] + m[1][1] + m[2][2]);
        }
        assertEquals(10.0, fromMoments, 1e-8, "the matched norm, from the second moments");
        // the sigma -> 0 norm under this prior exceeds 2 S*(A) (the law minimises an S^-1-weighted
        // norm): a norm in between is refused with a one-line error, not returned unmatched
        double small = MaxEntSolver.solve(MaxEntProblem.of(t, 1e-3, GainPrior.uniformBinary(2), w)).meanSquaredNorm();
        double minimum = 2 * GroupNormLimit.solve(t, GainPrior.uniformBinary(2)).cost();
        assertTrue(small > 1.05 * minimum, small + " vs " + minimum);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> NormMatchedScale.solve(t,
                GainPrior.uniformBinary(2), w, 0.5 * (small + minimum), SolverSettings.DEFAULT));
        assertOneLine(e, "squared weight norm");
    }

    @Test
    void theReducedSolverRefusesAStructuredPriorAndAutoPicksFull() {
        TaskMatrix t = TaskMatrix.identity(3, TargetNormalisation.NONE);
        WeightPrior w = WeightPrior.taskAligned(t, 1, 0.05, "prior-rank", "prior-floor");
        MaxEntProblem p = MaxEntProblem.of(t, 0.8, GainPrior.uniformBinary(3), w);
        assertEquals("full", MaxEntSolver.solve(p).method());
        assertEquals("reduced", MaxEntSolver.solve(MaxEntProblem.of(t, 0.8, GainPrior.uniformBinary(3))).method());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> MaxEntSolver.solve(p,
                new SolverSettings(1e-11, 200, SolverSettings.Method.REDUCED, 1e-6), null));
        assertOneLine(e, "--solver");
    }

    @Test
    void badInputGivesOneLineErrors() {
        TaskMatrix t = TaskMatrix.identity(2, TargetNormalisation.NONE);
        assertOneLine(assertThrows(InvalidInputException.class,
                () -> WeightPrior.ofCovariance(new double[][] {{1, 2}, {2, 1}})), "positive definite");
        assertOneLine(assertThrows(InvalidInputException.class,
                () -> WeightPrior.ofCovariance(new double[][] {{1, 0.2}, {0.1, 1}})), "symmetric");
        assertOneLine(assertThrows(InvalidInputException.class,
                () -> WeightPrior.ofCovariance(new double[][] {{1, 0}, {0}})), "square");
        WeightPrior three = WeightPrior.ofCovariance(new double[][] {{1, 0, 0}, {0, 2, 0}, {0, 0, 3}});
        assertOneLine(assertThrows(InvalidInputException.class,
                () -> MaxEntProblem.of(t, 1, GainPrior.uniformBinary(2), three)), "D = 2");
        assertOneLine(assertThrows(InvalidInputException.class,
                () -> WeightPrior.taskAligned(t, 3, 0.05, "--prior-rank", "--prior-floor")), "--prior-rank");
        assertOneLine(assertThrows(InvalidInputException.class,
                () -> WeightPrior.taskAligned(t, 0, 0.05, "--prior-rank", "--prior-floor")), "--prior-rank");
        assertOneLine(assertThrows(InvalidInputException.class,
                () -> WeightPrior.taskAligned(t, 1, -0.1, "--prior-rank", "--prior-floor")), "--prior-floor");
        assertOneLine(assertThrows(InvalidInputException.class,
                () -> WeightPrior.taskAligned(t, 1, 0.0, "--prior-rank", "--prior-floor")), "--prior-floor");
        assertOneLine(assertThrows(InvalidInputException.class,
                () -> WeightPrior.ofInitialWeights(new double[][] {{1, 2}, {2, 4}}, 0.0, "prior_floor")), "prior_floor");
    }

    @Test
    void initialWeightsPriorIsTheirSecondMomentPlusFloor() {
        double[][] rows = {{1, 2}, {-1, -2}, {0.5, 1}}; // rank 1, direction (1, 2)/√5
        WeightPrior w = WeightPrior.ofInitialWeights(rows, 0.05, "prior_floor");
        double m00 = (1 + 1 + 0.25) / 3;
        double m01 = (2 + 2 + 0.5) / 3;
        double m11 = (4 + 4 + 1) / 3;
        double mean = (m00 + m11) / 2;
        double scale = 2 / ((m00 + m11) * 1.05);
        assertEquals((m00 + 0.05 * mean) * scale, w.shape()[0][0], 1e-12);
        assertEquals(m01 * scale, w.shape()[0][1], 1e-12);
        assertEquals((m11 + 0.05 * mean) * scale, w.shape()[1][1], 1e-12);
    }

    static void assertOneLine(InvalidInputException e, String names) {
        assertTrue(e.getMessage().contains(names), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
}
