package org.imcsim.workload.zoo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.imcsim.config.BadInputException;
import org.imcsim.workload.CrossbarLayer;
import org.imcsim.workload.FloatForward;
import org.imcsim.workload.Network;
import org.imcsim.workload.OpKind;
import org.imcsim.workload.TensorShape;
import org.junit.jupiter.api.Test;

class ZooTest {
    @Test
    void everyNetworkBuildsWithTenOutputs() {
        assertEquals(List.of("mlp-fmnist", "lenet5", "vgg8", "vgg11", "vgg16", "resnet18", "resnet20", "resnet56"),
                Zoo.names());
        int[] crossbarLayers = {3, 5, 8, 9, 14, 21, 22, 58};
        for (int i = 0; i < Zoo.names().size(); i++) {
            Network n = Zoo.build(Zoo.names().get(i), 1);
            assertEquals(TensorShape.flat(10), n.outputShape(), n.name());
            assertEquals(crossbarLayers[i], n.crossbarLayers().size(), n.name());
        }
    }

    /** Layer shapes of NeuroSim's NetWork_VGG8.csv (shared/reference/neurosim-vgg8.md). */
    @Test
    void vgg8MatchesNeuroSimNetworkFile() {
        int[][] ref = { // H, W, Cin, k, Cout
            {32, 32, 3, 3, 128}, {32, 32, 128, 3, 128}, {16, 16, 128, 3, 256}, {16, 16, 256, 3, 256},
            {8, 8, 256, 3, 512}, {8, 8, 512, 3, 512}, {1, 1, 8192, 1, 1024}, {1, 1, 1024, 1, 10}};
        long[] noPadPositions = {900, 900, 196, 196, 36, 36, 1, 1};
        Network net = Zoo.build("vgg8", 7);
        List<CrossbarLayer> layers = net.crossbarLayers();
        assertEquals(ref.length, layers.size());
        long ops = 0;
        for (int i = 0; i < ref.length; i++) {
            CrossbarLayer l = layers.get(i);
            int[] r = ref[i];
            assertEquals(r[2] * r[3] * r[3], l.rows(), "K of layer " + (i + 1));
            assertEquals(r[4], l.cols(), "N of layer " + (i + 1));
            if (l.kind() == OpKind.CONV) {
                assertEquals(TensorShape.chw(r[2], r[0], r[1]), l.inputShape());
                assertEquals((long) r[0] * r[1], l.outputPositions(), "padded positions");
            } else {
                assertEquals(TensorShape.flat(r[2]), l.inputShape());
            }
            assertEquals(noPadPositions[i], l.outputPositions(true), "NeuroSim positions of layer " + (i + 1));
            assertFalse(l.op().hasBias());
            ops += 2L * r[0] * r[1] * r[2] * r[3] * r[3] * r[4];
        }
        assertEquals(1_231_835_136L, ops);
        assertEquals(1_231_835_136L, 2 * net.macsPerImage());
    }

    @Test
    void resnetShapes() {
        Network r18 = Zoo.build("resnet18", 1);
        assertEquals(TensorShape.chw(512, 4, 4), r18.node("layer4.1.add.relu").outputShape());
        assertEquals(11_164_352L, r18.weightCount(), "CIFAR ResNet-18 conv+fc weights");
        Network r20 = Zoo.build("resnet20", 1);
        assertEquals(TensorShape.chw(64, 8, 8), r20.node("layer3.2.add.relu").outputShape());
        // 268,336 weights of option A plus the two 1x1 projections (16·32 + 32·64)
        assertEquals(270_896L, r20.weightCount());
        Network r56 = Zoo.build("resnet56", 1);
        assertEquals(OpKind.ADD, r56.node("layer2.8.add").kind());
    }

