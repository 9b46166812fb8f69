package org.imcsim.functional;

import java.util.Arrays;
import org.imcsim.mapping.CrossbarTile;
import org.imcsim.mapping.MappingSpec;

/**
 * The fast path of {@link CrossbarLayerKernel}: the bit-serial reads of a batch of input vectors
 * on one crossbar as one small matrix product. The input digits of {@code nv} vectors are cut into
 * bit-planes laid out as a rows × J matrix (J = cycles · nv, column j = cycle · nv + vector), so
 * every partial sum of the batch is P = Gᵀ·B, a physCols × J product whose inner loop runs over J
 * (long, unit stride, no gather, no branch: the C2 auto-vectorizer turns it into packed
 * multiply-adds). ADC conversion and shift-add then run over the same J columns.
 *
 * <p>Partial sums are float, rows taken in blocks of 5 in row order,
 * {@code p += ((v0g0 + v1g1) + (v2g2 + v3g3)) + v4g4}, the last 1–4 rows as one block
 * ({@code p += (v0g0 + v1g1) + (v2g2 + v3g3)}, {@code (v0g0 + v1g1) + v2g2}, {@code v0g0 + v1g1},
 * {@code v0g0}), with v the digit (0 for an undriven row, which adds an exact zero). This order
 * is fixed by the row index, so a vector's partial sums do not depend on which other vectors
 * share its batch or on the thread count; on integer conductances (ideal device) every sum is
 * exact.
 *
 * <p>ADC: the unsigned conversion {@code c = clamp(rint(p·toCode), 0, 2^b−1)} (lo = 0) is
 * computed in float and is proven equal to the double-precision {@link AdcQuantizer#convert}:
 * the float product is within (2^b)·2^−22 of the double one on the unclamped range, so the
 * rounding agrees unless p·toCode lies within {@code halfMargin} of a half-integer; such lanes
 * (about 10⁻⁴ of them) are redone with the exact double conversion. Digital values and
 * shift-added sums are integers below 2^24, hence exact in float. Tiles whose ADC does not admit
 * this (wide ADC, lo ≠ 0, a value table not reproduced in float) convert in double.
 *
 * <p>Not thread-safe: owned by one {@link CrossbarLayerKernel}.
 */
final class PlaneKernel {
    /** Target plane columns J per pass: enough for long vector loops, small enough for L2. */
    private static final int PLANE_COLUMNS = 1024;
    /** Minimum vectors per pass, so the per-cycle plane loops over vectors are long. */
    private static final int MIN_VECTORS = 128;
    /** 1.5·2^23: (u + M) − M rounds a float |u| < 2^22 to the nearest integer, ties to even. */
    private static final float MAGIC = 12582912f;
    /** Columns whose partial sums are accumulated together over all row blocks (L1 reuse). */
    private static final int COLUMN_GROUP = 8;

    private final int k;
    private final int n;
    private final ProgrammedTile[] tiles;
    private final AdcQuantizer[] adcs;
    private final int offset;
    private final int inputMask;
    private final int[] cycShift;
    private final int[] cycMask;
    private final double[] cycWeight;
    private final float[] colWeightF;
    private final double[] colWeight;
    private final int cpw;
    private final int cycles;
    private final int maxVectors;
    // per tile: float ADC constants, or fastAdc[t] false for the double conversion
    private final boolean[] fastAdc;
    private final float[] toCodeF;
    private final float[] toValueF;
    private final float[] maxCodeF;
    private final float[] halfMargin;
    // per cycle: digit = rint(x·lowScale − lowBias) − radix·rint(x·highScale − highBias)
    private final float[] lowScaleF;
    private final float[] lowBiasF;
    private final float[] highScaleF;
    private final float[] highBiasF;
    private final float[] radixF;
    private final PlaneScratch scratch;
    // the scratch arrays, read from the (shared, growable) scratch at the start of every tile
    private float[][] xf;
    private float[] digitBuf;
    private float[][] plane;
    private float[][] psum;
    private float[] wsum;
    private float[] nearest;
    private double[] wsumD;

