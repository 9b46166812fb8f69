package org.imcsim.functional;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.imcsim.mapping.CrossbarTile;
import org.imcsim.mapping.MappedLayer;
import org.imcsim.mapping.MappingSpec;
import org.imcsim.mapping.SignedScheme;
import org.imcsim.mapping.Subtraction;

/**
 * Bit-serial matrix-vector products of one mapped layer on its programmed crossbars
 * (MODEL.md §3): inputs are applied {@code dacBits} per read cycle, each column's partial sum
 * {@code p_j = Σ_i v_i·g_ij} (plus output-referred read noise) is converted by the ADC, and the
 * digital values are shift-added over input cycles, weight slices, pair polarity and row-blocks.
 * The result is in integer units of Σ_i q_ij·x_i; with the ideal device and an exact ADC it
 * equals that integer product exactly.
 *
 * <p>Signed (two's complement) inputs: the sign bit is read as its own 1-bit cycle weighted
 * −2^(inputBits−1); the other inputBits−1 bits are read dacBits at a time. With a 1-bit DAC that
 * is exactly "the most significant bit-plane weighted negatively".
 *
 * <p>Not thread-safe (it owns scratch buffers): use one instance per worker thread; instances
 * over the same tiles share the read-only tile data.
 */
public final class CrossbarLayerKernel {
    private final MappingSpec spec;
    private final int k;
    private final int n;
    private final ProgrammedTile[] tiles;
    private final AdcQuantizer[] adcs;
    private final boolean analog;
    private final int offset;
    private final int inputMask;
    private final int[] cycShift;
    private final int[] cycMask;
    private final double[] cycWeight;
    private final double[] sliceWeight;
    private final float[][] rowSums;
    private final float[] acc;
    private final float[] accVar;
    private final float[] accLoss;
    private final double maxDigit;
    private PercentileSketch partialSums;
    private final IrDropSolver[] exactSolvers;
    private double[] exactDrive = new double[0];

    /**
     * @param layer  the mapped layer
     * @param tiles  its programmed crossbars, in the order of {@code layer.tiles()}
     * @param adcs   the ADC of each tile (full or calibrated range already resolved)
     * @param signedInput whether inputs are two's complement (layers whose input can be negative)
     */
    public CrossbarLayerKernel(MappedLayer layer, ProgrammedTile[] tiles, AdcQuantizer[] adcs, boolean signedInput) {
        this.spec = layer.spec();
        this.k = layer.k();
        this.n = layer.n();
        if (tiles.length != layer.crossbars() || adcs.length != tiles.length) {
            throw new IllegalArgumentException("need one programmed tile and one ADC per crossbar (" + layer.crossbars() + ")");
        }
        this.tiles = tiles.clone();
        this.adcs = adcs.clone();
        this.analog = spec.signed() == SignedScheme.DIFFERENTIAL && spec.subtraction() == Subtraction.ANALOG;
        for (AdcQuantizer a : adcs) {
            if (a.isSigned() != analog) {
                throw new IllegalArgumentException(analog ? "analog subtraction needs signed ADCs" : "this scheme needs unsigned ADCs");
            }
        }
        this.offset = spec.signed() == SignedScheme.OFFSET ? spec.maxWeightCode() : 0;
        int b = spec.inputBits();
        int d = spec.dacBits();
        this.inputMask = b >= 31 ? -1 : (1 << b) - 1;
        int magBits = signedInput ? b - 1 : b;
        int magCycles = (magBits + d - 1) / d;
        int cycles = magCycles + (signedInput ? 1 : 0);
        cycShift = new int[cycles];
        cycMask = new int[cycles];
        cycWeight = new double[cycles];
        for (int c = 0; c < magCycles; c++) {
            int bitsHere = Math.min(d, magBits - c * d);
            cycShift[c] = c * d;
            cycMask[c] = (1 << bitsHere) - 1;
            cycWeight[c] = Math.scalb(1.0, c * d);
        }
        if (signedInput) {
            cycShift[cycles - 1] = b - 1;
            cycMask[cycles - 1] = 1;
            cycWeight[cycles - 1] = -Math.scalb(1.0, b - 1);
        }
        sliceWeight = new double[spec.slices()];
        for (int s = 0; s < sliceWeight.length; s++) {
            sliceWeight[s] = Math.scalb(1.0, s * spec.cellBits());
        }
        int maxPhys = 0;
        rowSums = new float[tiles.length][];
        for (int t = 0; t < tiles.length; t++) {
            CrossbarTile tile = tiles[t].tile();
            maxPhys = Math.max(maxPhys, tile.physCols());
            float[] g = tiles[t].g();
            float[] sums = new float[tile.rowCount()];
            for (int r = 0; r < sums.length; r++) {
                float sum = 0;
                for (int c = 0; c < tile.physCols(); c++) {
                    sum += g[r * tile.physCols() + c];
                }
                sums[r] = sum;
            }
            rowSums[t] = sums;
        }
        exactSolvers = new IrDropSolver[tiles.length];
        acc = new float[maxPhys];
        accVar = new float[maxPhys];
        accLoss = new float[maxPhys];
        maxDigit = (1 << d) - 1;
    }

