package org.netropy.maxent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.netropy.linalg.Cholesky;
import org.netropy.task.TargetNormalisation;
import org.netropy.task.TaskMatrix;

/** THEORY §3 identities of the dual: derivatives against finite differences, convexity, KL = −G. */
class DualIdentitiesTest {

    static MaxEntProblem problem(String a, double sigma) {
        TaskMatrix task = TaskMatrix.parse(a, TargetNormalisation.NONE);
        return MaxEntProblem.of(task, sigma, GainPrior.uniformBinary(task.contexts()));
    }

    /** A random interior point: |Λ̃g| ≤ 0.6 for every pattern. */
    static double[] interiorPoint(MaxEntProblem p, SplittableRandom r) {
        double[] x = new double[p.features() * p.contexts()];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextGaussian();
        }
        double max = 0;
        for (double[] g : p.prior().gains()) {
            double[] b = FullDual.tilt(x, g, p.features(), p.contexts());
            max = Math.max(max, Math.sqrt(org.netropy.linalg.Vectors.dot(b, b)));
        }
        for (int i = 0; i < x.length; i++) {
            x[i] *= 0.6 / max;
        }
        return x;
    }

    @Test
    void gradientAndHessianMatchFiniteDifferences() {
        SplittableRandom r = new SplittableRandom(7);
        for (String a : new String[] {"1,0;0,1", "1,0.5,-0.2;0.3,1,0", "0.7"}) {
            MaxEntProblem p = problem(a, 0.8);
            FullDual f = new FullDual(p);
            double[] x = interiorPoint(p, r);
            assertDerivativesMatchFiniteDifferences(f, x, a);
        }
    }

    /** Central differences (h = 1e-6) of value and gradient against the gradient and Hessian; the Hessian is PD. */
    static void assertDerivativesMatchFiniteDifferences(DualFunction f, double[] x, String what) {
        DualFunction.Evaluation e = f.evaluate(x, true);
        double h = 1e-6;
        for (int i = 0; i < x.length; i++) {
            double[] xp = x.clone();
            double[] xm = x.clone();
            xp[i] += h;
            xm[i] -= h;
            DualFunction.Evaluation ep = f.evaluate(xp, true);
            DualFunction.Evaluation em = f.evaluate(xm, true);
            double fd = (ep.value() - em.value()) / (2 * h);
            assertEquals(fd, e.gradient()[i], 1e-7 * Math.max(1, Math.abs(fd)), "gradient " + i + " of " + what);
            for (int j = 0; j < x.length; j++) {
                double fdh = (ep.gradient()[j] - em.gradient()[j]) / (2 * h);
                assertEquals(fdh, e.hessian()[j][i], 1e-6 * Math.max(1, Math.abs(fdh)), "hessian " + i + "," + j + " of " + what);
            }
        }
        assertNotNull(Cholesky.of(e.hessian()), "Hessian is positive definite for " + what);
    }

    @Test
    void symmetricDualDerivativesMatchFiniteDifferencesAndFullDual() {
        int c = 4;
        double kappa = 0.3;
        SymmetricDual s = new SymmetricDual(c, GainPrior.uniformBinary(c).patternPriorBySize(), 1.0, kappa);
        MaxEntProblem p = MaxEntProblem.of(TaskMatrix.identity(c, TargetNormalisation.NONE), Math.pow(kappa, 0.25),
                GainPrior.uniformBinary(c));
        FullDual f = new FullDual(p);
        double[] x = {0.2, -0.05};
        DualFunction.Evaluation e = s.evaluate(x, true);
        double[][] full = MaxEntSolver.symmetricLambda(c, x);
        double[] flat = new double[c * c];
        for (int j = 0; j < c; j++) {
            System.arraycopy(full[j], 0, flat, j * c, c);
        }
        assertEquals(f.evaluate(flat, false).value(), e.value(), 1e-12, "reduced dual = full dual on the symmetric subspace");
        double h = 1e-6;
        for (int i = 0; i < 2; i++) {
            double[] xp = x.clone();
            double[] xm = x.clone();
            xp[i] += h;
            xm[i] -= h;
            assertEquals((s.evaluate(xp, false).value() - s.evaluate(xm, false).value()) / (2 * h), e.gradient()[i], 1e-7);
            for (int j = 0; j < 2; j++) {
                double fd = (s.evaluate(xp, false).gradient()[j] - s.evaluate(xm, false).gradient()[j]) / (2 * h);
                assertEquals(fd, e.hessian()[j][i], 1e-6);
            }
        }
    }

    @Test
    void klEqualsMinusDualValueAndDecomposes() {
        MaxEntProblem p = problem("1,0.3;-0.2,0.8", 0.7);
        MaxEntSolution s = MaxEntSolver.solve(p, SolverSettings.DEFAULT.withMethod(SolverSettings.Method.FULL), null);
        assertTrue(s.converged());
        double[] flat = {s.scaledLambda()[0][0], s.scaledLambda()[0][1], s.scaledLambda()[1][0], s.scaledLambda()[1][1]};
        double g = new FullDual(p).evaluate(flat, false).value();
        assertEquals(-g, s.kl(), 1e-10);
        assertEquals(s.kl(), s.klPopulation() + s.klSelectivity(), 1e-12);
        assertTrue(s.klPopulation() >= 0 && s.klSelectivity() >= 0);
    }

    @Test
    void traceCovarianceEqualsKappaTimesHessianTrace() {
        MaxEntProblem p = problem("1,0,0;0,1,0;0,0,1", 0.9);
        MaxEntSolution s = MaxEntSolver.solve(p, SolverSettings.DEFAULT.withMethod(SolverSettings.Method.FULL), null);
        double[] flat = new double[9];
        for (int j = 0; j < 3; j++) {
            System.arraycopy(s.scaledLambda()[j], 0, flat, j * 3, 3);
        }
        double[][] h = new FullDual(p).evaluate(flat, true).hessian();
        double tr = 0;
        for (int i = 0; i < 9; i++) {
            tr += h[i][i];
        }
        assertEquals(p.kappa() * tr, s.traceCovariance(), 1e-9 * s.traceCovariance());
    }
}
