package org.imcsim.workload.onnx;

import static org.imcsim.workload.onnx.Onnx.f;
import static org.imcsim.workload.onnx.Onnx.i;
import static org.imcsim.workload.onnx.Onnx.in;
import static org.imcsim.workload.onnx.Onnx.int64;
import static org.imcsim.workload.onnx.Onnx.ints;
import static org.imcsim.workload.onnx.Onnx.node;
import static org.imcsim.workload.onnx.Onnx.out;
import static org.imcsim.workload.onnx.Onnx.random;
import static org.imcsim.workload.onnx.Onnx.raw;
import static org.imcsim.workload.onnx.Onnx.s;
import static org.imcsim.workload.onnx.Onnx.t;
import static org.imcsim.workload.onnx.Onnx.typed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.imcsim.config.BadInputException;
import org.imcsim.workload.CrossbarLayer;
import org.imcsim.workload.FloatForward;
import org.imcsim.workload.Network;
import org.imcsim.workload.Node;
import org.imcsim.workload.OpKind;
import org.imcsim.workload.TensorShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxImporterTest {
    @TempDir
    Path dir;

    /** Conv+BN+ReLU, ceil-mode MaxPool, grouped strided asymmetric-pad Conv, AveragePool, Flatten, Gemm, Softmax. */
    static ModelProto cnnWithBatchNorm() {
        SplittableRandom r = new SplittableRandom(11);
        GraphProto.Builder g = GraphProto.newBuilder();
        g.addInitializer(raw("W1", random(r, 4 * 2 * 9, 0.5), 4, 2, 3, 3));
        g.addInitializer(raw("B1", random(r, 4, 0.2), 4));
        g.addInitializer(typed("g1", new float[] {1.5f, 0.7f, -0.4f, 1.1f}, 4));
        g.addInitializer(typed("b1", new float[] {0.1f, -0.2f, 0.3f, 0.05f}, 4));
        g.addInitializer(typed("m1", new float[] {0.2f, -0.1f, 0.0f, 0.4f}, 4));
        g.addInitializer(typed("v1", new float[] {0.9f, 1.3f, 0.5f, 2.0f}, 4));
        g.addInitializer(raw("W2", random(r, 4 * 2 * 9, 0.5), 4, 2, 3, 3));
        g.addInitializer(raw("Wf", random(r, 5 * 36, 0.3), 5, 36));
        g.addInitializer(raw("Cf", random(r, 5, 0.3), 5));
        g.addNode(node("Conv", "conv1", in("x", "W1", "B1"), out("c1"), ints("pads", 1, 1, 1, 1), ints("kernel_shape", 3, 3)));
        g.addNode(node("BatchNormalization", "bn1", in("c1", "g1", "b1", "m1", "v1"), out("n1"), f("epsilon", 1e-3f)));
        g.addNode(node("Relu", "relu1", in("n1"), out("r1")));
        g.addNode(node("MaxPool", "pool1", in("r1"), out("p1"), ints("kernel_shape", 2, 2), ints("strides", 2, 2), i("ceil_mode", 1)));
        g.addNode(node("Conv", "conv2", in("p1", "W2"), out("c2"), i("group", 2), ints("strides", 2, 2), ints("pads", 0, 1, 1, 0)));
        g.addNode(node("AveragePool", "avg", in("c2"), out("a2"), ints("kernel_shape", 2, 2), ints("pads", 1, 1, 1, 1), i("count_include_pad", 1)));
        g.addNode(node("Flatten", "flat", in("a2"), out("f")));
        g.addNode(node("Gemm", "fc", in("f", "Wf", "Cf"), out("z"), i("transB", 1), f("alpha", 0.5f), f("beta", 2f)));
        g.addNode(node("Softmax", "soft", in("z"), out("y"), i("axis", 1)));
        return Onnx.model(g, -1, 2, 9, 9);
    }

    /** Reshape from a Constant, MatMul+Add bias, Identity/Dropout, MatMul+BN, residual Add, Clip, Gemm with transB=0. */
    static ModelProto mlpResidual() {
        SplittableRandom r = new SplittableRandom(12);
        GraphProto.Builder g = GraphProto.newBuilder();
        g.addInitializer(raw("M1", random(r, 16 * 8, 0.5), 16, 8));
        g.addInitializer(raw("A1", random(r, 8, 0.5), 8));
        g.addInitializer(typed("M2", random(r, 64, 0.5), 8, 8));
        g.addInitializer(typed("s", random(r, 8, 1.0), 8));
        g.addInitializer(typed("bb", random(r, 8, 0.3), 8));
        g.addInitializer(typed("mm", random(r, 8, 0.3), 8));
        g.addInitializer(typed("vv", new float[] {1, 2, 0.5f, 0.7f, 1.2f, 0.3f, 3, 1}, 8));
        g.addInitializer(raw("hi", new float[] {0.5f}));
        g.addInitializer(raw("G", random(r, 24, 0.5), 8, 3));
        g.addInitializer(raw("Gc", random(r, 3, 0.5), 1, 3));
        g.addNode(node("Constant", "shape", in(), out("sh"), t("value", int64("", -1, 16))));
        g.addNode(node("Reshape", "reshape", in("x", "sh"), out("v")));
        g.addNode(node("MatMul", "mm1", in("v", "M1"), out("h1")));
        g.addNode(node("Add", "bias1", in("h1", "A1"), out("h1b")));
        g.addNode(node("Relu", "relu1", in("h1b"), out("r1")));
        g.addNode(node("Identity", "id", in("r1"), out("r2")));
        g.addNode(node("Dropout", "drop", in("r2"), out("r3")));
        g.addNode(node("MatMul", "mm2", in("r3", "M2"), out("h2")));
        g.addNode(node("BatchNormalization", "bn2", in("h2", "s", "bb", "mm", "vv"), out("h2n")));
        g.addNode(node("Add", "res", in("r3", "h2n"), out("sum")));
        g.addNode(node("Clip", "clip", in("sum", "", "hi"), out("c")));
        g.addNode(node("Gemm", "out", in("c", "G", "Gc"), out("y")));
        return Onnx.model(g, -1, 1, 4, 4);
    }

    /** SAME_UPPER strided conv, standalone BN, dilated conv whose output feeds BN and a residual, constant Add, GAP. */
    static ModelProto convResidual() {
        SplittableRandom r = new SplittableRandom(13);
        GraphProto.Builder g = GraphProto.newBuilder();
        g.addInitializer(raw("Wa", random(r, 4 * 3 * 9, 0.5), 4, 3, 3, 3));
        g.addInitializer(typed("s", random(r, 4, 1.0), 4));
        g.addInitializer(typed("b", random(r, 4, 0.3), 4));
        g.addInitializer(typed("m", random(r, 4, 0.3), 4));
        g.addInitializer(typed("v", new float[] {1, 2, 0.5f, 0.7f}, 4));
        g.addInitializer(raw("Wb", random(r, 4 * 4 * 9, 0.5), 4, 4, 3, 3));
        g.addInitializer(raw("k", random(r, 4, 0.5), 1, 4, 1, 1));
        g.addInitializer(raw("Wf", random(r, 3 * 4, 0.5), 3, 4));
        g.addNode(node("Conv", "ca", in("x", "Wa"), out("a"), s("auto_pad", "SAME_UPPER"), ints("strides", 2, 2)));
        g.addNode(node("Relu", "ra", in("a"), out("ar")));
        g.addNode(node("BatchNormalization", "bna", in("ar", "s", "b", "m", "v"), out("an")));
        g.addNode(node("Conv", "cb", in("an", "Wb"), out("bc"), ints("dilations", 2, 2), ints("pads", 2, 2, 2, 2)));
        g.addNode(node("BatchNormalization", "bnb", in("bc", "s", "b", "m", "v"), out("bn")));
        g.addNode(node("Add", "res", in("bn", "bc"), out("sum")));
        g.addNode(node("Add", "shift", in("k", "sum"), out("sh")));
        g.addNode(node("GlobalAveragePool", "gap", in("sh"), out("gp")));
        g.addNode(node("Flatten", "flat", in("gp"), out("fl")));
        g.addNode(node("Gemm", "fc", in("fl", "Wf"), out("y"), i("transB", 1)));
        return Onnx.model(g, -1, 3, 8, 8);
    }

    private Path save(ModelProto m, String name) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, m.toByteArray());
        return p;
    }

    static float[] runOrt(ModelProto m, float[] x, long[] shape) throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions opts = new OrtSession.SessionOptions()) {
            opts.setIntraOpNumThreads(1);
            try (OrtSession session = env.createSession(m.toByteArray(), opts);
                 OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), shape);
                 OrtSession.Result res = session.run(Map.of("x", t))) {
                FloatBuffer fb = ((OnnxTensor) res.get(0)).getFloatBuffer();
                float[] y = new float[fb.remaining()];
                fb.get(y);
                return y;
            }
        }
    }

    private void compareWithOrt(ModelProto m, String file, long... shape) throws Exception {
        Network net = OnnxImporter.load(save(m, file));
        int batch = (int) shape[0];
        int per = net.inputShape().size();
        float[] x = random(new SplittableRandom(99), batch * per, 1.0);
        float[] ours = new FloatForward(net).run(x, batch);
        float[] ref = runOrt(m, x, shape);
        assertEquals(ref.length, ours.length);
        for (int k = 0; k < ref.length; k++) {
            assertEquals(ref[k], ours[k], 1e-4, file + " output " + k);
        }
    }

    @Test
    void cnnMatchesOnnxRuntime() throws Exception {
        compareWithOrt(cnnWithBatchNorm(), "cnn.onnx", 3, 2, 9, 9);
    }

    @Test
    void mlpMatchesOnnxRuntime() throws Exception {
        compareWithOrt(mlpResidual(), "mlp.onnx", 4, 1, 4, 4);
    }

    @Test
    void convResidualMatchesOnnxRuntime() throws Exception {
        compareWithOrt(convResidual(), "res.onnx", 2, 3, 8, 8);
    }

    @Test
    void cnnShapesAndFolding() throws Exception {
        Network net = OnnxImporter.load(save(cnnWithBatchNorm(), "cnn.onnx"));
        assertEquals("cnn", net.name());
        assertEquals(TensorShape.chw(2, 9, 9), net.inputShape());
        assertEquals(TensorShape.chw(4, 9, 9), net.node("conv1").outputShape());
        assertEquals(TensorShape.chw(4, 5, 5), net.node("pool1").outputShape(), "ceil_mode");
        assertEquals(TensorShape.chw(4, 2, 2), net.node("conv2").outputShape());
        assertEquals(TensorShape.chw(4, 3, 3), net.node("avg").outputShape());
        assertEquals(TensorShape.flat(5), net.outputShape());
        for (Node n : net.nodes()) {
            assertFalse(n.kind() == OpKind.CHANNEL_AFFINE, "BN after conv1 must be folded");
        }
        CrossbarLayer c2 = net.crossbarLayers().get(1);
        assertEquals(2 * 9, c2.rows(), "K = Cin/groups * kH * kW");
        assertEquals(4, c2.cols());
        assertEquals(2, c2.groups());
        assertEquals(4, c2.outputPositions());
        CrossbarLayer fc = net.crossbarLayers().get(2);
        assertEquals(36, fc.rows());
        assertEquals(5, fc.cols());
        assertEquals(1, fc.outputPositions());
    }

    @Test
    void foldedBatchNormEqualsUnfolded() throws Exception {
        for (ModelProto m : new ModelProto[] {cnnWithBatchNorm(), mlpResidual()}) {
            Path p = save(m, "m.onnx");
            Network folded = OnnxImporter.load(p, true);
            Network unfolded = OnnxImporter.load(p, false);
            long affine = unfolded.nodes().stream().filter(n -> n.kind() == OpKind.CHANNEL_AFFINE).count();
            assertTrue(affine >= 1, "unfolded import keeps BN as an affine node");
            assertTrue(folded.size() < unfolded.size());
            int per = folded.inputShape().size();
            float[] x = random(new SplittableRandom(5), 4 * per, 1.0);
            float[] a = new FloatForward(folded).run(x, 4);
            float[] b = new FloatForward(unfolded).run(x, 4);
            for (int k = 0; k < a.length; k++) {
                assertEquals(b[k], a[k], 1e-5, "output " + k);
            }
        }
    }

    @Test
    void mlpBiasAndBatchNormFoldIntoDense() throws Exception {
        Network net = OnnxImporter.load(save(mlpResidual(), "mlp.onnx"));
        assertEquals(TensorShape.flat(16), net.node("reshape").outputShape());
        // mm1 absorbed its Add; mm2 absorbed its BN; identity and dropout vanished
        assertEquals(3, net.crossbarLayers().size());
        assertEquals(OpKind.DENSE, net.node("mm1").kind());
        assertTrue(((org.imcsim.workload.Op.Dense) net.node("mm1").op()).hasBias());
        assertThrows(IllegalArgumentException.class, () -> net.node("id"));
        assertThrows(IllegalArgumentException.class, () -> net.node("bias1"));
        assertEquals(OpKind.ADD, net.node("res").kind());
        assertEquals(OpKind.CLIP, net.node("clip").kind());
    }

    @Test
    void convResidualKeepsUnfoldableBatchNorm() throws Exception {
        Network net = OnnxImporter.load(save(convResidual(), "res.onnx"));
        assertEquals(TensorShape.chw(4, 4, 4), net.node("ca").outputShape(), "SAME_UPPER stride 2");
        assertEquals(OpKind.CHANNEL_AFFINE, net.node("bna").kind(), "BN after ReLU cannot fold");
        assertEquals(OpKind.CHANNEL_AFFINE, net.node("bnb").kind(), "conv output read twice: no fold");
        assertEquals(OpKind.CHANNEL_AFFINE, net.node("shift").kind());
        assertEquals(TensorShape.chw(4, 4, 4), net.node("cb").outputShape(), "dilated 3x3 with pad 2");
    }

    private BadInputException importError(ModelProto m) throws Exception {
        Path p = save(m, "bad.onnx");
        return assertThrows(BadInputException.class, () -> OnnxImporter.load(p));
    }

    @Test
    void unsupportedOperatorNamesNodeAndOp() throws Exception {
        GraphProto.Builder g = GraphProto.newBuilder();
        g.addNode(node("Sigmoid", "sig", in("x"), out("y")));
        BadInputException e = importError(Onnx.model(g, 1, 4));
        assertTrue(e.getMessage().startsWith(dir.resolve("bad.onnx") + ": node 'sig' (Sigmoid): unsupported operator Sigmoid"),
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void externalDataIsRejected() throws Exception {
        GraphProto.Builder g = GraphProto.newBuilder();
        g.addInitializer(TensorProto.newBuilder().setName("W").setDataType(1).addDims(2).addDims(4)
                .setDataLocation(TensorProto.DataLocation.EXTERNAL)
                .addExternalData(StringStringEntryProto.newBuilder().setKey("location").setValue("w.bin")));
        g.addNode(node("Gemm", "fc", in("x", "W"), out("y"), i("transB", 1)));
        BadInputException e = importError(Onnx.model(g, 1, 4));
        assertEquals(dir.resolve("bad.onnx") + ": node 'fc' (Gemm): initializer 'W': weights in external data files are "
                + "not supported (save the model with all tensors inside the .onnx file)", e.getMessage());
    }

    @Test
    void wrongRawDataLengthIsRejected() throws Exception {
        GraphProto.Builder g = GraphProto.newBuilder();
        g.addInitializer(raw("W", new float[7], 2, 4));
        g.addNode(node("Gemm", "fc", in("x", "W"), out("y"), i("transB", 1)));
        BadInputException e = importError(Onnx.model(g, 1, 4));
        assertTrue(e.getMessage().contains("node 'fc' (Gemm): initializer 'W': raw_data holds 28 bytes, expected 32"),
                e.getMessage());
    }

    @Test
    void dynamicShapeComputationIsRejectedAtTheShapeNode() throws Exception {
        GraphProto.Builder g = GraphProto.newBuilder();
        g.addNode(node("Shape", "s", in("x"), out("sh")));
        g.addNode(node("Reshape", "r", in("x", "sh"), out("y")));
        BadInputException e = importError(Onnx.model(g, 1, 2, 2));
        assertTrue(e.getMessage().contains("node 's' (Shape): unsupported operator Shape"), e.getMessage());
    }

    @Test
    void weightsFromAnActivationAreRejected() throws Exception {
        GraphProto.Builder g = GraphProto.newBuilder();
        g.addNode(node("Relu", "r", in("x"), out("w")));
        g.addNode(node("Conv", "c", in("x", "w"), out("y")));
        BadInputException e = importError(Onnx.model(g, 1, 1, 3, 3));
        assertTrue(e.getMessage().contains("node 'c' (Conv): weights ('w') must be a constant"), e.getMessage());
    }

    @Test
    void shapeMismatchNamesTheNode() throws Exception {
        GraphProto.Builder g = GraphProto.newBuilder();
        g.addInitializer(raw("W", new float[15], 5, 3));
        g.addNode(node("Gemm", "fc", in("x", "W"), out("y"), i("transB", 1)));
        BadInputException e = importError(Onnx.model(g, 1, 4));
        assertTrue(e.getMessage().contains("node 'fc' (Gemm): B [5, 3] (transposed) expects 3 input features, the input has 4"),
                e.getMessage());
    }

    @Test
    void malformedAndMissingFiles() throws Exception {
        Path p = dir.resolve("garbage.onnx");
        Files.write(p, new byte[] {0x0a, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f, 1, 2, 3});
        BadInputException e = assertThrows(BadInputException.class, () -> OnnxImporter.load(p));
        assertTrue(e.getMessage().startsWith(p + ": not a valid ONNX model"), e.getMessage());

        Path empty = dir.resolve("empty.onnx");
        Files.write(empty, new byte[0]);
        e = assertThrows(BadInputException.class, () -> OnnxImporter.load(empty));
        assertTrue(e.getMessage().contains("no nodes found"), e.getMessage());

        Path missing = dir.resolve("missing.onnx");
        e = assertThrows(BadInputException.class, () -> OnnxImporter.load(missing));
        assertEquals(missing + ": file not found", e.getMessage());
    }
}
