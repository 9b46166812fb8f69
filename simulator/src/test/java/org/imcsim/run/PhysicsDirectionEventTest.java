package org.imcsim.run;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.imcsim.config.Config;
import org.imcsim.config.ConfigDocument;
import org.imcsim.cost.circuit.AdcType;
import org.imcsim.cost.neurosim.ActivityStats;
import org.imcsim.cost.neurosim.Estimate;
import org.imcsim.cost.neurosim.LayerShape;
import org.imcsim.cost.neurosim.NeurosimConfig;
import org.imcsim.cost.neurosim.NeurosimStyleEstimator;
import org.imcsim.device.api.DeviceModels;
import org.imcsim.hardware.HardwareResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 4 §6, "by physics, not per-row constants": turning one knob of the {@code neurosim} preset (cell bits,
 * sub-array size, technology node, ADC type, device resistance) moves the event-level run's area, dynamic
 * energy and pipelined latency the same way it moves the NeuroSim-style estimator (itself within 1 % of
 * NeuroSim V1.4 on the calibration rows). Nothing in either is fitted per configuration. The printed table is
 * the one in docs/validation.md.
 */
class PhysicsDirectionEventTest {

    /** One knob: the preset override(s) and the same change for the estimator. */
    record Knob(String name, List<String> sets, UnaryOperator<NeurosimConfig.Builder> estimator) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Knob> knobs() {
        return List.of(
                new Knob("2-bit cells", List.of("device.cellBits=2"), b -> b.cellBits(2)),
                new Knob("256x256 sub-arrays", List.of("crossbar.rows=256", "crossbar.cols=256"), b -> b.subArray(256, 256)),
                new Knob("45 nm node", List.of("technology.node=45nm"), b -> b.node(45)),
                new Knob("SAR ADC", List.of("periphery.adc.model=sar"), b -> b.adc(AdcType.SAR, 5)),
                new Knob("Ron 200 kOhm", List.of("device.ron=200kOhm"), b -> b.device(200e3, 17)));
    }

    private static final List<LayerShape> VGG8 = List.of(
            LayerShape.conv("conv1", 32, 3, 3, 128, false), LayerShape.conv("conv2", 32, 128, 3, 128, true),
            LayerShape.conv("conv3", 16, 128, 3, 256, false), LayerShape.conv("conv4", 16, 256, 3, 256, true),
            LayerShape.conv("conv5", 8, 256, 3, 512, false), LayerShape.conv("conv6", 8, 512, 3, 512, true),
            LayerShape.fc("fc7", 8192, 1024), LayerShape.fc("fc8", 1024, 10));

    private static HardwareResult preset(List<String> sets) {
        ConfigDocument d = ConfigDocument.preset("neurosim").withAll(sets, "--set");
        Config c = d.bind();
        return HardwareStudy.run(c, RunInputs.network(c, Path.of("").toAbsolutePath()), null,
                c.deviceModel(DeviceModels.discover()), 0);
    }

    private static Estimate estimate(UnaryOperator<NeurosimConfig.Builder> change) {
        return new NeurosimStyleEstimator(change.apply(NeurosimConfig.builder()).build())
                .estimate(VGG8, ActivityStats.neurosimSyntheticTrace(8, 8, 0.2));
    }

    private static HardwareResult base;
    private static Estimate baseEstimate;

    private static synchronized void baseline() {
        if (base == null) {
            base = preset(List.of());
            baseEstimate = estimate(b -> b);
        }
    }

    /** Both change the same way: same sign, or both within ±2 % (no real change). */
    private static void sameDirection(String what, double estimator, double event) {
        boolean flat = Math.abs(estimator) < 0.02 && Math.abs(event) < 0.02;
        assertTrue(flat || Math.signum(estimator) == Math.signum(event), String.format(
                "%s: estimator %+.1f %%, event-level %+.1f %%", what, 100 * estimator, 100 * event));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("knobs")
    void aKnobMovesBothModelsTheSameWay(Knob k) {
        baseline();
        HardwareResult r = preset(k.sets());
        Estimate e = estimate(k.estimator());
        double ea = e.area().totalMm2() / baseEstimate.area().totalMm2() - 1;
        double ee = e.dynamicEnergy().totalPj() / baseEstimate.dynamicEnergy().totalPj() - 1;
        double el = e.intervalNs() / baseEstimate.intervalNs() - 1;
        double ra = r.areaMm2() / base.areaMm2() - 1;
        double re = r.dynamicEnergyPj() / base.dynamicEnergyPj() - 1;
        double rl = r.pipelineIntervalNs() / base.pipelineIntervalNs() - 1;
        System.out.printf("| %s | %+.1f %% / %+.1f %% | %+.1f %% / %+.1f %% | %+.1f %% / %+.1f %% |%n", k.name(),
                100 * ea, 100 * ra, 100 * ee, 100 * re, 100 * el, 100 * rl);
        sameDirection(k + " area", ea, ra);
        sameDirection(k + " dynamic energy", ee, re);
        sameDirection(k + " pipelined latency", el, rl);
    }
}
