package org.imcsim.workload.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.imcsim.config.BadInputException;
import org.imcsim.workload.Network;
import org.imcsim.workload.NetworkBuilder;
import org.imcsim.workload.Op;
import org.imcsim.workload.OpKind;
import org.imcsim.workload.TensorShape;
import org.imcsim.workload.Window;

/**
 * Reads an ONNX model (one float input with a leading batch dimension, NCHW or NC) into a
 * {@link Network}. Supported operators (default domain): Conv, Gemm, MatMul, Relu, Clip, MaxPool,
 * AveragePool, GlobalAveragePool, Flatten, Reshape, Add, BatchNormalization, Dropout, Identity,
 * Softmax, Constant. Weights come from initializers or Constant nodes, in {@code raw_data}
 * (little-endian) or the typed fields.
 *
 * <ul>
 *   <li>BatchNormalization directly after a Conv/Gemm/MatMul whose output nothing else reads is
 *   folded into its weights and bias; otherwise it becomes a per-channel affine node.</li>
 *   <li>An Add of a constant right after a Conv/Gemm/MatMul (MatMul+Add is how exporters write a
 *   biased Linear) becomes that layer's bias; an Add of a per-channel constant elsewhere becomes an
 *   affine node; an Add of two activations of the same shape is a residual Add.</li>
 *   <li>Dropout and Identity are removed (inference).</li>
 * </ul>
 * Anything else — an unsupported operator or attribute value, weights in external data, a dynamic
 * shape computation, a malformed file — throws {@link BadInputException} naming the file, the node
 * and its operator: {@code model.onnx: node 'conv1' (Conv): weights must be a constant}.
 */
public final class OnnxImporter {
    private static final int FLOAT = 1;
    private static final int UINT8 = 2;
    private static final int INT8 = 3;
    private static final int INT32 = 6;
    private static final int INT64 = 7;
    private static final int DOUBLE = 11;

    private final String source;
    private final boolean foldBatchNorm;
    private final Map<String, Value> values = new HashMap<>();
    private final Map<String, Integer> uses = new HashMap<>();
    private final Map<Integer, Integer> handleUses = new HashMap<>();
    private final Set<String> graphOutputs = new HashSet<>();
    private NetworkBuilder builder;
    private long opset = 1;
    private String nodeField;

    private OnnxImporter(String source, boolean foldBatchNorm) {
        this.source = source;
        this.foldBatchNorm = foldBatchNorm;
    }

    /** Imports {@code file}, folding BatchNormalization where possible. */
    public static Network load(Path file) {
        return load(file, true);
    }

    /** Imports {@code file}; with {@code foldBatchNorm=false} every BatchNormalization stays an affine node. */
    public static Network load(Path file, boolean foldBatchNorm) {
        ModelProto model;
        try (InputStream in = Files.newInputStream(file)) {
            CodedInputStream cis = CodedInputStream.newInstance(in);
            cis.setRecursionLimit(200);
            cis.setSizeLimit(Integer.MAX_VALUE);
            model = ModelProto.parseFrom(cis);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file.toString(), null, "file not found");
        } catch (InvalidProtocolBufferException e) {
            throw new BadInputException(file.toString(), null, "not a valid ONNX model (protobuf parse failed: "
                    + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new BadInputException(file.toString(), null, "cannot read: " + e, e);
        }
        String name = file.getFileName().toString().replaceFirst("\\.onnx$", "");
        return fromModel(model, file.toString(), name, foldBatchNorm);
    }

    /**
     * Imports an in-memory model. {@code source} names it in error messages; {@code networkName}
     * becomes {@link Network#name()} (the graph name is used when null).
     */
    public static Network fromModel(ModelProto model, String source, String networkName, boolean foldBatchNorm) {
        return new OnnxImporter(source, foldBatchNorm).convert(model, networkName);
    }

    // ---------------------------------------------------------------- values

    /** A named ONNX value: an activation (a builder handle) or a constant tensor. */
    private record Value(int handle, Tensor decoded, TensorProto initializer) {
        boolean isConstant() {
            return decoded != null || initializer != null;
        }
    }

    /** A decoded constant: ONNX dims and the values as float (and as long for integer types). */
    private record Tensor(long[] dims, float[] floats, long[] longs) {
        int count() {
            return floats.length;
        }
    }

