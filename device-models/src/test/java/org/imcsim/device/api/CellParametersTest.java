package org.imcsim.device.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CellParametersTest {

    private static DeviceParameterException bad(String model, Map<String, String> params) {
        return assertThrows(DeviceParameterException.class, () -> Stats.model(model, params));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ideal", "rram", "pcm"})
    void cellBitsOutOfRange(String model) {
        for (String v : new String[] {"0", "9", "-1", "two"}) {
            DeviceParameterException e = bad(model, Map.of("cellBits", v));
            assertEquals("cellBits", e.key());
            assertTrue(e.getMessage().contains("expected an integer 1..8 or analog"), e.getMessage());
        }
    }

    @Test
    void cellBitsAnalogAndLevels() {
        DeviceModel a = Stats.model("rram", Map.of("cellBits", "analog"));
        assertTrue(a.analog());
        assertEquals(0, a.levels());
        assertThrows(IllegalStateException.class, () -> a.levelConductanceS(0));
        DeviceModel m = Stats.model("rram", Map.of("cellBits", "2", "gMax", "40uS", "gMin", "4uS"));
        assertEquals(4, m.levels());
        assertEquals(4e-6, m.levelConductanceS(0), 1e-18);
        assertEquals(16e-6, m.levelConductanceS(1), 1e-18);
        assertEquals(28e-6, m.levelConductanceS(2), 1e-18);
        assertEquals(40e-6, m.levelConductanceS(3), 0.0);
        assertEquals(12e-6, m.levelStepS(), 1e-18);
        assertThrows(IllegalArgumentException.class, () -> m.levelConductanceS(4));
    }

    @Test
    void ronAndOnOffRatioDefineTheRange() {
        DeviceModel m = Stats.model("rram", Map.of());
        assertEquals(1e-5, m.gMaxS(), 1e-18);
        assertEquals(1e-5 / 17, m.gMinS(), 1e-18);
        assertEquals(100e3, m.ronOhm(), 1e-6);
        assertEquals(17, m.onOffRatio(), 1e-9);
        assertEquals(48, m.cellAreaF2());
        assertEquals(0.55, m.readVoltageV());
        assertEquals(10e-9, m.readPulseS());
        assertEquals(CellType.ONE_T_ONE_R, m.cellType());
    }

    @Test
    void gMinAtOrAboveGMaxIsAnError() {
        DeviceParameterException e = bad("pcm", Map.of("gMin", "25uS"));
        assertEquals("gMin", e.key());
        assertTrue(e.getMessage().contains("must be below gMax (25uS)"), e.getMessage());
        assertEquals("gMin", bad("pcm", Map.of("gMin", "30uS")).key());
        assertEquals("gMin", bad("pcm", Map.of("gMin", "-1uS")).key());
        assertEquals("onOffRatio", bad("rram", Map.of("onOffRatio", "1")).key());
        assertEquals("onOffRatio", bad("rram", Map.of("onOffRatio", "0.5")).key());
        assertEquals("ron", bad("rram", Map.of("ron", "0Ohm")).key());
    }

    @Test
    void bothForms_ofOneBound_areAnError() {
        DeviceParameterException e = bad("rram", Map.of("ron", "10kOhm", "gMax", "100uS"));
        assertTrue(e.getMessage().contains("either gMax or ron"), e.getMessage());
        assertEquals("gMin", bad("rram", Map.of("gMin", "1uS", "onOffRatio", "10")).key());
    }

    @Test
    void negativeSigmasAreErrors() {
        assertEquals("programmingSigma", bad("rram", Map.of("programmingSigma", "-0.1")).key());
        assertEquals("readNoiseSigma", bad("rram", Map.of("readNoiseSigma", "-0.01")).key());
        assertEquals("relaxationSigma", bad("rram", Map.of("relaxation", "log", "relaxationSigma", "-0.01")).key());
        assertEquals("programmingScale", bad("pcm", Map.of("programmingScale", "-1")).key());
        assertEquals("driftScale", bad("pcm", Map.of("driftScale", "-1")).key());
        assertEquals("readNoiseScale", bad("pcm", Map.of("readNoiseScale", "-0.5")).key());
    }

    @Test
    void stuckFractionsAreChecked() {
        assertEquals("stuckAtLrs", bad("rram", Map.of("stuckAtLrs", "1.5")).key());
        assertEquals("stuckAtHrs", bad("rram", Map.of("stuckAtHrs", "-0.1")).key());
        DeviceParameterException e = bad("rram", Map.of("stuckAtLrs", "0.6", "stuckAtHrs", "0.6"));
        assertTrue(e.getMessage().contains("must not exceed 1"), e.getMessage());
        assertEquals("stuckAtLrs", bad("ideal", Map.of("stuckAtLrs", "0.01")).key());
        DeviceModel m = Stats.model("rram", Map.of("stuckAtLrs", "1%", "stuckAtHrs", "0.02"));
        assertEquals(0.01, m.stuckAtLrsFraction(), 1e-12);
        assertEquals(0.02, m.stuckAtHrsFraction(), 1e-12);
    }

    @Test
    void unknownParameterAndBadUnitAreErrors() {
        DeviceParameterException e = bad("rram", Map.of("progSigma", "0.1"));
        assertEquals("progSigma", e.key());
        assertTrue(e.getMessage().contains("unknown parameter; known: "), e.getMessage());
        assertTrue(e.getMessage().contains("programmingSigma"), e.getMessage());
        DeviceParameterException u = bad("rram", Map.of("readVoltage", "0.5"));
        assertEquals("readVoltage", u.key());
        assertTrue(u.getMessage().contains("unit is missing"), u.getMessage());
        assertEquals("cellType", bad("rram", Map.of("cellType", "2T2R")).key());
    }

    @Test
    void parametersWithoutEffectAreErrorsNotSilentlyIgnored() {
        assertEquals("programmingSigma", bad("pcm", Map.of("programmingSigma", "0.1")).key());
        assertEquals("programmingPolynomial", bad("rram", Map.of("programmingPolynomial", "1,2")).key());
        assertEquals("relaxationMean", bad("rram", Map.of("relaxationMean", "-0.01")).key());
        assertEquals("relaxationSigma", bad("rram", Map.of("relaxation", "neurram-2022", "relaxationSigma", "0.1")).key());
        DeviceParameterException e = bad("rram", Map.of("programmingNoise", "polynomial", "programmingPolynomial", "1,x"));
        assertTrue(e.getMessage().contains("position 2"), e.getMessage());
    }

    @Test
    void cellTypeSetsArea() {
        DeviceModel x = Stats.model("rram", Map.of("cellType", "0T1R"));
        assertEquals(4, x.cellAreaF2());
        DeviceModel y = Stats.model("rram", Map.of("cellType", "1T1R", "cellWidthF", "8"));
        assertEquals(32, y.cellAreaF2());
        assertTrue(y.costSource().contains("set in config"), y.costSource());
    }

    @Test
    void readAndWriteCosts() {
        DeviceModel m = Stats.model("rram", Map.of());
        // V^2 G t: 0.55^2 x 10 uS x 10 ns
        assertEquals(0.3025 * 1e-5 * 1e-8, m.readEnergyJ(1e-5, 0.55), 1e-24);
        // one pulse of 2 V for 10 ns at 10 uS plus one verify read
        assertEquals(4 * 1e-5 * 1e-8 + 0.3025 * 1e-5 * 1e-8, m.writeEnergyJ(1e-5), 1e-24);
        assertEquals(20e-9, m.writeLatencyS(), 1e-18);
        DeviceModel m3 = Stats.model("rram", Map.of("writePulses", "3"));
        assertEquals(3 * m.writeEnergyJ(1e-5), m3.writeEnergyJ(1e-5), 1e-24);
        DeviceModel p = Stats.model("pcm", Map.of());
        assertEquals(2e-12 + 0.04 * 25e-6 * 250e-9, p.writeEnergyJ(25e-6), 1e-22);
        assertEquals(300e-9, p.writeLatencyS(), 1e-15);
        assertEquals("writePulses", bad("pcm", Map.of("writePulses", "0")).key());
    }
}
