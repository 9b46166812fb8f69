package org.imcsim.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LayerMapperTest {

    private static MappingSpec spec(int cellBits, SignedScheme s, int rows, int cols) {
        return new MappingSpec(8, 8, cellBits, 1, rows, cols, s, Subtraction.DIGITAL, ScaleMode.LAYER);
    }

    @Test
    void quantizationFollowsTheContract() {
        float[] w = {0.5f, -1.0f, 0.25f, 0.0f};
        QuantizedWeights q = WeightQuantizer.quantize(w, 2, 2, 8, ScaleMode.LAYER);
        assertEquals(1.0 / 127, q.scale()[0], 1e-12);
        assertEquals(64, q.code(0, 0)); // rint(63.5) = 64 (half to even)
        assertEquals(-127, q.code(0, 1));
        assertEquals(32, q.code(1, 0)); // rint(31.75)
        assertEquals(0, q.code(1, 1));
    }

    @Test
    void channelScalesAreIndependent() {
        float[] w = {1f, 0.1f, -0.5f, 0.05f};
        QuantizedWeights q = WeightQuantizer.quantize(w, 2, 2, 4, ScaleMode.CHANNEL);
        assertEquals(1.0 / 7, q.scale()[0], 1e-12);
        assertEquals(0.1 / 7, q.scale()[1], 1e-9); // 0.1f is not 0.1
        assertEquals(7, q.code(0, 1));
    }

    @Test
    void pow2ScalesAreRoundedUpPowersOfTwo() {
        float[] w = {0.3f, -0.2f};
        QuantizedWeights q = WeightQuantizer.quantize(w, 1, 2, 8, ScaleMode.POW2);
        double s = q.scale()[0];
        assertEquals(Math.scalb(1.0, WeightQuantizer.shiftOf(s)), s, 0);
        assertTrue(s >= 0.3 / 127 && s < 2 * 0.3 / 127, "smallest power of two above max/127, got " + s);
        assertTrue(Math.abs(q.code(0, 0)) <= 127);
        assertEquals(0.25, WeightQuantizer.roundUpToPowerOfTwo(0.25), 0);
        assertEquals(0.5, WeightQuantizer.roundUpToPowerOfTwo(0.2500001), 0);
    }

    @Test
    void slicesAndLevelsReconstructEveryCode() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (SignedScheme scheme : SignedScheme.values()) {
            for (int cellBits = 1; cellBits <= 4; cellBits++) {
                int k = 37;
                int n = 11;
                float[] w = new float[k * n];
                for (int i = 0; i < w.length; i++) {
                    w[i] = (float) (scheme == SignedScheme.UNIPOLAR ? rnd.nextDouble() : rnd.nextDouble(-1, 1));
                }
                MappingSpec sp = spec(cellBits, scheme, 16, 32);
                MappedLayer m = LayerMapper.map("l", w, k, n, sp);
                int off = scheme == SignedScheme.OFFSET ? 127 : 0;
                for (CrossbarTile t : m.tiles()) {
                    for (int r = 0; r < t.rowCount(); r++) {
                        for (int l = 0; l < t.colCount(); l++) {
                            long pos = 0;
                            long neg = 0;
                            for (int s = 0; s < sp.slices(); s++) {
                                pos += (long) t.level(r, l * sp.cellsPerWeight() + s) << (s * cellBits);
                                if (sp.polarities() == 2) {
                                    neg += (long) t.level(r, l * sp.cellsPerWeight() + sp.slices() + s) << (s * cellBits);
                                }
                                assertTrue(t.level(r, l * sp.cellsPerWeight() + s) < (1 << cellBits));
                            }
                            int q = m.weights().code(t.rowStart() + r, t.colStart() + l);
                            assertEquals(q, t.sign() * (pos - neg) - off, scheme + " cellBits " + cellBits);
                        }
                    }
                }
            }
        }
    }

    @Test
    void tilingCountsAndPruning() {
        // K = 300 rows on 128-row arrays -> 3 row-blocks; N = 20 columns, 2-bit cells,
        // differential: 4 slices × 2 = 8 cells per weight, 128/8 = 16 per array -> 2 col-blocks.
        int k = 300;
        int n = 20;
        float[] w = new float[k * n];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < n; j++) {
                // rows 128..255 are all zero: the middle row-block is pruned
                w[i * n + j] = (i >= 128 && i < 256) ? 0f : (float) Math.sin(i * 31 + j);
            }
        }
        MappedLayer m = LayerMapper.map("fc", w, k, n, spec(2, SignedScheme.DIFFERENTIAL, 128, 128));
        assertEquals(3, m.rowBlocks());
        assertEquals(2, m.colBlocks());
        assertEquals(6, m.crossbarsBeforePruning());
        assertEquals(4, m.crossbars());
        for (CrossbarTile t : m.tiles()) {
            assertTrue(t.rowBlock() != 1);
        }
        // used cells: row-block 0: 128 rows, row-block 2: 44 rows; col-blocks hold 16 and 4 weights × 8 cells
        double used = (128 + 44) * (16 * 8 + 4 * 8);
        assertEquals(used / (4 * 128 * 128), m.cellUtilization(), 1e-12);
    }

    @Test
    void unipolarRejectsMixedSignBlocks() {
        float[] w = {0.5f, -0.5f, 0.25f, 0.1f};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LayerMapper.map("conv1", w, 2, 2, spec(2, SignedScheme.UNIPOLAR, 2, 8)));
        assertTrue(e.getMessage().contains("conv1") && e.getMessage().contains("one sign"), e.getMessage());
        // one sign per array is fine: columns 0 and 1 land in separate arrays when each array holds one weight column
        float[] ok = {0.5f, -0.5f, 0.25f, -0.1f};
        MappedLayer m = LayerMapper.map("conv1", ok, 2, 2, spec(2, SignedScheme.UNIPOLAR, 2, 4));
        assertEquals(2, m.crossbars());
        assertEquals(1, m.tiles().get(0).sign());
        assertEquals(-1, m.tiles().get(1).sign());
    }

    @Test
    void specRejectsArraysTooNarrowForOneWeight() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MappingSpec(8, 8, 1, 1, 128, 8, SignedScheme.DIFFERENTIAL, Subtraction.DIGITAL, ScaleMode.LAYER));
        assertTrue(e.getMessage().contains("14 cells"), e.getMessage());
    }
}