    private Network convert(ModelProto model, String networkName) {
        if (!model.hasGraph() || model.getGraph().getNodeCount() == 0) {
            throw new BadInputException(source, null, "not an ONNX model with a graph (no nodes found)");
        }
        for (OperatorSetIdProto o : model.getOpsetImportList()) {
            if (o.getDomain().isEmpty() || o.getDomain().equals("ai.onnx")) {
                opset = o.getVersion();
            }
        }
        GraphProto g = model.getGraph();
        for (TensorProto t : g.getInitializerList()) {
            // decoded on first use, so errors name the node that reads the initializer
            values.put(t.getName(), new Value(-1, null, t));
        }
        if (g.getSparseInitializerCount() > 0) {
            throw new BadInputException(source, "graph", "sparse initializers are not supported");
        }
        for (NodeProto n : g.getNodeList()) {
            for (String in : n.getInputList()) {
                if (!in.isEmpty()) {
                    uses.merge(in, 1, Integer::sum);
                }
            }
        }
        for (ValueInfoProto o : g.getOutputList()) {
            uses.merge(o.getName(), 1, Integer::sum);
            graphOutputs.add(o.getName());
        }
        ValueInfoProto input = null;
        for (ValueInfoProto vi : g.getInputList()) {
            if (!values.containsKey(vi.getName())) {
                if (input != null) {
                    throw new BadInputException(source, "graph.input", "expected one data input, found '"
                            + input.getName() + "' and '" + vi.getName() + "'");
                }
                input = vi;
            }
        }
        if (input == null) {
            throw new BadInputException(source, "graph.input", "the graph has no data input");
        }
        String name = networkName != null ? networkName : (g.getName().isEmpty() ? "onnx" : g.getName());
        builder = new NetworkBuilder(name, inputShape(input));
        values.put(input.getName(), new Value(0, null, null));
        handleUses.put(0, uses.getOrDefault(input.getName(), 0));

        int index = 0;
        for (NodeProto n : g.getNodeList()) {
            String nodeName = n.getName().isEmpty() ? n.getOpType() + "_" + index : n.getName();
            nodeField = "node '" + nodeName + "' (" + n.getOpType() + ")";
            try {
                convertNode(n, uniqueName(nodeName, index));
            } catch (IllegalArgumentException e) {
                throw new BadInputException(source, nodeField, e.getMessage(), e);
            }
            index++;
        }
        nodeField = null;
        if (g.getOutputCount() == 0) {
            throw new BadInputException(source, "graph.output", "the graph declares no output");
        }
        String outName = g.getOutput(0).getName();
        Value out = values.get(outName);
        if (out == null) {
            throw new BadInputException(source, "graph.output", "output '" + outName + "' is not produced by any node");
        }
        if (out.isConstant()) {
            throw new BadInputException(source, "graph.output", "output '" + outName + "' is a constant");
        }
        return builder.build(out.handle());
    }

    private String uniqueName(String nodeName, int index) {
        String n = nodeName;
        if (builder.hasName(n)) {
            n = nodeName + "_" + index;
        }
        while (builder.hasName(n)) {
            n = n + "_";
        }
        return n;
    }

    private TensorShape inputShape(ValueInfoProto vi) {
        String field = "graph.input '" + vi.getName() + "'";
        if (!vi.hasType() || !vi.getType().hasTensorType()) {
            throw new BadInputException(source, field, "must be a tensor");
        }
        var tt = vi.getType().getTensorType();
        if (tt.getElemType() != FLOAT) {
            throw new BadInputException(source, field, "must be float32, got ONNX element type " + tt.getElemType());
        }
        if (!tt.hasShape() || tt.getShape().getDimCount() < 2) {
            throw new BadInputException(source, field, "needs a shape [batch, ...] with at least 2 dimensions");
        }
        TensorShapeProto s = tt.getShape();
        int[] dims = new int[s.getDimCount() - 1];
        for (int i = 1; i < s.getDimCount(); i++) {
            TensorShapeProto.Dimension d = s.getDim(i);
            if (!d.hasDimValue() || d.getDimValue() <= 0 || d.getDimValue() > Integer.MAX_VALUE) {
                throw new BadInputException(source, field, "dimension " + i + " must be a fixed positive size, got "
                        + (d.hasDimParam() ? "'" + d.getDimParam() + "'" : String.valueOf(d.getDimValue())));
            }
            dims[i - 1] = (int) d.getDimValue();
        }
        return TensorShape.of(dims);
    }

    // ---------------------------------------------------------------- nodes

