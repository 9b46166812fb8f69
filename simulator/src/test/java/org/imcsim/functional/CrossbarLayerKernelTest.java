package org.imcsim.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.imcsim.mapping.CrossbarTile;
import org.imcsim.mapping.LayerMapper;
import org.imcsim.mapping.MappedLayer;
import org.imcsim.mapping.MappingSpec;
import org.imcsim.mapping.ScaleMode;
import org.imcsim.mapping.SignedScheme;
import org.imcsim.mapping.Subtraction;
import org.junit.jupiter.api.Test;

/** The exactness invariant of MODEL.md §3 and the ADC's effect when it is not met. */
class CrossbarLayerKernelTest {

    static CrossbarLayerKernel idealKernel(MappedLayer m, int extraAdcBits, boolean signedInput) {
        MappingSpec sp = m.spec();
        boolean analog = sp.signed() == SignedScheme.DIFFERENTIAL && sp.subtraction() == Subtraction.ANALOG;
        ProgrammedTile[] pts = new ProgrammedTile[m.crossbars()];
        AdcQuantizer[] adcs = new AdcQuantizer[m.crossbars()];
        for (int t = 0; t < pts.length; t++) {
            CrossbarTile tile = m.tiles().get(t);
            pts[t] = ProgrammedTile.ideal(tile);
            double hi = CrossbarLayerKernel.fullRange(tile, sp);
            int exact = AdcQuantizer.exactBits((long) (sp.rows() * (sp.levels() - 1L) * ((1 << sp.dacBits()) - 1)));
            adcs[t] = analog ? AdcQuantizer.signed(exact + 1 + extraAdcBits, hi) : AdcQuantizer.unsigned(exact + extraAdcBits, 0, hi);
        }
        return new CrossbarLayerKernel(m, pts, adcs, signedInput);
    }

    private static long[] integerProduct(MappedLayer m, int[] x, int count) {
        int k = m.k();
        int n = m.n();
        long[] y = new long[count * n];
        for (int v = 0; v < count; v++) {
            for (int i = 0; i < k; i++) {
                long xi = x[v * k + i];
                for (int j = 0; j < n; j++) {
                    y[v * n + j] += xi * m.weights().code(i, j);
                }
            }
        }
        return y;
    }

    @Test
    void idealDeviceAndExactAdcGiveTheIntegerProduct() {
        SplittableRandom rnd = new SplittableRandom(42);
        int cases = 0;
        for (SignedScheme scheme : SignedScheme.values()) {
            for (Subtraction sub : Subtraction.values()) {
                if (scheme != SignedScheme.DIFFERENTIAL && sub == Subtraction.ANALOG) {
                    continue;
                }
                for (int cellBits : new int[] {1, 2, 3, 4}) {
                    for (int dacBits : new int[] {1, 2, 3}) {
                        for (boolean signedInput : new boolean[] {false, true}) {
                            int k = 50 + rnd.nextInt(100);
                            int n = 3 + rnd.nextInt(20);
                            float[] w = new float[k * n];
                            for (int i = 0; i < w.length; i++) {
                                double u = rnd.nextDouble();
                                // 30 % exact zeros so pruning and sparse rows are exercised
                                w[i] = u < 0.3 ? 0f : (float) (scheme == SignedScheme.UNIPOLAR ? rnd.nextDouble() : rnd.nextDouble(-1, 1));
                            }
                            MappingSpec sp = new MappingSpec(8, 8, cellBits, dacBits, 32, 64, scheme, sub, ScaleMode.LAYER);
                            MappedLayer m = LayerMapper.map("l", w, k, n, sp);
                            int count = 5;
                            int[] x = new int[count * k];
                            for (int i = 0; i < x.length; i++) {
                                x[i] = signedInput ? rnd.nextInt(-128, 128) : rnd.nextInt(256);
                            }
                            double[] y = new double[count * n];
                            ReadActivity act = new ReadActivity();
                            idealKernel(m, 0, signedInput).multiply(x, count, y, null, act);
                            long[] ref = integerProduct(m, x, count);
                            for (int i = 0; i < ref.length; i++) {
                                assertEquals((double) ref[i], y[i], 0.0, scheme + "/" + sub + " cellBits " + cellBits
                                        + " dacBits " + dacBits + " signed " + signedInput + " at " + i);
                            }
                            // without bookkeeping the (non-analog) reads go through the bit-plane product
                            double[] yPlanes = new double[count * n];
                            idealKernel(m, 0, signedInput).multiply(x, count, yPlanes, null, null);
                            for (int i = 0; i < ref.length; i++) {
                                assertEquals((double) ref[i], yPlanes[i], 0.0, "no bookkeeping: " + scheme + "/" + sub + " cellBits "
                                        + cellBits + " dacBits " + dacBits + " signed " + signedInput + " at " + i);
                            }
                            int cycles = signedInput ? (7 + dacBits - 1) / dacBits + 1 : (8 + dacBits - 1) / dacBits;
                            assertEquals((long) count * cycles * m.crossbars(), act.readCycles);
                            // the hardware model counts the same read cycles (MappingSpec.inputCycles)
                            assertEquals(cycles, sp.inputCycles(signedInput));
                            assertEquals(cycles, idealKernel(m, 0, signedInput).cycles());
                            cases++;
                        }
                    }
                }
            }
        }
        assertEquals(4 * 4 * 3 * 2, cases);
    }

