package org.imcsim.device.rram;

import java.util.random.RandomGenerator;
import org.imcsim.device.api.BaseDeviceModel;
import org.imcsim.device.api.CellParameters;
import org.imcsim.device.api.ProgrammedCells;
import org.imcsim.device.api.ProgrammingNoise;
import org.imcsim.device.api.WriteCost;
import org.imcsim.units.Dimension;
import org.imcsim.units.Quantity;

/**
 * A filamentary RRAM cell (equations in docs/models.md, "rram"):
 * <ul>
 *   <li>programming: {@code G_p = max(0, G_t + σ_prog(G_t)·z)}, σ from {@link ProgrammingNoise};</li>
 *   <li>stuck cells: fractions at LRS (gMax) and HRS (gMin);</li>
 *   <li>relaxation (optional): {@code G(t) = max(0, G_p + ρ·log10(1 + t/t0))} with a per-device
 *       slope {@code ρ = μ_r·G_t + σ_r(G_t)·z'} in siemens per decade, drawn at programming and
 *       stored in {@link ProgrammedCells#drift}; σ_r is state-independent ({@code log}) or derived
 *       from the NeuRRAM 1 s and 1 day σ(G) fits ({@code neurram-2022});</li>
 *   <li>read noise: σ_read = s·(gMax − gMin) ({@code constant}) or s·G(t) ({@code proportional}).</li>
 * </ul>
 */
public final class RramDevice extends BaseDeviceModel {
    /** How conductance relaxes after programming. */
    enum Relaxation { NONE, LOG, NEURRAM_2022 }

    private final ProgrammingNoise noise;
    private final boolean noiseZero;
    private final Relaxation relaxation;
    private final double relaxMeanPerDecade;
    private final double relaxSigmaS;
    private final double relaxT0S;
    private final double[] sigma1sS;   // NeuRRAM 1 s fit, siemens, in powers of G/gMax
    private final double[] sigma1dS;   // NeuRRAM 1 day fit
    private final double neurramDecades; // log10(1 + 1 day / t0)
    private final boolean readProportional;
    private final double readSigma;
    private final double readConstantS;
    private final WriteCost write;
    private final boolean compensate;

    RramDevice(CellParameters cell, ProgrammingNoise noise, Relaxation relaxation, double relaxMeanPerDecade,
               double relaxSigma, double relaxT0S, boolean readProportional, double readSigma, WriteCost write,
               boolean compensate) {
        super(cell);
        this.compensate = compensate;
        this.noise = noise;
        this.noiseZero = noise.isZero();
        this.relaxation = relaxation;
        this.relaxMeanPerDecade = relaxMeanPerDecade;
        this.relaxSigmaS = relaxSigma * (cell.gMaxS() - cell.gMinS());
        this.relaxT0S = relaxT0S;
        double scale = cell.gMaxS() / RramProvider.NEURRAM_REFERENCE_S * 1e-6;
        this.sigma1sS = scaled(RramProvider.NEURRAM_SIGMA_1S_US, scale);
        this.sigma1dS = scaled(RramProvider.NEURRAM_SIGMA_1D_US, scale);
        this.neurramDecades = Math.log10(1 + RramProvider.NEURRAM_DAY_S / relaxT0S);
        this.readProportional = readProportional;
        this.readSigma = readSigma;
        this.readConstantS = readSigma * (cell.gMaxS() - cell.gMinS());
        this.write = write;
    }

