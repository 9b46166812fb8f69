package org.imcsim.workload;

/**
 * The float reference forward pass over a {@link Network}: a batch of inputs to the output node's
 * values (logits). Convolutions are im2col (one image's output positions at a time, so memory stays
 * bounded) followed by a {@link MatrixKernel} product; by default the exact-order
 * {@link FloatMatrixKernel}, or the functional simulator's crossbar model. Digital operators (bias,
 * ReLU, Clip, pooling, residual Add, affine, Softmax) are computed here in single precision (sums
 * over pooling windows in double). An activation is dropped once its last consumer has run.
 *
 * <p>Results for one sample do not depend on the batch it is run in. Instances are stateless apart
 * from the kernel: {@link #run} may be called from several threads if the kernel is thread-safe
 * (the default one is).
 */
public final class FloatForward {
    private final Network network;
    private final MatrixKernel kernel;

    /** The float reference: {@link FloatMatrixKernel}. */
    public FloatForward(Network network) {
        this(network, new FloatMatrixKernel(network));
    }

    /** A forward pass whose crossbar products are computed by {@code kernel}. */
    public FloatForward(Network network, MatrixKernel kernel) {
        this.network = network;
        this.kernel = kernel;
    }

    /** The network. */
    public Network network() {
        return network;
    }

    /**
     * Runs {@code batch} samples.
     *
     * @param input {@code batch × inputShape().size()} values in the network's input layout (NCHW per
     *              sample, batch dimension outermost)
     * @return {@code batch × outputShape().size()} values of the output node
     */
    public float[] run(float[] input, int batch) {
        return run(input, batch, null);
    }

    /** As {@link #run(float[], int)}, reporting every node's output to {@code observer} (may be null). */
    public float[] run(float[] input, int batch, ActivationObserver observer) {
        int inSize = network.inputShape().size();
        if (batch < 1 || input.length < (long) batch * inSize) {
            throw new IllegalArgumentException("input holds " + input.length + " values, need " + batch
                    + " samples of " + inSize);
        }
        int n = network.size();
        float[][] act = new float[n][];
        int[] pending = new int[n];
        for (int i = 0; i < n; i++) {
            pending[i] = network.consumerCount(i);
        }
        int out = network.output().index();
        Scratch scratch = new Scratch();
        for (int i = 0; i < n; i++) {
            Node node = network.node(i);
            float[] y;
            if (i == 0) {
                y = input.length == batch * inSize ? input : java.util.Arrays.copyOf(input, batch * inSize);
            } else {
                y = compute(node, act, batch, scratch);
                for (int j = 0; j < node.inputCount(); j++) {
                    int src = node.input(j);
                    if (--pending[src] == 0 && src != out) {
                        act[src] = null;
                    }
                }
            }
            act[i] = y;
            if (observer != null) {
                observer.onOutput(node, y, batch);
            }
        }
        return act[out];
    }

    /** The index of the largest of {@code v[offset .. offset+n)}; the first one on ties. */
    public static int argmax(float[] v, int offset, int n) {
        int best = 0;
        float bv = v[offset];
        for (int i = 1; i < n; i++) {
            if (v[offset + i] > bv) {
                bv = v[offset + i];
                best = i;
            }
        }
        return best;
    }

    /** Predicted class (argmax of the output) of each of the {@code batch} samples. */
    public int[] predict(float[] input, int batch) {
        float[] y = run(input, batch);
        int k = network.outputShape().size();
        int[] p = new int[batch];
        for (int b = 0; b < batch; b++) {
            p[b] = argmax(y, b * k, k);
        }
        return p;
    }

    private static final class Scratch {
        float[] patches = new float[0];
        float[] products = new float[0];

        float[] patches(int n) {
            if (patches.length < n) {
                patches = new float[n];
            }
            return patches;
        }

        float[] products(int n) {
            if (products.length < n) {
                products = new float[n];
            }
            return products;
        }
    }

