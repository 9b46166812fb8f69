package org.imcsim.hardware;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

import java.util.ArrayList;
import java.util.List;
import org.imcsim.mapping.CrossbarTile;
import org.imcsim.mapping.MappedLayer;
import org.imcsim.mapping.MappingSpec;
import org.imcsim.mapping.ScaleMode;
import org.imcsim.mapping.SignedScheme;
import org.imcsim.mapping.WeightQuantizer;
import org.imcsim.workload.CrossbarLayer;

/**
 * Measures a layer's read activity on its actual weights and input codes (MODEL.md §3 with 1-bit
 * row drivers): for every input vector, row-block and bit-plane {@code k} the set of driven rows
 * {@code A_k} (rows whose input code has bit k set; two's complement for signed inputs) is a bit mask;
 * for every array column and level bit {@code b} the rows whose level has bit b set are another mask;
 * the column's level sum is {@code Σ_b 2^b · popcount(A_k ∧ W_cb)}. Masks are {@code long} words, so a
 * 128-row column costs two AND+POPCNT per level bit per plane. Results go into a {@link LayerActivity}.
 *
 * <p>Prepared weights ({@link Prepared}) are immutable and shared; {@link #measure} may run on any
 * thread over any vector range, and partial results merge exactly (integer sums).
 */
final class ActivityKernel {
    private ActivityKernel() {
    }

    /** One array's column masks: {@code bits[(c·cellBits + b)·words + w]}, rows of level bit b set in column c. */
    record ArrayBits(int physCols, long[] bits) {
    }

    /** A layer's weights as column bit masks, grouped by row-block. */
    static final class Prepared {
        final String name;
        final int k;
        final int cellBits;
        final int[] rowStart;
        final int[] rowCount;
        /** Physical row → fan-in row (null: identity); kernel-position layers group one position's rows. */
        final int[] rowOrder;
        final ArrayBits[][] arrays; // [row-block][array]
        final int maxPhysCols;
        final int maxLevelSum;
        final boolean pairs;
        final int cellsPerWeight;
        final int slices;
        final int colBlocks;
        final int crossbars;
        final long usedCells;
        /** Per row-block, the column masks of all its arrays back to back (one pass per plane reads them all). */
        final long[][] merged;
        /** Per row-block, the physical columns of all its arrays. */
        final int[] mergedCols;
        final int maxMergedCols;

        Prepared(String name, int k, int cellBits, int[] rowStart, int[] rowCount, int[] rowOrder, ArrayBits[][] arrays,
                 int maxPhysCols, int maxLevelSum, boolean pairs, int cellsPerWeight, int slices, int colBlocks) {
            this.name = name;
            this.k = k;
            this.cellBits = cellBits;
            this.rowStart = rowStart;
            this.rowCount = rowCount;
            this.rowOrder = rowOrder;
            this.arrays = arrays;
            this.maxPhysCols = maxPhysCols;
            this.maxLevelSum = maxLevelSum;
            this.pairs = pairs;
            this.cellsPerWeight = cellsPerWeight;
            this.slices = slices;
            this.colBlocks = colBlocks;
            int xb = 0;
            long cells = 0;
            for (int i = 0; i < arrays.length; i++) {
                for (ArrayBits a : arrays[i]) {
                    xb++;
                    cells += (long) a.physCols() * rowCount[i];
                }
            }
            this.crossbars = xb;
            this.usedCells = cells;
            merged = new long[arrays.length][];
            mergedCols = new int[arrays.length];
            int mc = 1;
            for (int i = 0; i < arrays.length; i++) {
                int len = 0;
                for (ArrayBits a : arrays[i]) {
                    len += a.bits().length;
                    mergedCols[i] += a.physCols();
                }
                long[] m = new long[len];
                int at = 0;
                for (ArrayBits a : arrays[i]) {
                    System.arraycopy(a.bits(), 0, m, at, a.bits().length);
                    at += a.bits().length;
                }
                merged[i] = m;
                mc = Math.max(mc, mergedCols[i]);
            }
            maxMergedCols = mc;
        }

        /** Row-blocks of the layer: ceil(K / rows). */
        int rowBlocks() {
            return arrays.length;
        }
    }

    /** Turns a mapped layer's levels into column masks. */
    static Prepared prepare(MappedLayer ml, boolean analogPairs) {
        int cellBits = ml.spec().cellBits();
        int rb = ml.rowBlocks();
        int rows = ml.spec().rows();
        int[] rowStart = new int[rb];
        int[] rowCount = new int[rb];
        List<List<ArrayBits>> byBlock = new ArrayList<>();
        for (int i = 0; i < rb; i++) {
            rowStart[i] = i * rows;
            rowCount[i] = Math.min(rows, ml.k() - i * rows);
            byBlock.add(new ArrayList<>());
        }
        int maxCols = 1;
        for (CrossbarTile t : ml.tiles()) {
            int rc = t.rowCount();
            int pc = t.physCols();
            int words = (rc + 63) >>> 6;
            long[] bits = new long[pc * cellBits * words];
            byte[] lv = t.levels();
            for (int r = 0; r < rc; r++) {
                int off = r * pc;
                int w = r >>> 6;
                long bit = 1L << (r & 63);
                for (int c = 0; c < pc; c++) {
                    int level = lv[off + c] & 0xFF;
                    int base = c * cellBits * words + w;
                    while (level != 0) {
                        int b = Integer.numberOfTrailingZeros(level);
                        bits[base + b * words] |= bit;
                        level &= level - 1;
                    }
                }
            }
            byBlock.get(t.rowBlock()).add(new ArrayBits(pc, bits));
            maxCols = Math.max(maxCols, pc);
        }
        ArrayBits[][] arrays = new ArrayBits[rb][];
        for (int i = 0; i < rb; i++) {
            arrays[i] = byBlock.get(i).toArray(new ArrayBits[0]);
        }
        boolean pairs = analogPairs && ml.spec().polarities() == 2;
        int maxWs = rows * ((1 << cellBits) - 1) * (pairs ? 2 : 1);
        return new Prepared(ml.name(), ml.k(), cellBits, rowStart, rowCount, null, arrays, maxCols, maxWs, pairs,
                ml.spec().cellsPerWeight(), ml.spec().slices(), ml.colBlocks());
    }

