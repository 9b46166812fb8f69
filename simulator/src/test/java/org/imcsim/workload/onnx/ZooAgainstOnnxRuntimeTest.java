package org.imcsim.workload.onnx;

import static org.imcsim.workload.onnx.Onnx.i;
import static org.imcsim.workload.onnx.Onnx.in;
import static org.imcsim.workload.onnx.Onnx.ints;
import static org.imcsim.workload.onnx.Onnx.node;
import static org.imcsim.workload.onnx.Onnx.out;
import static org.imcsim.workload.onnx.Onnx.raw;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import java.util.SplittableRandom;
import org.imcsim.workload.FloatForward;
import org.imcsim.workload.Network;
import org.imcsim.workload.Node;
import org.imcsim.workload.Op;
import org.imcsim.workload.Window;
import org.imcsim.workload.zoo.Zoo;
import org.junit.jupiter.api.Test;

/**
 * Writes zoo networks out as ONNX graphs (test-only exporter), runs them in onnxruntime and checks
 * the float forward pass and the importer (round trip) against it.
 */
class ZooAgainstOnnxRuntimeTest {

    private static String v(Node n) {
        return n.index() == 0 ? "x" : "v" + n.index();
    }

    private static ai.onnx.proto.OnnxMl.AttributeProto[] window(Window w) {
        return new ai.onnx.proto.OnnxMl.AttributeProto[] {
            ints("kernel_shape", w.kernelH(), w.kernelW()), ints("strides", w.strideH(), w.strideW()),
            ints("pads", w.padTop(), w.padLeft(), w.padBottom(), w.padRight())};
    }

    static ModelProto export(Network net) {
        GraphProto.Builder g = GraphProto.newBuilder();
        for (Node n : net.nodes()) {
            if (n.index() == 0) {
                continue;
            }
            String x = v(net.node(n.input(0)));
            String y = n == net.output() ? "y" : v(n);
            String name = n.name();
            switch (n.kind()) {
                case CONV -> {
                    Op.Conv c = (Op.Conv) n.op();
                    Window w = c.window();
                    g.addInitializer(raw(name + ".W", c.copyWeights(), c.outChannels(), c.inChannels() / c.groups(),
                            w.kernelH(), w.kernelW()));
                    g.addNode(node("Conv", name, in(x, name + ".W"), out(y), ints("pads", w.padTop(), w.padLeft(),
                            w.padBottom(), w.padRight()), ints("strides", w.strideH(), w.strideW()), i("group", c.groups())));
                }
                case DENSE -> {
                    Op.Dense d = (Op.Dense) n.op();
                    g.addInitializer(raw(name + ".W", d.copyWeights(), d.outChannels(), d.inFeatures()));
                    g.addNode(node("Gemm", name, in(x, name + ".W"), out(y), i("transB", 1)));
                }
                case RELU -> g.addNode(node("Relu", name, in(x), out(y)));
                case MAX_POOL -> g.addNode(node("MaxPool", name, in(x), out(y), window(((Op.MaxPool) n.op()).window())));
                case GLOBAL_AVERAGE_POOL -> g.addNode(node("GlobalAveragePool", name, in(x), out(y)));
                case FLATTEN -> g.addNode(node("Flatten", name, in(x), out(y)));
                case ADD -> g.addNode(node("Add", name, in(x, v(net.node(n.input(1)))), out(y)));
                default -> throw new IllegalStateException("exporter lacks " + n.kind());
            }
        }
        int[] d = net.inputShape().dims();
        long[] dims = new long[d.length + 1];
        dims[0] = -1;
        for (int k = 0; k < d.length; k++) {
            dims[k + 1] = d[k];
        }
        return Onnx.model(g, dims);
    }

    private static void check(String name, int batch) throws Exception {
        Network net = Zoo.build(name, 21);
        ModelProto m = export(net);
        int per = net.inputShape().size();
        float[] x = Onnx.random(new SplittableRandom(2), batch * per, 1.0);
        long[] shape = new long[net.inputShape().rank() + 1];
        shape[0] = batch;
        for (int k = 1; k < shape.length; k++) {
            shape[k] = net.inputShape().dim(k - 1);
        }
        float[] ref = OnnxImporterTest.runOrt(m, x, shape);
        float[] ours = new FloatForward(net).run(x, batch);
        float[] roundTrip = new FloatForward(OnnxImporter.fromModel(m, name, name, true)).run(x, batch);
        double scale = 0;
        for (float r : ref) {
            scale = Math.max(scale, Math.abs(r));
        }
        assertEquals(ref.length, ours.length);
        for (int k = 0; k < ref.length; k++) {
            // relative to the largest logit: deep float sums differ in rounding order from onnxruntime's
            assertEquals(ref[k], ours[k], 1e-4 * Math.max(1, scale), name + " output " + k);
            assertEquals(ours[k], roundTrip[k], 0f, name + " round trip " + k);
        }
    }

    @Test
    void lenet5() throws Exception {
        check("lenet5", 3);
    }

    @Test
    void mlp() throws Exception {
        check("mlp-fmnist", 3);
    }

    @Test
    void resnet20() throws Exception {
        check("resnet20", 2);
    }

    @Test
    void vgg11() throws Exception {
        check("vgg11", 1);
    }
}
