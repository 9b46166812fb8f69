package org.imcsim.hardware;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.imcsim.cost.circuit.AdcType;
import org.imcsim.workload.Network;
import org.imcsim.workload.NetworkBuilder;
import org.imcsim.workload.TensorShape;
import org.junit.jupiter.api.Test;

/** The analytic tier: small cases whose cycles and energy follow by hand from the config. */
class AnalyticTest {

    private static Network dense(int k, int n, float w) {
        float[] weights = new float[k * n];
        Arrays.fill(weights, w);
        NetworkBuilder b = new NetworkBuilder("single", TensorShape.flat(k));
        b.dense("fc", 0, n, weights, null);
        return b.build();
    }

    /** One array per PE and tile, with wide explicit ports so every transfer of these small layers is one cycle. */
    private static HardwareSpec.Builder oneTile() {
        return HardwareSpec.builder().pe(1, 1).tile(1, 1).tileBuffer(0, 1024).globalBuffer(0, 2048).busWidth(2048);
    }

    private static final ChipShape ONE_TILE = new ChipShape(1, 1, 0, 0, 1, 1, 1, 2048, 16384, 1024);

    @Test
    void aSingleArrayMvmTakesTheHandCalculatedCyclesAndEnergy() {
        int k = 64;
        int n = 4;
        Network net = dense(k, n, 0.5f); // q = 127 everywhere; offset-binary stored 254 = 0b1111_1110
        HardwareSpec spec = oneTile().pipeline(false).build();
        float[] ones = new float[k];
        Arrays.fill(ones, 1f); // code 255: every row driven in every bit-plane
        HardwareResult r = HardwareRun.execute(net, spec, new ActivitySource.Image(ones),
                HardwareRun.Options.defaults().withThreads(1));

        CostModel cm = new CostModel(spec, r.actionCounts().shape());
        long clk = cm.clockPs;
        int planes = 8;
        int physCols = n * 8;                   // 8 one-bit cells per weight
        int adcs = spec.cols() / spec.colsPerAdc(); // 16
        int positions = (physCols + adcs - 1) / adcs; // 2 mux positions per plane
        long inBits = (long) k * 8;
        long outBits = (long) n * 8;
        // global-buffer read, bus to the tile, input-buffer write, input-buffer read into the drivers (one cycle
        // or beat each: every port is wider than 512 bits), 8 planes × 2 conversions, the last shift-add,
        // output-buffer write and read, bus back, ReLU, global-buffer write
        long expected = clk + cm.beatToTilePs + clk + clk + planes * positions * clk + cm.mergePs + clk + clk
                + cm.beatFromTilePs + cm.reluPs + clk;
        assertEquals(expected, Math.round(r.singleImageNs() * 1000));
        assertEquals(expected, Math.round(r.pipelineIntervalNs() * 1000)); // layer by layer: interval = latency
        assertEquals(clk, Math.round(r.clockPeriodNs() * 1000));
        assertEquals(1, r.crossbars());

        ActionCounts.Layer c = r.actionCounts().layers().get(0);
        assertEquals(planes, c.arrayPlanes());
        assertEquals(planes * positions, c.arraySenses());
        assertEquals((long) planes * physCols, c.conversions());
        assertEquals(planes * 7L, c.weightMerges()); // (8 cells − 1) merges per plane
        assertEquals(planes, c.inputMerges());
        assertEquals(0, c.adds());                    // one row-block: no adder tree
        assertEquals(2 * inBits, c.tileInBits());
        assertEquals(2 * outBits, c.tileOutBits());
        assertEquals(inBits, c.treeInBits());
        assertEquals(inBits, c.peInBits());
        assertEquals(outBits, c.treeOutBits());
        long peOut = (long) n * cm.conv.pePartialSumBits; // the PE sends partial sums (one PE row)
        assertEquals(peOut, c.peOutBits());
        assertEquals(inBits + outBits, c.globalBufferBits());
        assertEquals(inBits, c.bitsToTiles());
        assertEquals(outBits, c.bitsFromTiles());
        assertEquals(n, c.activations());
        LayerActivity a = c.activity();
        assertEquals(planes * k, a.activeRows());
        long[] hist = new long[a.maxLevelSum() + 1];
        hist[0] = planes * n;          // slice 0 holds bit 0 of 254: level 0
        hist[k] = planes * n * 7L;     // slices 1..7: level 1 on every driven row
        assertArrayEquals(hist, a.histogram());
        assertEquals(planes * n * (long) k, a.drive(0));

        double g0 = cm.g0PathS * k;
        double g1 = g0 + k * cm.gStepPathS;
        double senses = planes * positions;
        double expectedPj = 1e12 * (senses * k * cm.wordLineActiveRowJ
                + senses * (cm.dacReadJ + k * cm.dacActiveRowJ)
                + planes * n * cm.conversionJ(g0) + planes * n * 7 * cm.conversionJ(g1)
                + planes * 7 * cm.weightMergeJ + planes * cm.inputMergeJ
                + 2 * inBits * cm.conv.inBitJ + 2 * outBits * cm.conv.outBitJ + (inBits + outBits) * cm.globalBufferBitJ
                + inBits * cm.conv.peInBufBitJ + peOut * cm.conv.peOutBufBitJ
                + inBits * (cm.icBitToTileJ + spec.inputToggle() * cm.conv.treeBitJ + cm.conv.peInBusBitJ)
                + outBits * (cm.icBitFromTileJ + spec.outputToggle() * cm.conv.treeBitJ) + peOut * cm.conv.peOutBusBitJ
                + senses * cm.muxSenseJ + n * cm.reluValueJ);
        assertEquals(expectedPj, r.dynamicEnergyPj(), expectedPj * 1e-12);
        assertTrue(r.leakageEnergyPj() > 0);
        assertEquals(r.dynamicEnergyPj() + r.leakageEnergyPj(), r.energyPj(), 1e-6);
        assertEquals(2.0 * k * n, r.opsPerInference());
    }

