package org.netropy.gd;

/**
 * Similarity of two P × P kernels or of two representations (THEORY §4 regime metrics):
 * uncentred cosine {@code ⟨K₀,K_T⟩_F/(‖K₀‖_F‖K_T‖_F)} (kernel / representation alignment) and
 * linear CKA (Kornblith et al. 2019), the cosine after double centring.
 */
public final class RepresentationSimilarity {
    private RepresentationSimilarity() {}

    /** Gram matrix {@code A Aᵀ} of P rows. */
    public static double[][] gram(double[][] a) {
        int p = a.length;
        double[][] g = new double[p][p];
        for (int s = 0; s < p; s++) {
            for (int t = s; t < p; t++) {
                double v = org.netropy.linalg.Vectors.dot(a[s], a[t]);
                g[s][t] = v;
                g[t][s] = v;
            }
        }
        return g;
    }

    public static double cosine(double[][] k0, double[][] k1) {
        double dot = 0;
        double n0 = 0;
        double n1 = 0;
        for (int s = 0; s < k0.length; s++) {
            for (int t = 0; t < k0.length; t++) {
                dot += k0[s][t] * k1[s][t];
                n0 += k0[s][t] * k0[s][t];
                n1 += k1[s][t] * k1[s][t];
            }
        }
        return n0 == 0 || n1 == 0 ? Double.NaN : dot / Math.sqrt(n0 * n1);
    }

    /** Linear CKA of the representations whose Gram matrices are given. */
    public static double cka(double[][] k0, double[][] k1) {
        return cosine(centre(k0), centre(k1));
    }

    static double[][] centre(double[][] k) {
        int p = k.length;
        double[] rowMean = new double[p];
        double all = 0;
        for (int s = 0; s < p; s++) {
            for (int t = 0; t < p; t++) {
                rowMean[s] += k[s][t] / p;
            }
            all += rowMean[s] / p;
        }
        double[][] c = new double[p][p];
        for (int s = 0; s < p; s++) {
            for (int t = 0; t < p; t++) {
                c[s][t] = k[s][t] - rowMean[s] - rowMean[t] + all;
            }
        }
        return c;
    }
}