    private float[] compute(Node node, float[][] act, int batch, Scratch scratch) {
        float[] x = act[node.input(0)];
        TensorShape in = network.node(node.input(0)).outputShape();
        TensorShape os = node.outputShape();
        switch (node.kind()) {
            case CONV:
                return conv(network.crossbarLayerOf(node.index()), x, batch, scratch);
            case DENSE:
                return dense(network.crossbarLayerOf(node.index()), x, batch, scratch);
            case RELU: {
                float[] y = new float[x.length];
                for (int i = 0; i < y.length; i++) {
                    float v = x[i];
                    y[i] = v > 0f ? v : 0f;
                }
                return y;
            }
            case CLIP: {
                Op.Clip c = (Op.Clip) node.op();
                float lo = c.min();
                float hi = c.max();
                float[] y = new float[x.length];
                for (int i = 0; i < y.length; i++) {
                    y[i] = Math.min(Math.max(x[i], lo), hi);
                }
                return y;
            }
            case MAX_POOL: {
                Op.MaxPool p = (Op.MaxPool) node.op();
                return pool(x, batch, in, os, p.window(), true, false);
            }
            case AVERAGE_POOL: {
                Op.AveragePool p = (Op.AveragePool) node.op();
                return pool(x, batch, in, os, p.window(), false, p.countIncludePad());
            }
            case GLOBAL_AVERAGE_POOL: {
                int c = in.channels();
                int hw = in.spatialSize();
                float[] y = new float[batch * c];
                for (int bc = 0; bc < batch * c; bc++) {
                    double s = 0;
                    for (int i = bc * hw, e = i + hw; i < e; i++) {
                        s += x[i];
                    }
                    y[bc] = (float) (s / hw);
                }
                return y;
            }
            case FLATTEN:
            case RESHAPE:
            case IDENTITY:
                return x; // same data order; arrays are never modified after they are produced
            case ADD: {
                float[] b = act[node.input(1)];
                float[] y = new float[x.length];
                for (int i = 0; i < y.length; i++) {
                    y[i] = x[i] + b[i];
                }
                return y;
            }
            case SOFTMAX: {
                int k = in.size();
                float[] y = new float[x.length];
                for (int s = 0; s < batch; s++) {
                    int o = s * k;
                    float max = Float.NEGATIVE_INFINITY;
                    for (int i = 0; i < k; i++) {
                        max = Math.max(max, x[o + i]);
                    }
                    double sum = 0;
                    for (int i = 0; i < k; i++) {
                        double e = Math.exp(x[o + i] - max);
                        y[o + i] = (float) e;
                        sum += e;
                    }
                    for (int i = 0; i < k; i++) {
                        y[o + i] = (float) (y[o + i] / sum);
                    }
                }
                return y;
            }
            case CHANNEL_AFFINE: {
                Op.ChannelAffine a = (Op.ChannelAffine) node.op();
                int c = in.channels();
                int hw = in.spatialSize();
                float[] y = new float[x.length];
                for (int s = 0; s < batch; s++) {
                    for (int ch = 0; ch < c; ch++) {
                        float sc = a.scale(ch);
                        float sh = a.shift(ch);
                        for (int i = (s * c + ch) * hw, e = i + hw; i < e; i++) {
                            y[i] = x[i] * sc + sh;
                        }
                    }
                }
                return y;
            }
            default:
                throw new IllegalStateException("unexpected node kind " + node.kind());
        }
    }

    private float[] dense(CrossbarLayer l, float[] x, int batch, Scratch scratch) {
        int n = l.cols();
        float[] y = scratch.products(batch * n);
        kernel.multiply(l, 0, x, batch, y);
        float[] bias = l.biasView();
        float[] out = new float[batch * n];
        for (int b = 0; b < batch; b++) {
            for (int j = 0; j < n; j++) {
                out[b * n + j] = y[b * n + j] + bias[j];
            }
        }
        return out;
    }

