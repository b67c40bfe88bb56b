package org.netropy.maxent;

import org.netropy.activation.Nonlinearity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;

/**
 * An independent, high-accuracy evaluation of the continuous-gain max-ent law at a given Λ̃, for
 * tests: a dense tensor composite Gauss–Legendre rule over v ∈ [−11σ_v, 11σ_v]^C (Commons Math
 * nodes), with the interval ends at the points where the gain crosses half its supremum (found
 * with Brent's method, not with the code under test), so every cell lies in one binarised class.
 */
final class DenseGainIntegral {
    /** Class probabilities by label, E[zw|class] by label, KL, and the achieved task M. */
    record Result(Map<String, Double> probability, Map<String, double[]> crossCovariance, double kl, double[][] achieved) {}

    private DenseGainIntegral() {}

    /** One-dimensional rule for N(0, σ_v²): nodes and weights (weights include the density). */
    static double[][] rule(Nonlinearity f, double contextScale, double halfSupremum, int intervals, int order) {
        double limit = 11 * contextScale;
        List<Double> cuts = new ArrayList<>();
        cuts.add(-limit);
        cuts.add(limit);
        BrentSolver brent = new BrentSolver(1e-15, 1e-15);
        double step = 2 * limit / 4000;
        for (double a = -limit; a < limit; a += step) {
            double fa = f.slope(a) - halfSupremum;
            double fb = f.slope(a + step) - halfSupremum;
            if (fa * fb < 0) {
                cuts.add(brent.solve(200, v -> f.slope(v) - halfSupremum, a, a + step));
            }
        }
        cuts.sort(Double::compare);
        GaussIntegratorFactory factory = new GaussIntegratorFactory();
        List<double[]> out = new ArrayList<>();
        for (int c = 0; c + 1 < cuts.size(); c++) {
            double lo = cuts.get(c);
            double hi = cuts.get(c + 1);
            for (int i = 0; i < intervals; i++) {
                double a = lo + (hi - lo) * i / intervals;
                double b = lo + (hi - lo) * (i + 1) / intervals;
                GaussIntegrator g = factory.legendreHighPrecision(order, a, b);
                for (int k = 0; k < g.getNumberOfPoints(); k++) {
                    double v = g.getPoint(k);
                    double density = Math.exp(-0.5 * v * v / (contextScale * contextScale)) / (Math.sqrt(2 * Math.PI) * contextScale);
                    out.add(new double[] {v, g.getWeight(k) * density});
                }
            }
        }
        return out.toArray(new double[0][]);
    }

    static Result evaluate(MaxEntSolution s, Nonlinearity f, double contextScale, double supremum, int intervals, int order) {
        MaxEntProblem p = s.problem();
        int d = p.features();
        int c = p.contexts();
        double[][] lt = s.scaledLambda();
        double sk = Math.sqrt(p.kappa());
        double[][] rule = rule(f, contextScale, supremum / 2, intervals, order);
        int n = rule.length;
        long total = 1;
        for (int k = 0; k < c; k++) {
            total *= n;
        }
        Map<String, double[]> sums = new TreeMap<>(); // label -> [weight, weight·cross(D)]
        double z = 0;
        double[][] m = new double[d][c];
        double[] g = new double[c];
        double[] b = new double[d];
        char[] label = new char[c];
        for (long idx = 0; idx < total; idx++) {
            long rest = idx;
            double w = 1;
            for (int k = 0; k < c; k++) {
                double[] node = rule[(int) (rest % n)];
                rest /= n;
                g[k] = f.slope(node[0]);
                w *= node[1];
                label[k] = g[k] >= supremum / 2 ? '1' : '0';
            }
            double b2 = 0;
            for (int j = 0; j < d; j++) {
                double sum = 0;
                for (int k = 0; k < c; k++) {
                    sum += lt[j][k] * g[k];
                }
                b[j] = sum;
                b2 += sum * sum;
            }
            double q = 1 - b2;
            if (!(q > 0)) {
                throw new AssertionError("law not normalisable at gains " + java.util.Arrays.toString(g));
            }
            double pw = w / Math.sqrt(q);
            z += pw;
            double[] acc = sums.computeIfAbsent(new String(label), key -> new double[1 + d]);
            acc[0] += pw;
            for (int j = 0; j < d; j++) {
                double cross = sk * b[j] / q;
                acc[1 + j] += pw * cross;
                for (int k = 0; k < c; k++) {
                    m[j][k] += pw * cross * g[k];
                }
            }
        }
        double norm = 0;
        for (double[] r : rule) {
            norm += r[1];
        }
        double priorMass = Math.pow(norm, c);
        Map<String, Double> prob = new TreeMap<>();
        Map<String, double[]> cross = new TreeMap<>();
        for (Map.Entry<String, double[]> e : sums.entrySet()) {
            double[] acc = e.getValue();
            prob.put(e.getKey(), acc[0] / z);
            double[] cc = new double[d];
            for (int j = 0; j < d; j++) {
                cc[j] = acc[1 + j] / acc[0];
            }
            cross.put(e.getKey(), cc);
        }
        for (double[] row : m) {
            for (int k = 0; k < c; k++) {
                row[k] /= z;
            }
        }
        double lambdaA = 0;
        for (int j = 0; j < d; j++) {
            for (int k = 0; k < c; k++) {
                lambdaA += lt[j][k] * p.task().get(j, k) / sk;
            }
        }
        double kl = lambdaA - Math.log(z / priorMass);
        return new Result(prob, cross, kl, m);
    }
}
