package org.imcsim.functional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.imcsim.mapping.MappedLayer;
import org.imcsim.mapping.MappingSpec;
import org.imcsim.mapping.ScaleMode;
import org.imcsim.mapping.SignedScheme;
import org.imcsim.mapping.Subtraction;
import org.imcsim.workload.CrossbarLayer;
import org.imcsim.workload.FloatForward;
import org.imcsim.workload.Network;
import org.imcsim.workload.NetworkBuilder;
import org.imcsim.workload.TensorShape;
import org.imcsim.workload.Window;
import org.junit.jupiter.api.Test;

class FunctionalNetworkTest {

    /** conv(2→8, 3x3, pad 1) → relu → grouped conv(8→8, groups 2) → relu → maxpool → dense(→10). */
    static Network smallCnn(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        NetworkBuilder b = new NetworkBuilder("small", TensorShape.chw(2, 8, 8));
        int c1 = b.conv("conv1", b.input(), 8, Window.square(3, 1, 1), 1, rand(r, 8 * 2 * 9, 0.4), rand(r, 8, 0.1));
        int a1 = b.relu("relu1", c1);
        int c2 = b.conv("conv2", a1, 8, Window.square(3, 1, 1), 2, rand(r, 8 * 4 * 9, 0.3), rand(r, 8, 0.1));
        int a2 = b.relu("relu2", c2);
        int p = b.maxPool("pool", a2, Window.square(2, 2, 0), false);
        int f = b.flatten("flat", p);
        int d = b.dense("fc", f, 10, rand(r, 10 * 8 * 16, 0.2), rand(r, 10, 0.1));
        return b.build(d);
    }

    static float[] rand(SplittableRandom r, int n, double a) {
        float[] w = new float[n];
        for (int i = 0; i < n; i++) {
            w[i] = (float) r.nextDouble(-a, a);
        }
        return w;
    }

    /** Samples with labels = the float network's own prediction, so float accuracy is 100 %. */
    static LabeledSamples selfLabelled(Network net, int count, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int size = net.inputShape().size();
        float[] x = rand(r, count * size, 1.0);
        int[] labels = new FloatForward(net).predict(x, count);
        return new LabeledSamples() {
            public int size() {
                return count;
            }

            public int sampleSize() {
                return size;
            }

            public void load(int start, int n, float[] dst) {
                System.arraycopy(x, start * size, dst, 0, n * size);
            }

            public int label(int i) {
                return labels[i];
            }
        };
    }

    static float[] all(LabeledSamples s) {
        float[] x = new float[s.size() * s.sampleSize()];
        s.load(0, s.size(), x);
        return x;
    }

    static FunctionalSpec spec(int adcBits, AdcRange range) {
        MappingSpec ms = new MappingSpec(8, 8, 2, 1, 32, 32, SignedScheme.DIFFERENTIAL, Subtraction.DIGITAL, ScaleMode.LAYER);
        return new FunctionalSpec(ms, adcBits, range, 99.9, 100, 16);
    }

    @Test
    void everyLayerOfTheIdealExactChipEqualsTheIntegerProduct() {
        Network net = smallCnn(1);
        LabeledSamples data = selfLabelled(net, 16, 2);
        MappedNetwork mapped = MappedNetwork.build(net, spec(6, AdcRange.FULL), all(data), 16);
        assertTrue(mapped.input(0).signed(), "first layer input is signed");
        assertTrue(!mapped.input(1).signed() && !mapped.input(2).signed(), "post-ReLU inputs are unsigned");
        CrossbarMatrixKernel k = ChipInstance.program(mapped, TileProgrammer.IDEAL, 9, 0).newKernel(true);
        SplittableRandom r = new SplittableRandom(4);
        for (CrossbarLayer xl : net.crossbarLayers()) {
            InputQuantizer iq = mapped.input(xl.index());
            for (int g = 0; g < xl.groups(); g++) {
                MappedLayer m = mapped.layer(xl.index())[g];
                int vectors = 7;
                float[] x = new float[vectors * m.k()];
                for (int i = 0; i < x.length; i++) {
                    x[i] = (float) (iq.signed() ? r.nextDouble(-1, 1) : r.nextDouble()) * (float) (iq.scale() * 200);
                }
                int[] xq = new int[x.length];
                iq.quantize(x, x.length, xq);
                float[] y = new float[vectors * m.n()];
                k.multiply(xl, g, x, vectors, y);
                for (int v = 0; v < vectors; v++) {
                    for (int j = 0; j < m.n(); j++) {
                        long acc = 0;
                        for (int i = 0; i < m.k(); i++) {
                            acc += (long) xq[v * m.k() + i] * m.weights().code(i, j);
                        }
                        float expect = (float) (acc * iq.scale() * m.weights().scale()[j]);
                        assertEquals(expect, y[v * m.n() + j], 0f, xl.name() + " group " + g);
                    }
                }
            }
        }
    }

