package org.imcsim.workload;

/**
 * The crossbar view of one Conv or Dense node: its weights as a {@code K × N} matrix applied to
 * input vectors (im2col for convolutions), as MODEL.md §2 maps it.
 *
 * <ul>
 *   <li>{@link #rows()} {@code K} = fan-in = {@code Cin/groups · kH · kW} (Dense: input features).
 *   Row {@code r} of a convolution is input channel {@code ci} (within the column's group), kernel
 *   row {@code ky}, kernel column {@code kx} with {@code r = (ci·kH + ky)·kW + kx} — the order of
 *   the ONNX/PyTorch weight tensor and of the im2col vectors the forward pass builds.</li>
 *   <li>{@link #cols()} {@code N} = output channels. With groups, column {@code c} belongs to group
 *   {@code c / (N/groups)} and reads input channels {@code [g·Cin/groups, (g+1)·Cin/groups)}.</li>
 *   <li>{@link #outputPositions()}: input vectors per image, {@code OH·OW} with the layer's zero
 *   padding (1 for Dense). {@link #outputPositions(boolean) outputPositions(true)} reproduces
 *   NeuroSim's no-padding count {@code ((H−kH+1)/s)·(W−kW+1)/s} in integer arithmetic evaluated left
 *   to right, as NeuroSim's {@code numInVector} (DNN_NeuroSim V1.4, Chip.cpp) computes it.</li>
 * </ul>
 * Immutable; obtained from {@link Network#crossbarLayers()}.
 */
public final class CrossbarLayer {
    private final int index;
    private final Node node;
    private final Op.MatrixOp op;
    private final TensorShape inputShape;

    CrossbarLayer(int index, Node node, TensorShape inputShape) {
        this.index = index;
        this.node = node;
        this.op = (Op.MatrixOp) node.op();
        this.inputShape = inputShape;
    }

    /** Ordinal among the network's crossbar layers (0 = first Conv/Dense in topological order). */
    public int index() {
        return index;
    }

    /** The graph node. */
    public Node node() {
        return node;
    }

    /** The node's name. */
    public String name() {
        return node.name();
    }

    /** CONV or DENSE. */
    public OpKind kind() {
        return node.kind();
    }

    /** The operator (weights, bias, geometry). */
    public Op.MatrixOp op() {
        return op;
    }

    /** The convolution operator, or null for Dense. */
    public Op.Conv conv() {
        return op instanceof Op.Conv c ? c : null;
    }

    /** Shape of one input sample of this layer. */
    public TensorShape inputShape() {
        return inputShape;
    }

    /** Shape of one output sample of this layer. */
    public TensorShape outputShape() {
        return node.outputShape();
    }

    /** {@code K}: fan-in, matrix rows. */
    public int rows() {
        return op.fanIn();
    }

    /** {@code N}: output channels, matrix columns. */
    public int cols() {
        return op.outChannels();
    }

    /** Convolution groups (1 for Dense). */
    public int groups() {
        return op.groups();
    }

    /** Columns per group, {@code N/groups}. */
    public int colsPerGroup() {
        return op.outChannels() / op.groups();
    }

    /** The group column {@code col} belongs to. */
    public int groupOfColumn(int col) {
        return col / colsPerGroup();
    }

    /** Output feature-map height (1 for Dense). */
    public int outputHeight() {
        return node.outputShape().height();
    }

    /** Output feature-map width (1 for Dense). */
    public int outputWidth() {
        return node.outputShape().width();
    }

    /** Input vectors per image with zero padding modelled: {@code OH·OW}, 1 for Dense. */
    public long outputPositions() {
        return op instanceof Op.Conv ? (long) outputHeight() * outputWidth() : 1L;
    }

    /**
     * Input vectors per image; with {@code noPadding} NeuroSim's convention
     * {@code ((H−ekH+1)/sH)·(W−ekW+1)/sW} (integer division left to right, {@code ek} the dilated
     * kernel extent), never less than 1.
     */
    public long outputPositions(boolean noPadding) {
        if (!noPadding || !(op instanceof Op.Conv c)) {
            return outputPositions();
        }
        Window w = c.window();
        long h = inputShape.height() - w.effectiveKernelH() + 1;
        long wd = inputShape.width() - w.effectiveKernelW() + 1;
        long n = Math.max(h, 1) / w.strideH() * Math.max(wd, 1) / w.strideW();
        return Math.max(n, 1);
    }

    /** Multiply-accumulates per image: positions × K × N. */
    public long macsPerImage(boolean noPadding) {
        return outputPositions(noPadding) * rows() * cols();
    }

    /** Matrix element {@code (row, col)}: the weight from fan-in {@code row} to output channel {@code col}. */
    public float weight(int row, int col) {
        return op.weight(col * op.fanIn() + row);
    }

    /** A fresh row-major {@code K × N} copy of the matrix: element {@code (r, c)} at {@code r·N + c}. */
    public float[] copyMatrix() {
        int k = rows();
        int n = cols();
        float[] w = weightsView();
        float[] m = new float[k * n];
        for (int c = 0; c < n; c++) {
            int base = c * k;
            for (int r = 0; r < k; r++) {
                m[r * n + c] = w[base + r];
            }
        }
        return m;
    }

    /** Bias of output channel {@code col} (added digitally after the crossbar). */
    public float bias(int col) {
        return op.bias(col);
    }

    /** Number of non-zero weights. */
    public long nonZeroWeights() {
        float[] w = weightsView();
        long nz = 0;
        for (float v : w) {
            if (v != 0f) {
                nz++;
            }
        }
        return nz;
    }

    /**
     * The weights in {@link Op.MatrixOp#copyWeights()}'s layout ({@code [N][K]}) without a copy, for kernels
     * that read every weight once per mapping (a VGG8 copy is 50 MB). Shared with the network: callers must
     * not write to it.
     */
    public float[] weightsView() {
        return op instanceof Op.Conv c ? c.weightsView() : ((Op.Dense) op).weightsView();
    }

    float[] biasView() {
        return op instanceof Op.Conv c ? c.biasView() : ((Op.Dense) op).biasView();
    }

    @Override
    public String toString() {
        return "CrossbarLayer#" + index + "(" + name() + ", K=" + rows() + ", N=" + cols()
                + ", positions=" + outputPositions() + ")";
    }
}
