package org.imcsim.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.imcsim.mapping.LayerMapper;
import org.imcsim.mapping.MappedLayer;
import org.imcsim.mapping.MappingSpec;
import org.imcsim.mapping.ScaleMode;
import org.imcsim.mapping.SignedScheme;
import org.imcsim.mapping.Subtraction;
import org.imcsim.workload.CrossbarLayer;
import org.imcsim.workload.Network;
import org.imcsim.workload.RepoFiles;
import org.imcsim.workload.onnx.OnnxImporter;
import org.imcsim.workload.zoo.Zoo;
import org.junit.jupiter.api.Test;

/**
 * MODEL.md §3's exactness invariant on every layer shape of every zoo network and of the trained
 * models: the ideal device with an exact ADC over the full range reproduces Σ q·x exactly.
 */
class ExactnessOnRealShapesTest {

    @Test
    void everyZooAndTrainedLayerIsExact() throws Exception {
        List<Network> nets = new ArrayList<>();
        for (String name : Zoo.names()) {
            nets.add(Zoo.build(name, 3));
        }
        for (String f : new String[] {"fmnist_mlp.onnx", "fmnist_lenet.onnx", "fmnist_vgg_bn.onnx", "digits_mlp.onnx"}) {
            Path p = RepoFiles.find("traces/models/" + f);
            nets.add(OnnxImporter.load(p));
        }
        SplittableRandom r = new SplittableRandom(12);
        int layers = 0;
        for (Network net : nets) {
            for (CrossbarLayer xl : net.crossbarLayers()) {
                // alternate the schemes so each is exercised on real shapes
                SignedScheme scheme = layers % 3 == 1 ? SignedScheme.OFFSET : SignedScheme.DIFFERENTIAL;
                Subtraction sub = layers % 3 == 2 ? Subtraction.ANALOG : Subtraction.DIGITAL;
                MappingSpec spec = new MappingSpec(8, 8, 2, 1, 128, 128, scheme, sub, ScaleMode.LAYER);
                int k = xl.rows();
                int cpg = xl.colsPerGroup();
                float[] m = xl.copyMatrix();
                float[] sub0 = new float[k * cpg];
                for (int i = 0; i < k; i++) {
                    System.arraycopy(m, i * xl.cols(), sub0, i * cpg, cpg);
                }
                MappedLayer ml = LayerMapper.map(net.name() + "/" + xl.name(), sub0, k, cpg, spec);
                boolean signedInput = xl.index() == 0;
                CrossbarLayerKernel kernel = CrossbarLayerKernelTest.idealKernel(ml, 0, signedInput);
                int vectors = 2;
                int[] x = new int[vectors * k];
                for (int i = 0; i < x.length; i++) {
                    x[i] = signedInput ? r.nextInt(-128, 128) : (r.nextDouble() < 0.5 ? 0 : r.nextInt(256));
                }
                double[] y = new double[vectors * cpg];
                kernel.multiply(x, vectors, y, null, null);
                for (int v = 0; v < vectors; v++) {
                    for (int j = 0; j < cpg; j++) {
                        long acc = 0;
                        for (int i = 0; i < k; i++) {
                            acc += (long) x[v * k + i] * ml.weights().code(i, j);
                        }
                        assertEquals((double) acc, y[v * cpg + j], 0.0, net.name() + "/" + xl.name() + " column " + j);
                    }
                }
                layers++;
            }
        }
        assertTrue(layers > 100, "zoo + trained models have more than 100 crossbar layers, checked " + layers);
    }
}