    PlaneKernel(int k, int n, ProgrammedTile[] tiles, AdcQuantizer[] adcs, MappingSpec spec, int offset, int inputMask,
                int[] cycShift, int[] cycMask, double[] cycWeight, double[] colWeight, int maxRows, int maxPhys,
                PlaneScratch scratch) {
        this.k = k;
        this.n = n;
        this.tiles = tiles;
        this.adcs = adcs;
        this.offset = offset;
        this.inputMask = inputMask;
        this.cycShift = cycShift;
        this.cycMask = cycMask;
        this.cycWeight = cycWeight;
        this.cpw = spec.cellsPerWeight();
        this.cycles = cycShift.length;
        this.colWeight = colWeight;
        this.colWeightF = new float[colWeight.length];
        double weightSum = 0;
        for (int c = 0; c < colWeight.length; c++) {
            colWeightF[c] = (float) colWeight[c];
            if (c < cpw) {
                weightSum += Math.abs(colWeight[c]);
            }
        }
        this.maxVectors = Math.max(MIN_VECTORS, PLANE_COLUMNS / cycles);
        int nt = tiles.length;
        fastAdc = new boolean[nt];
        toCodeF = new float[nt];
        toValueF = new float[nt];
        maxCodeF = new float[nt];
        halfMargin = new float[nt];
        for (int t = 0; t < nt; t++) {
            AdcQuantizer a = adcs[t];
            double maxCode = a.maxCode();
            // the shift-added sum of one weight must stay an exact float integer
            boolean ok = !a.isSigned() && a.lo() == 0 && maxCode + 1 <= 4096 && (a.hi() + 1) * weightSum < (1 << 24);
            float tv = (float) a.toValue();
            for (int c = 0; ok && c <= (int) maxCode; c++) {
                float v = (c * tv + MAGIC) - MAGIC;
                ok = v == a.convertCode(c);
            }
            // |p·toCode| < 2^21 on every read, so the magic-number rounding is exact
            double maxColumn = 0;
            float[] g = tiles[t].g();
            int pc = tiles[t].tile().physCols();
            for (int c = 0; c < pc; c++) {
                double sum = 0;
                for (int i = c; i < g.length; i += pc) {
                    sum += Math.abs(g[i]);
                }
                maxColumn = Math.max(maxColumn, sum);
            }
            int maxDigit = 0;
            for (int m : cycMask) {
                maxDigit = Math.max(maxDigit, m);
            }
            ok = ok && maxColumn * maxDigit * a.toCode() < (1 << 21);
            fastAdc[t] = ok;
            toCodeF[t] = (float) a.toCode();
            toValueF[t] = tv;
            maxCodeF[t] = (float) maxCode;
            // 4× the bound (maxCode + 1)·2^−22 on |float − double| of p·toCode over the unclamped range
            halfMargin[t] = (float) Math.scalb(maxCode + 1, -20);
        }
        lowScaleF = new float[cycles];
        lowBiasF = new float[cycles];
        highScaleF = new float[cycles];
        highBiasF = new float[cycles];
        radixF = new float[cycles];
        for (int cy = 0; cy < cycles; cy++) {
            int lowShift = cycShift[cy];
            int bits = Integer.bitCount(cycMask[cy]);
            lowScaleF[cy] = (float) Math.scalb(1.0, -lowShift);
            lowBiasF[cy] = (float) (((1L << lowShift) - 1) * Math.scalb(1.0, -lowShift - 1));
            highScaleF[cy] = (float) Math.scalb(1.0, -(lowShift + bits));
            highBiasF[cy] = (float) (((1L << (lowShift + bits)) - 1) * Math.scalb(1.0, -(lowShift + bits) - 1));
            radixF[cy] = (float) (1 << bits);
        }
        this.scratch = scratch;
        scratch.ensure(maxRows, maxPhys, maxVectors, maxVectors * cycles);
    }

    /** Adds tile t's contribution to y (row-major count × N). */
    void multiplyTile(int t, int[] x, int count, double[] y) {
        xf = scratch.xf;
        digitBuf = scratch.digitBuf;
        plane = scratch.plane;
        psum = scratch.psum;
        wsum = scratch.wsum;
        nearest = scratch.nearest;
        wsumD = scratch.wsumD;
        ProgrammedTile pt = tiles[t];
        CrossbarTile tile = pt.tile();
        float[] g = pt.g();
        int rc = tile.rowCount();
        int pc = tile.physCols();
        int r0 = tile.rowStart();
        int c0 = tile.colStart();
        int cc = tile.colCount();
        double tileSign = tile.sign() * pt.outputScale();
        boolean fast = fastAdc[t];
        // equal passes (e.g. 784 conv positions as 7 × 112, not 6 × 128 + 16): short passes waste the vector loops
        int passes = (count + maxVectors - 1) / maxVectors;
        int per = (count + passes - 1) / passes;
        for (int v0 = 0; v0 < count; v0 += per) {
            int nv = Math.min(per, count - v0);
            int cols = nv * cycles;
            cutPlanes(x, v0, nv, r0, rc);
            for (int c = 0; c < pc; c++) {
                Arrays.fill(psum[c], 0, cols, 0f);
            }
            accumulate(g, rc, pc, cols);
            for (int l = 0; l < cc; l++) {
                if (fast) {
                    Arrays.fill(wsum, 0, cols, 0f);
                    Arrays.fill(nearest, 0, cols, 0f);
                    for (int c = l * cpw; c < (l + 1) * cpw; c++) {
                        convertFloat(t, psum[c], cols, colWeightF[c]);
                    }
                    fixNearBoundary(t, l, cols);
                } else {
                    Arrays.fill(wsumD, 0, cols, 0.0);
                    for (int c = l * cpw; c < (l + 1) * cpw; c++) {
                        convertDouble(adcs[t], psum[c], cols, colWeight[c]);
                    }
                }
                // shift-add over input cycles, in cycle order per output (as the read-by-read path)
                for (int cy = 0; cy < cycles; cy++) {
                    double w = cycWeight[cy] * tileSign;
                    int jb = cy * nv;
                    int yb = v0 * n + c0 + l;
                    if (fast) {
                        for (int v = 0; v < nv; v++) {
                            y[yb + v * n] += w * wsum[jb + v];
                        }
                    } else {
                        for (int v = 0; v < nv; v++) {
                            y[yb + v * n] += w * wsumD[jb + v];
                        }
                    }
                }
            }
            if (offset != 0) {
                for (int v = 0; v < nv; v++) {
                    int xb = (v0 + v) * k + r0;
                    long sx = 0;
                    for (int r = 0; r < rc; r++) {
                        sx += x[xb + r];
                    }
                    double corr = (double) offset * sx;
                    int yb = (v0 + v) * n + c0;
                    for (int l = 0; l < cc; l++) {
                        y[yb + l] -= corr;
                    }
                }
            }
        }
    }