    private void convertNode(NodeProto n, String name) {
        if (!n.getDomain().isEmpty() && !n.getDomain().equals("ai.onnx")) {
            throw unsupported("operator domain '" + n.getDomain() + "' is not supported");
        }
        switch (n.getOpType()) {
            case "Conv" -> conv(n, name);
            case "Gemm" -> gemm(n, name);
            case "MatMul" -> matMul(n, name);
            case "Relu" -> define(n.getOutput(0), builder.relu(name, activation(n, 0)));
            case "Clip" -> clip(n, name);
            case "MaxPool" -> pool(n, name, true);
            case "AveragePool" -> pool(n, name, false);
            case "GlobalAveragePool" -> define(n.getOutput(0), builder.globalAveragePool(name, activation(n, 0)));
            case "Flatten" -> flatten(n, name);
            case "Reshape" -> reshape(n, name);
            case "Add" -> add(n, name);
            case "BatchNormalization" -> batchNorm(n, name);
            case "Dropout", "Identity" -> alias(n);
            case "Softmax" -> softmax(n, name);
            case "Constant" -> constant(n);
            default -> throw unsupported("unsupported operator " + n.getOpType()
                    + " (supported: Conv, Gemm, MatMul, Relu, Clip, MaxPool, AveragePool, GlobalAveragePool, "
                    + "Flatten, Reshape, Add, BatchNormalization, Dropout, Identity, Softmax, Constant)");
        }
    }

    private void conv(NodeProto n, String name) {
        int x = activation(n, 0);
        TensorShape in = builder.shape(x);
        if (!in.isFeatureMap()) {
            throw unsupported("needs an NCHW input, got N x " + in + " (only 2-D convolution is supported)");
        }
        Tensor w = constant(n, 1, "weights");
        if (w.dims().length != 4) {
            throw unsupported("weights must be 4-D [Cout, Cin/group, kH, kW], got " + Arrays.toString(w.dims()));
        }
        int group = (int) intAttr(n, "group", 1);
        int cout = (int) w.dims()[0];
        int kh = (int) w.dims()[2];
        int kw = (int) w.dims()[3];
        long[] ks = intsAttr(n, "kernel_shape", null);
        if (ks != null && (ks.length != 2 || ks[0] != kh || ks[1] != kw)) {
            throw unsupported("kernel_shape " + Arrays.toString(ks) + " does not match the weights " + Arrays.toString(w.dims()));
        }
        if (w.dims()[1] * group != in.channels()) {
            throw unsupported("weights " + Arrays.toString(w.dims()) + " with group " + group
                    + " do not fit " + in.channels() + " input channels");
        }
        Window win = window(n, kh, kw, in, true);
        float[] bias = null;
        if (n.getInputCount() > 2 && !n.getInput(2).isEmpty()) {
            Tensor b = constant(n, 2, "bias");
            if (b.count() != cout) {
                throw unsupported("bias has " + b.count() + " values, expected " + cout);
            }
            bias = b.floats();
        }
        define(n.getOutput(0), builder.conv(name, x, cout, win, group, w.floats(), bias));
    }

    /** Kernel window from strides/pads/dilations/auto_pad. */
    private Window window(NodeProto n, int kh, int kw, TensorShape in, boolean allowDilation) {
        long[] strides = intsAttr(n, "strides", new long[] {1, 1});
        long[] dil = intsAttr(n, "dilations", new long[] {1, 1});
        long[] pads = intsAttr(n, "pads", new long[] {0, 0, 0, 0});
        if (strides.length != 2 || dil.length != 2 || pads.length != 4) {
            throw unsupported("only 2-D windows are supported (strides, dilations, pads of length 2, 2, 4)");
        }
        if (!allowDilation && (dil[0] != 1 || dil[1] != 1)) {
            throw unsupported("dilations are not supported here");
        }
        String autoPad = stringAttr(n, "auto_pad", "NOTSET");
        int pt = (int) pads[0];
        int pl = (int) pads[1];
        int pb = (int) pads[2];
        int pr = (int) pads[3];
        switch (autoPad) {
            case "NOTSET" -> { }
            case "VALID" -> {
                pt = 0;
                pl = 0;
                pb = 0;
                pr = 0;
            }
            case "SAME_UPPER", "SAME_LOWER" -> {
                int[] ph = samePad(in.height(), (int) strides[0], (int) (dil[0] * (kh - 1) + 1), autoPad.equals("SAME_UPPER"));
                int[] pw = samePad(in.width(), (int) strides[1], (int) (dil[1] * (kw - 1) + 1), autoPad.equals("SAME_UPPER"));
                pt = ph[0];
                pb = ph[1];
                pl = pw[0];
                pr = pw[1];
            }
            default -> throw unsupported("auto_pad '" + autoPad + "' is not one of NOTSET, VALID, SAME_UPPER, SAME_LOWER");
        }
        return new Window(kh, kw, (int) strides[0], (int) strides[1], pt, pl, pb, pr, (int) dil[0], (int) dil[1]);
    }

