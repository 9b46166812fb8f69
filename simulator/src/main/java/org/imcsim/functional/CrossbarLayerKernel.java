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
 * <p>Two paths compute this: reads that draw nothing per read and record nothing (the default
 * scenario) go through {@link PlaneKernel}, a batch of vectors × input cycles as one vectorized
 * bit-plane product; everything else (read noise, ADC noise, IR drop, analog subtraction,
 * activity or partial-sum recording) reads one cycle at a time below. The two sum a partial sum's
 * rows in different orders (docs/models.md, "Kernel implementation"); both are exact on integer
 * conductances.
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
    private final boolean[] zeroIsZero;
    private final int[] rowBase;
    private final double[] colWeight;
    private final double[] values;
    private final int[] rowDigit;
    private double[] exactDrive = new double[0];
    private final PlaneKernel planes;

    /**
     * @param layer  the mapped layer
     * @param tiles  its programmed crossbars, in the order of {@code layer.tiles()}
     * @param adcs   the ADC of each tile (full or calibrated range already resolved)
     * @param signedInput whether inputs are two's complement (layers whose input can be negative)
     */
    public CrossbarLayerKernel(MappedLayer layer, ProgrammedTile[] tiles, AdcQuantizer[] adcs, boolean signedInput) {
        this(layer, tiles, adcs, signedInput, new PlaneScratch());
    }

    /** As the public constructor, with plane-product scratch shared by the layers of one worker thread. */
    CrossbarLayerKernel(MappedLayer layer, ProgrammedTile[] tiles, AdcQuantizer[] adcs, boolean signedInput, PlaneScratch scratch) {
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
        int maxRows = 0;
        for (ProgrammedTile pt : tiles) {
            maxRows = Math.max(maxRows, pt.tile().rowCount());
        }
        rowBase = new int[maxRows];
        // per physical column: 2^(s·cellBits), negated for the q⁻ half of a differential pair
        colWeight = new double[maxPhys];
        values = new double[maxPhys];
        int cpwAll = spec.cellsPerWeight();
        for (int c = 0; c < maxPhys; c++) {
            int r = c % cpwAll;
            colWeight[c] = (r < spec.slices() ? 1 : -1) * sliceWeight[r % spec.slices()];
        }
        rowDigit = new int[maxRows];
        zeroIsZero = new boolean[tiles.length];
        for (int t = 0; t < tiles.length; t++) {
            zeroIsZero[t] = adcs[t].convert(0.0) == 0.0;
        }
        acc = new float[maxPhys];
        accVar = new float[maxPhys];
        accLoss = new float[maxPhys];
        maxDigit = (1 << d) - 1;
        planes = analog || b > 22 ? null : new PlaneKernel(k, n, tiles, adcs, spec, offset, inputMask, cycShift, cycMask, cycWeight, colWeight,
                maxRows, maxPhys, scratch);
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
            if (planes != null && planePathFor(t, noise, activity)) {
                planes.multiplyTile(t, x, count, y);
            } else {
                multiplyTile(t, x, count, y, noise, activity);
            }
        }
    }

    /**
     * Whether tile t's reads can go through the bit-plane product ({@link PlaneKernel}): no
     * per-read draws, no IR drop, no bookkeeping, digital pair subtraction.
     */
    private boolean planePathFor(int t, RandomGenerator noise, ReadActivity activity) {
        ProgrammedTile pt = tiles[t];
        return activity == null && partialSums == null && pt.exact() == null && pt.colLoss() == null
                && (pt.readVar() == null || noise == null) && !adcs[t].impaired();
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
                boolean unitDigits = true;
                // branch-free gather of the driven rows: store every row, advance only past non-zero
                // digits (input bits are ~50 % ones, so a branch here mispredicts constantly)
                int digitOr = 0;
                for (int r = 0; r < rc; r++) {
                    int digit = ((x[xb + r] & inputMask) >>> shift) & mask;
                    rowBase[active] = r * pc;
                    rowDigit[active] = digit;
                    active += (digit | -digit) >>> 31;
                    cycleDigits += digit;
                    digitOr |= digit & ~1;
                }
                unitDigits = digitOr == 0;
                if (activity != null) {
                    for (int j = 0; j < active; j++) {
                        long d2 = (long) rowDigit[j] * rowDigit[j];
                        driveG += d2 * rowSum[rowBase[j] / pc];
                        driveCells += d2 * pc;
                    }
                }
                if (active > 0) {
                    accumulate(acc, g, active, pc, unitDigits, false);
                    if (var != null) {
                        accumulate(accVar, var, active, pc, unitDigits, true);
                    }
                    if (loss != null) {
                        accumulate(accLoss, loss, active, pc, unitDigits, false);
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
                if (cycleDigits == 0 && !adcNoise && zeroIsZero[t]) {
                    // no row driven: every partial sum is exactly 0 (no current, so no read noise),
                    // which this ADC converts to 0; the conversions still happen in hardware
                    conversions += analog ? (long) cc * slices : (long) pc;
                    continue;
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
                } else if (!adcNoise) {
                    // branch-free conversion of every column (the JIT vectorizes it), each value
                    // already multiplied by its slice weight and pair sign, then one sum per weight
                    adc.convertWeighted(acc, colWeight, pc, values);
                    for (int l = 0; l < cc; l++) {
                        int cb = l * cpw;
                        double sum = 0;
                        for (int c = cb; c < cb + cpw; c++) {
                            sum += values[c];
                        }
                        y[yb + l] += w * sum;
                    }
                    conversions += (long) pc;
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

    /**
     * dst[c] += Σ_j w_j · src[rowBase[j] + c] over the gathered active rows, eight (then four) rows per pass
     * so each dst element is loaded and stored once per group of rows (the loop is memory-bound
     * otherwise); w_j is the digit, or its square for variances, or 1 for a 1-bit DAC.
     */
    private void accumulate(float[] dst, float[] src, int n, int pc, boolean unit, boolean squared) {
        int j = 0;
        if (unit) {
            for (; j + 7 < n; j += 8) {
                int b0 = rowBase[j];
                int b1 = rowBase[j + 1];
                int b2 = rowBase[j + 2];
                int b3 = rowBase[j + 3];
                int b4 = rowBase[j + 4];
                int b5 = rowBase[j + 5];
                int b6 = rowBase[j + 6];
                int b7 = rowBase[j + 7];
                for (int c = 0; c < pc; c++) {
                    dst[c] += ((src[b0 + c] + src[b1 + c]) + (src[b2 + c] + src[b3 + c]))
                            + ((src[b4 + c] + src[b5 + c]) + (src[b6 + c] + src[b7 + c]));
                }
            }
            for (; j + 3 < n; j += 4) {
                int b0 = rowBase[j];
                int b1 = rowBase[j + 1];
                int b2 = rowBase[j + 2];
                int b3 = rowBase[j + 3];
                for (int c = 0; c < pc; c++) {
                    dst[c] += (src[b0 + c] + src[b1 + c]) + (src[b2 + c] + src[b3 + c]);
                }
            }
            for (; j < n; j++) {
                int b = rowBase[j];
                for (int c = 0; c < pc; c++) {
                    dst[c] += src[b + c];
                }
            }
            return;
        }
        for (; j + 3 < n; j += 4) {
            int b0 = rowBase[j];
            int b1 = rowBase[j + 1];
            int b2 = rowBase[j + 2];
            int b3 = rowBase[j + 3];
            float w0 = weight(rowDigit[j], squared);
            float w1 = weight(rowDigit[j + 1], squared);
            float w2 = weight(rowDigit[j + 2], squared);
            float w3 = weight(rowDigit[j + 3], squared);
            for (int c = 0; c < pc; c++) {
                dst[c] += (w0 * src[b0 + c] + w1 * src[b1 + c]) + (w2 * src[b2 + c] + w3 * src[b3 + c]);
            }
        }
        for (; j < n; j++) {
            int b = rowBase[j];
            float w = weight(rowDigit[j], squared);
            for (int c = 0; c < pc; c++) {
                dst[c] += w * src[b + c];
            }
        }
    }

    private static float weight(int digit, boolean squared) {
        return squared ? (float) digit * digit : digit;
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
