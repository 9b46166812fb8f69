package org.imcsim.device.pcm;

import java.util.random.RandomGenerator;
import org.imcsim.device.api.BaseDeviceModel;
import org.imcsim.device.api.CellParameters;
import org.imcsim.device.api.ProgrammedCells;
import org.imcsim.device.api.ProgrammingNoise;
import org.imcsim.device.api.WriteCost;
import org.imcsim.units.Dimension;
import org.imcsim.units.Quantity;

/**
 * IBM's statistical PCM model (Nandakumar et al., ICECS 2019; Joshi et al., Nat. Commun. 11, 2473
 * (2020)) as aihwkit's {@code PCMLikeNoiseModel} implements it; equations in docs/models.md, "pcm":
 * <ul>
 *   <li>programming: {@code G_p = max(0, G_t + σ_prog(G_t)·z)}, σ_prog the polynomial
 *       {@code c0 + c1·x + c2·x²} µS in {@code x = G_t/gMax}, scaled by gMax/25 µS;</li>
 *   <li>drift: {@code G(t) = G_p·((t + t0)/t0)^(−ν)}, ν drawn once per device:
 *       {@code ν = |μ_ν + σ_ν·z'|} with {@code μ_ν = clip(−0.0155·ln x + 0.0244, 0.049, 0.1)} and
 *       {@code σ_ν = clip(−0.0125·ln x − 0.0059, 0.008, 0.045)}, {@code x = max(G_t/gMax, 1e-7)};</li>
 *   <li>read noise (1/f): {@code σ_read = G(t)·Q_s·sqrt(ln((t + t0 + t_read)/(2·t_read)))} with
 *       {@code Q_s = min(0.0088/max((G_p/gMax)^0.65, 1e-3), 0.2)}, {@code t_read} the read pulse;</li>
 *   <li>global drift compensation: on by default.</li>
 * </ul>
 */
public final class PcmDevice extends BaseDeviceModel {
    /** Drift-exponent mean: clip(A·ln x + B, lo, hi). Constants from the issue / aihwkit PCMLikeNoiseModel. */
    static final double NU_MEAN_A = -0.0155;
    static final double NU_MEAN_B = 0.0244;
    static final double NU_MEAN_LO = 0.049;
    static final double NU_MEAN_HI = 0.1;
    /** Drift-exponent spread: clip(A·ln x + B, lo, hi). */
    static final double NU_SD_A = -0.0125;
    static final double NU_SD_B = -0.0059;
    static final double NU_SD_LO = 0.008;
    static final double NU_SD_HI = 0.045;
    /** Smallest relative conductance used in ln x (aihwkit's _ZERO_CLIP). */
    static final double X_FLOOR = 1e-7;
    /** 1/f noise amplitude: Q_s = min(QS_A / max(x^QS_EXP, QS_FLOOR), QS_MAX). */
    static final double QS_A = 0.0088;
    static final double QS_EXP = 0.65;
    static final double QS_FLOOR = 1e-3;
    static final double QS_MAX = 0.2;

    private final ProgrammingNoise noise;
    private final boolean noiseZero;
    private final double driftScale;
    private final double t0S;
    private final double readNoiseScale;
    private final boolean compensate;
    private final WriteCost write;
    private final double invGMax;

    PcmDevice(CellParameters cell, ProgrammingNoise noise, double driftScale, double t0S, double readNoiseScale,
              boolean compensate, WriteCost write) {
        super(cell);
        this.noise = noise;
        this.noiseZero = noise.isZero();
        this.driftScale = driftScale;
        this.t0S = t0S;
        this.readNoiseScale = readNoiseScale;
        this.compensate = compensate;
        this.write = write;
        this.invGMax = 1.0 / cell.gMaxS();
    }

    @Override
    public String name() {
        return "pcm";
    }

    @Override
    public String summary() {
        return "pcm: " + (analog() ? "analog" : cellBits() + " bit/cell") + ", G "
                + Quantity.format(gMinS(), Dimension.CONDUCTANCE) + ".." + Quantity.format(gMaxS(), Dimension.CONDUCTANCE)
                + ", " + noise + ", drift t0 " + Quantity.format(t0S, Dimension.TIME) + " x" + driftScale
                + ", 1/f read noise x" + readNoiseScale + ", stuck LRS " + stuckAtLrsFraction() + " HRS " + stuckAtHrsFraction()
                + ", drift compensation " + (compensate ? "on" : "off");
    }

    @Override
    public double writeEnergyJ(double gTargetS) {
        return write.energyJ(gTargetS);
    }

    @Override
    public double writeLatencyS() {
        return write.latencyS();
    }

    @Override
    public String costSource() {
        return cell.costSource() + "; " + write.source();
    }

    @Override
    public boolean ideal() {
        return noiseZero && !hasStuckCells() && driftScale == 0 && readNoiseScale == 0;
    }

    @Override
    public double programmingSigmaS(double gTargetS) {
        return noise.sigmaS(gTargetS);
    }