    /**
     * plane[r][cy·nv + v] = digit of input cycle cy of x[v0+v][r0+r]. The digits are cut in float
     * (floor(x/2^s) = rint(x·2^−s − (2^s − 1)/2^(s+1)), exact for the input widths admitted), so
     * the loops over vectors vectorize; C2 (JDK 17) vectorizes neither int→float conversion nor
     * indexed stores, hence the per-row staging buffer and the copy.
     */
    private void cutPlanes(int[] x, int v0, int nv, int r0, int rc) {
        for (int v = 0; v < nv; v++) {
            int xb = (v0 + v) * k + r0;
            for (int r = 0; r < rc; r++) {
                xf[r][v] = x[xb + r] & inputMask;
            }
        }
        float[] d = digitBuf;
        for (int r = 0; r < rc; r++) {
            float[] xr = xf[r];
            float[] pr = plane[r];
            for (int cy = 0; cy < cycles; cy++) {
                float lowScale = lowScaleF[cy];
                float lowBias = lowBiasF[cy];
                float highScale = highScaleF[cy];
                float highBias = highBiasF[cy];
                float radix = radixF[cy];
                for (int v = 0; v < nv; v++) {
                    float xv = xr[v];
                    float low = ((xv * lowScale - lowBias) + MAGIC) - MAGIC;
                    float high = ((xv * highScale - highBias) + MAGIC) - MAGIC;
                    d[v] = low - radix * high;
                }
                System.arraycopy(d, 0, pr, cy * nv, nv);
            }
        }
    }

    /**
     * psum[c][j] += Σ_r g[r·pc + c]·plane[r][j] in the row-block order of the class comment (blocks
     * of 5 rows: C2 in JDK 17 stops unrolling, hence vectorizing, a longer loop body; 5 rather than
     * 4 saves a load and a store of the partial sum per row, ≈ 4 % overall). Columns go
     * in groups of 8, and within a group the row blocks are the outer loop, so the group's partial-
     * sum rows are reused from near cache over all row blocks (measured ≈ 5 % faster than one pass
     * of all columns per row block). One small method per block shape, each a loop C2 vectorizes
     * on its own.
     */
    private void accumulate(float[] g, int rc, int pc, int cols) {
        int r = 0;
        // columns in groups of COLUMN_GROUP so their partial-sum rows stay in L1 across the row blocks
        int full = rc - rc % 5;
        for (int cb = 0; cb < pc; cb += COLUMN_GROUP) {
            int ce = Math.min(pc, cb + COLUMN_GROUP);
            for (r = 0; r < full; r += 5) {
                float[] p0 = plane[r];
                float[] p1 = plane[r + 1];
                float[] p2 = plane[r + 2];
                float[] p3 = plane[r + 3];
                float[] p4 = plane[r + 4];
                for (int c = cb; c < ce; c++) {
                    int gi = r * pc + c;
                    add5(psum[c], p0, p1, p2, p3, p4, g[gi], g[gi + pc], g[gi + 2 * pc], g[gi + 3 * pc], g[gi + 4 * pc], cols);
                }
            }
        }
        r = full;
        // the last 1–4 rows as one block
        int rest = rc - r;
        for (int c = 0; rest > 0 && c < pc; c++) {
            int gi = r * pc + c;
            if (rest == 4) {
                add4(psum[c], plane[r], plane[r + 1], plane[r + 2], plane[r + 3], g[gi], g[gi + pc], g[gi + 2 * pc], g[gi + 3 * pc], cols);
            } else if (rest == 3) {
                add3(psum[c], plane[r], plane[r + 1], plane[r + 2], g[gi], g[gi + pc], g[gi + 2 * pc], cols);
            } else if (rest == 2) {
                add2(psum[c], plane[r], plane[r + 1], g[gi], g[gi + pc], cols);
            } else {
                add1(psum[c], plane[r], g[gi], cols);
            }
        }
    }

