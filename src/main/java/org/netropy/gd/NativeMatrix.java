package org.netropy.gd;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_dgemm;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sgemm;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A row-major matrix in native memory, in the training precision, for the two large products of
 * the gradient step, which are called directly on the OpenBLAS that ND4J itself links and
 * configures ({@code cblas_dgemm}/{@code cblas_sgemm}, the very calls behind {@code Nd4j.gemm};
 * the results are bit-for-bit the same, checked in the tests). Going through {@code Nd4j.gemm}
 * instead builds an op, an op context with native memory and a dozen Java objects per call: ~10
 * µs of framework per product at the Flesch size (as long as the product itself) and ~4 KB of
 * garbage whose collection and native deallocation run on other threads (GC, ND4J's and
 * JavaCPP's deallocators) — what made a lone network's wall time about twice its thread's CPU
 * time (docs/GRADIENT_DESCENT.md, Speed). A call here allocates nothing.
 *
 * <p>The element-wise pass of the step runs on Java arrays (which the JIT vectorises); rows move
 * between the two with bulk copies, widened from and rounded to float in single precision.
 */
abstract sealed class NativeMatrix permits NativeMatrix.Doubles, NativeMatrix.Floats {
    static {
        // ND4J's backend sets OpenBLAS up (its thread count) when it starts
        Nd4j.factory().blas();
    }

    /** Rows, columns and the leading dimension (elements between the starts of two rows). */
    final int rows;
    final int cols;
    final int ld;

    private NativeMatrix(int rows, int cols, int ld) {
        this.rows = rows;
        this.cols = cols;
        this.ld = ld;
    }

    /** A zero matrix. */
    static NativeMatrix zeros(Precision precision, int rows, int cols) {
        ByteBuffer bytes = ByteBuffer.allocateDirect(Math.multiplyExact(Math.multiplyExact(rows, cols),
                precision == Precision.DOUBLE ? Double.BYTES : Float.BYTES)).order(ByteOrder.nativeOrder());
        return precision == Precision.DOUBLE ? new Doubles(bytes.asDoubleBuffer(), rows, cols, cols)
                : new Floats(bytes.asFloatBuffer(), rows, cols, cols);
    }

    /** A matrix holding {@code values} (row-major, {@code cols} per row). */
    static NativeMatrix of(Precision precision, double[] values, int rows, int cols) {
        NativeMatrix m = zeros(precision, rows, cols);
        for (int r = 0; r < rows; r++) {
            m.put(r, 0, values, r * cols, cols);
        }
        return m;
    }

    /** Columns {@code [from, from + count)} of this matrix as a matrix on the same memory. */
    abstract NativeMatrix columns(int from, int count);

    /** {@code len} elements of row r from column {@code col} into {@code to[0, len)}. */
    final void get(int r, int col, double[] to, int len) {
        get(r, col, to, 0, len);
    }

    abstract void get(int r, int col, double[] to, int off, int len);

    /** {@code from[off, off + len)} into row r from column {@code col} (rounded to float in single precision). */
    abstract void put(int r, int col, double[] from, int off, int len);

    final void put(int r, int col, double[] from, int len) {
        put(r, col, from, 0, len);
    }

    /** {@code this = a · b} (or {@code aᵀ · b} with {@code transposeA}); one BLAS call. */
    abstract void product(NativeMatrix a, boolean transposeA, NativeMatrix b);

    private void check(NativeMatrix a, boolean transposeA, NativeMatrix b) {
        int inner = transposeA ? a.rows : a.cols;
        int outer = transposeA ? a.cols : a.rows;
        if (inner != b.rows || outer != rows || b.cols != cols || a.getClass() != getClass() || b.getClass() != getClass()) {
            throw new IllegalArgumentException("product shapes " + outer + "×" + inner + " · " + b.rows + "×" + b.cols + " → "
                    + rows + "×" + cols);
        }
    }

    static final class Doubles extends NativeMatrix {
        private final DoubleBuffer data;

        private Doubles(DoubleBuffer data, int rows, int cols, int ld) {
            super(rows, cols, ld);
            this.data = data;
        }

        @Override
        NativeMatrix columns(int from, int count) {
            return new Doubles(data.slice(from, data.capacity() - from), rows, count, ld);
        }

        @Override
        void get(int r, int col, double[] to, int off, int len) {
            data.get(r * ld + col, to, off, len);
        }

        @Override
        void put(int r, int col, double[] from, int off, int len) {
            data.put(r * ld + col, from, off, len);
        }

        @Override
        void product(NativeMatrix a, boolean transposeA, NativeMatrix b) {
            super.check(a, transposeA, b);
            cblas_dgemm(CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, CblasNoTrans, rows, cols, transposeA ? a.rows : a.cols,
                    1.0, ((Doubles) a).data, a.ld, ((Doubles) b).data, b.ld, 0.0, data, ld);
        }
    }

    static final class Floats extends NativeMatrix {
        private final FloatBuffer data;
        /** Staging row for the conversions (one matrix is used by one thread). */
        private float[] row = new float[0];

        private Floats(FloatBuffer data, int rows, int cols, int ld) {
            super(rows, cols, ld);
            this.data = data;
        }

        @Override
        NativeMatrix columns(int from, int count) {
            return new Floats(data.slice(from, data.capacity() - from), rows, count, ld);
        }

        private float[] row(int len) {
            if (row.length < len) {
                row = new float[len];
            }
            return row;
        }

        @Override
        void get(int r, int col, double[] to, int off, int len) {
            float[] f = row(len);
            data.get(r * ld + col, f, 0, len);
            for (int i = 0; i < len; i++) {
                to[off + i] = f[i];
            }
        }

        @Override
        void put(int r, int col, double[] from, int off, int len) {
            float[] f = row(len);
            for (int i = 0; i < len; i++) {
                f[i] = (float) from[off + i];
            }
            data.put(r * ld + col, f, 0, len);
        }

        @Override
        void product(NativeMatrix a, boolean transposeA, NativeMatrix b) {
            super.check(a, transposeA, b);
            cblas_sgemm(CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, CblasNoTrans, rows, cols, transposeA ? a.rows : a.cols,
                    1.0f, ((Floats) a).data, a.ld, ((Floats) b).data, b.ld, 0.0f, data, ld);
        }
    }
}
