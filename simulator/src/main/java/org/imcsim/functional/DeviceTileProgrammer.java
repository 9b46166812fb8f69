package org.imcsim.functional;

import java.util.random.RandomGenerator;
import org.imcsim.device.api.DeviceModel;
import org.imcsim.device.api.ProgrammedCells;
import org.imcsim.mapping.CrossbarTile;

/**
 * Programs crossbars through a {@link DeviceModel} (MODEL.md §4): each used cell's target
 * conductance {@code Gmin + level·ΔG} is programmed once per chip (write-verify residual, stuck
 * cells, per-device drift parameters), read at the inference time t (drift), with the per-cell
 * read-noise variance kept for output-referred read noise. Optional: global drift compensation
 * (one digital scale per array from a reference readout, applied after the ADC) and IR drop
 * through {@link IrDropApproximation}.
 */
public final class DeviceTileProgrammer implements TileProgrammer {
    private final DeviceModel device;
    private final int cellBits;
    private final double inferenceTimeS;
    private final Parasitics parasitics;
    private final boolean readNoise;

    /**
     * Wire parasitics of one array.
     *
     * @param wireOhm   wire resistance per cell segment (> 0)
     * @param driverOhm row driver output resistance (≥ 0)
     * @param senseOhm  column sense input resistance (≥ 0)
     * @param exact     solve the nodal network on every read (reference; small arrays) instead of
     *                  the fast approximation
     */
    public record Parasitics(double wireOhm, double driverOhm, double senseOhm, boolean exact) {
        /** The fast approximation. */
        public Parasitics(double wireOhm, double driverOhm, double senseOhm) {
            this(wireOhm, driverOhm, senseOhm, false);
        }

        public Parasitics {
            if (!(wireOhm > 0) || driverOhm < 0 || senseOhm < 0) {
                throw new IllegalArgumentException("need wire > 0 and driver, sense ≥ 0 Ohm");
            }
        }
    }

    /**
     * @param device          the device model (its cellBits must equal the mapping's)
     * @param cellBits        bits per cell the mapping used
     * @param inferenceTimeS  time since programming at which the chip is read (drift), seconds ≥ 0
     * @param parasitics      IR-drop parameters, or null for none
     */
    public DeviceTileProgrammer(DeviceModel device, int cellBits, double inferenceTimeS, Parasitics parasitics) {
        if (device.analog()) {
            throw new IllegalArgumentException("device " + device.name() + " is analog; crossbar mapping needs a multi-level cell (cellBits ≥ 1)");
        }
        if (device.cellBits() != cellBits) {
            throw new IllegalArgumentException("device has " + device.cellBits() + " bits per cell, the mapping uses " + cellBits);
        }
        if (!(inferenceTimeS >= 0) || !Double.isFinite(inferenceTimeS)) {
            throw new IllegalArgumentException("inference time must be ≥ 0 s, got " + inferenceTimeS);
        }
        this.device = device;
        this.cellBits = cellBits;
        this.inferenceTimeS = inferenceTimeS;
        this.parasitics = parasitics;
        this.readNoise = !device.ideal() && device.readNoiseSigmaS((float) device.gMaxS(), 0f, ProgrammedCells.FREE, inferenceTimeS) > 0;
    }

    public DeviceModel device() {
        return device;
    }

    @Override
    public boolean hasReadNoise() {
        return readNoise;
    }

    @Override
    public ProgrammedTile program(CrossbarTile tile, RandomGenerator rng) {
        int rows = tile.rowCount();
        int cols = tile.physCols();
        int n = rows * cols;
        byte[] levels = tile.levels();
        float[] target = new float[n];
        double gMin = device.gMinS();
        double step = device.levelStepS();
        int maxLevel = (1 << cellBits) - 1;
        for (int i = 0; i < n; i++) {
            int l = levels[i] & 0xFF;
            target[i] = (float) (l == maxLevel ? device.gMaxS() : gMin + l * step);
        }
        ProgrammedCells cells = new ProgrammedCells(n);
        device.program(target, 0, n, rng, cells);
        float[] gNow = new float[n];
        device.conductance(cells, 0, n, inferenceTimeS, gNow);
        double scale = device.driftCompensationScale(cells, 0, n, inferenceTimeS, rng);
        float[] var = null;
        if (readNoise) {
            float[] sigma = new float[n];
            device.readNoiseSigma(cells, 0, n, inferenceTimeS, sigma);
            var = new float[n];
            double inv = 1.0 / step;
            for (int i = 0; i < n; i++) {
                double s = sigma[i] * inv;
                var[i] = (float) (s * s);
            }
        }
        double inv = 1.0 / step;
        float[] g = new float[n];
        if (parasitics == null) {
            for (int i = 0; i < n; i++) {
                g[i] = (float) ((gNow[i] - gMin) * inv);
            }
            return new ProgrammedTile(tile, g, var, null, null, gMin * inv, scale, null);
        }
        if (parasitics.exact()) {
            double[] gS = new double[n];
            for (int i = 0; i < n; i++) {
                gS[i] = gNow[i];
                g[i] = (float) ((gNow[i] - gMin) * inv);
            }
            return new ProgrammedTile(tile, g, var, null, null, gMin * inv, scale, new ProgrammedTile.ExactIrDrop(gS, gMin, step,
                    parasitics.wireOhm(), parasitics.driverOhm(), parasitics.senseOhm()));
        }
        double[] gS = new double[n];
        for (int i = 0; i < n; i++) {
            gS[i] = gNow[i];
        }
        IrDropSolver solver = new IrDropSolver(rows, cols, parasitics.wireOhm(), parasitics.driverOhm(), parasitics.senseOhm());
        IrDropApproximation ir = IrDropApproximation.of(solver, rows, cols, gS);
        float[] colLoss = new float[n];
        float[] full = new float[cols];
        for (int i = 0; i < n; i++) {
            g[i] = (float) ((ir.rowSideS()[i] - gMin) * inv);
            colLoss[i] = (float) (ir.colLossS()[i] * inv);
        }
        for (int c = 0; c < cols; c++) {
            full[c] = (float) (ir.fullColumnS()[c] * inv);
        }
        return new ProgrammedTile(tile, g, var, colLoss, full, gMin * inv, scale, null);
    }
}