    private static int[] samePad(int in, int stride, int extent, boolean upper) {
        int out = (in + stride - 1) / stride;
        int total = Math.max((out - 1) * stride + extent - in, 0);
        int small = total / 2;
        return upper ? new int[] {small, total - small} : new int[] {total - small, small};
    }

    private void gemm(NodeProto n, String name) {
        if (intAttr(n, "transA", 0) != 0) {
            throw unsupported("transA=1 is not supported (the activation must be A with shape [batch, K])");
        }
        int x = activation(n, 0);
        requireFlat(x);
        Tensor b = constant(n, 1, "B");
        if (b.dims().length != 2) {
            throw unsupported("B must be 2-D, got " + Arrays.toString(b.dims()));
        }
        boolean transB = intAttr(n, "transB", 0) != 0;
        float alpha = floatAttr(n, "alpha", 1f);
        float beta = floatAttr(n, "beta", 1f);
        int k = (int) (transB ? b.dims()[1] : b.dims()[0]);
        int outF = (int) (transB ? b.dims()[0] : b.dims()[1]);
        if (k != builder.shape(x).size()) {
            throw unsupported("B " + Arrays.toString(b.dims()) + (transB ? " (transposed)" : "")
                    + " expects " + k + " input features, the input has " + builder.shape(x).size());
        }
        float[] w = transB ? b.floats().clone() : transpose(b.floats(), k, outF);
        if (alpha != 1f) {
            for (int i = 0; i < w.length; i++) {
                w[i] *= alpha;
            }
        }
        float[] bias = null;
        if (n.getInputCount() > 2 && !n.getInput(2).isEmpty()) {
            Tensor c = constant(n, 2, "C");
            bias = broadcastVector(c, outF, "C");
            for (int i = 0; i < bias.length; i++) {
                bias[i] *= beta;
            }
        }
        define(n.getOutput(0), builder.dense(name, x, outF, w, bias));
    }

    private void matMul(NodeProto n, String name) {
        Value a = value(n, 0);
        if (a.isConstant()) {
            throw unsupported("the first input must be the activation [batch, K] and the second the weight matrix");
        }
        int x = a.handle();
        requireFlat(x);
        Tensor b = constant(n, 1, "B");
        if (b.dims().length != 2) {
            throw unsupported("B must be a 2-D [K, N] matrix, got " + Arrays.toString(b.dims()));
        }
        int k = (int) b.dims()[0];
        int outF = (int) b.dims()[1];
        if (k != builder.shape(x).size()) {
            throw unsupported("B " + Arrays.toString(b.dims()) + " expects " + k + " input features, the input has "
                    + builder.shape(x).size());
        }
        define(n.getOutput(0), builder.dense(name, x, outF, transpose(b.floats(), k, outF), null));
    }

    private void clip(NodeProto n, String name) {
        int x = activation(n, 0);
        float lo = Float.NEGATIVE_INFINITY;
        float hi = Float.POSITIVE_INFINITY;
        if (opset < 11) {
            lo = floatAttr(n, "min", -Float.MAX_VALUE);
            hi = floatAttr(n, "max", Float.MAX_VALUE);
        } else {
            if (n.getInputCount() > 1 && !n.getInput(1).isEmpty()) {
                lo = scalar(constant(n, 1, "min"), "min");
            }
            if (n.getInputCount() > 2 && !n.getInput(2).isEmpty()) {
                hi = scalar(constant(n, 2, "max"), "max");
            }
        }
        if (!(lo <= hi)) {
            throw unsupported("min " + lo + " is greater than max " + hi);
        }
        define(n.getOutput(0), builder.clip(name, x, lo, hi));
    }