    /**
     * Records every pre-ADC partial sum (|p| for analog subtraction) into {@code sink}, for the
     * calibrated ADC range; null turns recording off.
     */
    public void recordPartialSums(PercentileSketch sink) {
        this.partialSums = sink;
    }

    /** Read cycles per input vector (T_in, plus the sign cycle for signed inputs). */
    public int cycles() {
        return cycShift.length;
    }

    /** The full-scale partial sum of a tile: rows used × (L−1) × (2^dacBits − 1) (MODEL.md §3 "full"). */
    public static double fullRange(CrossbarTile tile, MappingSpec spec) {
        return (double) tile.rowCount() * (spec.levels() - 1) * ((1 << spec.dacBits()) - 1);
    }

    /**
     * Computes y[v·n + j] = Σ_i q_ij·x[v·k + i] as the crossbars compute it, for {@code count}
     * input vectors.
     *
     * @param x      input codes, row-major count × K (unsigned 0..2^b−1, or signed two's complement values)
     * @param y      output, row-major count × N; overwritten
     * @param noise  random stream for read noise (used only if tiles carry read variance); may be null otherwise
     * @param activity accumulates data-dependent activity; may be null
     */
    public void multiply(int[] x, int count, double[] y, RandomGenerator noise, ReadActivity activity) {
        Arrays.fill(y, 0, count * n, 0.0);
        for (int t = 0; t < tiles.length; t++) {
            multiplyTile(t, x, count, y, noise, activity);
        }
    }

