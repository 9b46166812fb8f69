package org.imcsim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.imcsim.config.Config;
import org.imcsim.config.ConfigDocument;
import org.imcsim.device.api.DeviceModel;
import org.imcsim.device.api.DeviceModels;
import org.imcsim.hardware.Category;
import org.imcsim.hardware.HardwareResult;
import org.imcsim.workload.Network;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 4 §6: the {@code neurosim} preset, run through the same path as {@code imcsim run --preset neurosim
 * --set periphery.adc.bits=B} (config preset → {@link HardwareStudy} → the event-level hardware run, NeuroSim's
 * synthetic weights and input trace), lands on NeuroSim V1.4's VGG8 calibration rows
 * (shared/reference/neurosim-vgg8.md): chip area ±10 %, dynamic energy, pipelined latency and TOPS/W ±15 %, and
 * the breakdowns follow NeuroSim's split (array, interconnect, ADC, accumulation, other for area; ADC with the
 * array read, accumulation, other for energy). docs/validation.md shows the table and explains what remains.
 */
class NeurosimPresetValidationTest {

    /**
     * A calibration row as NeuroSim printed it: area mm² (total, array, IC, ADC, accum, other), clock ns,
     * latency µs, dynamic energy µJ (total, ADC, accum, other, buffer, IC), leakage µJ, TOPS/W, TOPS.
     */
    record Row(String name, int adcBits, double areaMm2, double arrayMm2, double icMm2, double adcMm2,
               double accumMm2, double otherMm2, double clockNs, double latencyUs, double dynamicUj, double adcUj,
               double accumUj, double otherUj, double bufferUj, double icUj, double leakageUj, double topsPerW,
               double tops) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Row> rows() {
        return List.of(
                new Row("RRAM baseline", 5, 357.96, 3.61, 26.81, 7.95, 15.45, 46.89, 1.663, 130.3, 32.32, 17.05, 3.82,
                        11.45, 0.187, 6.699, 0.283, 30.97, 9.45),
                new Row("ADC 3-bit", 3, 301.26, 3.61, 24.53, 3.27, 13.42, 46.65, 1.422, 112.5, 18.82, 5.13, 3.00, 10.68,
                        0.180, 5.937, 0.205, 53.08, 10.95),
                new Row("ADC 7-bit", 7, 554.26, 3.61, 33.57, 28.53, 17.49, 46.67, 2.891, 226.8, 104.62, 86.41, 4.63,
                        13.58, 0.195, 8.814, 0.719, 9.59, 5.43));
    }

    private static final Map<Integer, HardwareResult> RUNS = new java.util.concurrent.ConcurrentHashMap<>();

    /** One run per ADC resolution (deterministic, so the tests share it). */
    static HardwareResult run(int adcBits) {
        return RUNS.computeIfAbsent(adcBits, NeurosimPresetValidationTest::runPreset);
    }

    /** The CLI's path: the preset, the override, binding, the workload, the device, the hardware study. */
    static HardwareResult runPreset(int adcBits) {
        Config c = ConfigDocument.preset("neurosim").with("periphery.adc.bits=" + adcBits, "--set").bind();
        DeviceModel device = c.deviceModel(DeviceModels.discover());
        Network net = RunInputs.network(c, Path.of("").toAbsolutePath());
        return HardwareStudy.run(c, net, RunInputs.dataset(c, Path.of("").toAbsolutePath(), 0), device, 0);
    }

