package org.imcsim.cost.circuit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.imcsim.config.BadInputException;
import org.imcsim.cost.Gates;
import org.imcsim.cost.Technology;
import org.junit.jupiter.api.Test;

/** Component-level sanity: values from the tables, and monotone behaviour in size, bits and node. */
class CircuitModelTest {
    private static final Technology T22 = Technology.of(22);

    @Test
    void technologyTableHoldsPtmValues() {
        assertEquals(0.85, T22.vddV());
        assertEquals(791.9, T22.currentOnNmosAPerM());
        assertEquals(1.77, T22.effectiveResistanceMultiplier());
        assertEquals(1.3, Technology.of(130).vddV());
        assertEquals(40, T22.wireWidthNm());
        // ρ = 2.97e-8 Ω·m, w = 40 nm, AR = 1.9: 9.77 Ω/µm.
        assertEquals(9.77, T22.wireResistanceOhmPerM() * 1e-6, 0.01);
        assertThrows(BadInputException.class, () -> Technology.of(28));
        double prevVdd = 0;
        for (int n : new int[] {22, 32, 45, 65, 90, 130}) {
            assertTrue(Technology.of(n).vddV() >= prevVdd, "Vdd does not fall with a larger node");
            prevVdd = Technology.of(n).vddV();
        }
    }

    @Test
    void gateHelpersBehave() {
        double f = T22.featureSizeM();
        Gates.Size small = Gates.gateArea(T22, Gates.Type.INV, 1, 2 * f, 2.6 * f, Gates.cellHeight(T22));
        Gates.Size big = Gates.gateArea(T22, Gates.Type.INV, 1, 40 * f, 52 * f, Gates.cellHeight(T22));
        assertTrue(big.widthM() > small.widthM(), "wide devices fold into a wider cell");
        assertEquals(7.6 * f, small.widthM(), 1e-15, "unfolded inverter is 2 CPP wide");
        assertTrue(Gates.onResistance(T22, 2 * f, false) < Gates.onResistance(T22, f, false));
        double d1 = Gates.horowitz(1e-12, 1e20).delayS();
        double d2 = Gates.horowitz(2e-12, 1e20).delayS();
        assertEquals(2 * d1, d2, 1e-18, "step-input Horowitz delay is linear in RC");
        assertEquals(Math.log(2) * 1e-12, d1, 1e-15, "step-input delay is RC·ln 2");
        Gates.Caps nand3 = Gates.gateCaps(T22, Gates.Type.NAND, 3, 4 * f, 2.6 * f, Gates.cellHeight(T22));
        Gates.Caps nand2 = Gates.gateCaps(T22, Gates.Type.NAND, 2, 4 * f, 2.6 * f, Gates.cellHeight(T22));
        assertTrue(nand3.outputF() > nand2.outputF());
    }

    @Test
    void dffAndAdderScaleWithSize() {
        Dff d1 = new Dff(T22, 100, Fit.FREE);
        Dff d2 = new Dff(T22, 200, Fit.FREE);
        assertEquals(2 * d1.energyJ(1, 100, 1), d2.energyJ(1, 200, 1), 1e-24);
        assertEquals(2 * d1.areaM2(), d2.areaM2(), 1e-20);
        assertEquals(0.5 * d1.energyJ(3, 100, 1), d1.energyJ(3, 100, 0.5), 1e-24, "activity scales linearly");
        Adder a8 = new Adder(T22, 8, 1, Fit.FREE);
        Adder a16 = new Adder(T22, 16, 1, Fit.FREE);
        assertTrue(a16.latencyS(0) > a8.latencyS(0), "ripple carry grows with width");
        assertTrue(a16.energyJ(1, 1, 1) > a8.energyJ(1, 1, 1));
        AdderTree t4 = new AdderTree(T22, 4, 10, 8, Fit.FREE);
        AdderTree t16 = new AdderTree(T22, 16, 10, 8, Fit.FREE);
        assertEquals(2, t4.numStage());
        assertEquals(4, t16.numStage());
        assertTrue(t16.areaM2() > t4.areaM2());
    }

    @Test
    void smallerNodeShrinksCircuits() {
        double prevDff = Double.MAX_VALUE;
        double prevAdderE = Double.MAX_VALUE;
        for (int n : new int[] {130, 90, 65, 45, 32, 22}) {
            Technology t = Technology.of(n);
            Dff d = new Dff(t, 64, Fit.FREE);
            Adder a = new Adder(t, 8, 16, Fit.FREE);
            assertTrue(d.areaM2() < prevDff, "DFF area shrinks at " + n);
            assertTrue(a.energyJ(1, 16, 1) < prevAdderE, "adder energy shrinks at " + n);
            prevDff = d.areaM2();
            prevAdderE = a.energyJ(1, 16, 1);
        }
    }

