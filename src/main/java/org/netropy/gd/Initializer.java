package org.netropy.gd;

import static org.netropy.linalg.Vectors.dot;
import static org.netropy.linalg.Vectors.norm;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.netropy.io.InvalidInputException;
import org.netropy.linalg.EffectiveRank;
import org.netropy.linalg.Svd;
import org.netropy.random.RandomStreams;
import org.netropy.task.TaskData;

/**
 * Draws initial weights (THEORY §4). Each block has its own named stream
 * ("init/stimulus-weights", "init/context-weights", "init/biases", "init/readout"), so changing
 * one scale or the rank never changes the numbers of another block, and all ranks of a seed
 * truncate the same Gaussian matrix (paired ranks).
 */
public final class Initializer {
    private Initializer() {}

    /** The initial network of a run. */
    public static Network draw(GdRunSpec spec, RandomStreams streams) {
        double factor = spec.outputFactor();
        InitSpec in = spec.init();
        double outBias = spec.outputBias() ? in.outputBiasInit() : 0;
        if (spec.initFrom() != null) {
            Network t = Network.fromTable(spec.initFrom(), factor, outBias, spec.activation());
            if (!spec.hiddenBias()) {
                return new Network(t.w(), t.v(), new double[t.hidden()], t.z(), t.outputBias(), factor, spec.activation());
            }
            return t;
        }
        TaskData data = spec.task().data();
        int n = spec.hidden();
        int rows = in.symmetric() ? n / 2 : n;
        int d = spec.task().features();
        int c = spec.task().contexts();
        double[][] g = gaussian(streams.stream("init/stimulus-weights"), rows, d, in.stimulusScale());
        double[][] w = shape(g, in.lowRank(), in.rankMeasure(), data, streams);
        double[][] v = gaussian(streams.stream("init/context-weights"), rows, c, in.contextScale());
        double[] b = new double[rows];
        if (spec.hiddenBias()) {
            SplittableRandom rb = streams.stream("init/biases");
            for (int i = 0; i < rows; i++) {
                b[i] = in.biasMean() + in.biasScale() * rb.nextGaussian();
            }
        }
        SplittableRandom rz = streams.stream("init/readout");
        double[] z = new double[rows];
        for (int i = 0; i < rows; i++) {
            z[i] = in.readoutScale() * rz.nextGaussian();
        }
        if (!in.symmetric()) {
            return new Network(w, v, b, z, outBias, factor, spec.activation());
        }
        double[][] w2 = new double[n][];
        double[][] v2 = new double[n][];
        double[] b2 = new double[n];
        double[] z2 = new double[n];
        for (int i = 0; i < rows; i++) {
            w2[2 * i] = w[i].clone();
            w2[2 * i + 1] = w[i].clone();
            v2[2 * i] = v[i].clone();
            v2[2 * i + 1] = v[i].clone();
            b2[2 * i] = b[i];
            b2[2 * i + 1] = b[i];
            z2[2 * i] = z[i];
            z2[2 * i + 1] = -z[i];
        }
        return new Network(w2, v2, b2, z2, outBias, factor, spec.activation());
    }

    static double[][] gaussian(SplittableRandom r, int rows, int cols, double scale) {
        double[][] a = new double[rows][cols];
        for (double[] row : a) {
            for (int j = 0; j < cols; j++) {
                row[j] = scale * r.nextGaussian();
            }
        }
        return a;
    }

    /** Applies the low-rank structure to the Gaussian G (rows × D). */
    public static double[][] shape(double[][] g, LowRankSpec lr, EffectiveRank measure, TaskData data, RandomStreams streams) {
        if (lr.mode() == LowRankSpec.Mode.FULL) {
            return g;
        }
        int rows = g.length;
        int d = g[0].length;
        int maxRank = Math.min(rows, d);
        double frob = Svd.frobenius(g);
        switch (lr.mode()) {
            case RANK, SPECTRAL -> {
                int r = lr.rank();
                InvalidInputException.require(r <= maxRank, "--rank", "an integer in [1, min(N, D) = " + maxRank + "]", r);
                Svd svd = Svd.of(g);
                double[][] w = svd.reconstruct(svd.s(), r);
                return lr.mode() == LowRankSpec.Mode.RANK ? rescale(w, frob) : w;
            }
            case EFFECTIVE -> {
                InvalidInputException.require(lr.value() <= maxRank, "--rank", "a number in [1, min(N, D) = " + maxRank + "]", lr.value());
                Svd svd = Svd.of(g);
                double[] s = measure.powerLawSpectrum(maxRank, lr.value());
                for (int i = 0; i < s.length; i++) {
                    s[i] *= frob;
                }
                return svd.reconstruct(s, maxRank);
            }
            case ALIGNED, ANTI_ALIGNED -> {
                double[][] q = taskDirections(data);
                int dim = lr.mode() == LowRankSpec.Mode.ALIGNED ? q.length : d - q.length;
                int r = lr.rank();
                String opt = "--rank";
                InvalidInputException.require(r <= Math.min(rows, dim), opt,
                        "a rank in [1, " + Math.min(rows, dim) + "] (the task spans " + q.length + " of D = " + d + " input directions)", r);
                double[][] p = projected(g, q, lr.mode() == LowRankSpec.Mode.ALIGNED);
                Svd svd = Svd.of(p);
                return rescale(svd.reconstruct(svd.s(), r), frob);
            }
            default -> throw new IllegalStateException(lr.mode().name());
        }
    }

    /**
     * Orthonormal basis (rows) of the per-context input–target covariance directions
     * {@code d_k = mean over context k of u y*} (THEORY §4, task-aligned low rank).
     */
    public static double[][] taskDirections(TaskData data) {
        int d = data.features();
        List<double[]> basis = new ArrayList<>();
        for (int k = 0; k < data.contexts(); k++) {
            double[] dk = new double[d];
            int[] samples = data.samplesOfContext(k);
            for (int s : samples) {
                for (int j = 0; j < d; j++) {
                    dk[j] += data.stimuli()[s][j] * data.targets()[s] / samples.length;
                }
            }
            double norm0 = norm(dk);
            for (double[] e : basis) {
                double dot = dot(dk, e);
                for (int j = 0; j < d; j++) {
                    dk[j] -= dot * e[j];
                }
            }
            double nk = norm(dk);
            if (nk > 1e-10 * Math.max(norm0, 1e-300) && nk > 0) {
                for (int j = 0; j < d; j++) {
                    dk[j] /= nk;
                }
                basis.add(dk);
            }
        }
        return basis.toArray(new double[0][]);
    }

    private static double[][] projected(double[][] g, double[][] q, boolean onto) {
        double[][] p = new double[g.length][];
        for (int i = 0; i < g.length; i++) {
            double[] proj = new double[g[i].length];
            for (double[] e : q) {
                double dot = dot(g[i], e);
                for (int j = 0; j < proj.length; j++) {
                    proj[j] += dot * e[j];
                }
            }
            p[i] = new double[proj.length];
            for (int j = 0; j < proj.length; j++) {
                p[i][j] = onto ? proj[j] : g[i][j] - proj[j];
            }
        }
        return p;
    }

    private static double[][] rescale(double[][] w, double frob) {
        double f = Svd.frobenius(w);
        if (f == 0) {
            return w;
        }
        for (double[] row : w) {
            for (int j = 0; j < row.length; j++) {
                row[j] *= frob / f;
            }
        }
        return w;
    }

}
