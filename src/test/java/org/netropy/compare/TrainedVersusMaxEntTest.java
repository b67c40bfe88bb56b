package org.netropy.compare;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.netropy.gd.GdResult;
import org.netropy.gd.GdRunSpec;
import org.netropy.gd.GdTrainer;
import org.netropy.gd.InitSpec;
import org.netropy.maxent.GainPrior;
import org.netropy.maxent.MaxEntProblem;
import org.netropy.maxent.MaxEntSolver;
import org.netropy.random.RandomStreams;
import org.netropy.task.Task;
import org.netropy.task.TaskOptions;
import org.netropy.task.TaskRegistry;
import org.netropy.task.TargetNormalisation;
import org.netropy.task.TaskMatrix;

/**
 * The two engines meet (THEORY §5): a network trained in the lazy regime keeps its random
 * initial gain patterns, which is what max-ent predicts at σ equal to the initial scale (P → π at
 * large σ); a rich network departs from that prediction.
 */
class TrainedVersusMaxEntTest {
    static Comparison compareAtInitialScale(double scale, long seed) {
        RandomStreams streams = new RandomStreams(seed);
        Task task = TaskRegistry.create("input-selection", TaskOptions.defaults(), streams);
        GdRunSpec spec = GdRunSpec.meanField(task, 400, scale, 300);
        InitSpec i = spec.init();
        spec = spec.withInit(new InitSpec(i.stimulusScale(), i.contextScale(), i.biasMean(), i.biasScale(), i.readoutScale(),
                i.outputBiasInit(), true, i.lowRank(), i.rankMeasure()));
        GdResult trained = GdTrainer.train(spec, streams);
        assertTrue(!trained.diverged());
        TaskMatrix a = TaskMatrix.identity(2, TargetNormalisation.NONE);
        MaxEntReference model = new MaxEntReference(MaxEntSolver.solve(MaxEntProblem.of(a, scale, GainPrior.uniformBinary(2))), 1.0);
        ComparisonSettings settings = ComparisonSettings.defaults().withTask(a);
        settings = new ComparisonSettings(settings.threshold(), settings.sensitivityThresholds(), settings.confidence(), a,
                settings.jointColumns(), new PopulationClustering.Settings(2, 2, 2, 0.8, 100, 100, 200), 300,
                settings.modelSampleSize(), settings.minPopulation(), settings.tolerances(), settings.verdicts());
        return ConnectivityComparator.compare(trained.finalTable(), "trained", model, settings, streams.child("compare"));
    }

    @Test
    void lazyNetworkMatchesMaxEntAtItsInitialScaleInPopulationFractions() {
        Comparison c = compareAtInitialScale(4.0, 1);
        double tolerance = Math.max(0.10, c.totalVariationNoise95());
        assertTrue(c.totalVariation() <= tolerance, "TV " + c.totalVariation() + " > " + tolerance);
    }

    /** A network sampled from the max-ent law at σ, compared with that law, is reproduced. */
    @Test
    void maxEntSampleIsReproducedByItsOwnLaw() {
        TaskMatrix a = TaskMatrix.identity(2, TargetNormalisation.NONE);
        var solution = MaxEntSolver.solve(MaxEntProblem.of(a, 0.5, GainPrior.uniformBinary(2)));
        var sample = org.netropy.maxent.MaxEntSampler.sample(solution, 4000, false, 1.0, new java.util.SplittableRandom(3));
        ComparisonSettings d = ComparisonSettings.defaults();
        ComparisonSettings settings = new ComparisonSettings(d.threshold(), d.sensitivityThresholds(), d.confidence(), a,
                d.jointColumns(), new PopulationClustering.Settings(2, 2, 2, 0.8, 100, 100, 200), 500,
                d.modelSampleSize(), d.minPopulation(), d.tolerances(), d.verdicts());
        Comparison c = ConnectivityComparator.compare(sample, "sample", new MaxEntReference(solution, 1.0), settings,
                new RandomStreams(4));
        assertTrue(c.overall().startsWith("reproduced"), c.overall() + " TV=" + c.totalVariation());
    }
}