    private void pool(NodeProto n, String name, boolean max) {
        if (n.getOutputCount() > 1 && !n.getOutput(1).isEmpty() && uses.getOrDefault(n.getOutput(1), 0) > 0) {
            throw unsupported("the Indices output is not supported");
        }
        int x = activation(n, 0);
        TensorShape in = builder.shape(x);
        if (!in.isFeatureMap()) {
            throw unsupported("needs an NCHW input, got N x " + in);
        }
        long[] ks = intsAttr(n, "kernel_shape", null);
        if (ks == null || ks.length != 2) {
            throw unsupported("kernel_shape must be given with 2 values");
        }
        Window w = window(n, (int) ks[0], (int) ks[1], in, max);
        boolean ceil = intAttr(n, "ceil_mode", 0) != 0;
        int h = max ? builder.maxPool(name, x, w, ceil)
                : builder.averagePool(name, x, w, ceil, intAttr(n, "count_include_pad", 0) != 0);
        define(n.getOutput(0), h);
    }

    private void flatten(NodeProto n, String name) {
        int x = activation(n, 0);
        int onnxRank = builder.shape(x).rank() + 1;
        long axis = intAttr(n, "axis", 1);
        if (axis < 0) {
            axis += onnxRank;
        }
        if (axis != 1) {
            throw unsupported("only axis=1 (keep the batch dimension, flatten the rest) is supported, got "
                    + intAttr(n, "axis", 1));
        }
        define(n.getOutput(0), builder.flatten(name, x));
    }

    private void reshape(NodeProto n, String name) {
        int x = activation(n, 0);
        if (n.getInputCount() < 2) {
            throw unsupported("the target shape input is missing (opset-5+ Reshape takes it as a second input)");
        }
        Value sv = values.get(n.getInput(1));
        if (sv == null || !sv.isConstant()) {
            throw unsupported("the target shape must be a constant (initializer or Constant); export with "
                    + "constant folding, or use Flatten");
        }
        long[] t = tensor(sv, n.getInput(1)).longs();
        if (t == null) {
            throw unsupported("the target shape must be an int64 tensor");
        }
        if (t.length < 2) {
            throw unsupported("the target shape " + Arrays.toString(t) + " must keep the batch dimension first");
        }
        if (intAttr(n, "allowzero", 0) != 0 && Arrays.stream(t).anyMatch(v -> v == 0)) {
            throw unsupported("allowzero=1 with a zero in the shape is not supported");
        }
        TensorShape in = builder.shape(x);
        long b = t[0];
        if (b != -1 && b != 0 && b != 1) {
            throw unsupported("the first target dimension is the batch and must be -1, 0 or 1, got " + b);
        }
        int[] dims = new int[t.length - 1];
        int infer = -1;
        long known = 1;
        for (int i = 1; i < t.length; i++) {
            long d = t[i];
            if (d == 0) {
                if (i - 1 >= in.rank()) {
                    throw unsupported("target " + Arrays.toString(t) + ": 0 at position " + i + " copies a dimension the input lacks");
                }
                d = in.dim(i - 1);
            }
            if (d == -1) {
                if (infer >= 0) {
                    throw unsupported("target " + Arrays.toString(t) + " has more than one -1");
                }
                infer = i - 1;
                continue;
            }
            if (d < 1) {
                throw unsupported("target " + Arrays.toString(t) + " has an invalid dimension " + d);
            }
            dims[i - 1] = (int) d;
            known *= d;
        }
        if (infer >= 0) {
            if (in.size() % known != 0) {
                throw unsupported("cannot reshape N x " + in + " to " + Arrays.toString(t));
            }
            dims[infer] = (int) (in.size() / known);
        } else if (b == -1 && known != in.size()) {
            throw unsupported("cannot reshape N x " + in + " to " + Arrays.toString(t) + " keeping the batch");
        }
        TensorShape target = TensorShape.of(dims);
        define(n.getOutput(0), target.rank() == 1 ? builder.flatten(name, x) : builder.reshape(name, x, target));
    }

    private void add(NodeProto n, String name) {
        Value a = value(n, 0);
        Value b = value(n, 1);
        if (a.isConstant() && b.isConstant()) {
            throw unsupported("adding two constants is not supported (fold constants when exporting)");
        }
        if (!a.isConstant() && !b.isConstant()) {
            define(n.getOutput(0), builder.add(name, a.handle(), b.handle()));
            return;
        }
        int x = a.isConstant() ? b.handle() : a.handle();
        Tensor c = a.isConstant() ? tensor(a, n.getInput(0)) : tensor(b, n.getInput(1));
        TensorShape s = builder.shape(x);
        float[] perChannel = perChannel(c, s, "the added constant");
        if (foldable(x)) {
            Op.MatrixOp m = (Op.MatrixOp) builder.op(x);
            float[] ones = new float[m.outChannels()];
            Arrays.fill(ones, 1f);
            builder.foldChannelAffine(x, ones, perChannel);
            define(n.getOutput(0), x);
            return;
        }
        float[] ones = new float[perChannel.length];
        Arrays.fill(ones, 1f);
        define(n.getOutput(0), builder.channelAffine(name, x, ones, perChannel));
    }

