package org.imcsim.cost.neurosim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.imcsim.config.BadInputException;
import org.imcsim.cost.Roadmap;
import org.imcsim.cost.circuit.AdcType;
import org.imcsim.cost.circuit.CellType;
import org.junit.jupiter.api.Test;

/**
 * The estimator must move the way the physics (and NeuroSim) does when one knob turns, with nothing
 * tuned per configuration.
 */
class PhysicsDirectionTest {

    private static Estimate run(NeurosimConfig cfg) {
        return new NeurosimStyleEstimator(cfg).estimate(Vgg8.NET, Vgg8.stats());
    }

    @Test
    void smallerNodeMeansLessAreaAndEnergy() {
        int[] nodes = {130, 90, 65, 45, 32, 22};
        Estimate prev = null;
        for (int n : nodes) {
            Estimate e = run(NeurosimConfig.builder().node(n).build());
            if (prev != null) {
                assertTrue(e.area().totalUm2() < prev.area().totalUm2(), "area shrinks at " + n + " nm");
                assertTrue(e.dynamicEnergy().totalPj() < prev.dynamicEnergy().totalPj(), "energy drops at " + n + " nm");
                assertTrue(e.clockPeriodNs() < prev.clockPeriodNs(), "clock speeds up at " + n + " nm");
            }
            prev = e;
        }
    }

    @Test
    void moreAdcBitsCostMoreAreaEnergyAndTime() {
        for (AdcType type : AdcType.values()) {
            Estimate prev = null;
            for (int bits = 3; bits <= 7; bits++) {
                Estimate e = run(NeurosimConfig.builder().adc(type, bits).build());
                if (prev != null) {
                    assertTrue(e.area().adcUm2() > prev.area().adcUm2(), type + " ADC area grows at " + bits);
                    assertTrue(e.dynamicEnergy().adcPj() > prev.dynamicEnergy().adcPj(), type + " ADC energy grows at " + bits);
                    assertTrue(e.clockPeriodNs() >= prev.clockPeriodNs(), type + " clock not faster at " + bits);
                    assertTrue(e.intervalNs() >= prev.intervalNs(), type + " latency not shorter at " + bits);
                }
                prev = e;
            }
        }
    }

    @Test
    void sarGrowsLinearlyAndMlsaExponentiallyInBits() {
        double[] sar = new double[9];
        double[] mlsa = new double[9];
        for (int b = 3; b <= 8; b++) {
            sar[b] = new SubArrayModel(NeurosimConfig.builder().adc(AdcType.SAR, b).build()).areaAdcM2();
            mlsa[b] = new SubArrayModel(NeurosimConfig.builder().adc(AdcType.MLSA, b).build()).areaAdcM2();
        }
        double prevRatio = 0;
        for (int b = 4; b <= 7; b++) {
            // SAR: equal increments per bit.
            assertEquals(sar[b] - sar[b - 1], sar[b + 1] - sar[b], 1e-9 * sar[b], "SAR increment at " + b);
            // MLSA (+ encoder): 2^b − 1 sense amps plus dummy references shared by 2^b of them
            // (≈ constant), so the ratio per extra bit approaches 2.
            double ratio = mlsa[b + 1] / mlsa[b];
            assertTrue(ratio > 1.4 && ratio < 2.05, "MLSA ratio at " + b + ": " + ratio);
            prevRatio = ratio;
        }
        assertTrue(prevRatio > 1.7, "MLSA area doubles per bit at high resolution: " + prevRatio);
        assertTrue(mlsa[8] / mlsa[4] > 8, "MLSA exponential: " + mlsa[8] / mlsa[4]);
        assertTrue(sar[8] / sar[4] < 2.5, "SAR linear: " + sar[8] / sar[4]);
        NeurosimConfig sar5 = NeurosimConfig.builder().adc(AdcType.SAR, 5).build();
        assertEquals(6e-9 * 1.4, new SubArrayModel(sar5).sensingLatencyS(), 1.5e-9,
                "SAR conversion (bits + 1) ns dominates the sensing cycle");
    }

    @Test
    void twoBitCellsNeedHalfTheColumns() {
        NeurosimStyleEstimator one = new NeurosimStyleEstimator(NeurosimConfig.rramBaseline());
        NeurosimStyleEstimator two = new NeurosimStyleEstimator(NeurosimConfig.builder().cellBits(2).build());
        Estimate e1 = one.estimate(Vgg8.NET, Vgg8.stats());
        Estimate e2 = two.estimate(Vgg8.NET, Vgg8.stats());
        assertEquals(8, NeurosimConfig.rramBaseline().cellsPerWeight());
        assertEquals(4, NeurosimConfig.builder().cellBits(2).build().cellsPerWeight());
        double tiles1 = 0;
        double tiles2 = 0;
        for (int i = 0; i < 8; i++) {
            tiles1 += one.floorplan().tiles(i);
            tiles2 += two.floorplan().tiles(i);
        }
        assertTrue(tiles2 < tiles1, "fewer tiles with 2-bit cells: " + tiles2 + " vs " + tiles1);
        assertTrue(e2.area().arrayUm2() < 0.6 * e1.area().arrayUm2(), "array area roughly halves");
        assertTrue(e2.area().totalUm2() < e1.area().totalUm2());
        assertTrue(e2.dynamicEnergy().totalPj() < e1.dynamicEnergy().totalPj());
    }

