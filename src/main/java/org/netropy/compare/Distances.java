package org.netropy.compare;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import smile.math.matrix.Matrix;
import smile.stat.hypothesis.KSTest;

/**
 * Textbook distances between two samples or two discrete distributions (THEORY §5). Each method
 * states its definition; none rescales or centres its inputs.
 */
public final class Distances {
    private Distances() {}

    /** Total variation {@code ½ Σ_g |p(g) − q(g)|} over the union of keys (a missing key has mass 0). */
    public static double totalVariation(Map<String, Double> p, Map<String, Double> q) {
        double sum = 0;
        for (String key : union(p, q)) {
            sum += Math.abs(p.getOrDefault(key, 0.0) - q.getOrDefault(key, 0.0));
        }
        return 0.5 * sum;
    }

    /**
     * Jensen–Shannon divergence in bits (log base 2, so it lies in [0, 1]):
     * {@code ½ KL(p‖m) + ½ KL(q‖m)}, {@code m = (p + q)/2}, with {@code 0 log 0 = 0}.
     */
    public static double jensenShannonBits(Map<String, Double> p, Map<String, Double> q) {
        double js = 0;
        for (String key : union(p, q)) {
            double a = p.getOrDefault(key, 0.0);
            double b = q.getOrDefault(key, 0.0);
            double m = 0.5 * (a + b);
            if (a > 0) {
                js += 0.5 * a * Math.log(a / m);
            }
            if (b > 0) {
                js += 0.5 * b * Math.log(b / m);
            }
        }
        return Math.max(0, js / Math.log(2));
    }

    /** Kullback–Leibler divergence {@code Σ p log(p/q)} in nats; infinite if q = 0 where p > 0. */
    public static double klNats(Map<String, Double> p, Map<String, Double> q) {
        double kl = 0;
        for (Map.Entry<String, Double> e : p.entrySet()) {
            double a = e.getValue();
            double b = q.getOrDefault(e.getKey(), 0.0);
            if (a > 0) {
                kl += b > 0 ? a * Math.log(a / b) : Double.POSITIVE_INFINITY;
            }
        }
        return kl;
    }

    /**
     * Two-sample Kolmogorov–Smirnov statistic {@code sup_x |F_a(x) − F_b(x)|} of the empirical
     * CDFs, ties counted once (Smile's {@code KSTest}, the same object that gives the p-value).
     */
    public static double kolmogorovSmirnov(double[] a, double[] b) {
        if (a.length == 0 || b.length == 0) {
            throw new IllegalArgumentException("empty sample");
        }
        return KSTest.test(a, b).d;
    }

    /**
     * Wasserstein-1 (earth mover's) distance between the empirical distributions,
     * {@code ∫ |F_a(x) − F_b(x)| dx}.
     */
    public static double wasserstein1(double[] a, double[] b) {
        double[] x = sorted(a);
        double[] y = sorted(b);
        int i = 0;
        int j = 0;
        double w = 0;
        double prev = Math.min(x[0], y[0]);
        while (i < x.length || j < y.length) {
            double t = j >= y.length || (i < x.length && x[i] <= y[j]) ? x[i] : y[j];
            w += Math.abs((double) i / x.length - (double) j / y.length) * (t - prev);
            while (i < x.length && x[i] == t) {
                i++;
            }
            while (j < y.length && y[j] == t) {
                j++;
            }
            prev = t;
        }
        return w;
    }

    /**
     * Energy distance (Székely &amp; Rizzo 2013), V-statistic form with Euclidean norms:
     * {@code 2 mean|x_i − y_j| − mean|x_i − x_i'| − mean|y_j − y_j'|}, means over all pairs
     * including i = i' (so identical samples give exactly 0). Returns {energy, E|X−Y|} so that
     * the scale-free coefficient {@code H = energy / (2 E|X−Y|)} in [0, 1] can be formed.
     */
    public static double[] energyDistance(double[][] x, double[][] y) {
        double xy = meanDistance(x, y);
        double xx = meanDistance(x, x);
        double yy = meanDistance(y, y);
        return new double[] {Math.max(0, 2 * xy - xx - yy), xy};
    }

    private static double meanDistance(double[][] x, double[][] y) {
        double sum = 0;
        for (double[] xi : x) {
            double row = 0;
            for (double[] yj : y) {
                double s = 0;
                for (int k = 0; k < xi.length; k++) {
                    double d = xi[k] - yj[k];
                    s += d * d;
                }
                row += Math.sqrt(s);
            }
            sum += row;
        }
        return sum / ((double) x.length * y.length);
    }

    /**
     * KL divergence between zero-mean Gaussians, {@code KL(N(0,Sa) ‖ N(0,Sb)) =
     * ½ [tr(Sb⁻¹ Sa) − d + ln det Sb − ln det Sa]} in nats; NaN if either matrix is not positive
     * definite.
     */
    public static double gaussianKlNats(double[][] sa, double[][] sb) {
        int d = sa.length;
        try {
            Matrix.Cholesky ca = symmetric(sa).cholesky();
            Matrix.Cholesky cb = symmetric(sb).cholesky();
            Matrix inv = cb.inverse();
            double trace = 0;
            for (int i = 0; i < d; i++) {
                for (int k = 0; k < d; k++) {
                    trace += inv.get(i, k) * sa[k][i];
                }
            }
            return 0.5 * (trace - d + cb.logdet() - ca.logdet());
        } catch (RuntimeException notPositiveDefinite) {
            return Double.NaN;
        }
    }

    /** A copy of a symmetric matrix marked as such (Smile's Cholesky requires the flag). */
    static Matrix symmetric(double[][] s) {
        Matrix m = Matrix.of(s);
        m.uplo(smile.math.blas.UPLO.LOWER);
        return m;
    }

    /** Euclidean norm of a − b divided by the norm of b (NaN when b is the zero vector). */
    public static double relativeL2(double[] a, double[] b) {
        return org.netropy.linalg.Vectors.relativeDistance(new double[][] {a}, new double[][] {b});
    }

    private static double[] sorted(double[] v) {
        if (v.length == 0) {
            throw new IllegalArgumentException("empty sample");
        }
        double[] s = v.clone();
        Arrays.sort(s);
        return s;
    }

    private static Set<String> union(Map<String, Double> p, Map<String, Double> q) {
        Set<String> keys = new TreeSet<>(p.keySet());
        keys.addAll(q.keySet());
        return keys;
    }
}