    private void batchNorm(NodeProto n, String name) {
        if (intAttr(n, "training_mode", 0) != 0) {
            throw unsupported("training_mode=1 is not supported (export the model in eval mode)");
        }
        for (int i = 1; i < n.getOutputCount(); i++) {
            if (!n.getOutput(i).isEmpty() && uses.getOrDefault(n.getOutput(i), 0) > 0) {
                throw unsupported("running mean/var outputs are not supported (export in eval mode)");
            }
        }
        int x = activation(n, 0);
        int c = builder.shape(x).channels();
        float[] gamma = vector(constant(n, 1, "scale"), c, "scale");
        float[] beta = vector(constant(n, 2, "B"), c, "B");
        float[] mean = vector(constant(n, 3, "mean"), c, "mean");
        float[] var = vector(constant(n, 4, "var"), c, "var");
        double eps = floatAttr(n, "epsilon", 1e-5f);
        float[] scale = new float[c];
        float[] shift = new float[c];
        for (int i = 0; i < c; i++) {
            if (var[i] + eps <= 0) {
                throw unsupported("variance + epsilon must be positive, channel " + i + " has " + (var[i] + eps));
            }
            double s = gamma[i] / Math.sqrt(var[i] + eps);
            scale[i] = (float) s;
            shift[i] = (float) (beta[i] - mean[i] * s);
        }
        if (foldBatchNorm && foldable(x)) {
            builder.foldChannelAffine(x, scale, shift);
            define(n.getOutput(0), x);
        } else {
            define(n.getOutput(0), builder.channelAffine(name, x, scale, shift));
        }
    }

    private void softmax(NodeProto n, String name) {
        int x = activation(n, 0);
        int onnxRank = builder.shape(x).rank() + 1;
        long axis = intAttr(n, "axis", opset < 13 ? 1 : -1);
        if (axis < 0) {
            axis += onnxRank;
        }
        if (onnxRank != 2 || axis != 1) {
            throw unsupported("only softmax over the features of a [batch, F] input is supported, got input N x "
                    + builder.shape(x) + " axis " + intAttr(n, "axis", opset < 13 ? 1 : -1));
        }
        define(n.getOutput(0), builder.softmax(name, x));
    }

    private void alias(NodeProto n) {
        if (n.getOpType().equals("Dropout") && n.getOutputCount() > 1 && !n.getOutput(1).isEmpty()
                && uses.getOrDefault(n.getOutput(1), 0) > 0) {
            throw unsupported("the mask output is not supported");
        }
        Value v = value(n, 0);
        String out = n.getOutput(0);
        if (v.isConstant()) {
            values.put(out, v);
            return;
        }
        // the alias consumes one use of the handle and exposes the uses of its own output
        handleUses.merge(v.handle(), uses.getOrDefault(out, 0) - 1, Integer::sum);
        values.put(out, v);
    }

    private void constant(NodeProto n) {
        Tensor t = null;
        for (AttributeProto a : n.getAttributeList()) {
            switch (a.getName()) {
                case "value" -> t = decode(a.getT(), "value");
                case "value_float" -> t = new Tensor(new long[0], new float[] {a.getF()}, null);
                case "value_floats" -> {
                    float[] f = new float[a.getFloatsCount()];
                    for (int i = 0; i < f.length; i++) {
                        f[i] = a.getFloats(i);
                    }
                    t = new Tensor(new long[] {f.length}, f, null);
                }
                case "value_int" -> t = new Tensor(new long[0], new float[] {a.getI()}, new long[] {a.getI()});
                case "value_ints" -> {
                    long[] l = new long[a.getIntsCount()];
                    float[] f = new float[l.length];
                    for (int i = 0; i < l.length; i++) {
                        l[i] = a.getInts(i);
                        f[i] = l[i];
                    }
                    t = new Tensor(new long[] {l.length}, f, l);
                }
                default -> throw unsupported("attribute '" + a.getName() + "' is not supported");
            }
        }
        if (t == null) {
            throw unsupported("no value attribute");
        }
        values.put(n.getOutput(0), new Value(-1, t, null));
    }

    // ---------------------------------------------------------------- helpers

