package org.imcsim.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.imcsim.cost.circuit.AdcType;
import org.imcsim.cost.neurosim.ActivityStats;
import org.imcsim.cost.neurosim.Estimate;
import org.imcsim.cost.neurosim.LayerShape;
import org.imcsim.cost.neurosim.NeurosimConfig;
import org.imcsim.cost.neurosim.NeurosimStyleEstimator;
import org.imcsim.workload.Network;
import org.imcsim.workload.zoo.SyntheticTrace;
import org.imcsim.workload.zoo.Zoo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The event simulation against the NeuroSim-style analytic estimator (which matches NeuroSim V1.4's
 * printed VGG8 figures to ≤ 1 %, see cost's NeurosimValidationTest): same configuration (kernel-position
 * mapping, NeuroSim's serial per-layer dataflow), same synthetic trace recipe, NeuroSim's no-padding
 * convention. Two independent implementations of the same accounting — one analytic over expected
 * activity, one simulated over one image's actual bits — must agree closely; the overlapped dataflow on
 * the same chip shows what the serial accounting leaves on the table. docs/hardware.md §"Against NeuroSim".
 */
class NeurosimAgreementTest {
    private static final List<LayerShape> VGG8 = List.of(
            LayerShape.conv("conv1", 32, 3, 3, 128, false), LayerShape.conv("conv2", 32, 128, 3, 128, true),
            LayerShape.conv("conv3", 16, 128, 3, 256, false), LayerShape.conv("conv4", 16, 256, 3, 256, true),
            LayerShape.conv("conv5", 8, 256, 3, 512, false), LayerShape.conv("conv6", 8, 512, 3, 512, true),
            LayerShape.fc("fc7", 8192, 1024), LayerShape.fc("fc8", 1024, 10));

    private static void within(double expected, double actual, double tol, String what) {
        double err = (actual - expected) / expected;
        assertTrue(Math.abs(err) <= tol, String.format("%s: estimator %.4g, event simulation %.4g (%+.2f %%, allowed ±%.1f %%)",
                what, expected, actual, 100 * err, 100 * tol));
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 5, 7})
    void theEventSimulationReproducesTheEstimatorsAccounting(int adcBits) {
        Estimate e = new NeurosimStyleEstimator(NeurosimConfig.builder().adc(AdcType.MLSA, adcBits).build())
                .estimate(VGG8, ActivityStats.neurosimSyntheticTrace(8, 8, 0.2));
        Network net = SyntheticTrace.withNeurosimWeights(Zoo.build("vgg8", 1), 1);
        HardwareSpec spec = HardwareSpec.builder().adc(AdcType.MLSA, adcBits, 8).noPadding(true).novelMapping(true)
                .dataflow(HardwareSpec.Dataflow.NEUROSIM_SERIAL).build();
        HardwareResult r = HardwareRun.execute(net, spec, new ActivitySource.Synthetic(1), HardwareRun.Options.defaults());
        within(e.clockPeriodNs(), r.clockPeriodNs(), 0.002, "clock period");
        assertEquals(e.ops(), r.opsPerInference(), 1e-6 * e.ops());
        // the same floorplan and the same PE/tile/chip composition
        within(e.area().totalMm2(), r.areaMm2(), 0.005, "chip area");
        within(e.area().whitespaceUm2() * 1e-6, r.whitespaceMm2(), 0.005, "whitespace");
        for (int i = 0; i < VGG8.size(); i++) {
            assertEquals(e.layers().get(i).tiles(), r.layers().get(i).tiles(), 1e-9, VGG8.get(i).name() + " tiles");
        }
        // the serial dataflow's stages add up to the estimator's per-layer sums
        within(e.intervalNs(), r.pipelineIntervalNs(), 0.01, "pipelined interval");
        for (int i = 0; i < 6; i++) {
            within(e.layers().get(i).latencyNs(), r.layers().get(i).latencyNs(), 0.06, VGG8.get(i).name() + " latency");
        }
        // data-dependent energy: exact per-conversion histograms here, Binomial expectations there
        Estimate.Energy en = e.dynamicEnergy();
        double adcAndArray = r.energyBreakdownPj().get(Category.ADC) + r.energyBreakdownPj().get(Category.ARRAYS);
        within(en.adcPj(), adcAndArray, 0.03, "ADC + array energy");
        within(en.accumPj(), r.energyBreakdownPj().get(Category.ACCUMULATION), 0.01, "accumulation energy");
        within(en.interconnectPj(), r.energyBreakdownPj().get(Category.INTERCONNECT), 0.01, "interconnect energy");
        within(en.buffersPj(), r.energyBreakdownPj().get(Category.BUFFERS), 0.05, "buffer energy");
        within(en.totalPj(), r.dynamicEnergyPj(), 0.02, "dynamic energy");
        within(e.topsPerWatt(), r.topsPerWatt(), 0.02, "TOPS/W");

        // the same chip with the overlapped dataflow: transfers hide behind computation, so the interval drops
        // well below the serial sum, yet never below the slowest layer's pure conversion time
        HardwareResult o = HardwareRun.execute(net, spec.toBuilder().dataflow(HardwareSpec.Dataflow.OVERLAPPED).build(),
                new ActivitySource.Synthetic(1), HardwareRun.Options.defaults());
        assertEquals(r.areaMm2(), o.areaMm2(), 1e-9 * r.areaMm2());
        assertTrue(o.pipelineIntervalNs() < 0.5 * r.pipelineIntervalNs(), "overlapped " + o.pipelineIntervalNs()
                + " ns vs serial " + r.pipelineIntervalNs() + " ns");
        double slowestConversions = 0;
        for (Estimate.LayerResult l : e.layers()) {
            slowestConversions = Math.max(slowestConversions, l.adcLatencyNs());
        }
        assertTrue(o.pipelineIntervalNs() >= slowestConversions * 0.98);
    }
}
