package org.imcsim.hardware;

import java.util.ArrayList;
import java.util.List;
import org.imcsim.mapping.CrossbarTile;
import org.imcsim.mapping.MappedLayer;

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

    /** One array's column masks. */
    private record ArrayBits(int physCols, long[] bits) {
    }

    /** A layer's weights as column bit masks, grouped by row-block. */
    static final class Prepared {
        final String name;
        final int k;
        final int cellBits;
        final int[] rowStart;
        final int[] rowCount;
        final ArrayBits[][] arrays; // [row-block][array]
        final int maxPhysCols;
        final int maxLevelSum;
        final boolean pairs;
        final int cellsPerWeight;
        final int slices;

        private Prepared(String name, int k, int cellBits, int[] rowStart, int[] rowCount, ArrayBits[][] arrays,
                         int maxPhysCols, int maxLevelSum, boolean pairs, int cellsPerWeight, int slices) {
            this.name = name;
            this.k = k;
            this.cellBits = cellBits;
            this.rowStart = rowStart;
            this.rowCount = rowCount;
            this.arrays = arrays;
            this.maxPhysCols = maxPhysCols;
            this.maxLevelSum = maxLevelSum;
            this.pairs = pairs;
            this.cellsPerWeight = cellsPerWeight;
            this.slices = slices;
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
        return new Prepared(ml.name(), ml.k(), cellBits, rowStart, rowCount, arrays, maxCols, maxWs, pairs,
                ml.spec().cellsPerWeight(), ml.spec().slices());
    }

    /** An empty record sized for {@code p}. */
    static LayerActivity empty(Prepared p) {
        return new LayerActivity(p.name, p.maxLevelSum);
    }

    /**
     * Adds the activity of vectors {@code [from, to)} to {@code out}.
     *
     * @param codes     input codes, {@code vectors × K}, two's complement within {@code inputBits}
     * @param inputBits bits (= bit-planes) per input
     */
    static void measure(Prepared p, short[] codes, int from, int to, int inputBits, LayerActivity out) {
        int planes = inputBits;
        int codeMask = (1 << inputBits) - 1;
        int cb = p.cellBits;
        int maxWords = 1;
        for (int c : p.rowCount) {
            maxWords = Math.max(maxWords, (c + 63) >>> 6);
        }
        long[] masks = new long[planes * maxWords];
        int[] active = new int[planes];
        int[] colWs = new int[p.maxPhysCols];
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
                java.util.Arrays.fill(masks, 0, planes * words, 0L);
                for (int i = 0; i < rc; i++) {
                    int code = codes[base + r0 + i] & codeMask;
                    int w = i >>> 6;
                    long bit = 1L << (i & 63);
                    while (code != 0) {
                        int b = Integer.numberOfTrailingZeros(code);
                        masks[b * words + w] |= bit;
                        code &= code - 1;
                    }
                }
                long activeSum = 0;
                for (int kk = 0; kk < planes; kk++) {
                    int a = 0;
                    for (int w = 0; w < words; w++) {
                        a += Long.bitCount(masks[kk * words + w]);
                    }
                    active[kk] = a;
                    activeSum += a;
                }
                for (ArrayBits ab : arrays) {
                    int pc = ab.physCols();
                    long[] bits = ab.bits();
                    out.addPlanes(planes, activeSum);
                    int conv = p.pairs ? pc / 2 : pc;
                    for (int kk = 0; kk < planes; kk++) {
                        int a = active[kk];
                        if (a == 0) {
                            out.addConversions(0, conv, 0);
                            continue;
                        }
                        int mo = kk * words;
                        if (words == 2 && cb == 1) {
                            long m0 = masks[mo];
                            long m1 = masks[mo + 1];
                            for (int c = 0, bi = 0; c < pc; c++, bi += 2) {
                                colWs[c] = Long.bitCount(m0 & bits[bi]) + Long.bitCount(m1 & bits[bi + 1]);
                            }
                        } else {
                            for (int c = 0; c < pc; c++) {
                                int ws = 0;
                                int cbase = c * cb * words;
                                for (int b = 0; b < cb; b++) {
                                    int s = 0;
                                    int o = cbase + b * words;
                                    for (int w = 0; w < words; w++) {
                                        s += Long.bitCount(masks[mo + w] & bits[o + w]);
                                    }
                                    ws += s << b;
                                }
                                colWs[c] = ws;
                            }
                        }
                        if (!p.pairs) {
                            for (int c = 0; c < pc; c++) {
                                out.addConversion(colWs[c], a);
                            }
                        } else {
                            int cpw = p.cellsPerWeight;
                            int s = p.slices;
                            for (int l = 0; l + cpw <= pc; l += cpw) {
                                for (int j = 0; j < s; j++) {
                                    out.addConversion(colWs[l + j] + colWs[l + s + j], 2 * a);
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