    /** True if {@code handle} is a Conv/Dense whose output only the current node reads. */
    private boolean foldable(int handle) {
        OpKind k = builder.op(handle).kind();
        return (k == OpKind.CONV || k == OpKind.DENSE) && handleUses.getOrDefault(handle, 0) == 1;
    }

    private void define(String output, int handle) {
        values.put(output, new Value(handle, null, null));
        handleUses.put(handle, uses.getOrDefault(output, 0));
    }

    private Value value(NodeProto n, int i) {
        if (n.getInputCount() <= i || n.getInput(i).isEmpty()) {
            throw unsupported("input " + i + " is missing");
        }
        Value v = values.get(n.getInput(i));
        if (v == null) {
            throw unsupported("input '" + n.getInput(i) + "' is not defined before this node (nodes must be in "
                    + "topological order)");
        }
        return v;
    }

    private int activation(NodeProto n, int i) {
        Value v = value(n, i);
        if (v.isConstant()) {
            throw unsupported("input " + i + " ('" + n.getInput(i) + "') must be an activation, not a constant");
        }
        return v.handle();
    }

    private Tensor constant(NodeProto n, int i, String what) {
        Value v = value(n, i);
        if (!v.isConstant()) {
            throw unsupported(what + " ('" + n.getInput(i) + "') must be a constant (initializer or Constant)");
        }
        return tensor(v, n.getInput(i));
    }

    private Tensor tensor(Value v, String valueName) {
        return v.decoded() != null ? v.decoded() : decode(v.initializer(), "initializer '" + valueName + "'");
    }

    private void requireFlat(int x) {
        if (builder.shape(x).rank() != 1) {
            throw unsupported("needs a 2-D [batch, K] input, got N x " + builder.shape(x) + " (Flatten first)");
        }
    }

    private float scalar(Tensor t, String what) {
        if (t.count() != 1) {
            throw unsupported(what + " must be a scalar, got " + t.count() + " values");
        }
        return t.floats()[0];
    }

    private float[] vector(Tensor t, int n, String what) {
        if (t.count() != n) {
            throw unsupported(what + " has " + t.count() + " values, expected " + n);
        }
        return t.floats();
    }

    private float[] broadcastVector(Tensor t, int n, String what) {
        if (t.count() == n) {
            return t.floats().clone();
        }
        if (t.count() == 1) {
            float[] r = new float[n];
            Arrays.fill(r, t.floats()[0]);
            return r;
        }
        throw unsupported(what + " " + Arrays.toString(t.dims()) + " does not broadcast to " + n + " outputs");
    }

    /**
     * The constant as one value per channel of an activation of (ONNX) shape {@code [N, s...]}: a
     * scalar, or dims that are 1 everywhere except the channel axis (numpy broadcasting).
     */
    private float[] perChannel(Tensor t, TensorShape s, String what) {
        int c = s.channels();
        long[] d = t.dims();
        int onnxRank = s.rank() + 1;
        if (d.length > onnxRank) {
            throw unsupported(what + " " + Arrays.toString(d) + " has more dimensions than the input N x " + s);
        }
        int channelAxis = d.length - onnxRank + 1; // index of ONNX axis 1 in d, may be negative
        for (int i = 0; i < d.length; i++) {
            if (d[i] != 1 && !(i == channelAxis && d[i] == c)) {
                throw unsupported(what + " " + Arrays.toString(d) + " is not per-channel for input N x " + s
                        + " (only scalar or per-channel constants are supported)");
            }
        }
        return broadcastVector(t, c, what);
    }

