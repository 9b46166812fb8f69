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
                            int cycles = signedInput ? (7 + dacBits - 1) / dacBits + 1 : (8 + dacBits - 1) / dacBits;
                            assertEquals((long) count * cycles * m.crossbars(), act.readCycles);
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
