package org.netropy.gd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netropy.random.RandomStreams;
import org.netropy.task.FleschTreesTask;
import org.netropy.task.Task;

/**
 * The fused kernel (plain-Java element-wise pass around two batched ND4J products) computes the
 * same training as the all-ND4J reference kernel, for every activation, optimizer, centring and
 * bias setting; and at the Flesch size an ensemble member still ends bit-for-bit as alone.
 */
class KernelAgreementTest {

    private static List<EnsembleEngine.Outcome> run(List<GdRunSpec> specs, EnsembleEngine.Kernel kernel) {
        List<Network> inits = new ArrayList<>();
        for (int m = 0; m < specs.size(); m++) {
            inits.add(Initializer.draw(specs.get(m), new RandomStreams(10 + m)));
        }
        return EnsembleEngine.train(specs, inits, null, kernel);
    }

    private static void assertAgree(List<GdRunSpec> specs, String label) {
        List<EnsembleEngine.Outcome> fused = run(specs, EnsembleEngine.Kernel.JAVA);
        List<EnsembleEngine.Outcome> ref = run(specs, EnsembleEngine.Kernel.NDARRAY);
        for (int m = 0; m < specs.size(); m++) {
            double[] a = fused.get(m).last().flatten();
            double[] b = ref.get(m).last().flatten();
            double tol = 1e-11 * Math.max(1, GdTestSupport.maxAbs(b));
            assertTrue(GdTestSupport.maxAbsDiff(a, b) <= tol, label + " member " + m + ": weights differ by "
                    + GdTestSupport.maxAbsDiff(a, b));
            double[] la = fused.get(m).lossCurve();
            double[] lb = ref.get(m).lossCurve();
            assertEquals(lb.length, la.length, label);
            for (int t = 0; t < la.length; t++) {
                assertEquals(lb[t], la[t], 1e-11 * Math.max(1, Math.abs(lb[t])), label + " loss at step " + t);
            }
            assertEquals(ref.get(m).stepsRun(), fused.get(m).stepsRun(), label);
            if (ref.get(m).offset() != null) {
                assertArrayEquals(ref.get(m).offset(), fused.get(m).offset(), 1e-12, label);
            }
        }
    }

    @Test
    void fusedAndNd4jKernelsAgreeForEveryActivationOptimizerAndBiasSetting() {
        Task task = GdTestSupport.smallTask();
        for (Activation act : Activation.values()) {
            for (Optimizer opt : Optimizer.values()) {
                if (!opt.onFusedKernel()) {
                    continue;   // DL4J-only updaters
                }
                GdRunSpec base = GdTestSupport.spec(task, 9, act, Readout.MEAN_FIELD, 25, opt == Optimizer.ADAM ? 0.002 : 0.05)
                        .withOptimizer(opt);
                assertAgree(List.of(base, base.withInit(base.init().withStimulusScale(2.0))), act + "/" + opt);
            }
        }
        GdRunSpec s = GdTestSupport.spec(task, 8, Activation.RELU, Readout.STANDARD, 30, 0.05);
        GdRunSpec centredNoBias = GdRunSpec.builder(task).hidden(8).activation(Activation.TANH).readout(Readout.STANDARD)
                .alpha(2.0).centred(true).init(s.init()).learningRate(0.05).lrScaling(LearningRateScaling.PLAIN)
                .optimizer(Optimizer.MOMENTUM).loss(LossScale.SUM).steps(30).build();
        assertAgree(List.of(centredNoBias, centredNoBias), "centred, no biases");
    }

    @Test
    void fusedAndNd4jKernelsAgreeOnTheFleschTask() {
        Task task = new FleschTreesTask();
        GdRunSpec spec = GdRunSpec.flesch(task, 100, 0.5, 1.0, 200);
        assertAgree(List.of(spec, GdRunSpec.flesch(task, 100, 2.0, 1.0, 200)), "flesch");
    }

    @Test
    void aFleschEnsembleMemberEndsBitForBitAsAlone() {
        for (Precision precision : Precision.values()) {
            assertMembersAsAlone(precision);
        }
    }

    private static void assertMembersAsAlone(Precision precision) {
        Task task = new FleschTreesTask();
        List<GdRunSpec> specs = new ArrayList<>();
        List<RandomStreams> seeds = new ArrayList<>();
        // more members than one tile of the fused kernel, so that members of a later tile are checked too
        int members = FusedKernel.TILE + 4;
        for (int m = 0; m < members; m++) {
            specs.add(GdRunSpec.flesch(task, 100, 0.1 * (m % 5 + 1), 1.0, 60).withPrecision(precision));
            seeds.add(new RandomStreams(m));
        }
        List<GdResult> ens = GdTrainer.trainEnsemble(specs, seeds, null);
        for (int m : new int[] {0, 3, FusedKernel.TILE, members - 1}) {
            GdResult alone = GdTrainer.train(specs.get(m), seeds.get(m));
            assertArrayEquals(alone.last().flatten(), ens.get(m).last().flatten(), 0.0, precision + " member " + m);
            assertArrayEquals(alone.lossCurve(), ens.get(m).lossCurve(), 0.0, precision + " member " + m);
        }
    }