    @Test
    void oneBitTooFewLosesExactnessAndErrorGrowsAsBitsDrop() {
        SplittableRandom rnd = new SplittableRandom(3);
        int k = 128;
        int n = 16;
        float[] w = new float[k * n];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) rnd.nextDouble(-1, 1);
        }
        MappingSpec sp = new MappingSpec(8, 8, 2, 1, 128, 128, SignedScheme.DIFFERENTIAL, Subtraction.DIGITAL, ScaleMode.LAYER);
        MappedLayer m = LayerMapper.map("fc", w, k, n, sp);
        int count = 20;
        int[] x = new int[count * k];
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextInt(256);
        }
        long[] ref = integerProduct(m, x, count);
        double prevErr = -1;
        for (int drop = 0; drop <= 4; drop++) {
            double[] y = new double[count * n];
            idealKernel(m, -drop, false).multiply(x, count, y, null, null);
            double err = 0;
            for (int i = 0; i < ref.length; i++) {
                err += Math.abs(y[i] - ref[i]);
            }
            if (drop == 0) {
                assertEquals(0.0, err, 0.0);
            } else {
                assertTrue(err > prevErr, "error must grow as ADC bits drop: " + err + " after " + prevErr);
            }
            prevErr = err;
        }
    }

    /**
     * The bit-plane path on non-integer conductances equals its definition: float partial sums
     * over rows in blocks of 5, {@code p += ((v0g0 + v1g1) + (v2g2 + v3g3)) + v4g4}, the last 1–4
     * rows as one block, then the double-precision ADC. The ADC step (2·(1 + 10⁻⁷) level units, not a power of two) puts the
     * partial sums of odd integer level sums on code boundaries and the conductances are moved by
     * up to ±10⁻⁶ levels, so many conversions sit closer to a boundary than float resolves and must
     * take the exact path (this test fails if that path is skipped).
     */
    @Test
    void planePathMatchesItsDefinitionNearAdcBoundaries() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int dacBits : new int[] {1, 2}) {
            for (boolean signedInput : new boolean[] {false, true}) {
                int k = 149 + 2 * (dacBits - 1) + (signedInput ? 1 : 0); // row-blocks of 64 and 21..24 rows: every remainder mod 5
                int n = 10;
                float[] w = new float[k * n];
                for (int i = 0; i < w.length; i++) {
                    w[i] = (float) rnd.nextDouble(-1, 1);
                }
                MappingSpec sp = new MappingSpec(8, 8, 2, dacBits, 64, 64, SignedScheme.DIFFERENTIAL, Subtraction.DIGITAL, ScaleMode.LAYER);
                MappedLayer m = LayerMapper.map("fc", w, k, n, sp);
                ProgrammedTile[] pts = new ProgrammedTile[m.crossbars()];
                AdcQuantizer[] adcs = new AdcQuantizer[m.crossbars()];
                for (int t = 0; t < pts.length; t++) {
                    CrossbarTile tile = m.tiles().get(t);
                    byte[] lv = tile.levels();
                    float[] g = new float[lv.length];
                    for (int i = 0; i < g.length; i++) {
                        g[i] = (lv[i] & 0xFF) + (float) rnd.nextDouble(-1e-6, 1e-6);
                    }
                    pts[t] = new ProgrammedTile(tile, g, null);
                    adcs[t] = AdcQuantizer.unsigned(5, 0, 62 * (1 + 1e-7)); // step ≈ 2: odd integer sums sit on code boundaries
                }
                int count = 300;
                int[] x = new int[count * k];
                for (int i = 0; i < x.length; i++) {
                    x[i] = signedInput ? rnd.nextInt(-128, 128) : rnd.nextInt(256);
                }
                double[] y = new double[count * n];
                new CrossbarLayerKernel(m, pts, adcs, signedInput).multiply(x, count, y, null, null);
                double[] ref = definition(m, pts, adcs, x, count, signedInput);
                for (int i = 0; i < ref.length; i++) {
                    assertEquals(ref[i], y[i], 0.0, "dacBits " + dacBits + " signed " + signedInput + " at " + i);
                }
            }
        }
    }

    /** The plane path's documented arithmetic, one read at a time. */
    private static double[] definition(MappedLayer m, ProgrammedTile[] pts, AdcQuantizer[] adcs, int[] x, int count, boolean signedInput) {
        MappingSpec sp = m.spec();
        int b = sp.inputBits();
        int d = sp.dacBits();
        int magBits = signedInput ? b - 1 : b;
        int magCycles = (magBits + d - 1) / d;
        int cycles = magCycles + (signedInput ? 1 : 0);
        double[] y = new double[count * m.n()];
        for (int t = 0; t < pts.length; t++) {
            CrossbarTile tile = pts[t].tile();
            float[] g = pts[t].g();
            int rc = tile.rowCount();
            int pc = tile.physCols();
            int cpw = sp.cellsPerWeight();
            for (int v = 0; v < count; v++) {
                for (int cy = 0; cy < cycles; cy++) {
                    int shift = cy < magCycles ? cy * d : b - 1;
                    int bits = cy < magCycles ? Math.min(d, magBits - cy * d) : 1;
                    double cw = cy < magCycles ? Math.scalb(1.0, cy * d) : -Math.scalb(1.0, b - 1);
                    float[] digit = new float[rc];
                    for (int r = 0; r < rc; r++) {
                        digit[r] = ((x[v * m.k() + tile.rowStart() + r] & ((1 << b) - 1)) >>> shift) & ((1 << bits) - 1);
                    }
                    for (int l = 0; l < tile.colCount(); l++) {
                        double sum = 0;
                        for (int c = l * cpw; c < (l + 1) * cpw; c++) {
                            float p = 0f;
                            int r = 0;
                            for (; r + 5 <= rc; r += 5) {
                                p += ((digit[r] * g[r * pc + c] + digit[r + 1] * g[(r + 1) * pc + c])
                                        + (digit[r + 2] * g[(r + 2) * pc + c] + digit[r + 3] * g[(r + 3) * pc + c]))
                                        + digit[r + 4] * g[(r + 4) * pc + c];
                            }
                            if (rc - r == 4) {
                                p += (digit[r] * g[r * pc + c] + digit[r + 1] * g[(r + 1) * pc + c])
                                        + (digit[r + 2] * g[(r + 2) * pc + c] + digit[r + 3] * g[(r + 3) * pc + c]);
                            } else if (rc - r == 3) {
                                p += (digit[r] * g[r * pc + c] + digit[r + 1] * g[(r + 1) * pc + c]) + digit[r + 2] * g[(r + 2) * pc + c];
                            } else if (rc - r == 2) {
                                p += digit[r] * g[r * pc + c] + digit[r + 1] * g[(r + 1) * pc + c];
                            } else if (rc - r == 1) {
                                p += digit[r] * g[r * pc + c];
                            }
                            int s = c % cpw;
                            double sw = (s < sp.slices() ? 1 : -1) * Math.scalb(1.0, (s % sp.slices()) * sp.cellBits());
                            sum += sw * adcs[t].convert(p);
                        }
                        y[v * m.n() + tile.colStart() + l] += cw * tile.sign() * sum;
                    }
                }
            }
        }
        return y;
    }

    @Test
    void adcTransferFunction() {
        AdcQuantizer a = AdcQuantizer.unsigned(2, 0, 6); // codes 0..3, step 2
        assertEquals(0, a.convert(0.9), 0);
        assertEquals(2, a.convert(1.1), 0);
        assertEquals(6, a.convert(100), 0); // clipped
        assertEquals(0, a.convert(-3), 0);
        AdcQuantizer s = AdcQuantizer.signed(3, 6); // codes -3..3, step 2
        assertEquals(-6, s.convert(-7), 0);
        assertEquals(0, s.convert(0.9), 0);
        assertEquals(4, s.convert(3.2), 0);
        assertEquals(9, AdcQuantizer.exactBits(384));
        assertEquals(9, AdcQuantizer.exactBits(511));
        assertEquals(10, AdcQuantizer.exactBits(512));
    }
}