    private float[] conv(CrossbarLayer l, float[] x, int batch, Scratch scratch) {
        Op.Conv c = l.conv();
        Window w = c.window();
        TensorShape in = l.inputShape();
        int cin = in.channels();
        int h = in.height();
        int wd = in.width();
        int oh = l.outputHeight();
        int ow = l.outputWidth();
        int positions = oh * ow;
        int k = l.rows();
        int groups = l.groups();
        int cinG = cin / groups;
        int cpg = l.colsPerGroup();
        int cout = l.cols();
        int kh = w.kernelH();
        int kw = w.kernelW();
        float[] bias = l.biasView();
        float[] patches = scratch.patches(positions * k);
        float[] y = scratch.products(positions * cpg);
        float[] out = new float[batch * cout * positions];
        for (int b = 0; b < batch; b++) {
            int inBase = b * cin * h * wd;
            for (int g = 0; g < groups; g++) {
                // im2col: row p = oy·OW + ox, column r = (ci·kH + ky)·kW + kx
                for (int oy = 0; oy < oh; oy++) {
                    int iy0 = oy * w.strideH() - w.padTop();
                    for (int ox = 0; ox < ow; ox++) {
                        int ix0 = ox * w.strideW() - w.padLeft();
                        int r = (oy * ow + ox) * k;
                        for (int ci = 0; ci < cinG; ci++) {
                            int chBase = inBase + (g * cinG + ci) * h * wd;
                            for (int ky = 0; ky < kh; ky++) {
                                int iy = iy0 + ky * w.dilationH();
                                boolean rowIn = iy >= 0 && iy < h;
                                int rowBase = chBase + iy * wd;
                                for (int kx = 0; kx < kw; kx++) {
                                    int ix = ix0 + kx * w.dilationW();
                                    patches[r++] = rowIn && ix >= 0 && ix < wd ? x[rowBase + ix] : 0f;
                                }
                            }
                        }
                    }
                }
                kernel.multiply(l, g, patches, positions, y);
                for (int j = 0; j < cpg; j++) {
                    int co = g * cpg + j;
                    float bj = bias[co];
                    int o = (b * cout + co) * positions;
                    for (int p = 0; p < positions; p++) {
                        out[o + p] = y[p * cpg + j] + bj;
                    }
                }
            }
        }
        return out;
    }

    private static float[] pool(float[] x, int batch, TensorShape in, TensorShape os, Window w,
                                boolean max, boolean countIncludePad) {
        int c = in.channels();
        int h = in.height();
        int wd = in.width();
        int oh = os.height();
        int ow = os.width();
        float[] y = new float[batch * c * oh * ow];
        int o = 0;
        for (int bc = 0; bc < batch * c; bc++) {
            int base = bc * h * wd;
            for (int oy = 0; oy < oh; oy++) {
                int iy0 = oy * w.strideH() - w.padTop();
                for (int ox = 0; ox < ow; ox++) {
                    int ix0 = ox * w.strideW() - w.padLeft();
                    float m = Float.NEGATIVE_INFINITY;
                    double s = 0;
                    int count = 0;
                    int padded = 0;
                    for (int ky = 0; ky < w.kernelH(); ky++) {
                        int iy = iy0 + ky * w.dilationH();
                        boolean inPadY = iy >= -w.padTop() && iy < h + w.padBottom();
                        for (int kx = 0; kx < w.kernelW(); kx++) {
                            int ix = ix0 + kx * w.dilationW();
                            if (inPadY && ix >= -w.padLeft() && ix < wd + w.padRight()) {
                                padded++;
                            }
                            if (iy < 0 || iy >= h || ix < 0 || ix >= wd) {
                                continue;
                            }
                            float v = x[base + iy * wd + ix];
                            if (v > m) {
                                m = v;
                            }
                            s += v;
                            count++;
                        }
                    }
                    if (max) {
                        y[o++] = m;
                    } else {
                        int div = countIncludePad ? padded : count;
                        y[o++] = div == 0 ? 0f : (float) (s / div);
                    }
                }
            }
        }
        return y;
    }
}
