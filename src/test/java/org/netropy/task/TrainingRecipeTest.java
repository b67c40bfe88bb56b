package org.netropy.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.netropy.gd.GdRunSpec;
import org.netropy.gd.LearningRateScaling;
import org.netropy.gd.LossScale;
import org.netropy.gd.Readout;
import org.netropy.io.InvalidInputException;

/** A task's training recipe is declared once, with its registry line, and is what the engine builds. */
class TrainingRecipeTest {
    @Test
    void theRegistryCarriesEachTasksRecipe() {
        assertEquals(TrainingRecipe.MEAN_FIELD, TaskRegistry.recipe(InputSelectionTask.NAME));
        assertEquals(FleschTreesTask.RECIPE, TaskRegistry.recipe(FleschTreesTask.NAME));
        assertEquals(TaskRegistry.names(), java.util.List.copyOf(TaskRegistry.recipeValues(TrainingRecipe::learningRate).keySet()));
        assertThrows(InvalidInputException.class, () -> TaskRegistry.recipe("no-such-task"));
    }

    @Test
    void theFleschNetworkIsBuiltFromItsRecipe() {
        TrainingRecipe r = FleschTreesTask.RECIPE;
        GdRunSpec s = GdRunSpec.flesch(new FleschTreesTask(), 40, 0.3, 1.0, 10);
        assertEquals(r.hiddenBias(), s.hiddenBias());
        assertEquals(Readout.parse("readout", r.readout()), s.readout());
        assertEquals(r.learningRate(), s.learningRate());
        assertEquals(LearningRateScaling.parse("lr", r.lrScaling()), s.lrScaling());
        assertEquals(LossScale.parse("loss", r.loss()), s.loss());
        assertEquals(r.biasInit(), s.init().biasMean());
        assertEquals(r.readoutScale(0.3), s.init().readoutScale());
        // Flesch et al. 2022's values (their public code), independent of how the recipe is written
        assertEquals(5e-3, s.learningRate());
        assertEquals(0.01, s.init().readoutScale());
    }

    @Test
    void scalesLeftToTheStimulusScaleFollowIt() {
        assertEquals(0.7, TrainingRecipe.MEAN_FIELD.contextScale(0.7));
        assertEquals(1.0, FleschTreesTask.RECIPE.contextScale(0.7));
        assertThrows(InvalidInputException.class,
                () -> new TrainingRecipe(false, false, "softmax", 0.1, "plain", "mean", 0, Double.NaN, Double.NaN, false));
    }
}