    @Test
    void aTwoTilePipelinesIntervalEqualsItsSlowestStage() {
        // A: 64 -> 2 (16 columns: 1 mux position); B: 2 -> 16 (128 columns: 8 mux positions) is the slow stage
        float[] wa = new float[64 * 2];
        float[] wb = new float[2 * 16];
        Arrays.fill(wa, 0.25f);
        Arrays.fill(wb, -0.5f);
        NetworkBuilder nb = new NetworkBuilder("two", TensorShape.flat(64));
        int x = nb.dense("a", 0, 2, wa, null);
        x = nb.relu("relu", x);
        nb.dense("b", x, 16, wb, null);
        Network net = nb.build();
        HardwareSpec spec = oneTile().pipeline(true).images(7).build();
        float[] in = new float[64];
        Arrays.fill(in, 0.3f);
        HardwareResult r = HardwareRun.execute(net, spec, new ActivitySource.Image(in), HardwareRun.Options.defaults());
        assertEquals(2, r.actionCounts().shape().chipTiles());
        long clk = Math.round(r.clockPeriodNs() * 1000);
        // B converts 8 positions × 8 planes per image; nothing else comes close, so it sets the interval
        assertEquals(8 * 8 * clk, Math.round(r.pipelineIntervalNs() * 1000));
        assertTrue(r.singleImageNs() > r.pipelineIntervalNs());
        assertEquals(1.0 / (8 * 8 * clk * 1e-12), r.inferencesPerSecond(), 1e-6 * r.inferencesPerSecond());
    }

