package org.netropy.compare;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.netropy.connectivity.NeuronTable;

/**
 * A test {@link PopulationModel} with the form of the max-ent law (THEORY §3) but hand-chosen
 * parameters: pattern g has probability P(g) and, given g, {@code z ~ N(0, t/q_g)},
 * {@code w = s z b_g + √s ξ} with {@code q_g = 1 − s t |b_g|²}. Closed forms:
 * {@code E[zw|g] = s t b_g / q_g}, {@code E[z²|g] = t/q_g},
 * {@code E[wwᵀ|g] = s I + s² t b_g b_gᵀ / q_g}, structure {@code x_g = s t |b_g|²}.
 */
final class MaxEntLikeModel implements PopulationModel {
    private final Map<String, Double> probabilities;
    private final Map<String, double[]> directions;
    private final double s;
    private final double t;
    private final int features;
    private final int contexts;

    MaxEntLikeModel(Map<String, Double> probabilities, Map<String, double[]> directions, double s, double t) {
        this.probabilities = new LinkedHashMap<>(probabilities);
        this.directions = directions;
        this.s = s;
        this.t = t;
        this.features = directions.values().iterator().next().length;
        this.contexts = probabilities.keySet().iterator().next().length();
    }

    /** Two contexts, two features, four populations with distinct structure. */
    static MaxEntLikeModel twoContexts() {
        Map<String, Double> p = new LinkedHashMap<>();
        p.put("00", 0.1);
        p.put("01", 0.3);
        p.put("10", 0.3);
        p.put("11", 0.3);
        Map<String, double[]> b = new LinkedHashMap<>();
        b.put("00", new double[] {0, 0});
        b.put("01", new double[] {0.1, 0.8});
        b.put("10", new double[] {0.8, 0.1});
        b.put("11", new double[] {0.5, 0.5});
        return new MaxEntLikeModel(p, b, 1.0, 1.0);
    }

    private double q(String g) {
        double[] b = directions.get(g);
        return 1 - s * t * org.netropy.linalg.Vectors.dot(b, b);
    }

    /** Closed-form structure x_g = κ|b_g|², to check the default R² from the second moment. */
    double closedFormStructure(String g) {
        double[] b = directions.get(g);
        return s * t * org.netropy.linalg.Vectors.dot(b, b);
    }

    @Override
    public int contexts() {
        return contexts;
    }

    @Override
    public int features() {
        return features;
    }

    @Override
    public Map<String, Double> patternProbabilities() {
        return probabilities;
    }

    @Override
    public double[] crossCovariance(String g) {
        double[] b = directions.get(g);
        double[] c = new double[features];
        for (int j = 0; j < features; j++) {
            c[j] = s * t * b[j] / q(g);
        }
        return c;
    }

    @Override
    public double[][] secondMoment(String g) {
        double[] b = directions.get(g);
        double q = q(g);
        double[][] m = new double[features + 1][features + 1];
        for (int i = 0; i < features; i++) {
            for (int j = 0; j < features; j++) {
                m[i][j] = (i == j ? s : 0) + s * s * t * b[i] * b[j] / q;
            }
            m[i][features] = s * t * b[i] / q;
            m[features][i] = m[i][features];
        }
        m[features][features] = t / q;
        return m;
    }

    @Override
    public NeuronTable sample(int n, SplittableRandom random) {
        String[] keys = probabilities.keySet().toArray(new String[0]);
        double[][] w = new double[n][features];
        double[][] v = new double[n][contexts];
        double[] bias = new double[n];
        double[] z = new double[n];
        double[][] gain = new double[n][contexts];
        for (int i = 0; i < n; i++) {
            double u = random.nextDouble();
            String g = keys[keys.length - 1];
            for (String k : keys) {
                u -= probabilities.get(k);
                if (u < 0) {
                    g = k;
                    break;
                }
            }
            double[] b = directions.get(g);
            z[i] = Math.sqrt(t / q(g)) * random.nextGaussian();
            for (int j = 0; j < features; j++) {
                w[i][j] = s * z[i] * b[j] + Math.sqrt(s) * random.nextGaussian();
            }
            for (int k = 0; k < contexts; k++) {
                gain[i][k] = g.charAt(k) == '1' ? 1 : 0;
                v[i][k] = (2 * gain[i][k] - 1) * Math.abs(random.nextGaussian());
            }
        }
        return NeuronTable.of(w, v, bias, z, gain);
    }

    @Override
    public String description() {
        return "test max-ent-like mixture (C=" + contexts + ", D=" + features + ")";
    }
}
