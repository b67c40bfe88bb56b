package org.netropy.gd;

import java.util.Map;
import java.util.SortedMap;
import org.netropy.connectivity.NeuronTable;

/**
 * The outcome of one gradient-descent run.
 *
 * @param spec          what was run
 * @param rootSeed      the run's root seed (all streams derive from it)
 * @param seeds         derived seeds of the named streams, recorded for provenance
 * @param initial       initial network
 * @param last          final network (the last good state if the run diverged)
 * @param initialTable  single-neuron table of the initial network (mean-field z, measured gains)
 * @param finalTable    single-neuron table of the final network
 * @param lossCurve     loss at steps 0..stepsRun (one entry per step)
 * @param stepsRun      number of updates applied to {@code last}
 * @param diverged      the loss became non-finite or exploded
 * @param divergedStep  step at which divergence was detected, or -1
 * @param converged     the loss fell below the tolerance
 * @param offset        initial outputs subtracted by centring, or null
 * @param snapshots     weight snapshots at the requested steps (tables)
 * @param metrics       regime metrics (see {@link RegimeMetrics#compute})
 */
public record GdResult(GdRunSpec spec, long rootSeed, Map<String, Long> seeds, Network initial, Network last,
                       NeuronTable initialTable, NeuronTable finalTable, double[] lossCurve, int stepsRun,
                       boolean diverged, int divergedStep, boolean converged, double[] offset,
                       SortedMap<Integer, NeuronTable> snapshots, RegimeMetrics metrics) {

    public double finalLoss() {
        return lossCurve[lossCurve.length - 1];
    }

    /** The regime metrics as one flat table row ({@link RegimeMetrics#COLUMNS}), with whether this run diverged. */
    public Map<String, Object> metricsRow() {
        return metrics.toRow(diverged);
    }
}
