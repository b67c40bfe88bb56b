package org.netropy.task;

import java.util.Arrays;
import org.netropy.io.InvalidInputException;

/**
 * The context-dependent input-selection task (THEORY §1): in context k the target is
 * {@code y*(u,k) = A[:,k]·u} for a stimulus {@code u ∈ R^D}.
 *
 * <p>Both engines read the same object: the gradient-descent engine builds its targets from it,
 * the maximum-entropy engine turns it into the linear constraints {@code E[z g_k w_j] = A_jk}
 * (THEORY eq. 1). The stored matrix is already normalised.
 *
 * @param entries D rows (features) of C numbers (contexts), finite
 */
public record TaskMatrix(double[][] entries) {

    public TaskMatrix {
        InvalidInputException.require(entries != null && entries.length > 0, "task matrix", "at least one row", "none");
        int c = entries[0].length;
        InvalidInputException.require(c > 0, "task matrix", "at least one column", 0);
        double[][] copy = new double[entries.length][];
        for (int j = 0; j < entries.length; j++) {
            InvalidInputException.require(entries[j].length == c, "task matrix",
                    "rectangular (every row with " + c + " numbers)", "row " + (j + 1) + " with " + entries[j].length);
            for (double a : entries[j]) {
                InvalidInputException.require(Double.isFinite(a), "task matrix", "finite numbers", a);
            }
            copy[j] = entries[j].clone();
        }
        entries = copy;
    }

    /** The default task: C features, C contexts, {@code A = I_C}, then normalised. */
    public static TaskMatrix identity(int contexts, TargetNormalisation normalisation) {
        InvalidInputException.inRange("contexts", contexts, 1, 4096);
        double[][] a = new double[contexts][contexts];
        double f = normalisation.factor(contexts);
        for (int k = 0; k < contexts; k++) {
            a[k][k] = f;
        }
        return new TaskMatrix(a);
    }

    /**
     * Parses "1,0;0,1" (rows separated by ';', numbers by ',') and applies the normalisation for
     * its number of columns.
     */
    public static TaskMatrix parse(String text, TargetNormalisation normalisation) {
        String field = "--task-matrix";
        InvalidInputException.require(text != null && !text.isBlank(), field, "rows like \"1,0;0,1\"", "empty");
        String[] rows = text.trim().split(";");
        double[][] a = new double[rows.length][];
        for (int j = 0; j < rows.length; j++) {
            String[] cells = rows[j].trim().split(",");
            a[j] = new double[cells.length];
            for (int k = 0; k < cells.length; k++) {
                try {
                    a[j][k] = Double.parseDouble(cells[k].trim());
                } catch (NumberFormatException e) {
                    throw new InvalidInputException(field + " must be rows of numbers like \"1,0;0,1\" (got \"" + cells[k].trim() + "\")");
                }
            }
        }
        TaskMatrix raw = new TaskMatrix(a);
        return raw.scaled(normalisation.factor(raw.contexts()));
    }

    public int features() {
        return entries.length;
    }

    public int contexts() {
        return entries[0].length;
    }

    public double get(int feature, int context) {
        return entries[feature][context];
    }

    /** Column k: the readout direction of context k. */
    public double[] column(int context) {
        double[] col = new double[features()];
        for (int j = 0; j < col.length; j++) {
            col[j] = entries[j][context];
        }
        return col;
    }

    public TaskMatrix scaled(double factor) {
        double[][] a = new double[features()][contexts()];
        for (int j = 0; j < a.length; j++) {
            for (int k = 0; k < a[j].length; k++) {
                a[j][k] = entries[j][k] * factor;
            }
        }
        return new TaskMatrix(a);
    }

    /** Target of stimulus u in context k. */
    public double target(double[] stimulus, int context) {
        double y = 0;
        for (int j = 0; j < features(); j++) {
            y += entries[j][context] * stimulus[j];
        }
        return y;
    }

    /** Copy of the entries (the record accessor returns the internal array; use this to mutate). */
    public double[][] toArray() {
        double[][] copy = new double[features()][];
        for (int j = 0; j < copy.length; j++) {
            copy[j] = entries[j].clone();
        }
        return copy;
    }

    /** Compact text form, parseable by {@link #parse} with normalisation none. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < features(); j++) {
            if (j > 0) {
                sb.append(';');
            }
            for (int k = 0; k < contexts(); k++) {
                if (k > 0) {
                    sb.append(',');
                }
                sb.append(entries[j][k]);
            }
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TaskMatrix t && Arrays.deepEquals(entries, t.entries);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(entries);
    }

    @Override
    public String toString() {
        return "TaskMatrix[" + format() + "]";
    }
}
