package org.netropy.maxent;

import org.netropy.activation.Nonlinearity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.junit.jupiter.api.Test;

class GaussLegendreTest {
    /** Nodes and weights agree with Commons Math's high-precision rule (an independent computation). */
    @Test
    void nodesAndWeightsMatchCommonsMath() {
        GaussIntegratorFactory factory = new GaussIntegratorFactory();
        for (int n = 2; n <= 40; n++) {
            GaussLegendre mine = GaussLegendre.of(n);
            GaussIntegrator ref = factory.legendreHighPrecision(n, -0.5, 2.0);
            for (int i = 0; i < n; i++) {
                assertEquals(ref.getPoint(i), mine.node(i, -0.5, 2.0), 1e-14, "n=" + n + " node " + i);
                assertEquals(ref.getWeight(i), mine.weight(i, -0.5, 2.0), 1e-14, "n=" + n + " weight " + i);
            }
        }
    }

    /** The composite rule of a continuous prior (12 nodes per cell) integrates a smooth function of the gain to 1e-10. */
    @Test
    void cellRuleIntegratesGainsOfAGaussian() {
        for (Nonlinearity f : new Nonlinearity[] {Nonlinearity.TANH, Nonlinearity.SIGMOID, Nonlinearity.SOFTPLUS}) {
            for (double sv : new double[] {0.3, 1, 3}) {
                double[][] fine = DenseGainIntegral.rule(f, sv, f.halfSupremum(), 40, 12);
                double expected = 0;
                for (double[] r : fine) {
                    expected += r[1] * Math.sqrt(1.1 - f.slope(r[0]));
                }
                double got = 0;
                for (double[] r : GainPrior.cellRule(f, sv, 12)) {
                    got += r[1] * Math.sqrt(1.1 - f.slope(r[0]));
                }
                assertEquals(expected, got, 1e-10, f + " sigma_v=" + sv);
            }
        }
    }
}