    private void multiplyTile(int t, int[] x, int count, double[] y, RandomGenerator noise, ReadActivity activity) {
        ProgrammedTile pt = tiles[t];
        CrossbarTile tile = pt.tile();
        AdcQuantizer adc = adcs[t];
        float[] g = pt.g();
        float[] var = pt.readVar();
        float[] rowSum = rowSums[t];
        float[] loss = pt.colLoss();
        float[] fullCol = pt.fullColumn();
        double gMinLevels = pt.gMinLevels();
        ProgrammedTile.ExactIrDrop exact = pt.exact();
        IrDropSolver solver = null;
        if (exact != null) {
            solver = exactSolvers[t];
            if (solver == null) {
                solver = new IrDropSolver(tile.rowCount(), tile.physCols(), exact.wireOhm(), exact.driverOhm(), exact.senseOhm());
                exactSolvers[t] = solver;
            }
            if (exactDrive.length < tile.rowCount()) {
                exactDrive = new double[tile.rowCount()];
            }
        }
        boolean adcNoise = adc.impaired();
        boolean drawAdc = adcNoise && adc.noiseLsb() > 0 && noise != null;
        int rc = tile.rowCount();
        int pc = tile.physCols();
        int r0 = tile.rowStart();
        int c0 = tile.colStart();
        int cc = tile.colCount();
        int slices = spec.slices();
        int cpw = spec.cellsPerWeight();
        double tileSign = tile.sign() * pt.outputScale();
        long readCycles = 0;
        long activeRows = 0;
        long digitSum = 0;
        long driveCells = 0;
        double driveG = 0;
        long conversions = 0;
        for (int v = 0; v < count; v++) {
            int xb = v * k + r0;
            int yb = v * n + c0;
            for (int cy = 0; cy < cycShift.length; cy++) {
                int shift = cycShift[cy];
                int mask = cycMask[cy];
                Arrays.fill(acc, 0, pc, 0f);
                if (var != null) {
                    Arrays.fill(accVar, 0, pc, 0f);
                }
                if (loss != null) {
                    Arrays.fill(accLoss, 0, pc, 0f);
                }
                int active = 0;
                long cycleDigits = 0;
                for (int r = 0; r < rc; r++) {
                    int digit = ((x[xb + r] & inputMask) >>> shift) & mask;
                    if (digit == 0) {
                        continue;
                    }
                    active++;
                    cycleDigits += digit;
                    driveG += (double) digit * digit * rowSum[r];
                    driveCells += (long) digit * digit * pc;
                    int base = r * pc;
                    if (digit == 1) {
                        for (int c = 0; c < pc; c++) {
                            acc[c] += g[base + c];
                        }
                        if (var != null) {
                            for (int c = 0; c < pc; c++) {
                                accVar[c] += var[base + c];
                            }
                        }
                        if (loss != null) {
                            for (int c = 0; c < pc; c++) {
                                accLoss[c] += loss[base + c];
                            }
                        }
                    } else {
                        float fd = digit;
                        float fd2 = fd * fd;
                        for (int c = 0; c < pc; c++) {
                            acc[c] += fd * g[base + c];
                        }
                        if (var != null) {
                            for (int c = 0; c < pc; c++) {
                                accVar[c] += fd2 * var[base + c];
                            }
                        }
                        if (loss != null) {
                            for (int c = 0; c < pc; c++) {
                                accLoss[c] += fd * loss[base + c];
                            }
                        }
                    }
                }
                digitSum += cycleDigits;
                if (solver != null) {
                    // exact IR drop: one nodal solve of this read with drives equal to the digits
                    for (int r = 0; r < rc; r++) {
                        exactDrive[r] = ((x[xb + r] & inputMask) >>> shift) & mask;
                    }
                    if (cycleDigits > 0) {
                        double[] current = solver.solve(exact.gS(), exactDrive, null, null);
                        double ref = exact.gMinS() * cycleDigits;
                        for (int c = 0; c < pc; c++) {
                            acc[c] = (float) ((current[c] - ref) / exact.stepS());
                        }
                    }
                }
                if (loss != null && cycleDigits > 0) {
                    // column-side IR drop scales with the column's current relative to full drive
                    double refCurrent = gMinLevels * cycleDigits;
                    for (int c = 0; c < pc; c++) {
                        double kappa = fullCol[c] > 0 ? (acc[c] + refCurrent) / (maxDigit * fullCol[c]) : 0;
                        acc[c] -= (float) (kappa * accLoss[c]);
                    }
                }
                readCycles++;
                activeRows += active;
                if (var != null && noise != null) {
                    for (int c = 0; c < pc; c++) {
                        acc[c] += (float) (Math.sqrt(accVar[c]) * noise.nextGaussian());
                    }
                }
                if (partialSums != null) {
                    record(pc, cpw, slices, cc);
                }
                double w = cycWeight[cy] * tileSign;
                if (analog) {
                    for (int l = 0; l < cc; l++) {
                        int cb = l * cpw;
                        double sum = 0;
                        for (int s = 0; s < slices; s++) {
                            double pv = (double) acc[cb + s] - acc[cb + slices + s];
                            sum += sliceWeight[s] * (adcNoise ? adc.convert(pv, drawAdc ? noise.nextGaussian() : 0) : adc.convert(pv));
                        }
                        y[yb + l] += w * sum;
                    }
                    conversions += (long) cc * slices;
                } else {
                    int pols = spec.polarities();
                    for (int l = 0; l < cc; l++) {
                        int cb = l * cpw;
                        double sum = 0;
                        for (int s = 0; s < slices; s++) {
                            sum += sliceWeight[s] * (adcNoise ? adc.convert(acc[cb + s], drawAdc ? noise.nextGaussian() : 0) : adc.convert(acc[cb + s]));
                        }
                        if (pols == 2) {
                            for (int s = 0; s < slices; s++) {
                                double pv = acc[cb + slices + s];
                                sum -= sliceWeight[s] * (adcNoise ? adc.convert(pv, drawAdc ? noise.nextGaussian() : 0) : adc.convert(pv));
                            }
                        }
                        y[yb + l] += w * sum;
                    }
                    conversions += (long) pc;
                }
            }
            if (offset != 0) {
                long sx = 0;
                for (int r = 0; r < rc; r++) {
                    sx += x[xb + r];
                }
                double corr = (double) offset * sx;
                for (int l = 0; l < cc; l++) {
                    y[yb + l] -= corr;
                }
            }
        }
        if (activity != null) {
            activity.readCycles += readCycles;
            activity.activeRows += activeRows;
            activity.inputDigitSum += digitSum;
            activity.driveCells += driveCells;
            activity.driveConductanceSum += driveG;
            activity.adcConversions += conversions;
        }
    }

    private void record(int pc, int cpw, int slices, int cc) {
        if (analog) {
            for (int l = 0; l < cc; l++) {
                int cb = l * cpw;
                for (int s = 0; s < slices; s++) {
                    partialSums.add(Math.abs((double) acc[cb + s] - acc[cb + slices + s]));
                }
            }
        } else {
            for (int c = 0; c < pc; c++) {
                partialSums.add(acc[c]);
            }
        }
    }
}
