package org.netropy.connectivity;

import java.util.ArrayList;
import java.util.List;
import org.netropy.io.InvalidInputException;

/**
 * The one object both engines produce and the comparator reads: one row per hidden neuron with
 * its stimulus weights {@code w_1..w_D}, context weights {@code v_1..v_C}, bias {@code b},
 * readout {@code z} (mean-field convention, THEORY §2) and per-context gains
 * {@code gain_1..gain_C}.
 *
 * <p>Gains are the stimulus-averaged slopes {@code g_ik = mean_u φ'(h_i(u,k))} for a trained
 * network and the sampled gain pattern for a max-ent network; in both cases they are the
 * coordinates on which populations are defined (THEORY §5). An optional {@code member} column
 * tells ensemble members apart.
 *
 * @param w      N × D stimulus weights
 * @param v      N × C context weights
 * @param b      N biases
 * @param z      N readouts (mean-field: {@code y = (1/N) Σ z_i φ(h_i)})
 * @param gain   N × C gains
 * @param member N ensemble-member indices, or null for a single network
 */
public record NeuronTable(double[][] w, double[][] v, double[] b, double[] z, double[][] gain, int[] member) {

    public NeuronTable {
        int n = z.length;
        InvalidInputException.require(n > 0, "neuron table", "at least one neuron", 0);
        InvalidInputException.require(w.length == n && v.length == n && b.length == n && gain.length == n,
                "neuron table", "columns of equal length", "w " + w.length + ", v " + v.length + ", b " + b.length
                        + ", z " + n + ", gain " + gain.length);
        InvalidInputException.require(member == null || member.length == n, "neuron table member column",
                "one entry per neuron", member == null ? 0 : member.length);
        int d = w[0].length;
        int c = v[0].length;
        InvalidInputException.require(d > 0 && c > 0, "neuron table", "at least one w and one v column", "D=" + d + ", C=" + c);
        for (int i = 0; i < n; i++) {
            InvalidInputException.require(w[i].length == d && v[i].length == c && gain[i].length == c,
                    "neuron table row " + (i + 1), "D=" + d + " weights and C=" + c + " context weights and gains",
                    "w " + w[i].length + ", v " + v[i].length + ", gain " + gain[i].length);
        }
    }

    /** A single network (no member column). */
    public static NeuronTable of(double[][] w, double[][] v, double[] b, double[] z, double[][] gain) {
        return new NeuronTable(w, v, b, z, gain, null);
    }

    public int size() {
        return z.length;
    }

    public int features() {
        return w[0].length;
    }

    public int contexts() {
        return v[0].length;
    }

    public boolean hasMembers() {
        return member != null;
    }

    /** Column names in file order: {@code [member,] w_1..w_D, v_1..v_C, b, z, gain_1..gain_C}. */
    public List<String> columnNames() {
        List<String> names = new ArrayList<>();
        if (hasMembers()) {
            names.add("member");
        }
        names.addAll(parameterColumnNames(features(), contexts()));
        return names;
    }

    /** The parameter columns of a table with D features and C contexts. */
    public static List<String> parameterColumnNames(int features, int contexts) {
        List<String> names = new ArrayList<>();
        for (int j = 1; j <= features; j++) {
            names.add("w_" + j);
        }
        for (int k = 1; k <= contexts; k++) {
            names.add("v_" + k);
        }
        names.add("b");
        names.add("z");
        for (int k = 1; k <= contexts; k++) {
            names.add("gain_" + k);
        }
        return names;
    }

    /** One named column as a vector (names as in {@link #columnNames()}). */
    public double[] column(String name) {
        double[] out = new double[size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = value(i, name);
        }
        return out;
    }