    private static float[] transpose(float[] m, int rows, int cols) {
        float[] t = new float[m.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = m[r * cols + c];
            }
        }
        return t;
    }

    private BadInputException unsupported(String detail) {
        return new BadInputException(source, nodeField, detail);
    }

    private AttributeProto attr(NodeProto n, String name) {
        for (AttributeProto a : n.getAttributeList()) {
            if (a.getName().equals(name)) {
                return a;
            }
        }
        return null;
    }

    private long intAttr(NodeProto n, String name, long dflt) {
        AttributeProto a = attr(n, name);
        if (a == null) {
            return dflt;
        }
        if (a.getType() != AttributeProto.AttributeType.INT && !(a.hasI() && a.getType() == AttributeProto.AttributeType.UNDEFINED)) {
            throw unsupported("attribute '" + name + "' must be an int");
        }
        return a.getI();
    }

    private float floatAttr(NodeProto n, String name, float dflt) {
        AttributeProto a = attr(n, name);
        if (a == null) {
            return dflt;
        }
        if (a.getType() != AttributeProto.AttributeType.FLOAT && !(a.hasF() && a.getType() == AttributeProto.AttributeType.UNDEFINED)) {
            throw unsupported("attribute '" + name + "' must be a float");
        }
        return a.getF();
    }

    private long[] intsAttr(NodeProto n, String name, long[] dflt) {
        AttributeProto a = attr(n, name);
        if (a == null) {
            return dflt;
        }
        if (a.getType() != AttributeProto.AttributeType.INTS && a.getType() != AttributeProto.AttributeType.UNDEFINED) {
            throw unsupported("attribute '" + name + "' must be a list of ints");
        }
        long[] r = new long[a.getIntsCount()];
        for (int i = 0; i < r.length; i++) {
            r[i] = a.getInts(i);
            if (r[i] < 0 || r[i] > Integer.MAX_VALUE) {
                throw unsupported("attribute '" + name + "' has an out-of-range value " + r[i]);
            }
        }
        return r;
    }

    private String stringAttr(NodeProto n, String name, String dflt) {
        AttributeProto a = attr(n, name);
        return a == null ? dflt : a.getS().toStringUtf8();
    }

    /** Decodes a tensor's values; {@code what} names it in errors. */
    private Tensor decode(TensorProto t, String what) {
        String field = nodeField != null ? nodeField + ": " + what : what;
        if (t.getDataLocation() == TensorProto.DataLocation.EXTERNAL || t.getExternalDataCount() > 0) {
            throw new BadInputException(source, field, "weights in external data files are not supported "
                    + "(save the model with all tensors inside the .onnx file)");
        }
        long[] dims = new long[t.getDimsCount()];
        long count = 1;
        for (int i = 0; i < dims.length; i++) {
            dims[i] = t.getDims(i);
            if (dims[i] < 0) {
                throw new BadInputException(source, field, "negative dimension in " + Arrays.toString(dims));
            }
            count *= dims[i];
        }
        if (count > Integer.MAX_VALUE) {
            throw new BadInputException(source, field, "tensor too large: " + Arrays.toString(dims));
        }
        int n = (int) count;
        int type = t.getDataType();
        float[] f = new float[n];
        long[] l = null;
        if (t.hasRawData()) {
            ByteString raw = t.getRawData();
            int width = switch (type) {
                case FLOAT, INT32 -> 4;
                case INT64, DOUBLE -> 8;
                case INT8, UINT8 -> 1;
                default -> throw new BadInputException(source, field, "unsupported tensor element type " + type);
            };
            if (raw.size() != (long) n * width) {
                throw new BadInputException(source, field, "raw_data holds " + raw.size() + " bytes, expected "
                        + ((long) n * width) + " for dims " + Arrays.toString(dims));
            }
            ByteBuffer bb = raw.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            if (type == INT64) {
                l = new long[n];
            }
            for (int i = 0; i < n; i++) {
                switch (type) {
                    case FLOAT -> f[i] = bb.getFloat();
                    case INT32 -> f[i] = bb.getInt();
                    case DOUBLE -> f[i] = (float) bb.getDouble();
                    case INT8 -> f[i] = bb.get();
                    case UINT8 -> f[i] = bb.get() & 0xff;
                    default -> {
                        l[i] = bb.getLong();
                        f[i] = l[i];
                    }
                }
            }
        } else {
            int have = switch (type) {
                case FLOAT -> t.getFloatDataCount();
                case INT32, INT8, UINT8 -> t.getInt32DataCount();
                case INT64 -> t.getInt64DataCount();
                case DOUBLE -> t.getDoubleDataCount();
                default -> throw new BadInputException(source, field, "unsupported tensor element type " + type);
            };
            if (have != n) {
                throw new BadInputException(source, field, "holds " + have + " values, expected " + n
                        + " for dims " + Arrays.toString(dims));
            }
            if (type == INT64) {
                l = new long[n];
            }
            for (int i = 0; i < n; i++) {
                switch (type) {
                    case FLOAT -> f[i] = t.getFloatData(i);
                    case INT32, INT8, UINT8 -> f[i] = t.getInt32Data(i);
                    case DOUBLE -> f[i] = (float) t.getDoubleData(i);
                    default -> {
                        l[i] = t.getInt64Data(i);
                        f[i] = l[i];
                    }
                }
            }
        }
        return new Tensor(dims, f, l);
    }
}