    @Test
    void weightsAreSeededAndHeUniform() {
        Network a = Zoo.build("lenet5", 42);
        Network b = Zoo.build("lenet5", 42);
        Network c = Zoo.build("lenet5", 43);
        for (int i = 0; i < a.crossbarLayers().size(); i++) {
            CrossbarLayer la = a.crossbarLayers().get(i);
            assertArrayEquals(la.copyMatrix(), b.crossbarLayers().get(i).copyMatrix());
            assertFalse(java.util.Arrays.equals(la.copyMatrix(), c.crossbarLayers().get(i).copyMatrix()));
            float[] w = la.op().copyWeights();
            double bound = Math.sqrt(6.0 / la.rows());
            double sq = 0;
            for (float v : w) {
                assertTrue(Math.abs(v) <= bound);
                sq += v * v;
            }
            // U(-b, b) has variance b²/3 = 2/fanIn
            assertEquals(2.0 / la.rows(), sq / w.length, 0.25 * 2.0 / la.rows(), la.name());
        }
    }

    @Test
    void deepResidualActivationsStayBounded() {
        Network net = Zoo.build("resnet56", 3);
        float[] x = new float[3 * 32 * 32];
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        double[] rms = new double[1];
        new FloatForward(net).run(x, 1, (node, v, batch) -> {
            if (node.name().equals("layer3.8.add.relu")) {
                double s = 0;
                for (float f : v) {
                    s += f * f;
                }
                rms[0] = Math.sqrt(s / v.length);
            }
        });
        assertTrue(rms[0] > 0.05 && rms[0] < 50, "rms at the last block " + rms[0]);
    }

    @Test
    void neurosimWeightsAreOnTheEightBitGrid() {
        Network net = Zoo.build("vgg8", 5, Sparsity.none(), WeightInit.NEUROSIM);
        float[] w = net.crossbarLayers().get(1).op().copyWeights();
        int[] hist = new int[255];
        for (float v : w) {
            float q = v * 128;
            assertEquals(Math.rint(q), q, 0.0, "multiple of 1/128");
            assertTrue(Math.abs(q) <= 127);
            hist[(int) q + 127]++;
        }
        double expected = w.length / 255.0;
        for (int h : hist) {
            assertEquals(expected, h, 6 * Math.sqrt(expected), "uniform over [-127, 127]");
        }
    }

    @Test
    void syntheticInputsHaveNeuroSimBitDensities() {
        Network net = Zoo.build("vgg8", 5);
        double[] density = new double[2];
        for (int layer = 0; layer < 2; layer++) {
            SyntheticTrace.LayerInputs in = SyntheticTrace.inputs(net, layer, 9);
            assertEquals(net.crossbarLayers().get(layer).rows(), in.length());
            assertEquals(layer == 0, in.signed());
            int[] codes = new int[in.length()];
            float[] values = new float[in.length()];
            long ones = 0;
            long bits = 0;
            int zeros = 0;
            for (int v = 0; v < 200; v++) {
                in.next(values, codes);
                for (int i = 0; i < codes.length; i++) {
                    assertEquals(codes[i] / 128f, values[i]);
                    ones += Integer.bitCount(codes[i] & 0xff);
                    bits += 8;
                    if (codes[i] == 0) {
                        zeros++;
                    }
                    if (layer > 0) {
                        assertTrue(codes[i] >= 0 && codes[i] <= 127);
                    } else {
                        assertTrue(codes[i] >= -128 && codes[i] <= 127);
                    }
                }
            }
            density[layer] = (double) ones / bits;
            if (layer == 1) {
                assertTrue(zeros > 0.5 * 200 * codes.length, "at least half zeros");
            }
        }
        assertEquals(0.50, density[0], 0.01);
        assertEquals(0.154, density[1], 0.005);
    }

    @Test
    void unknownNameIsBadInput() {
        BadInputException e = assertThrows(BadInputException.class, () -> Zoo.build("vgg9", 1));
        assertTrue(e.getMessage().startsWith("workload.network: unknown zoo network 'vgg9'; known: mlp-fmnist"),
                e.getMessage());
    }
}
