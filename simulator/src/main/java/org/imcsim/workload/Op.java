package org.imcsim.workload;

/**
 * What a {@link Node} computes. Operators are immutable; the ones carrying weights copy their
 * arrays in and hand out copies (or single elements), so a {@link Network} can be shared freely
 * between threads.
 *
 * <p>Weight layouts (the ONNX/PyTorch ones, so import is a copy):
 * <ul>
 *   <li>{@link Conv}: {@code [Cout][Cin/groups][kH][kW]} flattened row-major, i.e. element
 *   {@code ((o·Cin/groups + i)·kH + y)·kW + x};</li>
 *   <li>{@link Dense}: {@code [out][in]} (PyTorch {@code Linear}, ONNX {@code Gemm} with transB=1).</li>
 * </ul>
 * In both, output channel {@code o} owns the contiguous slice {@code [o·K, (o+1)·K)} where
 * {@code K} is the fan-in, which is column {@code o} of the layer's crossbar matrix
 * (see {@link CrossbarLayer}).
 */
public sealed interface Op permits Op.Input, Op.MatrixOp, Op.Relu, Op.Clip, Op.MaxPool, Op.AveragePool,
        Op.GlobalAveragePool, Op.Flatten, Op.Reshape, Op.Add, Op.Softmax, Op.Identity, Op.ChannelAffine {

    /** The kind, for switches. */
    OpKind kind();

    /** The network input placeholder (always node 0). */
    record Input(TensorShape shape) implements Op {
        public OpKind kind() {
            return OpKind.INPUT;
        }
    }

    /** {@code y = max(x, 0)} elementwise. */
    record Relu() implements Op {
        public OpKind kind() {
            return OpKind.RELU;
        }
    }

    /** {@code y = min(max(x, min), max)} elementwise; bounds may be infinite. */
    record Clip(float min, float max) implements Op {
        public Clip {
            if (!(min <= max)) {
                throw new IllegalArgumentException("clip min " + min + " > max " + max);
            }
        }

        public OpKind kind() {
            return OpKind.CLIP;
        }
    }

    /** Max pooling per channel; padded positions never win (they count as −∞). */
    record MaxPool(Window window, boolean ceilMode) implements Op {
        public OpKind kind() {
            return OpKind.MAX_POOL;
        }
    }

    /**
     * Average pooling per channel. With {@code countIncludePad} the divisor is the full kernel area
     * (clipped to the padded input, as ONNX does); otherwise only the in-bounds inputs count.
     */
    record AveragePool(Window window, boolean ceilMode, boolean countIncludePad) implements Op {
        public AveragePool {
            if (window.dilationH() != 1 || window.dilationW() != 1) {
                throw new IllegalArgumentException("average pooling has no dilation");
            }
        }

        public OpKind kind() {
            return OpKind.AVERAGE_POOL;
        }
    }

    /** Mean over each channel's H×W: {@code [C,H,W] -> [C,1,1]}. */
    record GlobalAveragePool() implements Op {
        public OpKind kind() {
            return OpKind.GLOBAL_AVERAGE_POOL;
        }
    }

    /** {@code [C,H,W] -> [C·H·W]}; the data order is unchanged. */
    record Flatten() implements Op {
        public OpKind kind() {
            return OpKind.FLATTEN;
        }
    }

    /** Reinterpret the sample as {@code target} (same element count); the data order is unchanged. */
    record Reshape(TensorShape target) implements Op {
        public OpKind kind() {
            return OpKind.RESHAPE;
        }
    }

    /** Elementwise sum of two tensors of the same shape (residual connections). */
    record Add() implements Op {
        public OpKind kind() {
            return OpKind.ADD;
        }
    }

    /** Softmax over a flat vector. */
    record Softmax() implements Op {
        public OpKind kind() {
            return OpKind.SOFTMAX;
        }
    }

    /** {@code y = x}. */
    record Identity() implements Op {
        public OpKind kind() {
            return OpKind.IDENTITY;
        }
    }

    /**
     * Per-channel affine map {@code y[c,…] = scale[c]·x[c,…] + shift[c]} over dimension 0: a
     * BatchNormalization that could not be folded into a preceding Conv/Dense, or a constant bias add.
     */
    final class ChannelAffine implements Op {
        private final float[] scale;
        private final float[] shift;

        public ChannelAffine(float[] scale, float[] shift) {
            if (scale.length != shift.length || scale.length == 0) {
                throw new IllegalArgumentException("scale and shift must have the same positive length");
            }
            this.scale = scale.clone();
            this.shift = shift.clone();
        }

        public OpKind kind() {
            return OpKind.CHANNEL_AFFINE;
        }

        public int channels() {
            return scale.length;
        }

        public float scale(int c) {
            return scale[c];
        }

        public float shift(int c) {
            return shift[c];
        }

        public float[] copyScale() {
            return scale.clone();
        }

        public float[] copyShift() {
            return shift.clone();
        }
    }

    /**
     * An operator computed as a weight matrix times input vectors, i.e. mapped onto crossbars:
     * {@link Conv} and {@link Dense}. Weights are stored output channel after output channel, each
     * channel's {@link #fanIn()} weights contiguous; bias is one value per output channel (zeros when
     * the source had none).
     */
    sealed interface MatrixOp extends Op permits Conv, Dense {
        /** Fan-in {@code K}: rows of the crossbar matrix (per group for grouped convolutions). */
        int fanIn();

        /** Output channels / features {@code N}: columns of the crossbar matrix. */
        int outChannels();

        /** Groups (1 for Dense). */
        int groups();

        /** Weight {@code i} in the layout of the concrete class; {@code i < fanIn()·outChannels()}. */
        float weight(int i);

        /** A copy of all weights in the layout of the concrete class. */
        float[] copyWeights();

        /** Bias of output channel {@code o}. */
        float bias(int o);

        /** A copy of the bias (length {@link #outChannels()}). */
        float[] copyBias();

        /** Whether the source model had a bias (the bias is zero otherwise). */
        boolean hasBias();

        /** The same operator with other weights and bias (same lengths; null bias means none). */
        MatrixOp withWeights(float[] weights, float[] bias);
    }

    /**
     * 2-D convolution (cross-correlation, as ONNX and PyTorch define it) with zero padding, strides,
     * dilations and groups. Weights {@code [Cout][Cin/groups][kH][kW]}.
     */
    final class Conv implements MatrixOp {
        private final int inChannels;
        private final int outChannels;
        private final int groups;
        private final Window window;
        private final float[] weights;
        private final float[] bias;
        private final boolean hasBias;

        /**
         * @param weights {@code Cout·(Cin/groups)·kH·kW} values, layout {@code [Cout][Cin/groups][kH][kW]}
         * @param bias    {@code Cout} values, or null for none
         */
        public Conv(int inChannels, int outChannels, int groups, Window window, float[] weights, float[] bias) {
            if (inChannels < 1 || outChannels < 1 || groups < 1) {
                throw new IllegalArgumentException("channels and groups must be positive");
            }
            if (inChannels % groups != 0 || outChannels % groups != 0) {
                throw new IllegalArgumentException("groups " + groups + " must divide input channels "
                        + inChannels + " and output channels " + outChannels);
            }
            this.inChannels = inChannels;
            this.outChannels = outChannels;
            this.groups = groups;
            this.window = window;
            long expected = (long) outChannels * (inChannels / groups) * window.kernelH() * window.kernelW();
            if (weights.length != expected) {
                throw new IllegalArgumentException("conv weights: expected " + expected + " values ("
                        + outChannels + "x" + (inChannels / groups) + "x" + window.kernelH() + "x"
                        + window.kernelW() + "), got " + weights.length);
            }
            this.weights = weights.clone();
            this.hasBias = bias != null;
            if (bias != null && bias.length != outChannels) {
                throw new IllegalArgumentException("conv bias: expected " + outChannels + " values, got " + bias.length);
            }
            this.bias = bias == null ? new float[outChannels] : bias.clone();
        }

        public OpKind kind() {
            return OpKind.CONV;
        }

        public int inChannels() {
            return inChannels;
        }

        @Override
        public int outChannels() {
            return outChannels;
        }

        @Override
        public int groups() {
            return groups;
        }

        /** Kernel, stride, padding and dilation. */
        public Window window() {
            return window;
        }

        /** {@code Cin/groups · kH · kW}. */
        @Override
        public int fanIn() {
            return inChannels / groups * window.kernelH() * window.kernelW();
        }

        @Override
        public float weight(int i) {
            return weights[i];
        }

        /** Weight of output channel {@code o}, input channel {@code i} (within its group), kernel row {@code y}, column {@code x}. */
        public float weight(int o, int i, int y, int x) {
            return weights[((o * (inChannels / groups) + i) * window.kernelH() + y) * window.kernelW() + x];
        }

        @Override
        public float[] copyWeights() {
            return weights.clone();
        }

        @Override
        public float bias(int o) {
            return bias[o];
        }

        @Override
        public float[] copyBias() {
            return bias.clone();
        }

        @Override
        public boolean hasBias() {
            return hasBias;
        }

        @Override
        public Conv withWeights(float[] newWeights, float[] newBias) {
            return new Conv(inChannels, outChannels, groups, window, newWeights, newBias);
        }

        /** The backing array, for this package's kernels only; never modified. */
        float[] weightsView() {
            return weights;
        }

        /** The backing array, for this package's kernels only; never modified. */
        float[] biasView() {
            return bias;
        }

        @Override
        public String toString() {
            return "Conv(" + inChannels + "->" + outChannels + ", " + window + (groups > 1 ? ", groups=" + groups : "") + ")";
        }
    }

    /** Fully connected layer {@code y = W·x + b}, weights {@code [out][in]}. */
    final class Dense implements MatrixOp {
        private final int inFeatures;
        private final int outFeatures;
        private final float[] weights;
        private final float[] bias;
        private final boolean hasBias;

        /**
         * @param weights {@code out·in} values, layout {@code [out][in]}
         * @param bias    {@code out} values, or null for none
         */
        public Dense(int inFeatures, int outFeatures, float[] weights, float[] bias) {
            if (inFeatures < 1 || outFeatures < 1) {
                throw new IllegalArgumentException("features must be positive");
            }
            if (weights.length != (long) inFeatures * outFeatures) {
                throw new IllegalArgumentException("dense weights: expected " + ((long) inFeatures * outFeatures)
                        + " values (" + outFeatures + "x" + inFeatures + "), got " + weights.length);
            }
            if (bias != null && bias.length != outFeatures) {
                throw new IllegalArgumentException("dense bias: expected " + outFeatures + " values, got " + bias.length);
            }
            this.inFeatures = inFeatures;
            this.outFeatures = outFeatures;
            this.weights = weights.clone();
            this.hasBias = bias != null;
            this.bias = bias == null ? new float[outFeatures] : bias.clone();
        }

        public OpKind kind() {
            return OpKind.DENSE;
        }

        public int inFeatures() {
            return inFeatures;
        }

        @Override
        public int outChannels() {
            return outFeatures;
        }

        @Override
        public int groups() {
            return 1;
        }

        @Override
        public int fanIn() {
            return inFeatures;
        }

        @Override
        public float weight(int i) {
            return weights[i];
        }

        /** Weight from input {@code i} to output {@code o}. */
        public float weight(int o, int i) {
            return weights[o * inFeatures + i];
        }

        @Override
        public float[] copyWeights() {
            return weights.clone();
        }

        @Override
        public float bias(int o) {
            return bias[o];
        }

        @Override
        public float[] copyBias() {
            return bias.clone();
        }

        @Override
        public boolean hasBias() {
            return hasBias;
        }

        @Override
        public Dense withWeights(float[] newWeights, float[] newBias) {
            return new Dense(inFeatures, outFeatures, newWeights, newBias);
        }

        /** The backing array, for this package's kernels only; never modified. */
        float[] weightsView() {
            return weights;
        }

        /** The backing array, for this package's kernels only; never modified. */
        float[] biasView() {
            return bias;
        }

        @Override
        public String toString() {
            return "Dense(" + inFeatures + "->" + outFeatures + ")";
        }
    }
}
