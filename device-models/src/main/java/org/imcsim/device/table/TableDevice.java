package org.imcsim.device.table;

import java.nio.file.Path;
import java.util.random.RandomGenerator;
import org.imcsim.device.api.BaseDeviceModel;
import org.imcsim.device.api.CellParameters;
import org.imcsim.device.api.ProgrammedCells;
import org.imcsim.device.api.WriteCost;

/**
 * A cell described by measured per-level statistics ({@link LevelTable}); equations in
 * docs/models.md, "table". For a target between two table levels every statistic is linearly
 * interpolated in conductance; for a level target it is the table's row.
 * <ul>
 *   <li>programming: {@code G_p = max(0, mean(G_t) + std(G_t)·z)};</li>
 *   <li>drift (if the table has {@code driftNuMean}/{@code driftNuStd}):
 *       {@code ν = |ν_mean(G_t) + ν_std(G_t)·z'|}, {@code G(t) = G_p·((t + t0)/t0)^(−ν)};</li>
 *   <li>read noise (if the table has {@code readStdUs}): {@code σ_read = readStd(G_p)·G(t)/G_p}
 *       (the measured σ, scaled with the drifted conductance).</li>
 * </ul>
 */
public final class TableDevice extends BaseDeviceModel {
    private final Path file;
    private final double g0S;
    private final double invStepS;
    private final int lastSegment;
    private final double[] offsetS;
    private final double[] stdS;
    private final double[] nuMean;
    private final double[] nuStd;
    private final double[] readStdS;
    private final double t0S;
    private final boolean compensate;
    private final boolean noiseZero;
    private final WriteCost write;

    TableDevice(CellParameters cell, Path file, LevelTable table, double t0S, boolean compensate, WriteCost write) {
        super(cell);
        this.file = file;
        int l = table.targetS.length;
        this.g0S = table.targetS[0];
        this.invStepS = (l - 1) / (table.targetS[l - 1] - table.targetS[0]);
        this.lastSegment = l - 2;
        this.offsetS = new double[l];
        boolean zero = true;
        for (int k = 0; k < l; k++) {
            offsetS[k] = table.meanS[k] - table.targetS[k];
            zero &= offsetS[k] == 0 && table.stdS[k] == 0;
        }
        this.noiseZero = zero;
        this.stdS = table.stdS.clone();
        this.nuMean = table.nuMean == null ? null : table.nuMean.clone();
        this.nuStd = table.nuStd == null ? null : table.nuStd.clone();
        this.readStdS = table.readStdS == null ? null : table.readStdS.clone();
        this.t0S = t0S;
        this.compensate = compensate;
        this.write = write;
    }

    /** Linear interpolation of {@code y} at conductance {@code gS} (clamped to the table's range). */
    private double interp(double[] y, double gS) {
        double u = (gS - g0S) * invStepS;
        if (u <= 0) {
            return y[0];
        }
        int k = (int) u;
        if (k > lastSegment) {
            return y[lastSegment + 1];
        }
        double w = u - k;
        return y[k] + w * (y[k + 1] - y[k]);
    }

    /** Interpolated mean of the programmed conductance for a target, siemens. */
    double meanS(double gTargetS) {
        return gTargetS + interp(offsetS, gTargetS);
    }

    @Override
    public String name() {
        return "table";
    }

    @Override
    public String summary() {
        return "table: " + file + ", " + levels() + " levels, drift " + (nuMean != null ? "from table" : "none")
                + ", read noise " + (readStdS != null ? "from table" : "none") + ", stuck LRS " + stuckAtLrsFraction()
                + " HRS " + stuckAtHrsFraction();
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
        return noiseZero && !hasStuckCells() && nuMean == null && readStdS == null;
    }

    @Override
    public double programmingSigmaS(double gTargetS) {
        return interp(stdS, gTargetS);
    }

    @Override
    public void program(float[] targetS, int from, int to, RandomGenerator rng, ProgrammedCells out) {
        checkRange(targetS, from, to, out);
        final boolean stuckPossible = hasStuckCells();
        final boolean drift = nuMean != null;
        long gap = stuckPossible ? stuckGap(rng) : Long.MAX_VALUE;
        for (int i = from; i < to; i++) {
            if (gap == 0) {
                writeStuck(out, i, stuckState(rng));
                gap = stuckGap(rng);
                continue;
            }
            gap--;
            double gt = targetS[i];
            double gp = gt + interp(offsetS, gt) + interp(stdS, gt) * rng.nextGaussian();
            out.gS[i] = (float) (gp > 0 ? gp : 0);
            out.stuck[i] = ProgrammedCells.FREE;
            out.drift[i] = drift ? (float) Math.abs(interp(nuMean, gt) + interp(nuStd, gt) * rng.nextGaussian()) : 0f;
        }
    }

    @Override
    public boolean drifts() {
        return nuMean != null;
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
    public double readNoiseSigmaS(float gProgS, float drift, byte stuck, double tS) {
        if (readStdS == null) {
            return 0;
        }
        double gp = stuck == ProgrammedCells.FREE ? gProgS : stuckConductanceS(stuck);
        double sigma = interp(readStdS, gp);
        if (gp <= 0) {
            return sigma;
        }
        return sigma * conductanceS(gProgS, drift, stuck, tS) / gp;
    }

    @Override
    public boolean driftCompensation() {
        return compensate;
    }
}
