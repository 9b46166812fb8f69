package org.imcsim.device.ideal;

import java.util.random.RandomGenerator;
import org.imcsim.device.api.BaseDeviceModel;
import org.imcsim.device.api.CellParameters;
import org.imcsim.device.api.ProgrammedCells;
import org.imcsim.device.api.WriteCost;
import org.imcsim.units.Dimension;
import org.imcsim.units.Quantity;

/**
 * A noise-free cell: programmed conductance equals the target, never stuck, never drifts, reads
 * without noise. Its electrical and cost figures are the same as the {@code rram} model's
 * defaults (NeuroSim V1.4), so an ideal run costs what an RRAM run costs. Draws nothing from the
 * random stream.
 */
public final class IdealDevice extends BaseDeviceModel {
    private final WriteCost write;

    IdealDevice(CellParameters cell, WriteCost write) {
        super(cell);
        this.write = write;
    }

    @Override
    public String name() {
        return "ideal";
    }

    @Override
    public String summary() {
        return "ideal: " + (analog() ? "analog" : cellBits() + " bit/cell") + ", G "
                + Quantity.format(gMinS(), Dimension.CONDUCTANCE) + ".." + Quantity.format(gMaxS(), Dimension.CONDUCTANCE)
                + ", exact programming, no stuck cells, no drift, no read noise";
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
        return true;
    }

    @Override
    public double programmingSigmaS(double gTargetS) {
        return 0;
    }

    @Override
    public void program(float[] targetS, int from, int to, RandomGenerator rng, ProgrammedCells out) {
        checkRange(targetS, from, to, out);
        System.arraycopy(targetS, from, out.gS, from, to - from);
        java.util.Arrays.fill(out.drift, from, to, 0f);
        java.util.Arrays.fill(out.stuck, from, to, ProgrammedCells.FREE);
    }

    @Override
    public boolean drifts() {
        return false;
    }

    @Override
    public double conductanceS(float gProgS, float drift, byte stuck, double tS) {
        return gProgS;
    }

    @Override
    public void conductance(ProgrammedCells cells, int from, int to, double tS, float[] outS) {
        checkRange(cells, from, to);
        System.arraycopy(cells.gS, from, outS, from, to - from);
    }

    @Override
    public double readNoiseSigmaS(float gProgS, float drift, byte stuck, double tS) {
        return 0;
    }

    @Override
    public void readNoiseSigma(ProgrammedCells cells, int from, int to, double tS, float[] outS) {
        checkRange(cells, from, to);
        java.util.Arrays.fill(outS, from, to, 0f);
    }

    @Override
    public boolean driftCompensation() {
        return false;
    }
}
