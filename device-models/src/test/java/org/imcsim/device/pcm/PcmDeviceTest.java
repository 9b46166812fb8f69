package org.imcsim.device.pcm;

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

class PcmDeviceTest {
    static final int N = 200_000;
    static final double GMAX = 25e-6;

    static double sigmaProgUs(double x) {
        return 0.26348 + 1.9650 * x - 1.1731 * x * x;
    }

    @Test
    void defaultsAreTheIbmModel() {
        DeviceModel m = Stats.model("pcm", Map.of());
        assertEquals(GMAX, m.gMaxS(), 1e-18);
        assertEquals(0.0, m.gMinS());
        assertEquals(Double.POSITIVE_INFINITY, m.onOffRatio());
        assertEquals(250e-9, m.readPulseS(), 1e-18);
        assertTrue(m.drifts());
        assertTrue(m.driftCompensation());
        assertFalse(m.ideal());
    }

    @Test
    void programmingNoiseFollowsThePolynomial() {
        DeviceModel m = Stats.model("pcm", Map.of("cellBits", "analog"));
        for (double x : new double[] {0.2, 0.5, 1.0}) {
            double g = x * GMAX;
            double sigma = sigmaProgUs(x) * 1e-6;
            assertEquals(sigma, m.programmingSigmaS(g), 1e-15);
            ProgrammedCells c = Stats.program(m, g, N, 40);
            double[] ms = Stats.meanStd(c.gS);
            assertMean(g, sigma, N, ms[0], "x " + x);
            assertStd(sigma, N, ms[1], "x " + x);
        }
        // at G = 0 half the cells clip to 0: mean and std of the rectified normal, never negative
        ProgrammedCells zero = Stats.program(m, 0, N, 41);
        double[] ms = Stats.meanStd(zero.gS);
        double[] rect = Stats.rectifiedNormal(0, 0.26348e-6);
        assertMean(rect[0], 0.26348e-6, N, ms[0], "G=0");
        for (float v : zero.gS) {
            assertTrue(v >= 0);
        }
        // scales with gMax / 25 uS
        DeviceModel big = Stats.model("pcm", Map.of("cellBits", "analog", "gMax", "50uS"));
        assertEquals(2 * sigmaProgUs(0.5) * 1e-6, big.programmingSigmaS(25e-6), 1e-15);
    }

    @Test
    void driftExponentDistributionMatchesFormula() {
        DeviceModel m = Stats.model("pcm", Map.of("cellBits", "analog"));
        for (double x : new double[] {1.0, 0.1, 0.01}) {
            double ln = Math.log(x);
            double mu = Math.min(Math.max(-0.0155 * ln + 0.0244, 0.049), 0.1);
            double sd = Math.min(Math.max(-0.0125 * ln - 0.0059, 0.008), 0.045);
            double[] expected = Stats.foldedNormal(mu, sd);
            ProgrammedCells c = Stats.program(m, x * GMAX, N, 50);
            double[] ms = Stats.meanStd(c.drift);
            assertMean(expected[0], expected[1], N, ms[0], "nu at x " + x);
            assertStd(expected[1], N, ms[1], "nu at x " + x);
            for (float nu : c.drift) {
                assertTrue(nu >= 0);
            }
        }
    }

    @Test
    void driftIsAPowerLawWithTheCellsExponentAndMonotonic() {
        DeviceModel m = Stats.model("pcm", Map.of("cellBits", "analog"));
        int n = 20_000;
        ProgrammedCells c = Stats.program(m, 10e-6, n, 60);
        double[] times = {0, 1, 20, 3600, 86400, 3.15e7};
        float[] prev = c.gS.clone();
        float[] now = new float[n];
        for (int k = 1; k < times.length; k++) {
            m.conductance(c, 0, n, times[k], now);
            double lr = Math.log((times[k] + 20) / 20);
            for (int i = 0; i < n; i++) {
                assertTrue(now[i] <= prev[i], "drift must not increase G");
                assertTrue(now[i] >= 0);
                if (c.gS[i] > 1e-7) {
                    double nuMeasured = -Math.log(now[i] / (double) c.gS[i]) / lr;
                    assertEquals(c.drift[i], nuMeasured, 1e-5, "cell " + i + " exponent at t " + times[k]);
                }
                assertEquals(m.conductanceS(c.gS[i], c.drift[i], c.stuck[i], times[k]), now[i], 1e-6 * now[i] + 1e-20);
            }
            System.arraycopy(now, 0, prev, 0, n);
        }
        // G(t0) = G_p 2^-nu: at t = t0 = 20 s the conductance has dropped by 2^-nu
        assertEquals(10e-6 * Math.pow(2, -0.06), m.conductanceS(10e-6f, 0.06f, ProgrammedCells.FREE, 20), 1e-12);
    }