    @Test
    void deviceResistanceMovesColumnCurrentAndSensingTime() {
        Estimate r50 = run(NeurosimConfig.builder().device(50e3, 17).build());
        Estimate r100 = run(NeurosimConfig.rramBaseline());
        Estimate r400 = run(NeurosimConfig.builder().device(400e3, 17).build());
        // A more conductive device draws more mirror current per conversion.
        assertTrue(r50.dynamicEnergy().adcPj() > r100.dynamicEnergy().adcPj());
        // A resistive device gives small currents against a large column capacitance: slower sensing,
        // a longer clock, and (static power × longer time) no saving in ADC energy.
        assertTrue(r400.clockPeriodNs() > r100.clockPeriodNs());
        assertTrue(r400.intervalNs() > r100.intervalNs());
        assertTrue(r400.dynamicEnergy().adcPj() > 0.9 * r100.dynamicEnergy().adcPj());
        // Chip area does not depend on the resistance while the access transistor fits the cell.
        assertEquals(r100.area().totalUm2(), r400.area().totalUm2(), 1e-6 * r100.area().totalUm2());
    }

    @Test
    void largerSubArraysAmortisePeriphery() {
        double area64 = run(NeurosimConfig.builder().subArray(64, 64).build()).area().totalUm2();
        double area128 = run(NeurosimConfig.rramBaseline()).area().totalUm2();
        double area256 = run(NeurosimConfig.builder().subArray(256, 256).build()).area().totalUm2();
        assertTrue(area64 > area128 && area128 > area256, area64 + " > " + area128 + " > " + area256);
    }

    @Test
    void levelShiftersOnlyWhenTheWriteVoltageNeedsThem() {
        double with = new SubArrayModel(NeurosimConfig.builder().writeVoltage(2.0).build()).areaOtherM2();
        double without = new SubArrayModel(NeurosimConfig.builder().writeVoltage(1.4).build()).areaOtherM2();
        assertTrue(with > 5 * without, "level shifters dominate the periphery: " + with + " vs " + without);
    }

    @Test
    void highPerformanceTransistorsLeakMore() {
        double lp = run(NeurosimConfig.rramBaseline()).leakageEnergyPj();
        double hp = run(NeurosimConfig.builder().roadmap(Roadmap.HP).build()).leakageEnergyPj();
        assertTrue(hp > 100 * lp, "HP off-current is ~1000x LP: " + hp + " vs " + lp);
    }

    @Test
    void crossPointCellsAreSmallerPerCellButNeedNoAccessTransistor() {
        SubArrayModel t1r = new SubArrayModel(NeurosimConfig.rramBaseline());
        SubArrayModel xp = new SubArrayModel(NeurosimConfig.builder().cellType(CellType.ZERO_T_ONE_R).build());
        assertTrue(xp.areaArrayM2() < t1r.areaArrayM2(), "4F² in metal F vs 48F² in logic F");
        assertEquals(0, xp.array().resAccessOhm());
    }

    @Test
    void layerByLayerIsSlowerThanThePipeline() {
        Estimate pipe = run(NeurosimConfig.rramBaseline());
        Estimate seq = run(NeurosimConfig.builder().pipeline(false).build());
        assertTrue(seq.intervalNs() > pipe.intervalNs());
        assertEquals(seq.singleImageNs(), seq.intervalNs(), 1e-6);
    }

    @Test
    void badConfigurationsAreRejectedWithTheFieldName() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> NeurosimConfig.builder().subArray(100, 128).build());
        assertTrue(e.getMessage().contains("crossbar.rows"), e.getMessage());
        e = assertThrows(BadInputException.class, () -> NeurosimConfig.builder().node(28).build());
        assertTrue(e.getMessage().contains("technology.node"), e.getMessage());
        e = assertThrows(BadInputException.class, () -> NeurosimConfig.builder().adc(AdcType.MLSA, 0).build());
        assertTrue(e.getMessage().contains("periphery.adc.bits"), e.getMessage());
        e = assertThrows(BadInputException.class, () -> NeurosimConfig.builder().cellBits(4).precision(2, 8).build());
        assertTrue(e.getMessage().contains("device.cellBits"), e.getMessage());
    }
}