    private static double[] scaled(double[] c, double f) {
        double[] r = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            r[i] = c[i] * f;
        }
        return r;
    }

    private static double poly(double[] c, double x) {
        double acc = c[c.length - 1];
        for (int i = c.length - 2; i >= 0; i--) {
            acc = acc * x + c[i];
        }
        return Math.abs(acc);
    }

    @Override
    public String name() {
        return "rram";
    }

    @Override
    public String summary() {
        return "rram: " + (analog() ? "analog" : cellBits() + " bit/cell") + ", G "
                + Quantity.format(gMinS(), Dimension.CONDUCTANCE) + ".." + Quantity.format(gMaxS(), Dimension.CONDUCTANCE)
                + ", " + noise + ", stuck LRS " + stuckAtLrsFraction() + " HRS " + stuckAtHrsFraction()
                + ", relaxation " + RramProvider.label(relaxation)
                + ", read noise " + readSigma + (readProportional ? " x G" : " x (gMax-gMin)");
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
        return noiseZero && !hasStuckCells() && !drifts() && readSigma == 0;
    }

    @Override
    public double programmingSigmaS(double gTargetS) {
        return noise.sigmaS(gTargetS);
    }

    /** Standard deviation of the relaxation slope ρ for a target, siemens per decade. */
    double relaxationSigmaS(double gTargetS) {
        switch (relaxation) {
            case LOG:
                return relaxSigmaS;
            case NEURRAM_2022:
                double x = gTargetS / gMaxS();
                double s1 = poly(sigma1sS, x);
                double s2 = poly(sigma1dS, x);
                return Math.sqrt(Math.max(0, s2 * s2 - s1 * s1)) / neurramDecades;
            default:
                return 0;
        }
    }

    @Override
    public void program(float[] targetS, int from, int to, RandomGenerator rng, ProgrammedCells out) {
        checkRange(targetS, from, to, out);
        final boolean stuckPossible = hasStuckCells();
        final boolean relax = relaxation != Relaxation.NONE;
        final float[] g = out.gS;
        final float[] drift = out.drift;
        final byte[] stuck = out.stuck;
        // Per-target coefficients (σ_prog, σ_ρ) cached per call: targets are mostly a few levels.
        final int[] key = newCacheKeys();
        final double[] cSigma = new double[CACHE_SIZE];
        final double[] cRelax = new double[CACHE_SIZE];
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
                cSigma[h] = noiseZero ? 0 : noise.sigmaS(tf);
                cRelax[h] = relaxationSigmaS(tf);
                key[h] = bits;
            }
            double gt = tf;
            double gp = noiseZero ? gt : gt + cSigma[h] * rng.nextGaussian();
            g[i] = (float) (gp > 0 ? gp : 0);
            stuck[i] = ProgrammedCells.FREE;
            drift[i] = relax ? (float) (relaxMeanPerDecade * gt + cRelax[h] * rng.nextGaussian()) : 0f;
        }
    }

    @Override
    public boolean drifts() {
        return relaxation != Relaxation.NONE;
    }

    @Override
    public double conductanceS(float gProgS, float drift, byte stuck, double tS) {
        checkTime(tS);
        if (stuck != ProgrammedCells.FREE) {
            return stuckConductanceS(stuck);
        }
        if (relaxation == Relaxation.NONE) {
            return gProgS;
        }
        double g = gProgS + drift * Math.log10(1 + tS / relaxT0S);
        return g > 0 ? g : 0;
    }

    @Override
    public void conductance(ProgrammedCells cells, int from, int to, double tS, float[] outS) {
        checkRange(cells, from, to);
        checkTime(tS);
        final double decades = relaxation == Relaxation.NONE ? 0 : Math.log10(1 + tS / relaxT0S);
        final float gMax = (float) gMaxS();
        final float gMin = (float) gMinS();
        final float[] g = cells.gS;
        final float[] d = cells.drift;
        final byte[] st = cells.stuck;
        for (int i = from; i < to; i++) {
            byte s = st[i];
            if (s == ProgrammedCells.FREE) {
                double v = g[i] + d[i] * decades;
                outS[i] = (float) (v > 0 ? v : 0);
            } else {
                outS[i] = s == ProgrammedCells.STUCK_LRS ? gMax : gMin;
            }
        }
    }

    @Override
    public double readNoiseSigmaS(float gProgS, float drift, byte stuck, double tS) {
        if (readSigma == 0) {
            return 0;
        }
        return readProportional ? readSigma * conductanceS(gProgS, drift, stuck, tS) : readConstantS;
    }

    @Override
    public boolean driftCompensation() {
        return compensate;
    }
}
