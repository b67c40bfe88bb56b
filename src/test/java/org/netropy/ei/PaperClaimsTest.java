package org.netropy.ei;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The three qualitative claims of Agrawal et al. (2018) at the documented default settings
 * (docs/EI.md): N = 100, p = 0.1 (k = 10), ε = 0.001, λ-grid 0.1..10.
 */
class PaperClaimsTest {
    static final int N = 100;
    static final double P = 0.1;
    static final double EPSILON = 0.001;

    static double[] logGrid(double lo, double hi, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = lo * Math.pow(hi / lo, (double) i / (n - 1));
        }
        return x;
    }

    static List<EiScan.Curve> curves(double[] alphas, double[] we, double[] wi, boolean onBoundary, double[] lambdas) {
        EiScan scan = new EiScan(N, P, alphas, we, wi, new double[] {EPSILON}, lambdas, LambdaParametrisation.scale,
                onBoundary, EnumSet.noneOf(EiSimulation.Mode.class), 0, 0, 1, false);
        return scan.run(done -> { }).curves();
    }

    @Test
    void entropyPeaksAtTheBoundaryLambdaOne() {
        // equal strengths, weak-to-moderate synapses: the peak of H(lambda) is at lambda = 1 (+-10 %)
        for (EiScan.Curve c : curves(new double[] {0, 0.1, 0.2}, new double[] {1}, new double[] {1}, false, logGrid(0.5, 2, 81))) {
            double peak = c.robustness().peakLambda();
            assertTrue(peak > 0.9 && peak < 1.1, "alpha " + c.base().inhibitoryFraction() + ": peak at lambda " + peak);
        }
        // and over the (W_E, W_I) plane the largest entropy lies on the lambda = 1 line
        double[] we = new double[21];
        double[] wi = new double[21];
        for (int i = 0; i <= 20; i++) {
            we[i] = 0.025 * i;
            wi[i] = 0.05 * i;
        }
        EiScan plane = new EiScan(N, P, new double[] {0.2}, we, wi, new double[] {EPSILON}, new double[0],
                LambdaParametrisation.scale, false, EnumSet.noneOf(EiSimulation.Mode.class), 0, 0, 1, false);
        EiScan.Point best = plane.run(done -> { }).maxEntropy();
        assertTrue(Math.abs(best.parameters().lambda() - 1) < 0.15, "plane maximum at lambda " + best.parameters().lambda());
    }

    @Test
    void weakSynapsesHighButFragileStrongSynapsesLowerButRobust() {
        // along the boundary at alpha = 0.2, from weak (W_I = 0.1) to strong (W_I = 2) synapses
        List<EiScan.Curve> cs = curves(new double[] {0.2}, new double[] {1}, new double[] {0.1, 0.5, 2}, true, logGrid(0.1, 10, 121));
        for (int i = 1; i < cs.size(); i++) {
            Robustness weaker = cs.get(i - 1).robustness();
            Robustness stronger = cs.get(i).robustness();
            assertTrue(weaker.peakEntropyBits() > stronger.peakEntropyBits(), "peak " + weaker + " vs " + stronger);
            assertTrue(weaker.widthOneBit() < stronger.widthOneBit(), "width " + weaker + " vs " + stronger);
        }
        assertTrue(cs.get(cs.size() - 1).robustness().widthOneBit() > 10 * cs.get(0).robustness().widthOneBit());
    }

    @Test
    void withEqualStrengthsASmallNonZeroInhibitoryFractionIsBest() {
        double[] alphas = {0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45};
        List<EiScan.Curve> cs = curves(alphas, new double[] {1}, new double[] {1}, false, logGrid(0.1, 10, 121));
        Robustness none = cs.get(0).robustness();
        int best = 0;
        for (int i = 1; i < cs.size(); i++) {
            if (cs.get(i).robustness().peakEntropyBits() > cs.get(best).robustness().peakEntropyBits()) {
                best = i;
            }
        }
        double bestAlpha = alphas[best];
        assertTrue(bestAlpha > 0 && bestAlpha <= 0.3, "highest peak at alpha " + bestAlpha);
        Robustness top = cs.get(best).robustness();
        assertTrue(top.peakEntropyBits() > none.peakEntropyBits() + 0.5, "no inhibition " + none + " best " + top);
        assertTrue(top.peakEntropyBits() > cs.get(cs.size() - 1).robustness().peakEntropyBits(), "strong inhibition not lower");
        // some small non-zero fraction is both higher and more robust than no inhibition
        boolean higherAndMoreRobust = false;
        for (int i = 1; i < cs.size() && alphas[i] <= 0.3; i++) {
            Robustness r = cs.get(i).robustness();
            higherAndMoreRobust |= r.peakEntropyBits() > none.peakEntropyBits() && r.widthOneBit() > 2 * none.widthOneBit();
        }
        assertTrue(higherAndMoreRobust);
    }
}