    @Test
    void inSinglePrecisionTheFusedAndNd4jKernelsAgreeToFloatRounding() {
        Task task = GdTestSupport.smallTask();
        for (Optimizer opt : Optimizer.values()) {
            if (!opt.onFusedKernel()) {
                continue;   // DL4J-only updaters
            }
            GdRunSpec base = GdTestSupport.spec(task, 9, Activation.TANH, Readout.MEAN_FIELD, 25, opt == Optimizer.ADAM ? 0.002 : 0.05)
                    .withOptimizer(opt).withPrecision(Precision.FLOAT);
            List<GdRunSpec> specs = List.of(base, base.withInit(base.init().withStimulusScale(2.0)));
            List<EnsembleEngine.Outcome> fused = run(specs, EnsembleEngine.Kernel.JAVA);
            List<EnsembleEngine.Outcome> ref = run(specs, EnsembleEngine.Kernel.NDARRAY);
            for (int m = 0; m < specs.size(); m++) {
                double[] a = fused.get(m).last().flatten();
                double[] b = ref.get(m).last().flatten();
                double diff = GdTestSupport.maxAbsDiff(a, b);
                assertTrue(diff <= 1e-5 * Math.max(1, GdTestSupport.maxAbs(b)), opt + " member " + m + ": " + diff);
                // and the state is single precision: every weight is a float
                for (double v : a) {
                    assertEquals(v, (float) v, 0.0, opt + " member " + m);
                }
            }
        }
    }

    @Test
    void directBlasProductsAreBitForBitThoseOfNd4jGemm() {
        java.util.Random rnd = new java.util.Random(3);
        int p = 50;
        int din = 28;
        int width = 300;
        double[] xs = rnd.doubles(p * din, -1, 1).toArray();
        double[] ws = rnd.doubles(din * width, -1, 1).toArray();
        NativeMatrix x = NativeMatrix.of(Precision.DOUBLE, xs, p, din);
        NativeMatrix w = NativeMatrix.of(Precision.DOUBLE, ws, din, width);
        NativeMatrix h = NativeMatrix.zeros(Precision.DOUBLE, p, width);
        NativeMatrix dw = NativeMatrix.zeros(Precision.DOUBLE, din, width);
        h.product(x, false, w);
        dw.product(x, true, h);
        org.nd4j.linalg.api.ndarray.INDArray xn = org.nd4j.linalg.factory.Nd4j.create(xs, new long[] {p, din},
                org.nd4j.linalg.api.buffer.DataType.DOUBLE);
        org.nd4j.linalg.api.ndarray.INDArray wn = org.nd4j.linalg.factory.Nd4j.create(ws, new long[] {din, width},
                org.nd4j.linalg.api.buffer.DataType.DOUBLE);
        org.nd4j.linalg.api.ndarray.INDArray hn = org.nd4j.linalg.factory.Nd4j.gemm(xn, wn, false, false);
        org.nd4j.linalg.api.ndarray.INDArray dwn = org.nd4j.linalg.factory.Nd4j.gemm(xn, hn, true, false);
        double[] row = new double[width];
        for (int r = 0; r < p; r++) {
            h.get(r, 0, row, width);
            assertArrayEquals(hn.getRow(r).toDoubleVector(), row, 0.0, "H row " + r);
        }
        for (int r = 0; r < din; r++) {
            dw.get(r, 0, row, width);
            assertArrayEquals(dwn.getRow(r).toDoubleVector(), row, 0.0, "dW row " + r);
        }
    }

    @Test
    void aPeerTimingIsReadFromItsJsonLineAndALineWithoutOneIsRefused() throws Exception {
        GdBenchmark.PeerTiming t = GdBenchmark.parsePeer("{\"engine\": \"numpy\", \"networks\": 1, \"per_network_step_us\": 38.5, "
                + "\"per_network_step_cpu_us\": 37.0, \"version\": \"numpy 1.24.2\", \"blas\": \"openblas 0.3.21 Haswell\"}");
        assertEquals(new GdBenchmark.PeerTiming("numpy", 1, 38.5, 37.0, "numpy 1.24.2", "openblas 0.3.21 Haswell"), t);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> GdBenchmark.parsePeer("{\"engine\": \"numpy\"}"));
    }
}