    private static void add5(float[] s, float[] p0, float[] p1, float[] p2, float[] p3, float[] p4,
                             float g0, float g1, float g2, float g3, float g4, int cols) {
        for (int j = 0; j < cols; j++) {
            s[j] += ((g0 * p0[j] + g1 * p1[j]) + (g2 * p2[j] + g3 * p3[j])) + g4 * p4[j];
        }
    }

    private static void add4(float[] s, float[] p0, float[] p1, float[] p2, float[] p3,
                             float g0, float g1, float g2, float g3, int cols) {
        for (int j = 0; j < cols; j++) {
            s[j] += (g0 * p0[j] + g1 * p1[j]) + (g2 * p2[j] + g3 * p3[j]);
        }
    }

    private static void add3(float[] s, float[] p0, float[] p1, float[] p2, float g0, float g1, float g2, int cols) {
        for (int j = 0; j < cols; j++) {
            s[j] += (g0 * p0[j] + g1 * p1[j]) + g2 * p2[j];
        }
    }

    private static void add2(float[] s, float[] p0, float[] p1, float g0, float g1, int cols) {
        for (int j = 0; j < cols; j++) {
            s[j] += g0 * p0[j] + g1 * p1[j];
        }
    }

    private static void add1(float[] s, float[] p0, float g0, int cols) {
        for (int j = 0; j < cols; j++) {
            s[j] += g0 * p0[j];
        }
    }

    /**
     * wsum[j] += weight · value(s[j]) with the float form of the ADC; nearest[j] becomes positive
     * when one of lane j's scaled partial sums (over the columns of one weight) lies within
     * {@code halfMargin} of a half-integer, so {@link #fixNearBoundary} can find the lanes float
     * cannot decide. (Per lane, not a reduction: C2 in JDK 17 miscompiled a max-reduction form of
     * this loop.) Rounding is (u + 1.5·2^23) − 1.5·2^23, valid because |u| &lt; 2^21 is checked
     * per tile at construction.
     */
    private void convertFloat(int t, float[] s, int cols, float weight) {
        float tc = toCodeF[t];
        float tv = toValueF[t];
        float mc = maxCodeF[t];
        float near = 0.5f - halfMargin[t];
        float[] out = wsum;
        float[] d = nearest;
        for (int j = 0; j < cols; j++) {
            float u = s[j] * tc;
            float r = (u + MAGIC) - MAGIC;
            // > 0 exactly when u is within halfMargin of a half-integer (|e| + e = 2·max(e, 0))
            float e = Math.abs(u - r) - near;
            d[j] += Math.abs(e) + e;
            // clamp of the integer r to [0, mc] without Math.min/max (whose NaN/−0 handling costs blends)
            float code = 0.5f * ((Math.abs(r) - Math.abs(r - mc)) + mc);
            out[j] += weight * ((code * tv + MAGIC) - MAGIC);
        }
    }

    /**
     * Redoes in double the conversions of weight l's columns whose scaled partial sum lies within
     * {@code halfMargin} of a half-integer, where the float product may round the other way
     * (about 10⁻⁴ of the lanes).
     */
    private void fixNearBoundary(int t, int l, int cols) {
        float near = 0.5f - halfMargin[t];
        float[] d = nearest;
        for (int j = 0; j < cols; j++) {
            if (d[j] > 0f) {
                float tc = toCodeF[t];
                float tv = toValueF[t];
                float mc = maxCodeF[t];
                AdcQuantizer adc = adcs[t];
                for (int c = l * cpw; c < (l + 1) * cpw; c++) {
                    float p = psum[c][j];
                    float u = p * tc;
                    float r = (u + MAGIC) - MAGIC;
                    if (Math.abs(u - r) > near) {
                        float code = 0.5f * ((Math.abs(r) - Math.abs(r - mc)) + mc);
                        float approx = (code * tv + MAGIC) - MAGIC;
                        wsum[j] += colWeightF[c] * ((float) adc.convert(p) - approx);
                    }
                }
            }
        }
    }

    /** wsumD[j] += weight · adc.convert(s[j]) in double (ADCs the float form does not cover). */
    private void convertDouble(AdcQuantizer adc, float[] s, int cols, double weight) {
        double[] out = wsumD;
        for (int j = 0; j < cols; j++) {
            out[j] += weight * adc.convert(s[j]);
        }
    }
}
