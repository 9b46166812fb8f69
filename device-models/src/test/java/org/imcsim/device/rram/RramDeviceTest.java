package org.imcsim.device.rram;

import static org.imcsim.device.api.StatsAssert.assertFraction;
import static org.imcsim.device.api.StatsAssert.assertMean;
import static org.imcsim.device.api.StatsAssert.assertStd;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.imcsim.device.api.DeviceModel;
import org.imcsim.device.api.ProgrammedCells;
import org.imcsim.device.api.Stats;
import org.junit.jupiter.api.Test;

class RramDeviceTest {
    static final int N = 200_000;

    @Test
    void defaultsAreNeuroSimAndNoiseFree() {
        DeviceModel m = Stats.model("rram", Map.of());
        assertTrue(m.ideal());
        DeviceModel p = Stats.model("rram", "neurosim", Map.of());
        assertEquals(m.gMaxS(), p.gMaxS());
        assertEquals(m.gMinS(), p.gMinS());
        assertEquals(48.0, p.cellAreaF2());
        assertEquals(0.55, p.readVoltageV());
    }

    @Test
    void constantSigmaIsRelativeToTheRange() {
        DeviceModel m = Stats.model("rram", Map.of("cellBits", "2", "programmingSigma", "0.05"));
        double sigma = 0.05 * (m.gMaxS() - m.gMinS());
        for (int level = 0; level < 4; level++) {
            double g = m.levelConductanceS(level);
            assertEquals(sigma, m.programmingSigmaS(g), 1e-18);
            ProgrammedCells c = Stats.program(m, g, N, 11 + level);
            double[] ms = Stats.meanStd(c.gS);
            // the lowest level (0.588 uS) is only 1.25 sigma above 0, so compare with the rectified normal
            double[] expected = Stats.rectifiedNormal(g, sigma);
            assertMean(expected[0], sigma, N, ms[0], "level " + level);
            assertStd(expected[1], N, ms[1], "level " + level);
        }
    }

    @Test
    void proportionalSigmaScalesWithTarget() {
        DeviceModel m = Stats.model("rram", Map.of("cellBits", "analog", "programmingNoise", "proportional", "programmingSigma", "0.1"));
        for (double g : new double[] {2e-6, 5e-6, 1e-5}) {
            ProgrammedCells c = Stats.program(m, g, N, 3);
            double[] ms = Stats.meanStd(c.gS);
            assertMean(g, 0.1 * g, N, ms[0], "G " + g);
            assertStd(0.1 * g, N, ms[1], "G " + g);
        }
    }

