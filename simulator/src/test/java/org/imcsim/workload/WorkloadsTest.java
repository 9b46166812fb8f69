package org.imcsim.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.imcsim.config.BadInputException;
import org.imcsim.engine.RandomStreams;
import org.imcsim.workload.zoo.Zoo;
import org.junit.jupiter.api.Test;

class WorkloadsTest {
    @Test
    void zooNamesWithOptions() {
        Network plain = Workloads.resolve("vgg8", 1);
        assertEquals("vgg8", plain.name());
        Network ns = Workloads.resolve("vgg8?weights=neurosim", 1);
        float w = ns.crossbarLayers().get(0).weight(0, 0) * 128;
        assertEquals(Math.rint(w), w, 0.0);
        Network sparse = Workloads.resolve("lenet5?sparsity=unstructured:0.5&weights=he", 1);
        CrossbarLayer l = sparse.crossbarLayers().get(2);
        assertEquals(l.rows() * l.cols() / 2, l.nonZeroWeights());
        assertEquals(Zoo.build("lenet5", 1).crossbarLayers().get(0).weight(3, 2),
                Workloads.resolve("lenet5", 1).crossbarLayers().get(0).weight(3, 2));
        assertNotEquals(Workloads.resolve("lenet5", 2).crossbarLayers().get(0).weight(3, 2),
                Workloads.resolve("lenet5", 1).crossbarLayers().get(0).weight(3, 2));
    }

    @Test
    void badSpecs() {
        BadInputException e = assertThrows(BadInputException.class, () -> Workloads.resolve("alexnet", 1));
        assertTrue(e.getMessage().startsWith("workload.network: 'alexnet' is neither a zoo network (mlp-fmnist"),
                e.getMessage());
        e = assertThrows(BadInputException.class, () -> Workloads.resolve("vgg8?weights=xavier", 1));
        assertTrue(e.getMessage().contains("expected he or neurosim"), e.getMessage());
        e = assertThrows(BadInputException.class, () -> Workloads.resolve("vgg8?bits=4", 1));
        assertTrue(e.getMessage().contains("unknown option 'bits'"), e.getMessage());
        e = assertThrows(BadInputException.class, () -> Workloads.resolve("missing/model.onnx", 1));
        assertTrue(e.getMessage().endsWith("file not found"), e.getMessage());
        assertThrows(BadInputException.class, () -> Workloads.resolve(" ", 1));
    }

    @Test
    void randomStreamsDependOnSeedAndPath() {
        long a = RandomStreams.derive(1, "x/y").nextLong();
        assertEquals(a, RandomStreams.derive(1, "x/y").nextLong());
        assertNotEquals(a, RandomStreams.derive(2, "x/y").nextLong());
        assertNotEquals(a, RandomStreams.derive(1, "x/z").nextLong());
    }
}
