package org.netropy.gd;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.IntConsumer;
import org.netropy.connectivity.NeuronTable;
import org.netropy.io.InvalidInputException;
import org.netropy.random.RandomStreams;
import org.netropy.task.TaskData;

/**
 * Entry point of the gradient-descent engine: {@code GdRunSpec} + seed → {@link GdResult}.
 *
 * <p>{@link #train} runs one network; {@link #trainEnsemble} runs K networks (different seeds,
 * scales or rates, same task and architecture) in one ND4J computation, which is how sweeps
 * should call it. Each member's result equals the result of training it alone.
 */
public final class GdTrainer {
    /** Streams every run draws from; their derived seeds are recorded with the result. */
    static final String[] STREAMS = {"init/stimulus-weights", "init/context-weights", "init/biases", "init/readout"};

    private GdTrainer() {}

    public static GdResult train(GdRunSpec spec, RandomStreams streams) {
        return trainEnsemble(List.of(spec), List.of(streams), null).get(0);
    }

    /**
     * Trains every (spec, streams) pair as one ensemble. {@code progress} (may be null) receives
     * the step index after each step.
     */
    public static List<GdResult> trainEnsemble(List<GdRunSpec> specs, List<RandomStreams> streams, IntConsumer progress) {
        InvalidInputException.require(specs.size() == streams.size() && !specs.isEmpty(), "ensemble",
                "one seed per member", streams.size() + " seeds for " + specs.size() + " members");
        List<Network> inits = new ArrayList<>();
        for (int m = 0; m < specs.size(); m++) {
            inits.add(Initializer.draw(specs.get(m), streams.get(m)));
        }
        return trainFrom(specs, inits, streams, progress);
    }

    /** Trains given initial networks (used by {@code --init-from} and by tests). */
    static List<GdResult> trainFrom(List<GdRunSpec> specs, List<Network> inits, List<RandomStreams> streams, IntConsumer progress) {
        List<EnsembleEngine.Outcome> outcomes = outcomes(specs, inits, streams, progress);
        List<GdResult> results = new ArrayList<>();
        for (int m = 0; m < specs.size(); m++) {
            GdRunSpec spec = specs.get(m);
            EnsembleEngine.Outcome o = outcomes.get(m);
            TaskData data = spec.task().data();
            Map<String, Long> seeds = new LinkedHashMap<>();
            RandomStreams rs = streams.get(m);
            for (String name : STREAMS) {
                seeds.put(name, rs.seedFor(name));
            }
            TrainingAlgorithm alg = spec.algorithm();
            if (alg.minibatch()) {
                seeds.put(Dl4jTrainer.MINIBATCH_STREAM, rs.seedFor(Dl4jTrainer.MINIBATCH_STREAM));
            }
            if (alg.dropout() > 0) {
                seeds.put(Dl4jTrainer.DROPOUT_STREAM, rs.seedFor(Dl4jTrainer.DROPOUT_STREAM));
            }
            SortedMap<Integer, NeuronTable> snaps = new TreeMap<>();
            o.snapshots().forEach((t, net) -> snaps.put(t, net.toTable(data)));
            RegimeMetrics metrics = RegimeMetrics.compute(spec, o.initial(), o.last(), o.offset());
            results.add(new GdResult(spec, rs.rootSeed(), seeds, o.initial(), o.last(), o.initial().toTable(data),
                    o.last().toTable(data), o.lossCurve(), o.stepsRun(), o.diverged(), o.divergedStep(), o.converged(),
                    o.offset(), snaps, metrics));
        }
        return results;
    }

    /**
     * The fused/ND4J ensemble engine, or DL4J one network at a time (members of one call share
     * the backend: sweeps group them by their settings).
     */
    private static List<EnsembleEngine.Outcome> outcomes(List<GdRunSpec> specs, List<Network> inits, List<RandomStreams> streams,
                                                         IntConsumer progress) {
        TrainingAlgorithm.Backend backend = specs.get(0).algorithm().backend();
        for (GdRunSpec s : specs) {
            InvalidInputException.require(s.algorithm().backend() == backend, "ensemble members", "sharing the backend",
                    s.algorithm().backend().label());
        }
        if (backend == TrainingAlgorithm.Backend.FUSED) {
            return EnsembleEngine.train(specs, inits, progress);
        }
        // one network after the other: member m passes on every K-th step, so that the K members
        // together report about steps + 1 times, as one ensemble does
        List<EnsembleEngine.Outcome> out = new ArrayList<>();
        int k = specs.size();
        for (int m = 0; m < k; m++) {
            int member = m;
            IntConsumer share = progress == null ? null : t -> {
                if (t % k == member) {
                    progress.accept(t);
                }
            };
            out.add(Dl4jTrainer.train(specs.get(m), inits.get(m), streams.get(m), share));
        }
        return out;
    }
}
