package org.netropy.gd;

import java.util.Map;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * Heavy-ball momentum as a DL4J updater, {@code v ← μ v + g, θ ← θ − η v}: the fused kernel's
 * {@code momentum} (Polyak 1964). DL4J ships only Nesterov momentum ({@code Nesterovs}, our
 * {@code nesterov}), whose step differs, so the DL4J backend's {@code momentum} uses this class and
 * agrees with the fused kernel to rounding (tested).
 */
final class HeavyBallMomentum implements IUpdater {
    private double learningRate;
    private ISchedule schedule;
    private final double momentum;

    HeavyBallMomentum(double learningRate, ISchedule schedule, double momentum) {
        this.learningRate = learningRate;
        this.schedule = schedule;
        this.momentum = momentum;
    }

    @Override
    public long stateSize(long numParams) {
        return numParams;
    }

    @Override
    public GradientUpdater instantiate(INDArray viewArray, boolean initializeViewArray) {
        Updater u = new Updater(this);
        u.setStateViewArray(viewArray, viewArray.shape(), viewArray.ordering(), initializeViewArray);
        return u;
    }

    @Override
    public GradientUpdater instantiate(Map<String, INDArray> updaterState, boolean initializeStateArrays) {
        Updater u = new Updater(this);
        u.setState(updaterState, initializeStateArrays);
        return u;
    }

    @Override
    public IUpdater clone() {
        return new HeavyBallMomentum(learningRate, schedule == null ? null : schedule.clone(), momentum);
    }

    @Override
    public double getLearningRate(int iteration, int epoch) {
        return schedule == null ? learningRate : schedule.valueAt(iteration, epoch);
    }

    @Override
    public boolean hasLearningRate() {
        return true;
    }

    @Override
    public void setLrAndSchedule(double lr, ISchedule lrSchedule) {
        learningRate = lr;
        schedule = lrSchedule;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HeavyBallMomentum h && h.learningRate == learningRate && h.momentum == momentum
                && Objects.equals(h.schedule, schedule);
    }

    @Override
    public int hashCode() {
        return Objects.hash(learningRate, momentum, schedule);
    }

    /** The state: one velocity per parameter. */
    private static final class Updater implements GradientUpdater<HeavyBallMomentum> {
        private final HeavyBallMomentum config;
        private INDArray velocity;

        Updater(HeavyBallMomentum config) {
            this.config = config;
        }

        @Override
        public HeavyBallMomentum getConfig() {
            return config;
        }

        @Override
        public void setState(Map<String, INDArray> state, boolean initialize) {
            velocity = state.get("V");
            if (initialize) {
                velocity.assign(0);
            }
        }

        @Override
        public Map<String, INDArray> getState() {
            return Map.of("V", velocity);
        }

        @Override
        public void setStateViewArray(INDArray viewArray, long[] gradientShape, char gradientOrder, boolean initialize) {
            if (initialize) {
                viewArray.assign(0);
            }
            velocity = viewArray.reshape(gradientOrder, gradientShape);
        }

        /** Turns the gradient into the update θ_old − θ_new = η v (DL4J subtracts it). */
        @Override
        public void applyUpdater(INDArray gradient, int iteration, int epoch) {
            double lr = config.getLearningRate(iteration, epoch);
            velocity.muli(config.momentum).addi(gradient);
            gradient.assign(velocity).muli(lr);
        }
    }
}
