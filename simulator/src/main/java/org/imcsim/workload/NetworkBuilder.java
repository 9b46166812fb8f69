package org.imcsim.workload;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds a {@link Network} node by node, inferring and checking each output shape. Methods return
 * the new node's handle (its index while building). Programming errors (wrong shapes, duplicate
 * names) throw {@link IllegalArgumentException}; importers translate them into
 * {@code BadInputException}s naming the offending node. Not thread-safe; single use.
 */
public final class NetworkBuilder {
    private final String networkName;
    private final List<Node> nodes = new ArrayList<>();
    private final Set<String> names = new HashSet<>();

    /** Starts a network whose input node (handle 0, named {@code "input"}) has {@code inputShape}. */
    public NetworkBuilder(String networkName, TensorShape inputShape) {
        this.networkName = networkName;
        nodes.add(new Node(0, "input", new Op.Input(inputShape), new int[0], inputShape));
        names.add("input");
    }

    /** Handle of the input node (0). */
    public int input() {
        return 0;
    }

    /** Number of nodes so far. */
    public int size() {
        return nodes.size();
    }

    /** Output shape of node {@code handle}. */
    public TensorShape shape(int handle) {
        return node(handle).outputShape();
    }

    /** Name of node {@code handle}. */
    public String name(int handle) {
        return node(handle).name();
    }

    /** Operator of node {@code handle}. */
    public Op op(int handle) {
        return node(handle).op();
    }

    /** True if {@code name} is already taken. */
    public boolean hasName(String name) {
        return names.contains(name);
    }

    /** Number of nodes so far that read node {@code handle}. */
    public int consumerCount(int handle) {
        int c = 0;
        for (Node n : nodes) {
            for (int i = 0; i < n.inputCount(); i++) {
                if (n.input(i) == handle) {
                    c++;
                }
            }
        }
        return c;
    }

