package org.netropy.maxent;

/** The Halton low-discrepancy sequence (radical inverse in the k-th prime base), for QMC atoms. */
final class Halton {
    private static final int[] PRIMES = primes(64);

    private Halton() {}

    /** Radical inverse of index {@code i ≥ 1} in the base of dimension {@code dim}; in (0, 1). */
    static double value(long i, int dim) {
        int base = PRIMES[dim];
        double f = 1;
        double r = 0;
        while (i > 0) {
            f /= base;
            r += f * (i % base);
            i /= base;
        }
        return r;
    }

    private static int[] primes(int count) {
        int[] p = new int[count];
        int n = 0;
        for (int x = 2; n < count; x++) {
            boolean prime = true;
            for (int d = 2; d * d <= x; d++) {
                if (x % d == 0) {
                    prime = false;
                    break;
                }
            }
            if (prime) {
                p[n++] = x;
            }
        }
        return p;
    }
}
