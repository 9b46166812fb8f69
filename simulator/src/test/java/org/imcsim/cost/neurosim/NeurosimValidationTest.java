package org.imcsim.cost.neurosim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.imcsim.cost.circuit.AdcType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The VGG8 calibration rows of NeuroSim V1.4 (shared/reference/neurosim-vgg8.md). The issue's
 * acceptance bounds are ±10 % area and ±15 % energy, latency and TOPS/W; the estimator is held to much
 * tighter bounds so any regression in a shared circuit model shows up here.
 */
class NeurosimValidationTest {

    static Iterable<Vgg8.Row> rows() {
        return Vgg8.ROWS;
    }

    private static Estimate run(Vgg8.Row row) {
        NeurosimConfig cfg = NeurosimConfig.builder().adc(AdcType.MLSA, row.adcBits()).build();
        return new NeurosimStyleEstimator(cfg).estimate(Vgg8.NET, Vgg8.stats());
    }

    private static void within(double expected, double actual, double tol, String what) {
        double err = (actual - expected) / expected;
        assertTrue(Math.abs(err) <= tol, String.format("%s: NeuroSim %.4g, ours %.4g (%+.2f %%, allowed ±%.1f %%)",
                what, expected, actual, err * 100, tol * 100));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void acceptanceBoundsOfTheIssue(Vgg8.Row row) {
        Estimate e = run(row);
        within(row.areaMm2(), e.area().totalMm2(), 0.10, "chip area");
        within(row.dynamicUj(), e.dynamicEnergy().totalPj() * 1e-6, 0.15, "dynamic energy");
        within(row.latencyUs(), e.intervalNs() * 1e-3, 0.15, "pipelined latency");
        within(row.topsPerW(), e.topsPerWatt(), 0.15, "TOPS/W");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void tightAgreementAndSameCategorySplit(Vgg8.Row row) {
        Estimate e = run(row);
        Estimate.Area a = e.area();
        within(row.areaMm2(), a.totalMm2(), 0.005, "chip area");
        within(row.arrayMm2(), a.arrayUm2() * 1e-6, 0.01, "array area");
        within(row.icMm2(), a.interconnectUm2() * 1e-6, 0.01, "IC area");
        within(row.adcMm2(), a.adcUm2() * 1e-6, 0.01, "ADC area");
        within(row.accumMm2(), a.accumUm2() * 1e-6, 0.01, "accumulation area");
        within(row.otherMm2(), a.otherUm2() * 1e-6, 0.01, "other area");
        within(row.clockNs(), e.clockPeriodNs(), 0.002, "clock period");
        within(row.latencyUs(), e.intervalNs() * 1e-3, 0.005, "latency");
        Estimate.Energy en = e.dynamicEnergy();
        within(row.dynamicUj(), en.totalPj() * 1e-6, 0.02, "dynamic energy");
        within(row.adcUj(), en.adcPj() * 1e-6, 0.02, "ADC energy");
        within(row.accumUj(), en.accumPj() * 1e-6, 0.02, "accumulation energy");
        within(row.otherUj(), en.otherPj() * 1e-6, 0.02, "other energy");
        within(row.icUj(), en.interconnectPj() * 1e-6, 0.02, "interconnect energy");
        within(row.bufferUj(), en.buffersPj() * 1e-6, 0.12, "buffer energy");
        within(row.leakageUj(), e.leakageEnergyPj() * 1e-6, 0.05, "leakage energy");
        within(row.topsPerW(), e.topsPerWatt(), 0.02, "TOPS/W");
        within(row.tops(), e.tops(), 0.01, "TOPS");
        // Sub-categories of "other" stay inside it.
        assertTrue(a.driversUm2() > 0 && a.buffersUm2() > 0 && a.driversUm2() + a.buffersUm2() <= a.otherUm2());
        assertTrue(en.driversPj() > 0 && en.driversPj() + en.buffersPj() + en.interconnectPj() <= en.otherPj());
        assertTrue(a.whitespaceUm2() > 0, "NeuroSim's total includes bounding-box whitespace");
    }

    @Test
    void floorplanMatchesNeurosimPrint() {
        NeurosimStyleEstimator est = new NeurosimStyleEstimator(NeurosimConfig.rramBaseline());
        est.estimate(Vgg8.NET, Vgg8.stats());
        ChipFloorplan fp = est.floorplan();
        double[] tiles = {2, 8, 4, 8, 8, 8, 64, 1};
        double[] speedUp = {16, 16, 4, 4, 2, 1, 1, 8};
        double[] util = {0.21, 1, 1, 1, 1, 1, 1, 0.625};
        for (int i = 0; i < 8; i++) {
            assertEquals(tiles[i], fp.tiles(i), "tiles of layer " + (i + 1));
            assertEquals(speedUp[i], fp.speedUp(i), "speed-up of layer " + (i + 1));
            assertEquals(util[i], fp.utilization(i), 0.005, "utilisation of layer " + (i + 1));
            assertEquals(i >= 1 && i <= 5, fp.novel(i), "novel mapping of layer " + (i + 1));
        }
        assertEquals(1024, fp.tileSizeConv());
        assertEquals(512, fp.peSizeConv());
        assertEquals(512, fp.peSizeNovel());
        assertEquals(9, fp.numPeNovel());
        assertEquals(4, fp.speedUpDegree(), "speed-up degree clamped by 32/8");
    }

    @Test
    void perLayerLatencyAndEnergyOfTheBaseline() {
        Estimate e = run(Vgg8.BASELINE);
        for (int i = 0; i < 8; i++) {
            Estimate.LayerResult l = e.layers().get(i);
            double[] ref = Vgg8.BASELINE_LAYERS[i];
            within(ref[0], l.latencyNs(), 0.005, "layer " + (i + 1) + " latency");
            within(ref[1], l.energy().totalPj(), 0.02, "layer " + (i + 1) + " dynamic energy");
            within(ref[2], l.bufferLatencyNs(), 0.005, "layer " + (i + 1) + " buffer latency");
            within(ref[3], l.icLatencyNs(), 0.005, "layer " + (i + 1) + " IC latency");
            within(ref[4], l.adcLatencyNs(), 0.005, "layer " + (i + 1) + " ADC latency");
        }
    }

    @Test
    void subArrayBlocksMatchNeurosimDebugPrint() {
        SubArrayModel m = new SubArrayModel(NeurosimConfig.rramBaseline());
        var a = m.blockAreasM2();
        within(380.6, a.get("array") * 1e12, 0.001, "array");
        within(612, a.get("senseAmp") * 1e12, 0.002, "MLSA");
        within(227, a.get("encoder") * 1e12, 0.003, "encoder");
        within(747, a.get("shiftAddInput") * 1e12, 0.002, "input shift-add");
        within(403, a.get("shiftAddWeight") * 1e12, 0.002, "weight shift-add");
        within(301, a.get("wlSwitchMatrix") * 1e12, 0.003, "WL switch matrix");
        within(167, a.get("mux") * 1e12, 0.005, "mux");
        within(48, a.get("muxDecoder") * 1e12, 0.01, "mux decoder");
        within(179, a.get("slSwitchMatrix") * 1e12, 0.003, "SL switch matrix");
        within(1281, a.get("wlLevelShifter") * 1e12, 0.001, "WL level shifter");
        within(118.3, m.heightM() * 1e6, 0.001, "box height");
        within(288.1, m.widthM() * 1e6, 0.001, "box width");
        SubArrayModel noShifters = new SubArrayModel(NeurosimConfig.builder().writeVoltage(1.4).build());
        within(80.3, noShifters.heightM() * 1e6, 0.002, "box height without level shifters");
        within(60.5, noShifters.widthM() * 1e6, 0.002, "box width without level shifters");
    }

    @Test
    void syntheticTraceDensitiesMatchTheRecipe() {
        ActivityStats s = Vgg8.stats();
        assertEquals(0.5, s.layer(0).meanDensity(), 1e-12);
        // The reference quotes "about 0.154" for layers 2-8.
        assertEquals(0.154, s.layer(1).meanDensity(), 0.01);
        assertEquals(0.0, s.layer(1).bitPlaneDensity()[7], 1e-12, "sign bit of a non-negative input");
    }

    @Test
    void denserInputsRaiseDynamicEnergyAsInTheReference() {
        // The reference reports +23 % dynamic energy for an input set with bit density 0.437.
        NeurosimStyleEstimator est = new NeurosimStyleEstimator(NeurosimConfig.rramBaseline());
        double base = est.estimate(Vgg8.NET, Vgg8.stats()).dynamicEnergy().totalPj();
        ActivityStats dense = ActivityStats.uniform(8, 8, 0.437, WeightStats.uniformDigits());
        double denser = est.estimate(Vgg8.NET, dense).dynamicEnergy().totalPj();
        double rise = denser / base - 1;
        assertTrue(rise > 0.05 && rise < 0.40, "dynamic energy rise " + rise);
    }
}