    /** Mean of the drift exponent for a target (before driftScale). */
    double nuMean(double gTargetS) {
        double ln = Math.log(Math.max(Math.abs(gTargetS) * invGMax, X_FLOOR));
        return clip(NU_MEAN_A * ln + NU_MEAN_B, NU_MEAN_LO, NU_MEAN_HI);
    }

    /** Spread of the drift exponent for a target (before driftScale). */
    double nuSigma(double gTargetS) {
        double ln = Math.log(Math.max(Math.abs(gTargetS) * invGMax, X_FLOOR));
        return clip(NU_SD_A * ln + NU_SD_B, NU_SD_LO, NU_SD_HI);
    }

    private static double clip(double v, double lo, double hi) {
        return v < lo ? lo : (v > hi ? hi : v);
    }

    @Override
    public void program(float[] targetS, int from, int to, RandomGenerator rng, ProgrammedCells out) {
        checkRange(targetS, from, to, out);
        final boolean stuckPossible = hasStuckCells();
        final boolean drift = driftScale > 0;
        final float[] g = out.gS;
        final float[] nu = out.drift;
        final byte[] stuck = out.stuck;
        // Per-target coefficients (σ_prog, μ_ν, σ_ν) cached per call: targets are mostly a few
        // levels, and this saves a polynomial and a logarithm per cell.
        final int[] key = newCacheKeys();
        final double[] cSigma = new double[CACHE_SIZE];
        final double[] cMu = new double[CACHE_SIZE];
        final double[] cSd = new double[CACHE_SIZE];
        long gap = stuckPossible ? stuckGap(rng) : Long.MAX_VALUE;
        for (int i = from; i < to; i++) {
            if (gap == 0) {
                writeStuck(out, i, stuckState(rng));
                gap = stuckGap(rng);
                continue;
            }
            gap--;
            float tf = targetS[i];
            int bits = Float.floatToRawIntBits(tf);
            int h = cacheSlot(bits);
            if (key[h] != bits) {
                double ln = Math.log(Math.max(Math.abs((double) tf) * invGMax, X_FLOOR));
                cSigma[h] = noiseZero ? 0 : noise.sigmaS(tf);
                cMu[h] = clip(NU_MEAN_A * ln + NU_MEAN_B, NU_MEAN_LO, NU_MEAN_HI);
                cSd[h] = clip(NU_SD_A * ln + NU_SD_B, NU_SD_LO, NU_SD_HI);
                key[h] = bits;
            }
            double gp = noiseZero ? tf : tf + cSigma[h] * rng.nextGaussian();
            g[i] = (float) (gp > 0 ? gp : 0);
            stuck[i] = ProgrammedCells.FREE;
            nu[i] = drift ? (float) (Math.abs(cMu[h] + cSd[h] * rng.nextGaussian()) * driftScale) : 0f;
        }
    }

    @Override
    public boolean drifts() {
        return driftScale > 0;
    }

    @Override
    public double conductanceS(float gProgS, float drift, byte stuck, double tS) {
        checkTime(tS);
        if (stuck != ProgrammedCells.FREE) {
            return stuckConductanceS(stuck);
        }
        if (drift == 0 || tS == 0) {
            return gProgS;
        }
        return gProgS * Math.exp(-drift * Math.log((tS + t0S) / t0S));
    }

    @Override
    public void conductance(ProgrammedCells cells, int from, int to, double tS, float[] outS) {
        checkRange(cells, from, to);
        checkTime(tS);
        final double lnRatio = Math.log((tS + t0S) / t0S);
        final float gMax = (float) gMaxS();
        final float gMin = (float) gMinS();
        final float[] g = cells.gS;
        final float[] nu = cells.drift;
        final byte[] st = cells.stuck;
        for (int i = from; i < to; i++) {
            byte s = st[i];
            if (s == ProgrammedCells.FREE) {
                float d = nu[i];
                outS[i] = d == 0 ? g[i] : (float) (g[i] * Math.exp(-d * lnRatio));
            } else {
                outS[i] = s == ProgrammedCells.STUCK_LRS ? gMax : gMin;
            }
        }
    }

    /** The 1/f amplitude Q_s for a programmed conductance. */
    double qs(double gProgS) {
        double p = Math.pow(Math.abs(gProgS) * invGMax, QS_EXP);
        return Math.min(QS_A / Math.max(p, QS_FLOOR), QS_MAX);
    }

    /** sqrt(ln((t + t0 + t_read)/(2 t_read))): the accumulated 1/f bandwidth factor at time t. */
    double bandwidthFactor(double tS) {
        double tRead = readPulseS();
        return Math.sqrt(Math.log((tS + t0S + tRead) / (2 * tRead)));
    }

    @Override
    public double readNoiseSigmaS(float gProgS, float drift, byte stuck, double tS) {
        if (readNoiseScale == 0) {
            return 0;
        }
        double gp = stuck == ProgrammedCells.FREE ? gProgS : stuckConductanceS(stuck);
        double gt = conductanceS(gProgS, drift, stuck, tS);
        return gt * readNoiseScale * qs(gp) * bandwidthFactor(tS);
    }

    @Override
    public boolean driftCompensation() {
        return compensate;
    }
}