    /**
     * Builds the column masks straight from a layer's float weights, without the byte-per-cell layout
     * of {@link org.imcsim.mapping.LayerMapper}: the same quantization ({@link WeightQuantizer}'s
     * formula), signed encoding, bit slicing, tiling and crossbar pruning (MODEL.md §2), column by column
     * in the weights' native {@code [N][K]} order. Equal to {@code prepare(LayerMapper.map(...))}
     * (tested).
     *
     * @throws IllegalArgumentException for a unipolar mapping of a mixed-sign block (as LayerMapper)
     */
    static Prepared prepare(CrossbarLayer layer, MappingSpec ms, boolean analogPairs) {
        return prepare(layer, ms, analogPairs, 1);
    }

    /**
     * As {@link #prepare(CrossbarLayer, MappingSpec, boolean)}; with {@code kernelPositions > 1} the rows are
     * arranged one kernel position after another (NeuroSim's kernel-position mapping): fan-in row
     * {@code r = ci·kPos + p} (CrossbarLayer's order) becomes physical row {@code p·Cin + ci}, and each
     * position's {@code Cin} rows are tiled on their own {@code ⌈Cin/rows⌉} arrays.
     */
    static Prepared prepare(CrossbarLayer layer, MappingSpec ms, boolean analogPairs, int kernelPositions) {
        int k = layer.rows();
        int n = layer.cols();
        int bits = ms.weightBits();
        int qmax = (1 << (bits - 1)) - 1;
        short[] qw = quantized(layer, bits, ms.scale()); // [N][K]
        ScaleMode mode = ms.scale();
        int rows = ms.rows();
        int perArray = ms.logicalColsPerArray();
        int cpw = ms.cellsPerWeight();
        int slices = ms.slices();
        int cellBits = ms.cellBits();
        int cellMask = (1 << cellBits) - 1;
        SignedScheme scheme = ms.signed();
        int offset = scheme == SignedScheme.OFFSET ? qmax : 0;
        // stored bit t lands in slice t / cellBits, level bit t % cellBits: column (base + t/cb), plane t%cb,
        // i.e. mask index ((base + t/cb)·cb + t%cb)·words = (base·cb + t)·words — consecutive in t
        int storedBits = ms.storedBits();
        int colBlocks = (n + perArray - 1) / perArray;
        int rowBlocks;
        int[] rowStart;
        int[] rowCount;
        int[] order = null;
        if (kernelPositions > 1) {
            if (k % kernelPositions != 0) {
                throw new IllegalArgumentException("layer " + layer.name() + ": fan-in " + k
                        + " is not a multiple of the kernel positions " + kernelPositions);
            }
            int cin = k / kernelPositions;
            int perPos = (cin + rows - 1) / rows;
            rowBlocks = kernelPositions * perPos;
            rowStart = new int[rowBlocks];
            rowCount = new int[rowBlocks];
            for (int pos = 0; pos < kernelPositions; pos++) {
                for (int bl = 0; bl < perPos; bl++) {
                    rowStart[pos * perPos + bl] = pos * cin + bl * rows;
                    rowCount[pos * perPos + bl] = Math.min(rows, cin - bl * rows);
                }
            }
            order = new int[k];
            for (int q = 0; q < k; q++) {
                order[q] = (q % cin) * kernelPositions + q / cin;
            }
        } else {
            rowBlocks = (k + rows - 1) / rows;
            rowStart = new int[rowBlocks];
            rowCount = new int[rowBlocks];
            for (int i = 0; i < rowBlocks; i++) {
                rowStart[i] = i * rows;
                rowCount[i] = Math.min(rows, k - i * rows);
            }
        }
        long[][][] blockBits = new long[rowBlocks][colBlocks][];
        byte[][] signs = new byte[rowBlocks][colBlocks]; // bit 0: a positive code, bit 1: a negative code
        for (int cbk = 0; cbk < colBlocks; cbk++) {
            int cc = Math.min(perArray, n - cbk * perArray);
            for (int rb = 0; rb < rowBlocks; rb++) {
                int words = (rowCount[rb] + 63) >>> 6;
                blockBits[rb][cbk] = new long[cc * cpw * cellBits * words];
            }
        }
        int[] pv = new int[64];
        int[] nv = new int[64];
        for (int j = 0; j < n; j++) {
            int cbk = j / perArray;
            int colBase = (j % perArray) * cpw;
            int wbase = j * k;
            for (int rb = 0; rb < rowBlocks; rb++) {
                int r0 = rowStart[rb];
                int rc = rowCount[rb];
                int words = (rc + 63) >>> 6;
                long[] bb = blockBits[rb][cbk];
                int sign = 0;
                for (int wi = 0; wi < words; wi++) {
                    // the codes of up to 64 rows, then one mask word per stored bit (bit-matrix transpose)
                    int rBeg = wi << 6;
                    int rEnd = Math.min(rc, rBeg + 64);
                    if (rEnd - rBeg < 64) {
                        java.util.Arrays.fill(pv, 0);
                        java.util.Arrays.fill(nv, 0);
                    }
                    int anyNeg = 0;
                    int qHi = 0;
                    int qLo = 0;
                    switch (scheme) {
                        case DIFFERENTIAL -> {
                            for (int r = rBeg; r < rEnd; r++) {
                                int q = qw[wbase + (order == null ? r0 + r : order[r0 + r])];
                                qHi = Math.max(qHi, q);
                                qLo = Math.min(qLo, q);
                                pv[r - rBeg] = Math.max(q, 0);
                                int neg = Math.max(-q, 0);
                                nv[r - rBeg] = neg;
                                anyNeg |= neg;
                            }
                        }
                        case OFFSET -> {
                            for (int r = rBeg; r < rEnd; r++) {
                                int q = qw[wbase + (order == null ? r0 + r : order[r0 + r])];
                                qHi = Math.max(qHi, q);
                                qLo = Math.min(qLo, q);
                                pv[r - rBeg] = q + offset;
                            }
                        }
                        default -> {
                            for (int r = rBeg; r < rEnd; r++) {
                                int q = qw[wbase + (order == null ? r0 + r : order[r0 + r])];
                                qHi = Math.max(qHi, q);
                                qLo = Math.min(qLo, q);
                                pv[r - rBeg] = Math.abs(q);
                            }
                        }
                    }
                    sign |= (qHi > 0 ? 1 : 0) | (qLo < 0 ? 2 : 0);
                    transpose(pv, storedBits, bb, colBase * cellBits * words + wi, words);
                    if (anyNeg != 0) {
                        transpose(nv, storedBits, bb, (colBase + slices) * cellBits * words + wi, words);
                    }
                }
                signs[rb][cbk] |= (byte) sign;
            }
        }
        ArrayBits[][] arrays = new ArrayBits[rowBlocks][];
        int maxCols = 1;
        for (int rb = 0; rb < rowBlocks; rb++) {
            List<ArrayBits> kept = new ArrayList<>();
            for (int cbk = 0; cbk < colBlocks; cbk++) {
                int sg = signs[rb][cbk];
                if (sg == 0) {
                    continue; // crossbar pruning: an all-zero block is not allocated
                }
                int cc = Math.min(perArray, n - cbk * perArray);
                if (scheme == SignedScheme.UNIPOLAR && sg == 3) {
                    int r0 = rowStart[rb];
                    int c0 = cbk * perArray;
                    throw new IllegalArgumentException("layer " + layer.name() + ": unipolar mapping needs one sign per "
                            + "crossbar, but the block of rows " + r0 + ".." + (r0 + rowCount[rb] - 1) + " × columns " + c0
                            + ".." + (c0 + cc - 1) + " holds positive and negative weights");
                }
                kept.add(new ArrayBits(cc * cpw, blockBits[rb][cbk]));
                maxCols = Math.max(maxCols, cc * cpw);
            }
            arrays[rb] = kept.toArray(new ArrayBits[0]);
        }
        boolean pairs = analogPairs && ms.polarities() == 2;
        int maxWs = rows * cellMask * (pairs ? 2 : 1);
        return new Prepared(layer.name(), k, cellBits, rowStart, rowCount, order, arrays, maxCols, maxWs, pairs, cpw,
                slices, colBlocks);
    }