    @Test
    void neurramPolynomialMatchesThePublishedFit() {
        DeviceModel m = Stats.model("rram", "neurram-2022", Map.of("cellBits", "analog"));
        assertEquals(40e-6, m.gMaxS(), 1e-18);
        // sigma(x) = 0.348 + 16.030x - 43.853x^2 + 45.393x^3 - 16.815x^4 uS at gMax = 40 uS
        double[] xs = {0.25, 0.5, 0.75, 1.0};
        double[] sigmaUs = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            double x = xs[i];
            sigmaUs[i] = 0.348 + 16.030 * x - 43.853 * x * x + 45.393 * x * x * x - 16.815 * x * x * x * x;
        }
        assertEquals(2.0229, sigmaUs[1], 1e-4); // the NeuRRAM spread at mid-range: about 2 uS of 40 uS
        for (int i = 0; i < xs.length; i++) {
            double g = xs[i] * 40e-6;
            assertEquals(sigmaUs[i] * 1e-6, m.programmingSigmaS(g), 1e-12, "x " + xs[i]);
            ProgrammedCells c = Stats.program(m, g, N, 100 + i);
            double[] ms = Stats.meanStd(c.gS);
            assertMean(g, sigmaUs[i] * 1e-6, N, ms[0], "x " + xs[i]);
            assertStd(sigmaUs[i] * 1e-6, N, ms[1], "x " + xs[i]);
        }
        // scaled with gMax: at gMax = 20 uS sigma halves
        DeviceModel half = Stats.model("rram", "neurram-2022", Map.of("cellBits", "analog", "gMax", "20uS"));
        assertEquals(sigmaUs[1] * 0.5e-6, half.programmingSigmaS(10e-6), 1e-12);
    }

    @Test
    void neverNegativeAndClippedMeanMatchesRectifiedNormal() {
        DeviceModel m = Stats.model("rram", Map.of("cellBits", "1", "programmingSigma", "0.2"));
        double g = m.gMinS();
        double sigma = 0.2 * (m.gMaxS() - m.gMinS());
        ProgrammedCells c = Stats.program(m, g, N, 9);
        float min = Float.MAX_VALUE;
        for (float v : c.gS) {
            min = Math.min(min, v);
        }
        assertEquals(0f, min, "some cells must clip at exactly 0, none below");
        double[] ms = Stats.meanStd(c.gS);
        double[] expected = Stats.rectifiedNormal(g, sigma);
        assertMean(expected[0], sigma, N, ms[0], "clipped");
    }

    @Test
    void stuckFractionsByState() {
        DeviceModel m = Stats.model("rram", Map.of("cellBits", "2", "stuckAtLrs", "0.01", "stuckAtHrs", "0.03", "programmingSigma", "0.02"));
        double g = m.levelConductanceS(1);
        ProgrammedCells c = Stats.program(m, g, N, 21);
        int lrs = 0;
        int hrs = 0;
        for (int i = 0; i < N; i++) {
            if (c.stuck[i] == ProgrammedCells.STUCK_LRS) {
                lrs++;
                assertEquals((float) m.gMaxS(), c.gS[i]);
            } else if (c.stuck[i] == ProgrammedCells.STUCK_HRS) {
                hrs++;
                assertEquals((float) m.gMinS(), c.gS[i]);
            }
        }
        assertFraction(0.01, N, lrs / (double) N, "stuck at LRS");
        assertFraction(0.03, N, hrs / (double) N, "stuck at HRS");
        assertEquals("stuck-at-LRS", ProgrammedCells.stateName(ProgrammedCells.STUCK_LRS));
    }

    @Test
    void deterministicForAFixedSeedAndDifferentForAnother() {
        DeviceModel m = Stats.model("rram", "neurram-2022", Map.of("cellBits", "4", "stuckAtLrs", "0.01"));
        ProgrammedCells a = Stats.program(m, 20e-6, 10_000, 77);
        ProgrammedCells b = Stats.program(m, 20e-6, 10_000, 77);
        ProgrammedCells c = Stats.program(m, 20e-6, 10_000, 78);
        assertArrayEquals(a.gS, b.gS);
        assertArrayEquals(a.drift, b.drift);
        assertArrayEquals(a.stuck, b.stuck);
        assertFalse(java.util.Arrays.equals(a.gS, c.gS));
    }

    @Test
    void logRelaxationIsMonotonicPerCellAndSpreadsAsStated() {
        DeviceModel m = Stats.model("rram", Map.of("cellBits", "analog", "programmingSigma", "0.02",
                "relaxation", "log", "relaxationMean", "-0.01", "relaxationSigma", "0.01", "relaxationT0", "1s"));
        assertTrue(m.drifts());
        double g = 5e-6;
        double range = m.gMaxS() - m.gMinS();
        ProgrammedCells c = Stats.program(m, g, N, 5);
        double[] times = {0, 1, 60, 3600, 86400, 3.15e7};
        float[] prev = new float[N];
        float[] now = new float[N];
        m.conductance(c, 0, N, 0, prev);
        assertArrayEquals(c.gS, prev);
        for (int k = 1; k < times.length; k++) {
            m.conductance(c, 0, N, times[k], now);
            for (int i = 0; i < N; i++) {
                float d = c.drift[i];
                assertTrue(d >= 0 ? now[i] >= prev[i] : now[i] <= prev[i], "cell " + i + " not monotonic");
                assertTrue(now[i] >= 0);
            }
            double dec = Math.log10(1 + times[k]);
            double meanExpected = g * (1 - 0.01 * dec);
            double sigmaExpected = Math.hypot(0.02 * range, 0.01 * range * dec);
            double[] ms = Stats.meanStd(now);
            assertMean(meanExpected, sigmaExpected, N, ms[0], "t " + times[k]);
            assertStd(sigmaExpected, N, ms[1], "t " + times[k]);
            System.arraycopy(now, 0, prev, 0, N);
        }
    }

    @Test
    void neurramRelaxationReachesTheOneDayFit() {
        DeviceModel m = Stats.model("rram", "neurram-2022", Map.of("cellBits", "analog"));
        for (double x : new double[] {0.3, 0.6}) {
            double g = x * 40e-6;
            ProgrammedCells c = Stats.program(m, g, N, 31);
            float[] day = new float[N];
            m.conductance(c, 0, N, 86400, day);
            double[] ms = Stats.meanStd(day);
            double s1d = (0.701 + 22.086 * x - 50.773 * x * x + 47.095 * x * x * x - 16.458 * x * x * x * x) * 1e-6;
            // t = 1 day is 1 s later than the fit time; log10(86401)/log10(86401) = 1 exactly by construction
            assertMean(g, s1d, N, ms[0], "x " + x);
            assertStd(s1d, N, ms[1], "x " + x);
        }
    }

    @Test
    void readNoiseConstantAndProportional() {
        DeviceModel c = Stats.model("rram", Map.of("readNoiseSigma", "0.01"));
        assertEquals(0.01 * (c.gMaxS() - c.gMinS()), c.readNoiseSigmaS(5e-6f, 0f, ProgrammedCells.FREE, 1.0), 1e-18);
        DeviceModel p = Stats.model("rram", Map.of("readNoise", "proportional", "readNoiseSigma", "0.02"));
        assertEquals(0.02 * 5e-6f, p.readNoiseSigmaS(5e-6f, 0f, ProgrammedCells.FREE, 1.0), 1e-18);
        assertEquals(0.02 * p.gMaxS(), p.readNoiseSigmaS(1e-6f, 0f, ProgrammedCells.STUCK_LRS, 1.0), 1e-15);
        assertFalse(c.ideal());
    }
}
