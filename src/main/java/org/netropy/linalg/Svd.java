package org.netropy.linalg;

/**
 * Thin singular value decomposition {@code A = U diag(s) Vᵀ} of a small dense matrix by one-sided
 * Jacobi rotations (Hestenes 1958; Demmel &amp; Veselić 1992): accurate to working precision, pure
 * Java and deterministic, which is what weight initialisation and rank measures need (matrices of
 * a few hundred rows). Singular values are sorted in decreasing order.
 *
 * @param u m × r left singular vectors (r = min(m, n))
 * @param s r singular values, decreasing
 * @param v n × r right singular vectors
 */
public record Svd(double[][] u, double[] s, double[][] v) {

    public static Svd of(double[][] a) {
        int m = a.length;
        int n = a[0].length;
        if (m < n) {
            Svd t = of(transpose(a));
            return new Svd(t.v, t.s, t.u);
        }
        // m >= n: orthogonalise the columns of W = A V
        double[][] w = new double[m][];
        for (int i = 0; i < m; i++) {
            w[i] = a[i].clone();
        }
        double[][] v = new double[n][n];
        for (int j = 0; j < n; j++) {
            v[j][j] = 1;
        }
        for (int sweep = 0; sweep < 80; sweep++) {
            double off = 0;
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    double alpha = 0;
                    double beta = 0;
                    double gamma = 0;
                    for (int i = 0; i < m; i++) {
                        alpha += w[i][p] * w[i][p];
                        beta += w[i][q] * w[i][q];
                        gamma += w[i][p] * w[i][q];
                    }
                    if (gamma == 0 || Math.abs(gamma) <= 1e-15 * Math.sqrt(alpha * beta)) {
                        continue;
                    }
                    off = Math.max(off, Math.abs(gamma) / Math.sqrt(alpha * beta));
                    double zeta = (beta - alpha) / (2 * gamma);
                    double t = Math.signum(zeta) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
                    if (zeta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(1 + t * t);
                    double sn = c * t;
                    for (int i = 0; i < m; i++) {
                        double wp = w[i][p];
                        double wq = w[i][q];
                        w[i][p] = c * wp - sn * wq;
                        w[i][q] = sn * wp + c * wq;
                    }
                    for (int i = 0; i < n; i++) {
                        double vp = v[i][p];
                        double vq = v[i][q];
                        v[i][p] = c * vp - sn * vq;
                        v[i][q] = sn * vp + c * vq;
                    }
                }
            }
            if (off < 1e-15) {
                break;
            }
        }
        double[] s = new double[n];
        for (int j = 0; j < n; j++) {
            double norm = 0;
            for (int i = 0; i < m; i++) {
                norm += w[i][j] * w[i][j];
            }
            s[j] = Math.sqrt(norm);
        }
        Integer[] order = new Integer[n];
        for (int j = 0; j < n; j++) {
            order[j] = j;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(s[y], s[x]));
        double[][] uu = new double[m][n];
        double[][] vv = new double[n][n];
        double[] ss = new double[n];
        for (int r = 0; r < n; r++) {
            int j = order[r];
            ss[r] = s[j];
            for (int i = 0; i < m; i++) {
                uu[i][r] = s[j] > 0 ? w[i][j] / s[j] : 0;
            }
            for (int i = 0; i < n; i++) {
                vv[i][r] = v[i][j];
            }
        }
        return new Svd(uu, ss, vv);
    }

    /** {@code Σ_{i<r} s_i u_i v_iᵀ} with the given singular values (length ≥ r) replacing s. */
    public double[][] reconstruct(double[] values, int rank) {
        int m = u.length;
        int n = v.length;
        double[][] a = new double[m][n];
        for (int r = 0; r < rank; r++) {
            double sr = values[r];
            if (sr == 0) {
                continue;
            }
            for (int i = 0; i < m; i++) {
                double x = sr * u[i][r];
                for (int j = 0; j < n; j++) {
                    a[i][j] += x * v[j][r];
                }
            }
        }
        return a;
    }

    public static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    /** Frobenius norm. */
    public static double frobenius(double[][] a) {
        double s = 0;
        for (double[] row : a) {
            for (double x : row) {
                s += x * x;
            }
        }
        return Math.sqrt(s);
    }

    /** Singular values only. */
    public static double[] singularValues(double[][] a) {
        return of(a).s();
    }
}
