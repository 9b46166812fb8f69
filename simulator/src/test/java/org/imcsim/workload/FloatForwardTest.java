package org.imcsim.workload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FloatForwardTest {
    private static float[] random(SplittableRandom r, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (r.nextDouble() * 2 - 1);
        }
        return v;
    }

    /** Direct 7-loop convolution in double, the textbook definition. */
    private static double[] directConv(float[] x, int cin, int h, int w, Op.Conv c) {
        Window win = c.window();
        int oh = win.outputHeight(h, false);
        int ow = win.outputWidth(w, false);
        int cout = c.outChannels();
        int cinG = cin / c.groups();
        int coutG = cout / c.groups();
        double[] y = new double[cout * oh * ow];
        for (int o = 0; o < cout; o++) {
            int g = o / coutG;
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    double s = c.bias(o);
                    for (int i = 0; i < cinG; i++) {
                        for (int ky = 0; ky < win.kernelH(); ky++) {
                            for (int kx = 0; kx < win.kernelW(); kx++) {
                                int iy = oy * win.strideH() - win.padTop() + ky * win.dilationH();
                                int ix = ox * win.strideW() - win.padLeft() + kx * win.dilationW();
                                if (iy >= 0 && iy < h && ix >= 0 && ix < w) {
                                    s += (double) x[((g * cinG + i) * h + iy) * w + ix] * c.weight(o, i, ky, kx);
                                }
                            }
                        }
                    }
                    y[(o * oh + oy) * ow + ox] = s;
                }
            }
        }
        return y;
    }

    @Test
    void convolutionMatchesTheDefinition() {
        SplittableRandom r = new SplittableRandom(3);
        Window[] windows = {
            Window.square(3, 1, 1), Window.square(5, 2, 0), new Window(3, 2, 2, 1, 0, 1, 2, 0, 1, 1),
            new Window(3, 3, 1, 2, 2, 2, 2, 2, 2, 2), Window.square(1, 1, 0)};
        int[] groups = {1, 1, 2, 3, 6};
        for (int t = 0; t < windows.length; t++) {
            int cin = 6;
            int cout = 12;
            int h = 9;
            int w = 8;
            Window win = windows[t];
            int g = groups[t];
            float[] wt = random(r, cout * cin / g * win.kernelH() * win.kernelW());
            NetworkBuilder b = new NetworkBuilder("c", TensorShape.chw(cin, h, w));
            b.conv("conv", 0, cout, win, g, wt, random(r, cout));
            Network net = b.build();
            float[] x = random(r, 2 * cin * h * w);
            float[] y = new FloatForward(net).run(x, 2);
            Op.Conv c = (Op.Conv) net.node("conv").op();
            for (int s = 0; s < 2; s++) {
                float[] xs = java.util.Arrays.copyOfRange(x, s * cin * h * w, (s + 1) * cin * h * w);
                double[] ref = directConv(xs, cin, h, w, c);
                int per = net.outputShape().size();
                assertEquals(ref.length, per);
                for (int i = 0; i < per; i++) {
                    assertEquals(ref[i], y[s * per + i], 1e-5, "case " + t + " sample " + s + " element " + i);
                }
            }
        }
    }

    @Test
    void crossbarMatrixTimesIm2colVectorIsTheConvOutput() {
        SplittableRandom r = new SplittableRandom(4);
        NetworkBuilder b = new NetworkBuilder("c", TensorShape.chw(3, 6, 6));
        b.conv("conv", 0, 5, Window.square(3, 1, 1), 1, random(r, 5 * 27), null);
        Network net = b.build();
        CrossbarLayer l = net.crossbarLayers().get(0);
        assertEquals(27, l.rows());
        assertEquals(5, l.cols());
        assertEquals(36, l.outputPositions());
        assertEquals(16, l.outputPositions(true));
        float[] m = l.copyMatrix();
        float[] x = random(r, 3 * 36);
        float[] y = new FloatForward(net).run(x, 1);
        // output position (oy, ox) = (2, 3): im2col row r = (ci·3 + ky)·3 + kx
        for (int c = 0; c < 5; c++) {
            double s = 0;
            for (int ci = 0; ci < 3; ci++) {
                for (int ky = 0; ky < 3; ky++) {
                    for (int kx = 0; kx < 3; kx++) {
                        int row = (ci * 3 + ky) * 3 + kx;
                        assertEquals(m[row * 5 + c], l.weight(row, c));
                        s += x[ci * 36 + (2 - 1 + ky) * 6 + (3 - 1 + kx)] * m[row * 5 + c];
                    }
                }
            }
            assertEquals(s, y[c * 36 + 2 * 6 + 3], 1e-5);
        }
    }

    @Test
    void poolsAndDigitalOps() {
        NetworkBuilder b = new NetworkBuilder("p", TensorShape.chw(1, 4, 4));
        int mp = b.maxPool("mp", 0, Window.square(3, 2, 1), false);
        int ap = b.averagePool("ap", 0, Window.square(3, 2, 1), false, false);
        int apc = b.averagePool("apc", 0, Window.square(3, 2, 1), false, true);
        int sum = b.add("sum", mp, ap);
        int sum2 = b.add("sum2", sum, apc);
        int aff = b.channelAffine("aff", sum2, new float[] {2f}, new float[] {-1f});
        int cl = b.clip("clip", aff, -5f, 40f);
        int gap = b.globalAveragePool("gap", cl);
        b.flatten("flat", gap);
        Network net = b.build();
        float[] x = new float[16];
        for (int i = 0; i < 16; i++) {
            x[i] = i;
        }
        List<float[]> seen = new ArrayList<>();
        float[] out = new FloatForward(net).run(x, 1, (node, v, batch) -> seen.add(v.clone()));
        assertEquals(net.size(), seen.size());
        assertArrayEquals(new float[] {5, 7, 13, 15}, seen.get(mp));
        // top-left window covers x[0,1,4,5] in bounds: mean 2.5; with padding counted: 10/9
        assertEquals(2.5f, seen.get(ap)[0], 1e-6);
        assertEquals(10f / 9, seen.get(apc)[0], 1e-6);
        float[] s2 = seen.get(sum2);
        float[] c = seen.get(cl);
        double mean = 0;
        for (int i = 0; i < 4; i++) {
            assertEquals(Math.min(Math.max(2 * s2[i] - 1, -5f), 40f), c[i], 1e-5);
            mean += c[i] / 4;
        }
        assertEquals(mean, out[0], 1e-5);
    }

    @Test
    void softmaxReluAndBatchInvariance() {
        SplittableRandom r = new SplittableRandom(8);
        NetworkBuilder b = new NetworkBuilder("m", TensorShape.chw(2, 5, 5));
        int c = b.relu("r", b.conv("conv", 0, 4, Window.square(3, 1, 0), 1, random(r, 4 * 18), random(r, 4)));
        int f = b.flatten("f", c);
        int d = b.dense("fc", f, 7, random(r, 7 * 36), random(r, 7));
        b.softmax("sm", d);
        Network net = b.build();
        float[] x = random(r, 5 * 50);
        FloatForward fwd = new FloatForward(net);
        float[] all = fwd.run(x, 5);
        for (int s = 0; s < 5; s++) {
            float[] one = fwd.run(java.util.Arrays.copyOfRange(x, s * 50, (s + 1) * 50), 1);
            double sum = 0;
            for (int k = 0; k < 7; k++) {
                assertEquals(one[k], all[s * 7 + k], 0f, "bit-identical whatever the batch");
                sum += one[k];
            }
            assertEquals(1.0, sum, 1e-6);
        }
        int[] p = fwd.predict(x, 5);
        assertEquals(FloatForward.argmax(all, 7, 7), p[1]);
    }

    @Test
    void pluggableKernelSeesIm2colVectors() {
        SplittableRandom r = new SplittableRandom(9);
        NetworkBuilder b = new NetworkBuilder("k", TensorShape.chw(2, 4, 4));
        int c = b.conv("conv", 0, 3, Window.square(3, 1, 1), 1, random(r, 3 * 18), random(r, 3));
        int f = b.flatten("f", c);
        b.dense("fc", f, 2, random(r, 2 * 48), null);
        Network net = b.build();
        FloatMatrixKernel exact = new FloatMatrixKernel(net);
        List<String> calls = new ArrayList<>();
        // a kernel that doubles every product: outputs before bias double
        MatrixKernel doubling = (layer, group, x, vectors, y) -> {
            calls.add(layer.name() + ":" + vectors);
            exact.multiply(layer, group, x, vectors, y);
            for (int i = 0; i < vectors * layer.colsPerGroup(); i++) {
                y[i] *= 2;
            }
        };
        float[] x = random(r, 3 * 32);
        new FloatForward(net, doubling).run(x, 3);
        assertEquals(List.of("conv:16", "conv:16", "conv:16", "fc:3"), calls);
        // single conv layer network: doubled products + bias
        NetworkBuilder b2 = new NetworkBuilder("k2", TensorShape.chw(2, 4, 4));
        b2.conv("conv", 0, 3, Window.square(3, 1, 1), 1, ((Op.Conv) net.node("conv").op()).copyWeights(),
                ((Op.Conv) net.node("conv").op()).copyBias());
        Network n2 = b2.build();
        float[] plain = new FloatForward(n2).run(x, 1);
        FloatMatrixKernel ex2 = new FloatMatrixKernel(n2);
        float[] doubled = new FloatForward(n2, (layer, group, xx, v, y) -> {
            ex2.multiply(layer, group, xx, v, y);
            for (int i = 0; i < v * layer.colsPerGroup(); i++) {
                y[i] *= 2;
            }
        }).run(x, 1);
        for (int i = 0; i < plain.length; i++) {
            float bias = n2.crossbarLayers().get(0).bias(i / 16);
            assertEquals(2 * (plain[i] - bias) + bias, doubled[i], 1e-5);
        }
    }

    @Test
    void builderRejectsBadShapesAndPrunesDeadNodes() {
        NetworkBuilder b = new NetworkBuilder("b", TensorShape.chw(3, 8, 8));
        assertThrows(IllegalArgumentException.class, () -> b.dense("fc", 0, 2, new float[2 * 192], null),
                "dense needs a flat input");
        assertThrows(IllegalArgumentException.class,
                () -> b.conv("c", 0, 4, Window.square(3, 1, 0), 1, new float[4 * 2 * 9], null));
        int r = b.relu("r", 0);
        assertThrows(IllegalArgumentException.class, () -> b.relu("r", 0), "duplicate name");
        int dead = b.relu("dead", r);
        int f = b.flatten("f", r);
        assertThrows(IllegalArgumentException.class, () -> b.add("a", f, r), "add needs equal shapes");
        Network net = b.build(f);
        assertEquals(3, net.size());
        assertThrows(IllegalArgumentException.class, () -> net.node("dead"));
        assertTrue(dead > 0);
        assertArrayEquals(new int[] {2}, net.consumers(1));
    }

    @Test
    void windowOutputSizes() {
        assertEquals(14, Window.square(2, 2, 0).outputHeight(28, false));
        assertEquals(3, Window.square(2, 2, 0).outputHeight(5, true));
        assertEquals(2, Window.square(2, 2, 0).outputHeight(5, false));
        // ceil mode: last window may not start in the end padding
        assertEquals(3, Window.square(3, 2, 1).outputHeight(4, true));
        assertEquals(4, new Window(3, 3, 1, 1, 0, 0, 0, 0, 2, 2).outputHeight(8, false));
        assertThrows(IllegalArgumentException.class, () -> Window.square(5, 1, 0).outputHeight(3, false));
    }

    @Test
    void narrowAndWideKernelPathsAgreeBitForBit() {
        SplittableRandom r = new SplittableRandom(10);
        NetworkBuilder b = new NetworkBuilder("n", TensorShape.flat(40));
        b.dense("fc", 0, 6, random(r, 240), null);
        Network net = b.build();
        CrossbarLayer l = net.crossbarLayers().get(0);
        FloatMatrixKernel k = new FloatMatrixKernel(net);
        float[] x = random(r, 16 * 40);
        for (int i = 0; i < x.length; i += 3) {
            x[i] = 0f; // exercise the zero skips
        }
        float[] narrow = new float[16 * 6];
        float[] wide = new float[7 * 6];
        k.multiply(l, 0, x, 16, narrow); // 16 vectors, 6 columns: transposed path
        k.multiply(l, 0, x, 7, wide);    // 7 vectors: row-blocked path
        for (int i = 0; i < wide.length; i++) {
            assertEquals(wide[i], narrow[i], 0f, "element " + i);
        }
        for (int v = 0; v < 16; v++) {
            for (int j = 0; j < 6; j++) {
                double s = 0;
                for (int q = 0; q < 40; q++) {
                    s += (double) x[v * 40 + q] * l.weight(q, j);
                }
                assertEquals(s, narrow[v * 6 + j], 1e-5);
            }
        }
    }
}