    @Test
    void accuracyFallsAsAdcBitsDropAndIsIndependentOfThreads() {
        Network net = smallCnn(3);
        LabeledSamples data = selfLabelled(net, 96, 5);
        double prev = 2;
        double[] acc = new double[4];
        int[] bits = {8, 5, 3, 2};
        for (int i = 0; i < bits.length; i++) {
            MappedNetwork mapped = MappedNetwork.build(net, spec(bits[i], AdcRange.FULL), all(data), 16);
            AccuracyEvaluator.Result res = new AccuracyEvaluator(1, 16, null).evaluate(mapped, TileProgrammer.IDEAL, data, 96, 1, 1);
            assertEquals(1.0, res.floatTop1(), 0);
            acc[i] = res.idealChipTop1();
            assertTrue(res.quantizedTop1() >= 0.85, "8-bit quantization keeps the predictions: " + res.quantizedTop1());
        }
        for (int i = 1; i < acc.length; i++) {
            assertTrue(acc[i] <= acc[i - 1], "accuracy must not rise as ADC bits fall: " + java.util.Arrays.toString(acc));
        }
        assertTrue(acc[3] < acc[0], "2-bit ADC must cost accuracy: " + java.util.Arrays.toString(acc));
    }

    @Test
    void calibratedRangeBeatsFullRangeAtLowResolution() {
        Network net = smallCnn(6);
        LabeledSamples data = selfLabelled(net, 96, 7);
        MappedNetwork full = MappedNetwork.build(net, spec(4, AdcRange.FULL), all(data), 32);
        MappedNetwork cal = MappedNetwork.build(net, spec(4, AdcRange.CALIBRATED), all(data), 32);
        AccuracyEvaluator ev = new AccuracyEvaluator(1, 16, null);
        double a = ev.evaluate(full, TileProgrammer.IDEAL, data, 96, 1, 1).idealChipTop1();
        double b = ev.evaluate(cal, TileProgrammer.IDEAL, data, 96, 1, 1).idealChipTop1();
        assertTrue(b > a, "calibrated " + b + " vs full " + a);
        assertTrue(cal.adcHi(0) < CrossbarLayerKernel.fullRange(cal.layer(0)[0].tiles().get(0), cal.spec().mapping()));
    }

    @Test
    void resultsDoNotDependOnThreadCount() {
        Network net = smallCnn(8);
        LabeledSamples data = selfLabelled(net, 64, 9);
        MappedNetwork mapped = MappedNetwork.build(net, spec(4, AdcRange.CALIBRATED), all(data), 16);
        TileProgrammer noisy = new GaussianTestProgrammer(0.3, 0.05);
        AccuracyEvaluator.Result one = new AccuracyEvaluator(1, 8, null).evaluate(mapped, noisy, data, 64, 3, 42);
        AccuracyEvaluator.Result two = new AccuracyEvaluator(2, 8, null).evaluate(mapped, noisy, data, 64, 3, 42);
        assertArrayEquals(one.chipTop1(), two.chipTop1(), 0);
        assertTrue(one.top1Std() >= 0);
    }

    /** Level-unit Gaussian programming and read noise, for tests of the evaluator's plumbing only. */
    static final class GaussianTestProgrammer implements TileProgrammer {
        final double sigma;
        final double readSigma;

        GaussianTestProgrammer(double sigma, double readSigma) {
            this.sigma = sigma;
            this.readSigma = readSigma;
        }

        public ProgrammedTile program(org.imcsim.mapping.CrossbarTile tile, java.util.random.RandomGenerator rng) {
            ProgrammedTile ideal = ProgrammedTile.ideal(tile);
            float[] g = ideal.g();
            float[] var = new float[g.length];
            for (int i = 0; i < g.length; i++) {
                g[i] += (float) (sigma * rng.nextGaussian());
                var[i] = (float) (readSigma * readSigma);
            }
            return new ProgrammedTile(tile, g, var);
        }

        public boolean hasReadNoise() {
            return true;
        }
    }
}