    @Test
    void sarConvertersAreSlowerAndTheClockFollowsTheSensingCycle() {
        Network net = dense(64, 4, 0.5f);
        float[] ones = new float[64];
        Arrays.fill(ones, 1f);
        HardwareSpec mlsa = oneTile().pipeline(false).build();
        HardwareSpec sar = oneTile().pipeline(false).adc(AdcType.SAR, 5, 8).build();
        HardwareResult a = HardwareRun.execute(net, mlsa, new ActivitySource.Image(ones), HardwareRun.Options.defaults());
        HardwareResult b = HardwareRun.execute(net, sar, new ActivitySource.Image(ones), HardwareRun.Options.defaults());
        // a SAR conversion takes (bits + 1) ns, so its sensing cycle and the clock are longer
        assertTrue(b.clockPeriodNs() > a.clockPeriodNs());
        assertTrue(b.singleImageNs() > a.singleImageNs());
        // SAR area grows about linearly in bits, the multilevel sense amp's as 2^bits
        double sar5 = new CostModel(sar, ONE_TILE).slotAreaM2.get(Category.ADC);
        double sar7 = new CostModel(oneTile().adc(AdcType.SAR, 7, 8).build(), ONE_TILE).slotAreaM2.get(Category.ADC);
        double ml5 = new CostModel(mlsa, ONE_TILE).slotAreaM2.get(Category.ADC);
        double ml7 = new CostModel(oneTile().adc(AdcType.MLSA, 7, 8).build(), ONE_TILE).slotAreaM2.get(Category.ADC);
        assertTrue(sar7 / sar5 < 1.5, "SAR 7/5-bit area ratio " + sar7 / sar5);
        assertTrue(ml7 / ml5 > 3.5, "MLSA 7/5-bit area ratio " + ml7 / ml5);
    }

    @Test
    void aTwoBitDacHalvesTheReadStepsAndPaysForItsConversions() {
        int k = 64;
        int n = 4;
        Network net = dense(k, n, 0.5f);
        float[] ones = new float[k];
        Arrays.fill(ones, 1f); // code 255: level 3 on every row in every 2-bit step
        HardwareSpec one = oneTile().pipeline(false).build();
        HardwareSpec two = oneTile().pipeline(false).dacBits(2).build();
        HardwareResult r1 = HardwareRun.execute(net, one, new ActivitySource.Image(ones), HardwareRun.Options.defaults());
        HardwareResult r2 = HardwareRun.execute(net, two, new ActivitySource.Image(ones), HardwareRun.Options.defaults());
        CostModel cm = new CostModel(two, r2.actionCounts().shape());
        ActionCounts.Layer c = r2.actionCounts().layers().get(0);
        int steps = 4;
        int positions = 2;
        assertEquals(steps, c.arrayPlanes());
        assertEquals(steps * positions, c.arraySenses());
        assertEquals(steps * n * 8L, c.conversions());
        LayerActivity a = c.activity();
        assertEquals(k, a.meanActiveRows(), 0);
        // level sums in DAC steps: level 3 × 64 rows on the slices holding a 1
        long[] hist = new long[a.maxLevelSum() + 1];
        hist[0] = steps * n;
        hist[3 * k] = steps * n * 7L;
        assertArrayEquals(hist, a.histogram());
        assertEquals(steps * n * 7L * 3 * k, a.drive(3 * k));
        // the same column conductance as a 1-bit read of the same rows: same energy per conversion
        double perConv1 = r1.energyBreakdownPj().get(Category.ADC) / r1.actionCounts().layers().get(0).conversions();
        double perConv2 = r2.energyBreakdownPj().get(Category.ADC) / c.conversions();
        assertEquals(perConv1, perConv2, perConv1 * 1e-12);
        // the 2-bit DAC: three unit elements of ISAAC's 1-bit driver, once per driven row per step
        assertTrue(cm.dacConversionJ > 0);
        double drivers = 1e12 * (steps * positions * (cm.dacReadJ + k * cm.dacActiveRowJ) + steps * k * cm.dacConversionJ);
        assertEquals(drivers, r2.energyBreakdownPj().get(Category.DAC_AND_DRIVERS), drivers * 1e-12);
        // half the read steps: 4 × 2 conversion cycles fewer
        long clk = cm.clockPs;
        assertEquals(steps * positions * clk, Math.round((r1.singleImageNs() - r2.singleImageNs()) * 1000));
        // and the DACs' area: 3 unit drivers per row
        assertTrue(r2.areaBreakdownMm2().get(Category.DAC_AND_DRIVERS) > r1.areaBreakdownMm2().get(Category.DAC_AND_DRIVERS));
    }