    /** Quantized weights by layer weight array (identity) and (bits, scale mode): one quantization per sweep. */
    private static final Map<float[], Map<Integer, short[]>> QUANTIZED = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * The layer's weights quantized as {@link WeightQuantizer} does ({@code rint(w / s)} clamped to
     * {@code ±(2^(bits−1) − 1)}, {@code s} per layer or per output channel, optionally rounded up to a power of
     * two), in the weights' {@code [N][K]} order. Cached while the network lives: points of a sweep that tile
     * the same weights differently quantize them once. Read only.
     */
    static short[] quantized(CrossbarLayer layer, int bits, ScaleMode mode) {
        float[] w = layer.weightsView();
        Integer key = bits * 64 + mode.ordinal();
        Map<Integer, short[]> byMode = QUANTIZED.computeIfAbsent(w, x -> new ConcurrentHashMap<>());
        short[] q = byMode.get(key);
        if (q == null) {
            q = quantize(w, layer.rows(), layer.cols(), bits, mode);
            byMode.putIfAbsent(key, q);
        }
        return q;
    }

    private static short[] quantize(float[] w, int k, int n, int bits, ScaleMode mode) {
        int qmax = (1 << (bits - 1)) - 1;
        double[] maxAbs = new double[n];
        double layerMax = 0;
        for (int j = 0; j < n; j++) {
            double m = 0;
            for (int i = j * k, e = i + k; i < e; i++) {
                double a = Math.abs(w[i]);
                if (a > m) {
                    m = a;
                }
            }
            maxAbs[j] = m;
            layerMax = Math.max(layerMax, m);
        }
        short[] q = new short[n * k];
        for (int j = 0; j < n; j++) {
            double m = mode.perChannel() ? maxAbs[j] : layerMax;
            double s = m > 0 ? m / qmax : 1.0;
            if (mode.powerOfTwo()) {
                s = WeightQuantizer.roundUpToPowerOfTwo(s);
            }
            for (int i = j * k, e = i + k; i < e; i++) {
                double x = Math.rint(w[i] / s);
                q[i] = (short) Math.max(-qmax, Math.min(qmax, x));
            }
        }
        return q;
    }

    /**
     * Writes bit {@code t} of the 64 codes {@code v} (row i → bit i) to {@code out[at + t·stride]} for
     * {@code t < bitCount}: a 64 × 8 bit-matrix transpose per byte of the codes, eight rows at a time
     * ({@code ((x >>> t) & 0x0101…01) · 0x0102…80 >>> 56} gathers bit t of x's eight bytes into one byte).
     */
    static void transpose(int[] v, int bitCount, long[] out, int at, int stride) {
        for (int q = 0; q < bitCount; q += 8) {
            long l0 = pack8(v, 0, q);
            long l1 = pack8(v, 8, q);
            long l2 = pack8(v, 16, q);
            long l3 = pack8(v, 24, q);
            long l4 = pack8(v, 32, q);
            long l5 = pack8(v, 40, q);
            long l6 = pack8(v, 48, q);
            long l7 = pack8(v, 56, q);
            int te = Math.min(8, bitCount - q);
            for (int t = 0; t < te; t++) {
                long word = gather(l0, t) | gather(l1, t) << 8 | gather(l2, t) << 16 | gather(l3, t) << 24
                        | gather(l4, t) << 32 | gather(l5, t) << 40 | gather(l6, t) << 48 | gather(l7, t) << 56;
                out[at + (q + t) * stride] = word;
            }
        }
    }

    /** Byte {@code j} of the result is bits {@code q..q+7} of {@code v[i + j]}. */
    private static long pack8(int[] v, int i, int q) {
        long x = 0;
        for (int j = 0; j < 8; j++) {
            x |= (long) ((v[i + j] >>> q) & 0xFF) << (8 * j);
        }
        return x;
    }

    /** Bit j of the result is bit {@code t} of byte j of {@code x}. */
    private static long gather(long x, int t) {
        return (((x >>> t) & 0x0101010101010101L) * 0x0102040810204080L) >>> 56;
    }

    /** An empty record sized for {@code p} with 1-bit row drivers. */
    static LayerActivity empty(Prepared p) {
        return empty(p, 1);
    }

    /** An empty record sized for {@code p} with {@code dacBits}-bit row drivers (level sums scale by 2^b − 1). */
    static LayerActivity empty(Prepared p, int dacBits) {
        return new LayerActivity(p.name, p.maxLevelSum * ((1 << dacBits) - 1));
    }

    /**
     * Adds the activity of vectors {@code [from, to)} to {@code out}.
     *
     * @param codes     input codes, {@code vectors × K}, two's complement within {@code inputBits}
     * @param inputBits bits (= bit-planes) per input
     */
    static void measure(Prepared p, short[] codes, int from, int to, int inputBits, LayerActivity out) {
        measure(p, codes, from, to, inputBits, 1, out);
    }

    /**
     * As {@link #measure(Prepared, short[], int, int, int, LayerActivity)} with {@code dacBits}-bit row drivers:
     * read step {@code s} drives row {@code r} at level {@code v_r = (code_r >> s·b) & (2^b − 1)}; a column's
     * level sum is {@code Σ_r v_r·level_r} and its drive {@code Σ_r v_r}, both in units of one DAC step (the
     * cost model divides by {@code 2^b − 1} to get the column conductance at the full read voltage). Rows with
     * a nonzero level count as driven.
     */
    static void measure(Prepared p, short[] codes, int from, int to, int inputBits, int dacBits, LayerActivity out) {
        measure(p, codes, from, to, inputBits, dacBits, false, out);
    }

    /**
     * As {@link #measure(Prepared, short[], int, int, int, int, LayerActivity)}, for inputs that are two's
     * complement when {@code signedInput}: with multi-bit row drivers the magnitude bits {@code 0..inputBits−2}
     * are then read {@code dacBits} at a time and the sign bit in a read step of its own (level 1), as the
     * functional model reads them ({@link HardwareSpec#inputCycles(boolean)} steps per vector). With 1-bit
     * drivers every bit is its own step either way.
     */
    static void measure(Prepared p, short[] codes, int from, int to, int inputBits, int dacBits, boolean signedInput,
                        LayerActivity out) {
        out.signedInput(signedInput);
        if (dacBits > 1) {
            measureMultiBit(p, codes, from, to, inputBits, dacBits, signedInput, out);
            return;
        }
        int planes = inputBits;
        int codeMask = (1 << inputBits) - 1;
        int cb = p.cellBits;
        int maxWords = 1;
        for (int c : p.rowCount) {
            maxWords = Math.max(maxWords, (c + 63) >>> 6);
        }
        long[] masks = new long[planes * maxWords];
        int[] active = new int[planes];
        int[] colWs = new int[p.maxMergedCols];
        int bins = p.maxLevelSum + 1;
        int maxRows = 0;
        for (int c : p.rowCount) {
            maxRows = Math.max(maxRows, c);
        }
        // counts keyed by (rows driven a, level sum ws): one increment per conversion, in the row of the
        // current plane's a (L1-resident); drive sums are Σ_a a·count at the end. Two interleaved copies
        // (even/odd columns) break the store-to-load chains of repeated bins. The scratch is per thread and
        // only its touched rows are folded and cleared.
        Scratch sc = Scratch.get((maxRows + 1) * bins);
        long[] h2 = sc.h2;
        long[] h2b = sc.h2b;
        int aMax = 0;
        long[] hist = new long[bins];
        long[] drive = new long[bins];
        long planeReads = 0;
        long activeRows = 0;
        long idle = 0;
        int k = p.k;
        for (int v = from; v < to; v++) {
            int base = v * k;
            for (int blk = 0; blk < p.arrays.length; blk++) {
                ArrayBits[] arrays = p.arrays[blk];
                if (arrays.length == 0) {
                    continue;
                }
                int r0 = p.rowStart[blk];
                int rc = p.rowCount[blk];
                int words = (rc + 63) >>> 6;
                rowMasks(codes, base, p.rowOrder, r0, rc, codeMask, planes, words, masks);
                long activeSum = 0;
                for (int kk = 0; kk < planes; kk++) {
                    int a = 0;
                    for (int w = 0; w < words; w++) {
                        a += Long.bitCount(masks[kk * words + w]);
                    }
                    active[kk] = a;
                    activeSum += a;
                    aMax = Math.max(aMax, a);
                }
                planeReads += (long) planes * arrays.length;
                activeRows += activeSum * arrays.length;
                {
                    // all arrays of the row-block at once: their columns are consecutive in merged[blk]
                    int pc = p.mergedCols[blk];
                    long[] bits = p.merged[blk];
                    int conv = p.pairs ? pc / 2 : pc;
                    for (int kk = 0; kk < planes; kk++) {
                        int a = active[kk];
                        if (a == 0) {
                            idle += conv;
                            continue;
                        }
                        int mo = kk * words;
                        int row = a * bins;
                        if (!p.pairs) {
                            convert(masks, mo, words, bits, pc, cb, h2, h2b, row);
                            continue;
                        }
                        for (int c = 0; c < pc; c++) {
                            colWs[c] = levelSum(masks, mo, bits, c * cb * words, cb, words);
                        }
                        addPairs(colWs, pc, p.cellsPerWeight, p.slices, 2L * a, hist, drive);
                    }
                }
            }
        }
        hist[0] += idle;
        int maxLevel = (1 << cb) - 1;
        for (int a = 0; a <= aMax; a++) {
            int row = a * bins;
            // a column's level sum under a driven rows is at most a · maxLevel: only that part of the row is used
            int wsEnd = (int) Math.min(bins, (long) a * maxLevel + 1);
            for (int ws = 0; ws < wsEnd; ws++) {
                long c = h2[row + ws] + h2b[row + ws];
                if (c != 0) {
                    hist[ws] += c;
                    drive[ws] += c * a;
                    h2[row + ws] = 0;
                    h2b[row + ws] = 0;
                }
            }
        }
        sc.inUse = false;
        out.addPlanes(planeReads, activeRows);
        for (int ws = 0; ws < hist.length; ws++) {
            if (hist[ws] != 0) {
                out.addConversions(ws, hist[ws], drive[ws]);
            }
        }
    }

    /**
     * Analog subtraction: one conversion per differential pair, of the summed level sums of the pair's
     * positive slice (column {@code l + j}) and negative slice ({@code l + slices + j}) of each weight's
     * {@code cpw} columns; {@code drive} rows driven under it.
     */
    private static void addPairs(int[] colWs, int pc, int cpw, int slices, long drive, long[] hist, long[] driveSum) {
        for (int l = 0; l + cpw <= pc; l += cpw) {
            for (int j = 0; j < slices; j++) {
                int ws = colWs[l + j] + colWs[l + slices + j];
                hist[ws]++;
                driveSum[ws] += drive;
            }
        }
    }

    /**
     * The driven-row masks of one row-block for one input vector: bit i of {@code masks[b·words + i/64]} is set
     * when bit b of the code of the block's i-th physical row is set ({@code planes} bit-planes).
     */
    private static void rowMasks(short[] codes, int base, int[] order, int r0, int rc, int codeMask, int planes, int words,
                                 long[] masks) {
        java.util.Arrays.fill(masks, 0, planes * words, 0L);
        for (int i = 0; i < rc; i++) {
            int code = codes[base + (order == null ? r0 + i : order[r0 + i])] & codeMask;
            int w = i >>> 6;
            long bit = 1L << (i & 63);
            while (code != 0) {
                int b = Integer.numberOfTrailingZeros(code);
                masks[b * words + w] |= bit;
                code &= code - 1;
            }
        }
    }

    /** {@code Σ_b 2^b · popcount(A ∧ W_b)} of the column whose masks start at {@code o}. */
    private static int levelSum(long[] masks, int mo, long[] bits, int o, int cb, int words) {
        int ws = 0;
        for (int b = 0; b < cb; b++) {
            int sum = 0;
            for (int w = 0; w < words; w++) {
                sum += Long.bitCount(masks[mo + w] & bits[o + w]);
            }
            ws += sum << b;
            o += words;
        }
        return ws;
    }

    /**
     * Counts the level sums {@code Σ_b 2^b · popcount(A ∧ W_b)} of {@code pc} columns into row {@code row} of the
     * (a, ws) tables: even columns into {@code h}, odd into {@code h2}. {@code m} holds the plane's row mask
     * ({@code words} longs from {@code mo}); column c's masks start at {@code c·cb·words}. The common shapes
     * (1, 2 or 4 words of 1, 2 or 4 level bits) run unrolled loops.
     */
    private static void convert(long[] m, int mo, int words, long[] bits, int pc, int cb, long[] h, long[] h2, int row) {
        int shape = words * 8 + cb;
        switch (shape) {
            case 9 -> convert1x1(m[mo + 0], bits, pc, h, h2, row);
            case 10 -> convert1x2(m[mo + 0], bits, pc, h, h2, row);
            case 12 -> convert1x4(m[mo + 0], bits, pc, h, h2, row);
            case 17 -> convert2x1(m[mo + 0], m[mo + 1], bits, pc, h, h2, row);
            case 18 -> convert2x2(m[mo + 0], m[mo + 1], bits, pc, h, h2, row);
            case 20 -> convert2x4(m[mo + 0], m[mo + 1], bits, pc, h, h2, row);
            case 33 -> convert4x1(m[mo + 0], m[mo + 1], m[mo + 2], m[mo + 3], bits, pc, h, h2, row);
            case 34 -> convert4x2(m[mo + 0], m[mo + 1], m[mo + 2], m[mo + 3], bits, pc, h, h2, row);
            case 36 -> convert4x4(m[mo + 0], m[mo + 1], m[mo + 2], m[mo + 3], bits, pc, h, h2, row);
            default -> {
                for (int c = 0; c < pc; c++) {
                    ((c & 1) == 0 ? h : h2)[row + levelSum(m, mo, bits, c * cb * words, cb, words)]++;
                }
            }
        }
    }

    private static void convert1x1(long m0, long[] bits, int pc, long[] h, long[] h2, int row) {
        int c = 0;
        int o = 0;
        for (; c + 2 <= pc; c += 2, o += 2) {
            h[row + Long.bitCount(m0 & bits[o])]++;
            h2[row + Long.bitCount(m0 & bits[o + 1])]++;
        }
        if (c < pc) {
            h[row + Long.bitCount(m0 & bits[o])]++;
        }
    }

    private static void convert1x2(long m0, long[] bits, int pc, long[] h, long[] h2, int row) {
        int c = 0;
        int o = 0;
        for (; c + 2 <= pc; c += 2, o += 4) {
            h[row + Long.bitCount(m0 & bits[o]) + ((Long.bitCount(m0 & bits[o + 1])) << 1)]++;
            h2[row + Long.bitCount(m0 & bits[o + 2]) + ((Long.bitCount(m0 & bits[o + 3])) << 1)]++;
        }
        if (c < pc) {
            h[row + Long.bitCount(m0 & bits[o]) + ((Long.bitCount(m0 & bits[o + 1])) << 1)]++;
        }
    }

    private static void convert1x4(long m0, long[] bits, int pc, long[] h, long[] h2, int row) {
        int c = 0;
        int o = 0;
        for (; c + 2 <= pc; c += 2, o += 8) {
            h[row + Long.bitCount(m0 & bits[o]) + ((Long.bitCount(m0 & bits[o + 1])) << 1) + ((Long.bitCount(m0 & bits[o + 2])) << 2) + ((Long.bitCount(m0 & bits[o + 3])) << 3)]++;
            h2[row + Long.bitCount(m0 & bits[o + 4]) + ((Long.bitCount(m0 & bits[o + 5])) << 1) + ((Long.bitCount(m0 & bits[o + 6])) << 2) + ((Long.bitCount(m0 & bits[o + 7])) << 3)]++;
        }
        if (c < pc) {
            h[row + Long.bitCount(m0 & bits[o]) + ((Long.bitCount(m0 & bits[o + 1])) << 1) + ((Long.bitCount(m0 & bits[o + 2])) << 2) + ((Long.bitCount(m0 & bits[o + 3])) << 3)]++;
        }
    }

    private static void convert2x1(long m0, long m1, long[] bits, int pc, long[] h, long[] h2, int row) {
        int c = 0;
        int o = 0;
        for (; c + 2 <= pc; c += 2, o += 4) {
            h[row + (Long.bitCount(m0 & bits[o]) + Long.bitCount(m1 & bits[o + 1]))]++;
            h2[row + (Long.bitCount(m0 & bits[o + 2]) + Long.bitCount(m1 & bits[o + 3]))]++;
        }
        if (c < pc) {
            h[row + (Long.bitCount(m0 & bits[o]) + Long.bitCount(m1 & bits[o + 1]))]++;
        }
    }

    private static void convert2x2(long m0, long m1, long[] bits, int pc, long[] h, long[] h2, int row) {
        int c = 0;
        int o = 0;
        for (; c + 2 <= pc; c += 2, o += 8) {
            h[row + (Long.bitCount(m0 & bits[o]) + Long.bitCount(m1 & bits[o + 1])) + ((Long.bitCount(m0 & bits[o + 2]) + Long.bitCount(m1 & bits[o + 3])) << 1)]++;
            h2[row + (Long.bitCount(m0 & bits[o + 4]) + Long.bitCount(m1 & bits[o + 5])) + ((Long.bitCount(m0 & bits[o + 6]) + Long.bitCount(m1 & bits[o + 7])) << 1)]++;
        }
        if (c < pc) {
            h[row + (Long.bitCount(m0 & bits[o]) + Long.bitCount(m1 & bits[o + 1])) + ((Long.bitCount(m0 & bits[o + 2]) + Long.bitCount(m1 & bits[o + 3])) << 1)]++;
        }
    }

    private static void convert2x4(long m0, long m1, long[] bits, int pc, long[] h, long[] h2, int row) {
        int c = 0;
        int o = 0;
        for (; c + 2 <= pc; c += 2, o += 16) {
            h[row + (Long.bitCount(m0 & bits[o]) + Long.bitCount(m1 & bits[o + 1])) + ((Long.bitCount(m0 & bits[o + 2]) + Long.bitCount(m1 & bits[o + 3])) << 1) + ((Long.bitCount(m0 & bits[o + 4]) + Long.bitCount(m1 & bits[o + 5])) << 2) + ((Long.bitCount(m0 & bits[o + 6]) + Long.bitCount(m1 & bits[o + 7])) << 3)]++;
            h2[row + (Long.bitCount(m0 & bits[o + 8]) + Long.bitCount(m1 & bits[o + 9])) + ((Long.bitCount(m0 & bits[o + 10]) + Long.bitCount(m1 & bits[o + 11])) << 1) + ((Long.bitCount(m0 & bits[o + 12]) + Long.bitCount(m1 & bits[o + 13])) << 2) + ((Long.bitCount(m0 & bits[o + 14]) + Long.bitCount(m1 & bits[o + 15])) << 3)]++;
        }
        if (c < pc) {
            h[row + (Long.bitCount(m0 & bits[o]) + Long.bitCount(m1 & bits[o + 1])) + ((Long.bitCount(m0 & bits[o + 2]) + Long.bitCount(m1 & bits[o + 3])) << 1) + ((Long.bitCount(m0 & bits[o + 4]) + Long.bitCount(m1 & bits[o + 5])) << 2) + ((Long.bitCount(m0 & bits[o + 6]) + Long.bitCount(m1 & bits[o + 7])) << 3)]++;
        }
    }

    private static void convert4x1(long m0, long m1, long m2, long m3, long[] bits, int pc, long[] h, long[] h2, int row) {
        int c = 0;
        int o = 0;
        for (; c + 2 <= pc; c += 2, o += 8) {
            h[row + (Long.bitCount(m0 & bits[o]) + Long.bitCount(m1 & bits[o + 1]) + Long.bitCount(m2 & bits[o + 2]) + Long.bitCount(m3 & bits[o + 3]))]++;
            h2[row + (Long.bitCount(m0 & bits[o + 4]) + Long.bitCount(m1 & bits[o + 5]) + Long.bitCount(m2 & bits[o + 6]) + Long.bitCount(m3 & bits[o + 7]))]++;
        }
        if (c < pc) {
            h[row + (Long.bitCount(m0 & bits[o]) + Long.bitCount(m1 & bits[o + 1]) + Long.bitCount(m2 & bits[o + 2]) + Long.bitCount(m3 & bits[o + 3]))]++;
        }
    }

    private static void convert4x2(long m0, long m1, long m2, long m3, long[] bits, int pc, long[] h, long[] h2, int row) {
        int c = 0;
        int o = 0;
        for (; c + 2 <= pc; c += 2, o += 16) {
            h[row + (Long.bitCount(m0 & bits[o]) + Long.bitCount(m1 & bits[o + 1]) + Long.bitCount(m2 & bits[o + 2]) + Long.bitCount(m3 & bits[o + 3])) + ((Long.bitCount(m0 & bits[o + 4]) + Long.bitCount(m1 & bits[o + 5]) + Long.bitCount(m2 & bits[o + 6]) + Long.bitCount(m3 & bits[o + 7])) << 1)]++;
            h2[row + (Long.bitCount(m0 & bits[o + 8]) + Long.bitCount(m1 & bits[o + 9]) + Long.bitCount(m2 & bits[o + 10]) + Long.bitCount(m3 & bits[o + 11])) + ((Long.bitCount(m0 & bits[o + 12]) + Long.bitCount(m1 & bits[o + 13]) + Long.bitCount(m2 & bits[o + 14]) + Long.bitCount(m3 & bits[o + 15])) << 1)]++;
        }
        if (c < pc) {
            h[row + (Long.bitCount(m0 & bits[o]) + Long.bitCount(m1 & bits[o + 1]) + Long.bitCount(m2 & bits[o + 2]) + Long.bitCount(m3 & bits[o + 3])) + ((Long.bitCount(m0 & bits[o + 4]) + Long.bitCount(m1 & bits[o + 5]) + Long.bitCount(m2 & bits[o + 6]) + Long.bitCount(m3 & bits[o + 7])) << 1)]++;
        }
    }

    private static void convert4x4(long m0, long m1, long m2, long m3, long[] bits, int pc, long[] h, long[] h2, int row) {
        int c = 0;
        int o = 0;
        for (; c + 2 <= pc; c += 2, o += 32) {
            h[row + (Long.bitCount(m0 & bits[o]) + Long.bitCount(m1 & bits[o + 1]) + Long.bitCount(m2 & bits[o + 2]) + Long.bitCount(m3 & bits[o + 3])) + ((Long.bitCount(m0 & bits[o + 4]) + Long.bitCount(m1 & bits[o + 5]) + Long.bitCount(m2 & bits[o + 6]) + Long.bitCount(m3 & bits[o + 7])) << 1) + ((Long.bitCount(m0 & bits[o + 8]) + Long.bitCount(m1 & bits[o + 9]) + Long.bitCount(m2 & bits[o + 10]) + Long.bitCount(m3 & bits[o + 11])) << 2) + ((Long.bitCount(m0 & bits[o + 12]) + Long.bitCount(m1 & bits[o + 13]) + Long.bitCount(m2 & bits[o + 14]) + Long.bitCount(m3 & bits[o + 15])) << 3)]++;
            h2[row + (Long.bitCount(m0 & bits[o + 16]) + Long.bitCount(m1 & bits[o + 17]) + Long.bitCount(m2 & bits[o + 18]) + Long.bitCount(m3 & bits[o + 19])) + ((Long.bitCount(m0 & bits[o + 20]) + Long.bitCount(m1 & bits[o + 21]) + Long.bitCount(m2 & bits[o + 22]) + Long.bitCount(m3 & bits[o + 23])) << 1) + ((Long.bitCount(m0 & bits[o + 24]) + Long.bitCount(m1 & bits[o + 25]) + Long.bitCount(m2 & bits[o + 26]) + Long.bitCount(m3 & bits[o + 27])) << 2) + ((Long.bitCount(m0 & bits[o + 28]) + Long.bitCount(m1 & bits[o + 29]) + Long.bitCount(m2 & bits[o + 30]) + Long.bitCount(m3 & bits[o + 31])) << 3)]++;
        }
        if (c < pc) {
            h[row + (Long.bitCount(m0 & bits[o]) + Long.bitCount(m1 & bits[o + 1]) + Long.bitCount(m2 & bits[o + 2]) + Long.bitCount(m3 & bits[o + 3])) + ((Long.bitCount(m0 & bits[o + 4]) + Long.bitCount(m1 & bits[o + 5]) + Long.bitCount(m2 & bits[o + 6]) + Long.bitCount(m3 & bits[o + 7])) << 1) + ((Long.bitCount(m0 & bits[o + 8]) + Long.bitCount(m1 & bits[o + 9]) + Long.bitCount(m2 & bits[o + 10]) + Long.bitCount(m3 & bits[o + 11])) << 2) + ((Long.bitCount(m0 & bits[o + 12]) + Long.bitCount(m1 & bits[o + 13]) + Long.bitCount(m2 & bits[o + 14]) + Long.bitCount(m3 & bits[o + 15])) << 3)]++;
        }
    }

    /** Per-thread (a, ws) count tables, kept zero between uses and grown on demand. */
    private static final class Scratch {
        private static final ThreadLocal<Scratch> LOCAL = ThreadLocal.withInitial(Scratch::new);
        long[] h2 = new long[0];
        long[] h2b = new long[0];
        /** Set while a measurement uses the tables: one that did not finish leaves them dirty, so they are replaced. */
        boolean inUse;

        static Scratch get(int size) {
            Scratch s = LOCAL.get();
            if (s.h2.length < size || s.inUse) {
                s.h2 = new long[size];
                s.h2b = new long[size];
            }
            s.inUse = true;
            return s;
        }
    }

    private static void measureMultiBit(Prepared p, short[] codes, int from, int to, int inputBits, int dacBits,
                                        boolean signedInput, LayerActivity out) {
        int codeMask = (1 << inputBits) - 1;
        int magBits = signedInput ? inputBits - 1 : inputBits;
        int magSteps = (magBits + dacBits - 1) / dacBits;
        int steps = magSteps + (signedInput ? 1 : 0);
        int cb = p.cellBits;
        int maxWords = 1;
        for (int c : p.rowCount) {
            maxWords = Math.max(maxWords, (c + 63) >>> 6);
        }
        long[] masks = new long[inputBits * maxWords];
        int[] colWs = new int[p.maxPhysCols];
        long[] hist = new long[out.maxLevelSum() + 1];
        long[] drive = new long[hist.length];
        long planeReads = 0;
        long activeRows = 0;
        int k = p.k;
        int[] order = p.rowOrder;
        for (int v = from; v < to; v++) {
            int base = v * k;
            for (int blk = 0; blk < p.arrays.length; blk++) {
                ArrayBits[] arrays = p.arrays[blk];
                if (arrays.length == 0) {
                    continue;
                }
                int r0 = p.rowStart[blk];
                int rc = p.rowCount[blk];
                int words = (rc + 63) >>> 6;
                rowMasks(codes, base, order, r0, rc, codeMask, inputBits, words, masks);
                for (int s = 0; s < steps; s++) {
                    // magnitude steps of dacBits bits, then (signed inputs) the sign bit alone
                    int b0 = s < magSteps ? s * dacBits : inputBits - 1;
                    int b1 = s < magSteps ? Math.min(magBits, b0 + dacBits) : inputBits;
                    int d = 0;
                    int driven = 0;
                    for (int w = 0; w < words; w++) {
                        long any = 0;
                        for (int b = b0; b < b1; b++) {
                            long m = masks[b * words + w];
                            any |= m;
                            d += Long.bitCount(m) << (b - b0);
                        }
                        driven += Long.bitCount(any);
                    }
                    planeReads += arrays.length;
                    activeRows += (long) driven * arrays.length;
                    for (ArrayBits ab : arrays) {
                        int pc = ab.physCols();
                        long[] bits = ab.bits();
                        for (int c = 0; c < pc; c++) {
                            int ws = 0;
                            int cbase = c * cb * words;
                            for (int lb = 0; lb < cb; lb++) {
                                int o = cbase + lb * words;
                                for (int b = b0; b < b1; b++) {
                                    int sum = 0;
                                    for (int w = 0; w < words; w++) {
                                        sum += Long.bitCount(masks[b * words + w] & bits[o + w]);
                                    }
                                    ws += sum << (lb + b - b0);
                                }
                            }
                            colWs[c] = ws;
                        }
                        if (!p.pairs) {
                            for (int c = 0; c < pc; c++) {
                                hist[colWs[c]]++;
                                drive[colWs[c]] += d;
                            }
                        } else {
                            addPairs(colWs, pc, p.cellsPerWeight, p.slices, 2L * d, hist, drive);
                        }
                    }
                }
            }
        }
        out.addPlanes(planeReads, activeRows);
        for (int ws = 0; ws < hist.length; ws++) {
            if (hist[ws] != 0) {
                out.addConversions(ws, hist[ws], drive[ws]);
            }
        }
    }
}
