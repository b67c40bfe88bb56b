package org.netropy.gd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.netropy.random.RandomStreams;
import org.netropy.task.Task;
import org.netropy.task.TaskData;

/**
 * THEORY §4: mean-field GD with per-neuron rate η_eff equals a standard DL4J network (dense
 * readout W_out = z/N) trained by SGD with rate η_eff on the hidden layer and η_eff/N² on the
 * readout (the output bias, a per-network parameter, keeps rate η_eff). DL4J's MSE loss is Σ(y−y*)²/P, twice ours, so its rates are halved. One DL4J
 * {@code fit} step must land exactly where one step of our engine does.
 */
class Dl4jCrossCheckTest {

    @Test
    void oneDl4jSgdStepEqualsOneMeanFieldEngineStep() {
        Task task = GdTestSupport.smallTask();
        TaskData data = task.data();
        int n = 12;
        GdRunSpec spec = GdTestSupport.spec(task, n, org.netropy.gd.Activation.RELU, Readout.MEAN_FIELD, 1, 0.05);
        GdResult ours = GdTrainer.train(spec, new RandomStreams(21));
        Network init = ours.initial();
        double eta = spec.effectiveLearningRate();
        double f = init.factor();
        int din = data.features() + data.contexts();

        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .dataType(DataType.DOUBLE).seed(1)
                .list()
                .layer(new DenseLayer.Builder().nIn(din).nOut(n).activation(Activation.RELU).updater(new Sgd(eta / 2)).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(n).nOut(1).activation(Activation.IDENTITY)
                        .updater(new Sgd(eta * f * f / 2)).biasUpdater(new Sgd(eta / 2)).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        double[][] wIn = new double[din][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < data.features(); j++) {
                wIn[j][i] = init.w()[i][j];
            }
            for (int k = 0; k < data.contexts(); k++) {
                wIn[data.features() + k][i] = init.v()[i][k];
            }
        }
        double[][] wOut = new double[n][1];
        for (int i = 0; i < n; i++) {
            wOut[i][0] = f * init.z()[i];
        }
        net.getLayer(0).setParam("W", Nd4j.create(wIn));
        net.getLayer(0).setParam("b", Nd4j.create(new double[][] {init.b()}));
        net.getLayer(1).setParam("W", Nd4j.create(wOut));
        net.getLayer(1).setParam("b", Nd4j.create(new double[][] {{init.outputBias()}}));
        INDArray x = Nd4j.create(data.inputs());
        INDArray y = Nd4j.create(data.targets(), new long[] {data.size(), 1}, DataType.DOUBLE);
        net.fit(new DataSet(x, y));

        Network after = ours.last();
        INDArray w1 = net.getLayer(0).getParam("W");
        INDArray b1 = net.getLayer(0).getParam("b");
        INDArray w2 = net.getLayer(1).getParam("W");
        double tol = 1e-12;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < data.features(); j++) {
                assertEquals(after.w()[i][j], w1.getDouble(j, i), tol);
            }
            for (int k = 0; k < data.contexts(); k++) {
                assertEquals(after.v()[i][k], w1.getDouble(data.features() + k, i), tol);
            }
            assertEquals(after.b()[i], b1.getDouble(i), tol);
            assertEquals(f * after.z()[i], w2.getDouble(i, 0), tol * f);
        }
        assertEquals(after.outputBias(), net.getLayer(1).getParam("b").getDouble(0), tol);
    }
}