    /** Value of one named column in row i. */
    public double value(int i, String name) {
        if (name.equals("b")) {
            return b[i];
        }
        if (name.equals("z")) {
            return z[i];
        }
        if (name.equals("member") && member != null) {
            return member[i];
        }
        int us = name.indexOf('_');
        if (us > 0) {
            String prefix = name.substring(0, us);
            int idx;
            try {
                idx = Integer.parseInt(name.substring(us + 1)) - 1;
            } catch (NumberFormatException e) {
                idx = -1;
            }
            switch (prefix) {
                case "w" -> {
                    if (idx >= 0 && idx < features()) {
                        return w[i][idx];
                    }
                }
                case "v" -> {
                    if (idx >= 0 && idx < contexts()) {
                        return v[i][idx];
                    }
                }
                case "gain" -> {
                    if (idx >= 0 && idx < contexts()) {
                        return gain[i][idx];
                    }
                }
                default -> { }
            }
        }
        throw new InvalidInputException("column must be one of " + columnNames() + " (got " + name + ")");
    }

    /**
     * {@code E[|w|² + z²]} over the neurons: the squared weight norm per neuron, the R² that
     * norm-matches a max-ent weight scale to this network (THEORY §3).
     */
    public double meanSquaredNorm() {
        double sum = 0;
        for (int i = 0; i < size(); i++) {
            sum += z[i] * z[i];
            for (double x : w[i]) {
                sum += x * x;
            }
        }
        return sum / size();
    }

    /** The neurons of one ensemble member (the whole table if there is no member column). */
    public NeuronTable member(int index) {
        if (member == null) {
            return this;
        }
        int count = 0;
        for (int m : member) {
            if (m == index) {
                count++;
            }
        }
        InvalidInputException.require(count > 0, "member", "an index present in the table", index);
        int[] rows = new int[count];
        int r = 0;
        for (int i = 0; i < member.length; i++) {
            if (member[i] == index) {
                rows[r++] = i;
            }
        }
        NeuronTable sub = rows(rows);
        return new NeuronTable(sub.w, sub.v, sub.b, sub.z, sub.gain, null);
    }

    /** Distinct member indices in increasing order ({0} when there is no member column). */
    public int[] memberIndices() {
        if (member == null) {
            return new int[] {0};
        }
        return java.util.Arrays.stream(member).distinct().sorted().toArray();
    }

    /** A table of the given rows (copies). */
    public NeuronTable rows(int[] indices) {
        int n = indices.length;
        double[][] w2 = new double[n][];
        double[][] v2 = new double[n][];
        double[] b2 = new double[n];
        double[] z2 = new double[n];
        double[][] g2 = new double[n][];
        int[] m2 = member == null ? null : new int[n];
        for (int r = 0; r < n; r++) {
            int i = indices[r];
            w2[r] = w[i].clone();
            v2[r] = v[i].clone();
            b2[r] = b[i];
            z2[r] = z[i];
            g2[r] = gain[i].clone();
            if (m2 != null) {
                m2[r] = member[i];
            }
        }
        return new NeuronTable(w2, v2, b2, z2, g2, m2);
    }

    /** Concatenates member tables, numbering members 0..K-1 in order. */
    public static NeuronTable ofMembers(List<NeuronTable> members) {
        InvalidInputException.require(!members.isEmpty(), "members", "at least one table", 0);
        int n = members.stream().mapToInt(NeuronTable::size).sum();
        double[][] w = new double[n][];
        double[][] v = new double[n][];
        double[] b = new double[n];
        double[] z = new double[n];
        double[][] g = new double[n][];
        int[] m = new int[n];
        int r = 0;
        for (int k = 0; k < members.size(); k++) {
            NeuronTable t = members.get(k);
            for (int i = 0; i < t.size(); i++, r++) {
                w[r] = t.w[i].clone();
                v[r] = t.v[i].clone();
                b[r] = t.b[i];
                z[r] = t.z[i];
                g[r] = t.gain[i].clone();
                m[r] = k;
            }
        }
        return new NeuronTable(w, v, b, z, g, m);
    }
}
