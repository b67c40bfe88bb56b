package org.netropy.linalg;

/** Small vector helpers shared by the engines and the comparison (one implementation each). */
public final class Vectors {
    private Vectors() {}

    /** {@code Σ_i a_i b_i}, summed in index order. */
    public static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** The Euclidean norm {@code √(a·a)}. */
    public static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    /** Cosine {@code a·b/(|a||b|)}; NaN when either vector is zero. */
    public static double cosine(double[] a, double[] b) {
        double na = Math.sqrt(dot(a, a));
        double nb = Math.sqrt(dot(b, b));
        return na > 0 && nb > 0 ? dot(a, b) / (na * nb) : Double.NaN;
    }

    /**
     * Relative Frobenius distance {@code ‖a − ref‖_F / ‖ref‖_F} (row by row, in index order);
     * NaN when {@code ref} is zero. One implementation for the weight change of training
     * (THEORY §4) and the relative errors of the comparison (THEORY §5).
     */
    public static double relativeDistance(double[][] a, double[][] ref) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < ref.length; i++) {
            for (int j = 0; j < ref[i].length; j++) {
                double d = a[i][j] - ref[i][j];
                num += d * d;
                den += ref[i][j] * ref[i][j];
            }
        }
        return den > 0 ? Math.sqrt(num / den) : Double.NaN;
    }
}
