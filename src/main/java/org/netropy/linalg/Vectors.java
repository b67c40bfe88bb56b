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
}
