package org.imcsim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.List;
import org.imcsim.config.Config;
import org.imcsim.config.ConfigDocument;
import org.imcsim.report.Report;
import org.imcsim.run.RunContext;
import org.imcsim.run.SimulationJob;
import org.junit.jupiter.api.Test;

/**
 * Holds {@link HardwareReuse#costOnlyPaths} to its contract on the real {@link SimulationJob}: for
 * configs that differ only in the declared cost-only paths, the reused report equals the job's own
 * report. When the job starts reporting figures that read one of those paths (energy with the hardware
 * model), this test fails until the list follows (or a re-costing evaluator replaces it).
 */
class ReportReuseTest {
    static final String BASE = String.join("\n",
            "technology:", "  node: 22nm", "  costProfile: neurosim",
            "device:", "  model: rram", "  cellBits: 2", "  programmingSigma: 0.05",
            "crossbar:", "  rows: 64", "  cols: 64",
            "periphery:", "  adc:", "    model: mlsa", "    bits: 5", "    colsPerAdc: 8", "    range: calibrated",
            "chip:", "  clock: 1GHz",
            "workload:", "  network: traces/models/digits_mlp.onnx", "  dataset: digits",
            "simulation:", "  seed: 5", "  images: 64", "  chips: 2", "  threads: 1", "");

    static RunContext context(ConfigDocument d) {
        return new RunContext(d.sourceName(), d.overrides(), d.baseDirectory(), "test", SweepTestSupport.MODELS);
    }

    @Test
    void simulationJobReportsAreReusedExactlyAcrossCostOnlyChanges() {
        SimulationJob job = new SimulationJob();
        @SuppressWarnings("unchecked")
        PointEvaluator<SimulationJob.Stage> ev = (PointEvaluator<SimulationJob.Stage>) ReportReuse.forJob(job);
        ConfigDocument a = ConfigDocument.parse(BASE, "base.yaml", false, Path.of("").toAbsolutePath());
        Config ca = a.bind(SweepTestSupport.MODELS);
        SimulationJob.Stage sim = ev.simulate(ca, context(a));
        for (List<String> change : List.of(
                List.of("periphery.adc.model=sar"),
                List.of("technology.node=45nm", "description=other"))) {
            ConfigDocument b = a.withAll(change, "--set");
            Config cb = b.bind(SweepTestSupport.MODELS);
            assertEquals(ev.simulationKey(ca, context(a)), ev.simulationKey(cb, context(b)), change.toString());
            Report direct = job.execute(cb, context(b));
            assertEquals(direct.toJson(), ev.cost(sim, cb, context(b)).toJson(), change.toString());
        }
        // the chip organisation, clock and dataflow are simulated, and ADC bits change accuracy: other keys
        for (String change : List.of("chip.clock=500MHz", "chip.interconnect=mesh", "chip.pipeline=false", "periphery.adc.bits=6")) {
            ConfigDocument c = a.with(change, "--set");
            assertNotEquals(ev.simulationKey(ca, context(a)), ev.simulationKey(c.bind(SweepTestSupport.MODELS), context(c)), change);
        }
        // with IR drop on and no wire resistance given, the node sets the wire resistance: not cost-only
        ConfigDocument ir = a.with("crossbar.irDrop=fast", "--set");
        ConfigDocument ir45 = ir.with("technology.node=45nm", "--set");
        assertNotEquals(ev.simulationKey(ir.bind(SweepTestSupport.MODELS), context(ir)),
                ev.simulationKey(ir45.bind(SweepTestSupport.MODELS), context(ir45)));
    }

    @Test
    void hardwareOnlyPointsShareASimulationAcrossAdcResolution() {
        SimulationJob job = new SimulationJob();
        @SuppressWarnings("unchecked")
        PointEvaluator<SimulationJob.Stage> ev = (PointEvaluator<SimulationJob.Stage>) ReportReuse.forJob(job);
        String hwOnly = BASE.replace("  dataset: digits\n", "");
        ConfigDocument a = ConfigDocument.parse(hwOnly, "hw.yaml", false, Path.of("").toAbsolutePath());
        Config ca = a.bind(SweepTestSupport.MODELS);
        SimulationJob.Stage sim = ev.simulate(ca, context(a));
        for (String change : List.of("periphery.adc.bits=3", "periphery.adc.bits=7")) {
            ConfigDocument b = a.with(change, "--set");
            Config cb = b.bind(SweepTestSupport.MODELS);
            assertEquals(ev.simulationKey(ca, context(a)), ev.simulationKey(cb, context(b)), change);
            assertEquals(job.execute(cb, context(b)).toJson(), ev.cost(sim, cb, context(b)).toJson(), change);
        }
    }
}