    @Test
    void mlsaEnergyAndLatencyGrowWithLevels() {
        double prevE = 0;
        double prevLat = 0;
        for (int bits = 2; bits <= 8; bits++) {
            MultilevelSenseAmp m = new MultilevelSenseAmp(T22, 16, 1 << bits, true, 128, 100e3, 0.55, 20e-15,
                    20e-6 * 0.5e-6, 1 << bits, 34e-6);
            double e = m.conversionEnergyJ(5e3);
            assertTrue(e > prevE, "MLSA energy grows at " + bits + " bits");
            assertTrue(m.latencyS() >= prevLat, "MLSA latency does not fall at " + bits + " bits");
            prevE = e;
            prevLat = m.latencyS();
        }
        MultilevelSenseAmp m = new MultilevelSenseAmp(T22, 16, 32, true, 128, 100e3, 0.55, 20e-15, 1e-11, 32, 34e-6);
        assertTrue(m.columnPowerW(2e3) > m.columnPowerW(50e3), "a more conductive column draws more mirror power");
        assertEquals(1e-6, m.columnPowerW(Double.POSITIVE_INFINITY), "idle column: bias only");
    }

    @Test
    void sarAdcIsLinearInBits() {
        double[] e = new double[9];
        for (int b = 3; b <= 8; b++) {
            e[b] = new SarAdc(T22, 16, 1 << b, 0.55, 34e-6).latencyS();
        }
        assertEquals(4e-9, e[3], 1e-15);
        assertEquals(9e-9, e[8], 1e-15);
    }

    @Test
    void crossbarGeometryAndReadEnergy() {
        CrossbarArray a = new CrossbarArray(T22, 128, 128, CellType.ONE_T_ONE_R, 4, 12, 100e3, 1.7e6, 128);
        assertEquals(128 * 12 * 22e-9, a.widthM(), 1e-12);
        assertEquals(128 * 4 * 22e-9, a.heightM(), 1e-12);
        assertEquals(25e3, a.resAccessOhm(), 1e-9, "access transistor at 25 % of Ron");
        // V²·G·t: 0.5 V over 10 µS for 10 ns = 25 fJ.
        assertEquals(25e-15, CrossbarArray.cellReadEnergyJ(10e-6 * 10e-9, 0.5), 1e-21);
        BadInputException e = assertThrows(BadInputException.class,
                () -> new CrossbarArray(T22, 128, 128, CellType.ONE_T_ONE_R, 4, 12, 1e3, 1.7e4, 128),
                "a 1 kΩ device needs an access transistor wider than the cell");
        assertTrue(e.getMessage().contains("device.ron"), e.getMessage());
    }

    @Test
    void repeatedWiresAndBuses() {
        RepeatedWire w = new RepeatedWire(T22, 0.1, true);
        RepeatedWire opt = new RepeatedWire(T22, 0, true);
        assertTrue(w.energyPerMJ() < opt.energyPerMJ(), "trading 10 % delay saves energy");
        assertTrue(w.delayPerMS(T22.wireResistanceOhmPerM()) >= opt.delayPerMS(T22.wireResistanceOhmPerM()));
        LocalBus bus = new LocalBus(T22, true, 4, 4, 128, 100e-6, 300e-6, 0);
        assertEquals(900e-6, bus.lengthM(), 1e-12);
        assertEquals(2 * bus.energyJ(100, 0.5), bus.energyJ(200, 0.5), 1e-24);
        HTree small = new HTree(T22, 2, 2, 1024, 700e-6, 700e-6, 16, 0.1);
        HTree large = new HTree(T22, 4, 4, 1024, 700e-6, 700e-6, 16, 0.1);
        assertTrue(large.latencyS() > small.latencyS());
        assertTrue(large.energyJ(1000) > small.energyJ(1000));
    }

    @Test
    void xyBusVerticalRunIsNeverNegative() {
        double tile = 1e-3;
        // NeuroSim's run from the middle row: 11 rows -> 11 - 6 - 1 = 4 tile heights, 2 rows -> 0
        assertEquals(4e-3, new XyBus(T22, 11, 10, 1024, tile, tile, 4, 0.1).lengthV(tile), 1e-12);
        assertEquals(0, new XyBus(T22, 2, 2, 1024, tile, tile, 4, 0.1).lengthV(tile), 0);
        // a single tile row: NeuroSim's formula gives -1 tile heights; the outputs need no vertical run
        XyBus one = new XyBus(T22, 1, 3, 1024, tile, tile, 4, 0.1);
        assertEquals(0, one.lengthV(tile), 0);
        assertEquals(0, one.energyJ(tile, tile, 0, 1000), 0);
        assertEquals(0, one.latencyCycles(tile, tile, 0, 10, 1e-9), 0);
        assertTrue(one.energyJ(tile, tile, 1000, 0) > 0, "the horizontal input run remains");
        assertTrue(one.leakageW(tile, tile) >= 0);
        assertTrue(Double.isFinite(one.areaM2()) && one.areaM2() > 0);
    }
}