    @Test
    void readNoiseIsOneOverF() {
        DeviceModel m = Stats.model("pcm", Map.of());
        // hand value: G_p 12.5 uS, nu 0.05, t 1 h: G(t) = 9.63887 uS, Q_s = 0.0138087, sigma = 0.634189 uS
        assertEquals(6.341891355834458e-07, m.readNoiseSigmaS(12.5e-6f, 0.05f, ProgrammedCells.FREE, 3600), 1e-12);
        // Q_s is capped at 0.2 for low conductances
        double t = 0;
        double capped = m.readNoiseSigmaS(0.05e-6f, 0f, ProgrammedCells.FREE, t);
        double factor = Math.sqrt(Math.log((t + 20 + 250e-9) / (2 * 250e-9)));
        assertEquals(0.05e-6f * 0.2 * factor, capped, 1e-15);
        // grows with time at fixed G (nu = 0)
        assertTrue(m.readNoiseSigmaS(10e-6f, 0f, ProgrammedCells.FREE, 1e6) > m.readNoiseSigmaS(10e-6f, 0f, ProgrammedCells.FREE, 1));
        assertEquals(0.0, Stats.model("pcm", Map.of("readNoiseScale", "0")).readNoiseSigmaS(10e-6f, 0f, ProgrammedCells.FREE, 1));
    }

    @Test
    void globalDriftCompensationRestoresTheMean() {
        DeviceModel m = Stats.model("pcm", Map.of("cellBits", "4"));
        int n = 128 * 128;
        float[] t = new float[n];
        java.util.SplittableRandom pick = new java.util.SplittableRandom(3);
        for (int i = 0; i < n; i++) {
            t[i] = (float) m.levelConductanceS(pick.nextInt(16));
        }
        ProgrammedCells c = new ProgrammedCells(n);
        m.program(t, 0, n, Stats.rng(70), c);
        double tS = 86400 * 30;
        double scale = m.driftCompensationScale(c, 0, n, tS, Stats.rng(71));
        float[] g = new float[n];
        m.conductance(c, 0, n, tS, g);
        double sumProg = 0;
        double sumNow = 0;
        for (int i = 0; i < n; i++) {
            sumProg += c.gS[i];
            sumNow += g[i];
        }
        assertTrue(scale > 1.5, "a month of drift at nu ~ 0.05-0.1 loses > 1/3 of G; scale " + scale);
        assertEquals(sumProg / sumNow, scale, 0.01 * scale);
        assertEquals(1.0, Stats.model("pcm", Map.of("driftCompensation", "false")).driftCompensationScale(c, 0, n, tS, Stats.rng(1)));
    }

    @Test
    void stuckCellsAndDeterminism() {
        DeviceModel m = Stats.model("pcm", Map.of("cellBits", "2", "stuckAtLrs", "0.005", "stuckAtHrs", "0.02"));
        ProgrammedCells a = Stats.program(m, 12.5e-6, N, 80);
        int lrs = 0;
        int hrs = 0;
        for (int i = 0; i < N; i++) {
            lrs += a.stuck[i] == ProgrammedCells.STUCK_LRS ? 1 : 0;
            hrs += a.stuck[i] == ProgrammedCells.STUCK_HRS ? 1 : 0;
            if (a.stuck[i] != ProgrammedCells.FREE) {
                assertEquals(0f, a.drift[i]);
                double expected = a.stuck[i] == ProgrammedCells.STUCK_LRS ? GMAX : 0;
                assertEquals(expected, m.conductanceS(a.gS[i], a.drift[i], a.stuck[i], 1e6), 1e-18);
            }
        }
        assertFraction(0.005, N, lrs / (double) N, "stuck at LRS");
        assertFraction(0.02, N, hrs / (double) N, "stuck at HRS");
        ProgrammedCells b = Stats.program(m, 12.5e-6, N, 80);
        assertArrayEquals(a.gS, b.gS);
        assertArrayEquals(a.drift, b.drift);
        assertArrayEquals(a.stuck, b.stuck);
    }
}
