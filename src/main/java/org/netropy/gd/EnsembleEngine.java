package org.netropy.gd;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.function.IntConsumer;
import org.netropy.io.InvalidInputException;
import org.netropy.task.TaskData;

/**
 * Trains K two-layer networks at once so that per-step overhead is paid once for all of them.
 * The step itself — forward {@code H = X Wᵀ}, {@code y = φ(H)(f z) + c}; backward
 * {@code ∂z = f φ(H)ᵀ e}, {@code ∂H = φ'(H) ∘ e (f z)ᵀ}, {@code ∂W = ∂Hᵀ X} with
 * {@code e = f_P (y − y*)}, the closed-form gradients of {@link Network#gradient} — is an
 * {@link EnsembleKernel}; this class does the bookkeeping around it. The hidden bias is the weight
 * of a constant input column. This is the block-structured readout of the issue without
 * materialising the K·N × K block matrix.
 *
 * <p>Which kernel: {@link FusedKernel}, in both precisions — the two large products of the step
 * are wide BLAS calls and everything element-wise is one plain-Java pass, because the all-ND4J
 * {@link Nd4jKernel} pays a framework call (tens of µs) for each of its ~20 operations and runs
 * element-wise passes at ~10⁸ elements/s. The system property
 * {@code netropy.gd.kernel=nd4j|java|auto} overrides the choice (benchmarks, cross-checks).
 * Both are checked against finite differences, one DL4J step and each other in the tests.
 *
 * <p>Members never mix: every product and reduction stays inside one member's slice, so a member
 * ends bit-for-bit where it would alone (tested). A member whose loss becomes non-finite or
 * explodes is frozen at its last good state (the previous step) and reported as diverged; a
 * member whose loss falls below the tolerance stops there.
 */
final class EnsembleEngine {

    /** What one member's training produced. */
    record Outcome(Network initial, Network last, double[] lossCurve, boolean diverged, int divergedStep,
                   boolean converged, int stepsRun, double[] offset, TreeMap<Integer, Network> snapshots) {}

    /** Kernel choice: AUTO picks by precision and size. */
    enum Kernel { AUTO, JAVA, NDARRAY }

    private EnsembleEngine() {}

    static List<Outcome> train(List<GdRunSpec> specs, List<Network> inits, IntConsumer progress) {
        String prop = System.getProperty("netropy.gd.kernel", "auto");
        Kernel kernel = switch (prop) {
            case "java" -> Kernel.JAVA;
            case "nd4j" -> Kernel.NDARRAY;
            default -> Kernel.AUTO;
        };
        return train(specs, inits, progress, kernel);
    }

    static List<Outcome> train(List<GdRunSpec> specs, List<Network> inits, IntConsumer progress, Kernel kernel) {
        int kk = specs.size();
        InvalidInputException.require(kk > 0 && inits.size() == kk, "ensemble", "one initial network per member", inits.size());
        GdRunSpec s0 = specs.get(0);
        for (GdRunSpec s : specs) {
            InvalidInputException.require(s.task() == s0.task() && s.hidden() == s0.hidden() && s.activation() == s0.activation()
                            && s.hiddenBias() == s0.hiddenBias() && s.outputBias() == s0.outputBias() && s.centred() == s0.centred()
                            && s.loss() == s0.loss() && s.optimizer() == s0.optimizer() && s.momentum() == s0.momentum()
                            && s.steps() == s0.steps() && s.precision() == s0.precision(),
                    "ensemble members", "sharing task, size, activation, biases, centring, loss, optimizer, steps and precision",
                    "a member that differs");
        }
        TaskData data = s0.task().data();
        int n = s0.hidden();
        int d = data.features();
        int c = data.contexts();
        for (Network net : inits) {
            InvalidInputException.require(net.hidden() == n && net.features() == d && net.contexts() == c,
                    "initial network", "N=" + n + ", D=" + d + ", C=" + c, "N=" + net.hidden());
        }
        EnsembleKernel k = kernel == Kernel.NDARRAY ? new Nd4jKernel(specs, inits) : new FusedKernel(specs, inits);
        return run(k, specs, inits, progress);
    }

    private static List<Outcome> run(EnsembleKernel kernel, List<GdRunSpec> specs, List<Network> inits, IntConsumer progress) {
        int kk = specs.size();
        GdRunSpec s0 = specs.get(0);
        int steps = s0.steps();
        boolean[] active = new boolean[kk];
        Arrays.fill(active, true);
        int activeCount = kk;
        // primitive loss curves: a boxed Double per member and step was garbage for the collector
        double[][] curves = new double[kk][steps + 1];
        Network[] last = new Network[kk];
        boolean[] diverged = new boolean[kk];
        boolean[] converged = new boolean[kk];
        int[] divergedStep = new int[kk];
        int[] stepsRun = new int[kk];
        double[] initialLoss = new double[kk];
        List<TreeMap<Integer, Network>> snaps = new ArrayList<>();
        for (int m = 0; m < kk; m++) {
            snaps.add(new TreeMap<>());
            divergedStep[m] = -1;
        }
        boolean[] snapshotAt = new boolean[steps + 1];
        for (int t : s0.snapshotSteps()) {
            snapshotAt[t] = true;
        }

        for (int t = 0; ; t++) {
            double[] loss = kernel.evaluate(t);
            for (int m = 0; m < kk; m++) {
                if (!active[m]) {
                    continue;
                }
                if (t == 0) {
                    initialLoss[m] = loss[m];
                }
                boolean bad = !Double.isFinite(loss[m]) || loss[m] > s0.divergenceFactor() * Math.max(1.0, initialLoss[m]);
                if (bad) {
                    diverged[m] = true;
                    divergedStep[m] = t;
                    stepsRun[m] = Math.max(0, t - 1);
                    last[m] = t == 0 ? inits.get(m) : kernel.extract(m, true, inits.get(m));
                    kernel.freeze(m);
                    active[m] = false;
                    activeCount--;
                    continue;
                }
                curves[m][t] = loss[m];
                if (snapshotAt.length > t && snapshotAt[t]) {
                    snaps.get(m).put(t, kernel.extract(m, false, inits.get(m)));
                }
                if (loss[m] < specs.get(m).tolerance() || t == steps) {
                    converged[m] = loss[m] < specs.get(m).tolerance();
                    stepsRun[m] = t;
                    last[m] = kernel.extract(m, false, inits.get(m));
                    kernel.freeze(m);
                    active[m] = false;
                    activeCount--;
                }
            }
            if (progress != null) {
                progress.accept(t);
            }
            if (activeCount == 0 || t >= steps) {
                break;
            }
            kernel.remember();
            kernel.update(t + 1);
        }

        List<Outcome> out = new ArrayList<>();
        for (int m = 0; m < kk; m++) {
            // the losses recorded: steps 0..t where it stopped, or 0..t−1 before the step it diverged at
            double[] curve = Arrays.copyOf(curves[m], diverged[m] ? divergedStep[m] : stepsRun[m] + 1);
            out.add(new Outcome(inits.get(m), last[m], curve, diverged[m], divergedStep[m], converged[m], stepsRun[m],
                    kernel.offset(m), snaps.get(m)));
        }
        return out;
    }
}