    @Test
    void signedInputsWithATwoBitDacTakeASignStepAsTheFunctionalModelDoes() {
        int k = 64;
        int n = 4;
        Network net = dense(k, n, 0.5f); // stored 254 = 0b1111_1110 on 8 one-bit slices
        float[] minusOnes = new float[k];
        Arrays.fill(minusOnes, -1f); // signed: code −127 = 0b1000_0001 in two's complement
        float[] ones = new float[k];
        Arrays.fill(ones, 1f); // unsigned: code 255
        HardwareSpec two = oneTile().pipeline(false).dacBits(2).build();
        HardwareResult neg = HardwareRun.execute(net, two, new ActivitySource.Image(minusOnes), HardwareRun.Options.defaults());
        HardwareResult pos = HardwareRun.execute(net, two, new ActivitySource.Image(ones), HardwareRun.Options.defaults());
        ActionCounts.Layer c = neg.actionCounts().layers().get(0);
        // magnitude bits {0,1} {2,3} {4,5} {6}, then the sign bit alone: 5 steps, against 4 unsigned
        int steps = 5;
        assertEquals(steps, two.inputCycles(true));
        assertEquals(steps, c.arrayPlanes());
        assertEquals(4, pos.actionCounts().layers().get(0).arrayPlanes());
        assertEquals(steps * n * 8L, c.conversions());
        LayerActivity a = c.activity();
        assertTrue(a.signedInput());
        // rows are driven (level 1) in the first step (bit 0) and the sign step only
        assertEquals(2.0 * k / steps, a.meanActiveRows(), 1e-12);
        long[] hist = new long[a.maxLevelSum() + 1];
        hist[k] = 2L * n * 7;
        hist[0] = steps * n * 8L - hist[k];
        assertArrayEquals(hist, a.histogram());
        // one more read step costs its conversion cycles: the signed run is longer
        assertTrue(neg.singleImageNs() > pos.singleImageNs(), neg.singleImageNs() + " vs " + pos.singleImageNs());
    }

    @Test
    void signedInputsNeedTwoInputBits() {
        Network net = dense(64, 4, 0.5f);
        float[] minusOnes = new float[64];
        Arrays.fill(minusOnes, -1f);
        HardwareSpec oneBit = oneTile().pipeline(false).precision(8, 1).build();
        org.imcsim.config.BadInputException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.imcsim.config.BadInputException.class,
                () -> HardwareRun.execute(net, oneBit, new ActivitySource.Image(minusOnes), HardwareRun.Options.defaults()));
        assertEquals("mapping.inputBits", e.field());
        // unsigned 1-bit inputs are fine
        float[] ones = new float[64];
        Arrays.fill(ones, 1f);
        assertEquals(1, HardwareRun.execute(net, oneBit, new ActivitySource.Image(ones), HardwareRun.Options.defaults())
                .actionCounts().layers().get(0).arrayPlanes());
    }

    @Test
    void sampleAndHoldReleasesTheRowsAndCostsOneAcquisitionPerColumnAndRead() {
        int k = 64;
        Network net = dense(k, 4, 0.5f);
        float[] ones = new float[k];
        Arrays.fill(ones, 1f);
        HardwareSpec plain = oneTile().pipeline(false).build();
        HardwareSpec held = oneTile().pipeline(false).sampleHold(true).build();
        HardwareResult a = HardwareRun.execute(net, plain, new ActivitySource.Image(ones), HardwareRun.Options.defaults());
        HardwareResult b = HardwareRun.execute(net, held, new ActivitySource.Image(ones), HardwareRun.Options.defaults());
        CostModel cm = new CostModel(held, b.actionCounts().shape());
        ActionCounts.Layer c = b.actionCounts().layers().get(0);
        assertEquals(0, a.actionCounts().layers().get(0).samples());
        assertEquals(8L * held.cols(), c.samples()); // 8 bit-planes × 128 columns of one array
        assertTrue(cm.sampleJ > 0);
        double adc = a.energyBreakdownPj().get(Category.ADC) + 1e12 * c.samples() * cm.sampleJ;
        assertEquals(adc, b.energyBreakdownPj().get(Category.ADC), adc * 1e-12);
        assertTrue(b.areaBreakdownMm2().get(Category.ADC) > a.areaBreakdownMm2().get(Category.ADC));
        // each plane is sampled (one clock) before its conversions; the next plane's drive overlaps them
        assertTrue(b.singleImageNs() > a.singleImageNs() - 1e-9);
    }
}
