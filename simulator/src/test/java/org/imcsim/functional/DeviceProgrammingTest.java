package org.imcsim.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.imcsim.device.api.DeviceModel;
import org.imcsim.device.api.DeviceModels;
import org.imcsim.mapping.MappingSpec;
import org.imcsim.mapping.ScaleMode;
import org.imcsim.mapping.SignedScheme;
import org.imcsim.mapping.Subtraction;
import org.imcsim.workload.Network;
import org.junit.jupiter.api.Test;

/** Device models drive the functional simulation the way the physics says they should. */
class DeviceProgrammingTest {
    static final DeviceModels MODELS = DeviceModels.discover();

    static FunctionalSpec spec(int cellBits) {
        MappingSpec ms = new MappingSpec(8, 8, cellBits, 1, 32, 32, SignedScheme.DIFFERENTIAL, Subtraction.DIGITAL, ScaleMode.LAYER);
        return new FunctionalSpec(ms, 7, AdcRange.CALIBRATED, 99.99, 100, 16);
    }

    static double meanTop1(MappedNetwork mapped, TileProgrammer p, LabeledSamples data, int chips) {
        return new AccuracyEvaluator(2, 16, null).evaluate(mapped, p, data, data.size(), chips, 11).top1Mean();
    }

    @Test
    void idealDeviceModelMatchesTheIdealChip() {
        Network net = FunctionalNetworkTest.smallCnn(21);
        LabeledSamples data = FunctionalNetworkTest.selfLabelled(net, 64, 22);
        MappedNetwork mapped = MappedNetwork.build(net, spec(2), FunctionalNetworkTest.all(data), 16);
        DeviceModel ideal = MODELS.create("ideal", null, Map.of("cellBits", "2"));
        AccuracyEvaluator.Result r = new AccuracyEvaluator(1, 16, null)
                .evaluate(mapped, new DeviceTileProgrammer(ideal, 2, 0, null), data, 64, 2, 3);
        assertEquals(r.idealChipTop1(), r.top1Mean(), 1e-12);
        assertEquals(0, r.top1Std(), 0);
    }

    @Test
    void accuracyFallsAsProgrammingNoiseGrows() {
        Network net = FunctionalNetworkTest.smallCnn(23);
        LabeledSamples data = FunctionalNetworkTest.selfLabelled(net, 128, 24);
        MappedNetwork mapped = MappedNetwork.build(net, spec(2), FunctionalNetworkTest.all(data), 32);
        double prev = 1.01;
        for (String sigma : new String[] {"0", "0.05", "0.2", "0.5"}) {
            DeviceModel d = MODELS.create("rram", null, Map.of("cellBits", "2", "programmingSigma", sigma));
            double acc = meanTop1(mapped, new DeviceTileProgrammer(d, 2, 0, null), data, 3);
            assertTrue(acc <= prev + 0.02, "sigma " + sigma + ": " + acc + " after " + prev);
            prev = acc;
        }
        assertTrue(prev < 0.8, "sigma 0.5 must hurt: " + prev);
    }

    @Test
    void irDropCostsAccuracyAndGrowsWithWireResistance() {
        Network net = FunctionalNetworkTest.smallCnn(25);
        LabeledSamples data = FunctionalNetworkTest.selfLabelled(net, 128, 26);
        MappedNetwork mapped = MappedNetwork.build(net, spec(2), FunctionalNetworkTest.all(data), 32);
        // low-resistance cells (10 kOhm) make parasitic drops matter on a 32-row array
        DeviceModel d = MODELS.create("rram", null, Map.of("cellBits", "2", "ron", "10kOhm"));
        double clean = meanTop1(mapped, new DeviceTileProgrammer(d, 2, 0, null), data, 1);
        double some = meanTop1(mapped, new DeviceTileProgrammer(d, 2, 0, new DeviceTileProgrammer.Parasitics(2, 50, 50)), data, 1);
        double lots = meanTop1(mapped, new DeviceTileProgrammer(d, 2, 0, new DeviceTileProgrammer.Parasitics(40, 500, 500)), data, 1);
        assertTrue(clean >= some && some > lots, clean + " ≥ " + some + " > " + lots);
    }

    @Test
    void pcmDriftHurtsAndCompensationRecovers() {
        Network net = FunctionalNetworkTest.smallCnn(27);
        LabeledSamples data = FunctionalNetworkTest.selfLabelled(net, 128, 28);
        MappedNetwork mapped = MappedNetwork.build(net, spec(2), FunctionalNetworkTest.all(data), 32);
        DeviceModel noComp = MODELS.create("pcm", null, Map.of("cellBits", "2", "driftCompensation", "false"));
        DeviceModel comp = MODELS.create("pcm", null, Map.of("cellBits", "2", "driftCompensation", "true"));
        double year = 365.25 * 86400;
        double early = meanTop1(mapped, new DeviceTileProgrammer(noComp, 2, 1, null), data, 2);
        double lateRaw = meanTop1(mapped, new DeviceTileProgrammer(noComp, 2, year, null), data, 2);
        double lateComp = meanTop1(mapped, new DeviceTileProgrammer(comp, 2, year, null), data, 2);
        assertTrue(lateRaw < early, "drift over a year must cost accuracy: " + lateRaw + " vs " + early);
        assertTrue(lateComp > lateRaw, "compensation must recover some: " + lateComp + " vs " + lateRaw);
    }
}