    private static void within(double reference, double actual, double tol, String what) {
        double err = (actual - reference) / reference;
        assertTrue(Math.abs(err) <= tol, String.format("%s: NeuroSim %.4g, imcsim %.4g (%+.2f %%, allowed ±%.1f %%)",
                what, reference, actual, 100 * err, 100 * tol));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void theIssuesToleranceWithNeuroSimsSplit(Row row) {
        HardwareResult r = run(row.adcBits());
        within(row.areaMm2(), r.areaMm2(), 0.10, "chip area");
        within(row.dynamicUj(), r.dynamicEnergyPj() * 1e-6, 0.15, "dynamic energy");
        within(row.latencyUs(), r.pipelineIntervalNs() * 1e-3, 0.15, "pipelined latency");
        within(row.topsPerW(), r.topsPerWatt(), 0.15, "TOPS/W");

        // area, NeuroSim's categories: its "other" holds drivers, level shifters, muxes, decoders, buffers,
        // ReLU and max-pool but not the sub-array layout whitespace (which its total does include)
        Map<Category, Double> a = r.areaBreakdownMm2();
        within(row.arrayMm2(), a.get(Category.ARRAYS), 0.10, "array area");
        within(row.icMm2(), a.get(Category.INTERCONNECT), 0.10, "interconnect area");
        within(row.adcMm2(), a.get(Category.ADC), 0.10, "ADC area");
        within(row.accumMm2(), a.get(Category.ACCUMULATION), 0.10, "accumulation area");
        double other = a.get(Category.DAC_AND_DRIVERS) + a.get(Category.BUFFERS) + a.get(Category.OTHER)
                - r.whitespaceMm2();
        within(row.otherMm2(), other, 0.10, "other area (without whitespace)");
        double whitespace = row.areaMm2() - row.arrayMm2() - row.icMm2() - row.adcMm2() - row.accumMm2()
                - row.otherMm2();
        within(whitespace, r.whitespaceMm2(), 0.10, "layout whitespace");

        // energy, NeuroSim's categories: the array read is inside its ADC bucket; buffers and interconnect are
        // parts of "other" (also checked on their own)
        Map<Category, Double> e = r.energyBreakdownPj();
        within(row.adcUj(), (e.get(Category.ADC) + e.get(Category.ARRAYS)) * 1e-6, 0.15, "ADC energy (with the array)");
        within(row.accumUj(), e.get(Category.ACCUMULATION) * 1e-6, 0.15, "accumulation energy");
        double eOther = e.get(Category.DAC_AND_DRIVERS) + e.get(Category.BUFFERS) + e.get(Category.INTERCONNECT)
                + e.get(Category.OTHER);
        within(row.otherUj(), eOther * 1e-6, 0.15, "other energy");
        within(row.icUj(), e.get(Category.INTERCONNECT) * 1e-6, 0.15, "interconnect energy");
        within(row.bufferUj(), e.get(Category.BUFFERS) * 1e-6, 0.15, "buffer energy");
        within(row.clockNs(), r.clockPeriodNs(), 0.01, "clock period");
        within(row.tops(), r.tops(), 0.15, "TOPS");
    }

    /**
     * A tighter guard than the issue's, so a regression in a shared model shows up before it eats the margin:
     * today every figure above is within 1 % (leakage aside: see docs/validation.md).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void regressionGuard(Row row) {
        HardwareResult r = run(row.adcBits());
        within(row.areaMm2(), r.areaMm2(), 0.01, "chip area");
        within(row.dynamicUj(), r.dynamicEnergyPj() * 1e-6, 0.02, "dynamic energy");
        within(row.latencyUs(), r.pipelineIntervalNs() * 1e-3, 0.02, "pipelined latency");
        within(row.topsPerW(), r.topsPerWatt(), 0.02, "TOPS/W");
        // NeuroSim's floorplan: tiles per layer 2/8/4/8/8/8/64/1, speed-up 16/16/4/4/2/1/1/8
        assertEquals(List.of(2, 8, 4, 8, 8, 8, 64, 1), r.layers().stream().map(HardwareResult.LayerRow::tiles).toList());
        assertEquals(List.of(16, 16, 4, 4, 2, 1, 1, 8),
                r.layers().stream().map(HardwareResult.LayerRow::duplication).toList());
    }

    /** Per-layer latency of the baseline (ns), NeuroSim's per-layer table: the conv layers set the pipeline. */
    @org.junit.jupiter.api.Test
    void baselineLayerLatencies() {
        double[] ns = {130307, 77139.2, 38759.3, 41307, 12870.5, 23811.2, 725.643, 404.297};
        HardwareResult r = run(5);
        for (int i = 0; i < 6; i++) {
            within(ns[i], r.layers().get(i).latencyNs(), 0.10, r.layers().get(i).name() + " latency");
        }
    }
}