    /** Adds {@code op} reading {@code inputs}; returns its handle. */
    public int add(String name, Op op, int... inputs) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("node name must not be empty");
        }
        if (names.contains(name)) {
            throw new IllegalArgumentException("duplicate node name '" + name + "'");
        }
        if (op instanceof Op.Input) {
            throw new IllegalArgumentException("a network has exactly one input node");
        }
        TensorShape[] in = new TensorShape[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            in[i] = node(inputs[i]).outputShape();
        }
        TensorShape out = inferShape(op, in);
        int idx = nodes.size();
        nodes.add(new Node(idx, name, op, inputs, out));
        names.add(name);
        return idx;
    }

    /**
     * Replaces the operator of node {@code handle} by one with the same kind and output shape (used to
     * fold BatchNormalization into a Conv/Dense and to apply sparsity).
     */
    public void replace(int handle, Op op) {
        Node n = node(handle);
        if (n.kind() != op.kind()) {
            throw new IllegalArgumentException("replace: " + n.kind() + " by " + op.kind());
        }
        TensorShape[] in = new TensorShape[n.inputCount()];
        for (int i = 0; i < in.length; i++) {
            in[i] = node(n.input(i)).outputShape();
        }
        if (n.inputCount() > 0 && !inferShape(op, in).equals(n.outputShape())) {
            throw new IllegalArgumentException("replace: output shape would change");
        }
        nodes.set(handle, n.withOp(op));
    }

    /**
     * Folds a per-output-channel affine map {@code y = scale[c]·x + shift[c]} into Conv/Dense node
     * {@code handle}: {@code W'[c,·] = scale[c]·W[c,·]}, {@code b'[c] = scale[c]·b[c] + shift[c]}.
     */
    public void foldChannelAffine(int handle, float[] scale, float[] shift) {
        if (!(op(handle) instanceof Op.MatrixOp m)) {
            throw new IllegalArgumentException("can only fold into Conv or Dense, node is " + op(handle).kind());
        }
        int n = m.outChannels();
        if (scale.length != n || shift.length != n) {
            throw new IllegalArgumentException("affine has " + scale.length + " channels, layer has " + n);
        }
        float[] w = m.copyWeights();
        float[] b = m.copyBias();
        int k = m.fanIn();
        for (int c = 0; c < n; c++) {
            float s = scale[c];
            for (int i = c * k, e = i + k; i < e; i++) {
                w[i] *= s;
            }
            b[c] = s * b[c] + shift[c];
        }
        replace(handle, m.withWeights(w, b));
    }

    /** Convolution; weights {@code [Cout][Cin/groups][kH][kW]}, bias may be null. */
    public int conv(String name, int input, int outChannels, Window window, int groups, float[] weights, float[] bias) {
        int cin = shape(input).channels();
        return add(name, new Op.Conv(cin, outChannels, groups, window, weights, bias), input);
    }

    /** Fully connected layer on a flat input; weights {@code [out][in]}, bias may be null. */
    public int dense(String name, int input, int outFeatures, float[] weights, float[] bias) {
        return add(name, new Op.Dense(shape(input).size(), outFeatures, weights, bias), input);
    }

    public int relu(String name, int input) {
        return add(name, new Op.Relu(), input);
    }

    public int clip(String name, int input, float min, float max) {
        return add(name, new Op.Clip(min, max), input);
    }

    public int maxPool(String name, int input, Window window, boolean ceilMode) {
        return add(name, new Op.MaxPool(window, ceilMode), input);
    }

    public int averagePool(String name, int input, Window window, boolean ceilMode, boolean countIncludePad) {
        return add(name, new Op.AveragePool(window, ceilMode, countIncludePad), input);
    }

    public int globalAveragePool(String name, int input) {
        return add(name, new Op.GlobalAveragePool(), input);
    }

    public int flatten(String name, int input) {
        return add(name, new Op.Flatten(), input);
    }

    public int reshape(String name, int input, TensorShape target) {
        return add(name, new Op.Reshape(target), input);
    }

    /** Elementwise sum (residual). */
    public int add(String name, int a, int b) {
        return add(name, new Op.Add(), a, b);
    }

    public int softmax(String name, int input) {
        return add(name, new Op.Softmax(), input);
    }

    public int identity(String name, int input) {
        return add(name, new Op.Identity(), input);
    }

    public int channelAffine(String name, int input, float[] scale, float[] shift) {
        return add(name, new Op.ChannelAffine(scale, shift), input);
    }

    /**
     * The network whose result is node {@code output}. Nodes that do not contribute to it are
     * dropped and the rest renumbered (order kept).
     */
    public Network build(int output) {
        node(output);
        BitSet live = new BitSet();
        live.set(output);
        for (int i = output; i >= 0; i--) {
            if (live.get(i)) {
                Node n = nodes.get(i);
                for (int j = 0; j < n.inputCount(); j++) {
                    live.set(n.input(j));
                }
            }
        }
        live.set(0);
        int[] remap = new int[nodes.size()];
        List<Node> kept = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            if (!live.get(i)) {
                remap[i] = -1;
                continue;
            }
            Node n = nodes.get(i);
            int[] in = n.inputs();
            for (int j = 0; j < in.length; j++) {
                in[j] = remap[in[j]];
            }
            remap[i] = kept.size();
            kept.add(new Node(kept.size(), n.name(), n.op(), in, n.outputShape()));
        }
        return new Network(networkName, kept, remap[output]);
    }

    /** The network whose result is the last node added. */
    public Network build() {
        return build(nodes.size() - 1);
    }

    private Node node(int handle) {
        if (handle < 0 || handle >= nodes.size()) {
            throw new IllegalArgumentException("no node with handle " + handle);
        }
        return nodes.get(handle);
    }

    /** Output shape of {@code op} on inputs of the given shapes; throws IllegalArgumentException if they do not fit. */
    static TensorShape inferShape(Op op, TensorShape[] in) {
        int expectedInputs = op.kind() == OpKind.ADD ? 2 : 1;
        if (in.length != expectedInputs) {
            throw new IllegalArgumentException(op.kind() + " takes " + expectedInputs + " input(s), got " + in.length);
        }
        TensorShape x = in[0];
        switch (op.kind()) {
            case CONV: {
                Op.Conv c = (Op.Conv) op;
                requireFeatureMap(op, x);
                if (x.channels() != c.inChannels()) {
                    throw new IllegalArgumentException("conv expects " + c.inChannels() + " input channels, input is " + x);
                }
                Window w = c.window();
                return TensorShape.chw(c.outChannels(), w.outputHeight(x.height(), false), w.outputWidth(x.width(), false));
            }
            case DENSE: {
                Op.Dense d = (Op.Dense) op;
                if (x.rank() != 1) {
                    throw new IllegalArgumentException("dense needs a flat input, got " + x + " (flatten first)");
                }
                if (x.size() != d.inFeatures()) {
                    throw new IllegalArgumentException("dense expects " + d.inFeatures() + " inputs, input is " + x);
                }
                return TensorShape.flat(d.outChannels());
            }
            case MAX_POOL: {
                Op.MaxPool p = (Op.MaxPool) op;
                requireFeatureMap(op, x);
                return TensorShape.chw(x.channels(), p.window().outputHeight(x.height(), p.ceilMode()),
                        p.window().outputWidth(x.width(), p.ceilMode()));
            }
            case AVERAGE_POOL: {
                Op.AveragePool p = (Op.AveragePool) op;
                requireFeatureMap(op, x);
                return TensorShape.chw(x.channels(), p.window().outputHeight(x.height(), p.ceilMode()),
                        p.window().outputWidth(x.width(), p.ceilMode()));
            }
            case GLOBAL_AVERAGE_POOL:
                requireFeatureMap(op, x);
                return TensorShape.chw(x.channels(), 1, 1);
            case FLATTEN:
                return TensorShape.flat(x.size());
            case RESHAPE: {
                TensorShape t = ((Op.Reshape) op).target();
                if (t.size() != x.size()) {
                    throw new IllegalArgumentException("cannot reshape " + x + " (" + x.size() + " elements) to " + t);
                }
                return t;
            }
            case ADD:
                if (!in[0].equals(in[1])) {
                    throw new IllegalArgumentException("add needs equal shapes, got " + in[0] + " and " + in[1]);
                }
                return x;
            case SOFTMAX:
                if (x.rank() != 1) {
                    throw new IllegalArgumentException("softmax needs a flat input, got " + x);
                }
                return x;
            case CHANNEL_AFFINE: {
                Op.ChannelAffine a = (Op.ChannelAffine) op;
                if (a.channels() != x.channels()) {
                    throw new IllegalArgumentException("affine has " + a.channels() + " channels, input is " + x);
                }
                return x;
            }
            case RELU:
            case CLIP:
            case IDENTITY:
                return x;
            default:
                throw new IllegalArgumentException("unexpected " + op.kind());
        }
    }

    private static void requireFeatureMap(Op op, TensorShape x) {
        if (!x.isFeatureMap()) {
            throw new IllegalArgumentException(op.kind() + " needs a CxHxW input, got " + x);
        }
    }
}
