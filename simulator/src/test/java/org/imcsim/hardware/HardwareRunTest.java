package org.imcsim.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.imcsim.config.BadInputException;
import org.imcsim.cost.circuit.AdcType;
import org.imcsim.workload.Network;
import org.imcsim.workload.NetworkBuilder;
import org.imcsim.workload.TensorShape;
import org.imcsim.workload.Window;
import org.imcsim.workload.zoo.Zoo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HardwareRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static float[] image(Network net, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[net.inputShape().size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextDouble();
        }
        return x;
    }

    private static String json(HardwareResult r) throws Exception {
        ObjectNode root = JSON.createObjectNode();
        r.toJson(root);
        root.set("actionCounts", HardwareWriters.actionCountsJson(r));
        return JSON.writeValueAsString(root);
    }

    @Test
    void runsAreByteIdenticalAtAnyThreadCount() throws Exception {
        Network net = Zoo.build("lenet5", 3);
        HardwareSpec spec = HardwareSpec.builder().build();
        float[] img = image(net, 5);
        String a = json(HardwareRun.execute(net, spec, new ActivitySource.Image(img), HardwareRun.Options.defaults()
                .withThreads(1)));
        String b = json(HardwareRun.execute(net, spec, new ActivitySource.Image(img), HardwareRun.Options.defaults()
                .withThreads(3)));
        assertEquals(a, b);
        String c = json(HardwareRun.execute(net, spec, new ActivitySource.Image(image(net, 6)),
                HardwareRun.Options.defaults()));
        assertNotEquals(a, c, "another image must change the data-dependent energy");
    }

    @Test
    void vgg8OnNeuroSimsSyntheticTraceIsBalancedAndComplete() {
        Network net = org.imcsim.workload.zoo.SyntheticTrace.withNeurosimWeights(Zoo.build("vgg8", 1), 1);
        HardwareResult r = HardwareRun.execute(net, HardwareSpec.builder().noPadding(true).build(),
                new ActivitySource.Synthetic(1), HardwareRun.Options.defaults());
        assertEquals(8, r.layers().size());
        assertEquals(1_231_835_136.0, r.opsPerInference()); // NeuroSim counts the same ops (padded positions)
        assertEquals(1.664, r.clockPeriodNs(), 0.01); // NeuroSim: 1.663 ns
        assertTrue(r.pipelineIntervalNs() < r.singleImageNs());
        double sum = 0;
        for (HardwareResult.LayerRow l : r.layers()) {
            sum += l.energyPj();
        }
        assertEquals(r.dynamicEnergyPj(), sum, 1e-6 * sum);
        double areaSum = 0;
        for (double v : r.areaBreakdownMm2().values()) {
            areaSum += v;
        }
        assertEquals(r.areaMm2(), areaSum, 1e-9 * areaSum);
        // the layer-0 inputs are denser (bit density 0.5 vs 0.154): more rows driven per plane
        LayerActivity a0 = r.actionCounts().layers().get(0).activity();
        LayerActivity a1 = r.actionCounts().layers().get(1).activity();
        assertEquals(0.5, a0.meanActiveRows() / 27, 0.02);
        assertEquals(0.154, a1.meanActiveRows() / 128, 0.01);
    }

    @Test
    void aFullInputBufferHoldsTheSenderBack() {
        Network net = Zoo.build("lenet5", 3);
        float[] img = image(net, 5);
        HardwareSpec roomy = HardwareSpec.builder().pipeline(false).build();
        HardwareSpec tight = HardwareSpec.builder().pipeline(false).tileBuffer(1, 8).build();
        HardwareResult a = HardwareRun.execute(net, roomy, new ActivitySource.Image(img), HardwareRun.Options.defaults());
        HardwareResult b = HardwareRun.execute(net, tight, new ActivitySource.Image(img), HardwareRun.Options.defaults());
        // one vector per copy and an 8-bit port: the controller must wait for space, and the run is slower
        assertTrue(b.singleImageNs() > a.singleImageNs());
        assertEquals(a.actionCounts().layers().get(0).conversions(), b.actionCounts().layers().get(0).conversions());
    }

    @Test
    void everyInterconnectCompletesAndTheMeshCountsFlits() {
        Network net = Zoo.build("mlp-fmnist", 3);
        float[] img = image(net, 2);
        for (HardwareSpec.Interconnect ic : HardwareSpec.Interconnect.values()) {
            HardwareResult r = HardwareRun.execute(net, HardwareSpec.builder().interconnect(ic).build(),
                    new ActivitySource.Image(img), HardwareRun.Options.defaults());
            assertTrue(r.energyBreakdownPj().get(Category.INTERCONNECT) > 0, ic.name());
            assertTrue(r.areaBreakdownMm2().get(Category.INTERCONNECT) > 0, ic.name());
            if (ic == HardwareSpec.Interconnect.MESH) {
                assertTrue(r.actionCounts().flitLinks() > 0);
            }
        }
        HardwareResult rf = HardwareRun.execute(net, HardwareSpec.builder().build(), new ActivitySource.Image(img),
                HardwareRun.Options.defaults());
        HardwareResult sram = HardwareRun.execute(net, HardwareSpec.builder().bufferType(HardwareSpec.BufferType.SRAM)
                .build(), new ActivitySource.Image(img), HardwareRun.Options.defaults());
        assertTrue(sram.areaBreakdownMm2().get(Category.BUFFERS) < rf.areaBreakdownMm2().get(Category.BUFFERS),
                "SRAM cells are denser than DFFs");
    }

    @Test
    void badSpecsAndNetworksGiveClearErrors() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> HardwareSpec.builder().adc(AdcType.MLSA, 0, 8).build());
        assertEquals("periphery.adc.bits", e.field());
        e = assertThrows(BadInputException.class, () -> HardwareSpec.builder().array(0, 128).build());
        assertEquals("crossbar.rows", e.field());
        assertTrue(e.getMessage().contains("must be positive"));
        e = assertThrows(BadInputException.class, () -> HardwareSpec.builder().array(100, 128).build());
        assertTrue(e.getMessage().contains("power of two"));
        e = assertThrows(BadInputException.class, () -> HardwareSpec.Interconnect.parse("ring"));
        assertEquals("chip.interconnect", e.field());
        assertTrue(e.getMessage().contains("xy-bus, htree, mesh"));
        e = assertThrows(BadInputException.class, () -> HardwareSpec.builder().dacBits(9).build());
        assertEquals("periphery.dacBits", e.field());
        e = assertThrows(BadInputException.class, () -> HardwareSpec.Dataflow.parse("serialised"));
        assertEquals("chip.dataflow", e.field());
        e = assertThrows(BadInputException.class, () -> HardwareSpec.BufferType.parse("dram"));
        assertEquals("chip.buffer", e.field());
        assertEquals(HardwareSpec.BufferType.SRAM, HardwareSpec.BufferType.parse("sram"));
        assertEquals(HardwareSpec.BufferType.EDRAM, HardwareSpec.BufferType.parse("edram"));
        e = assertThrows(BadInputException.class, () -> HardwareSpec.builder().node(28).build());
        assertEquals("technology.node", e.field());

        Network vgg8 = Zoo.build("vgg8", 1);
        e = assertThrows(BadInputException.class, () -> HardwareRun.execute(vgg8,
                HardwareSpec.builder().chipTiles(20).build(), new ActivitySource.Synthetic(1),
                HardwareRun.Options.defaults()));
        assertEquals("chip.tiles", e.field());
        assertTrue(e.getMessage().contains("but the chip has 20"), e.getMessage());

        NetworkBuilder b = new NetworkBuilder("dw", TensorShape.chw(4, 8, 8));
        b.conv("dw", 0, 4, Window.square(3, 1, 1), 4, new float[4 * 9], null);
        Network grouped = b.build();
        e = assertThrows(BadInputException.class, () -> HardwareRun.execute(grouped, HardwareSpec.builder().build(),
                new ActivitySource.Image(new float[4 * 64]), HardwareRun.Options.defaults()));
        assertEquals("workload.network", e.field());
    }

    @Test
    void writersProduceFilesAndCountsReCostWithoutReSimulating(@TempDir Path dir) throws Exception {
        Network net = Zoo.build("lenet5", 3);
        HardwareSpec spec = HardwareSpec.builder().build();
        HardwareResult r = HardwareRun.execute(net, spec, new ActivitySource.Image(image(net, 1)),
                HardwareRun.Options.defaults().withTrace(500));
        Path csv = dir.resolve("layers.csv");
        Path counts = dir.resolve("action_counts.json");
        Path trace = dir.resolve("trace.json");
        HardwareWriters.writeLayersCsv(r, csv);
        HardwareWriters.writeActionCounts(r, counts);
        HardwareWriters.writeTrace(r, trace);
        try (var files = Files.list(dir)) {
            assertEquals(3, files.count(), "no temporary files left behind");
        }
        var lines = Files.readAllLines(csv);
        assertEquals(1 + r.layers().size(), lines.size());
        assertTrue(lines.get(0).startsWith("name,shape,crossbars,duplication"));
        JsonNode t = JSON.readTree(trace.toFile());
        assertTrue(t.get("traceEvents").size() > 10);
        assertTrue(t.get("traceEvents").size() <= 500 + 1000, "the cap bounds the file");
        assertEquals("M", t.get("traceEvents").get(0).get("ph").asText());

        HardwareWriters.SavedCounts saved = HardwareWriters.readActionCounts(counts);
        HardwareResult same = saved.recost(spec);
        assertEquals(r.dynamicEnergyPj(), same.dynamicEnergyPj(), 1e-9 * r.dynamicEnergyPj());
        assertEquals(r.areaMm2(), same.areaMm2(), 1e-9 * r.areaMm2());
        assertEquals(r.topsPerWatt(), same.topsPerWatt(), 1e-9 * r.topsPerWatt());
        HardwareResult at45 = saved.recost(spec.toBuilder().node(45).build());
        assertTrue(at45.areaMm2() > r.areaMm2(), "a larger node is larger");
        assertTrue(at45.dynamicEnergyPj() > r.dynamicEnergyPj(), "and spends more energy");
        assertThrows(IllegalArgumentException.class, () -> r.recost(spec.toBuilder().array(64, 64).build()));
    }
}
