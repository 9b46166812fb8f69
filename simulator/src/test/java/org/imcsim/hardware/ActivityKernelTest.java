package org.imcsim.hardware;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.imcsim.mapping.LayerMapper;
import org.imcsim.mapping.MappingSpec;
import org.imcsim.mapping.ScaleMode;
import org.imcsim.mapping.SignedScheme;
import org.imcsim.mapping.Subtraction;
import org.imcsim.workload.CrossbarLayer;
import org.imcsim.workload.Network;
import org.imcsim.workload.NetworkBuilder;
import org.imcsim.workload.TensorShape;
import org.junit.jupiter.api.Test;

class ActivityKernelTest {

    private static Network dense(int k, int n, long seed, double zeroFraction) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] w = new float[k * n];
        for (int i = 0; i < w.length; i++) {
            w[i] = r.nextDouble() < zeroFraction ? 0f : (float) (r.nextDouble() * 2 - 1);
        }
        NetworkBuilder b = new NetworkBuilder("t", TensorShape.flat(k));
        b.dense("fc", 0, n, w, null);
        return b.build();
    }

    private static void assertSame(ActivityKernel.Prepared a, ActivityKernel.Prepared b) {
        assertEquals(a.rowBlocks(), b.rowBlocks());
        assertEquals(a.crossbars, b.crossbars);
        assertEquals(a.usedCells, b.usedCells);
        assertEquals(a.maxLevelSum, b.maxLevelSum);
        for (int i = 0; i < a.rowBlocks(); i++) {
            assertEquals(a.arrays[i].length, b.arrays[i].length);
            for (int j = 0; j < a.arrays[i].length; j++) {
                assertEquals(a.arrays[i][j].physCols(), b.arrays[i][j].physCols());
                assertArrayEquals(a.arrays[i][j].bits(), b.arrays[i][j].bits());
            }
        }
    }

    @Test
    void directMasksEqualTheMappersLayoutForEverySchemeAndCellSize() {
        // 300 rows: three row-blocks of 128/128/44 (two and one words); 70 outputs over several arrays; sparse
        Network net = dense(300, 70, 7, 0.6);
        CrossbarLayer l = net.crossbarLayers().get(0);
        for (SignedScheme s : new SignedScheme[] {SignedScheme.DIFFERENTIAL, SignedScheme.OFFSET}) {
            for (int cellBits : new int[] {1, 2, 3}) {
                for (ScaleMode mode : new ScaleMode[] {ScaleMode.LAYER, ScaleMode.CHANNEL_POW2}) {
                    MappingSpec ms = new MappingSpec(8, 8, cellBits, 1, 128, 64, s, Subtraction.DIGITAL, mode);
                    ActivityKernel.Prepared fast = ActivityKernel.prepare(l, ms, false);
                    ActivityKernel.Prepared ref = ActivityKernel.prepare(
                            LayerMapper.map(l.name(), l.copyMatrix(), l.rows(), l.cols(), ms), false);
                    assertSame(ref, fast);
                }
            }
        }
    }

    @Test
    void prunedBlocksAreNotAllocated() {
        float[] w = new float[256 * 4];
        for (int j = 0; j < 4; j++) {
            w[j * 256 + 3] = 0.5f; // only the first row-block holds weights
        }
        NetworkBuilder b = new NetworkBuilder("p", TensorShape.flat(256));
        b.dense("fc", 0, 4, w, null);
        CrossbarLayer l = b.build().crossbarLayers().get(0);
        MappingSpec ms = new MappingSpec(8, 8, 1, 1, 128, 128, SignedScheme.OFFSET, Subtraction.DIGITAL, ScaleMode.LAYER);
        ActivityKernel.Prepared p = ActivityKernel.prepare(l, ms, false);
        assertEquals(1, p.crossbars);
        assertEquals(0, p.arrays[1].length);
    }

    @Test
    void levelSumsMatchABruteForceCount() {
        Network net = dense(200, 20, 11, 0.3);
        CrossbarLayer l = net.crossbarLayers().get(0);
        MappingSpec ms = new MappingSpec(8, 4, 2, 1, 128, 64, SignedScheme.OFFSET, Subtraction.DIGITAL, ScaleMode.LAYER);
        var mapped = LayerMapper.map(l.name(), l.copyMatrix(), l.rows(), l.cols(), ms);
        ActivityKernel.Prepared p = ActivityKernel.prepare(l, ms, false);
        SplittableRandom r = new SplittableRandom(3);
        int vectors = 5;
        short[] codes = new short[vectors * 200];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = (short) r.nextInt(16);
        }
        LayerActivity a = ActivityKernel.empty(p);
        ActivityKernel.measure(p, codes, 0, vectors, 4, a);
        long[] hist = new long[a.maxLevelSum() + 1];
        long planes = 0;
        long active = 0;
        for (var t : mapped.tiles()) {
            for (int v = 0; v < vectors; v++) {
                for (int k = 0; k < 4; k++) {
                    planes++;
                    int act = 0;
                    for (int i = 0; i < t.rowCount(); i++) {
                        act += (codes[v * 200 + t.rowStart() + i] >> k) & 1;
                    }
                    active += act;
                    for (int c = 0; c < t.physCols(); c++) {
                        int ws = 0;
                        for (int i = 0; i < t.rowCount(); i++) {
                            if (((codes[v * 200 + t.rowStart() + i] >> k) & 1) != 0) {
                                ws += t.level(i, c);
                            }
                        }
                        hist[ws]++;
                    }
                }
            }
        }
        assertEquals(planes, a.planeReads());
        assertEquals(active, a.activeRows());
        assertArrayEquals(hist, a.histogram());
    }

    /**
     * Every specialised conversion path (1, 2, 4 and other word counts; 1..4 level bits; analog pairs) against a
     * brute-force count of level sums, rows driven and drive sums over the mapper's tiles.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
            "64,1,false", "64,2,false", "64,4,false", "100,3,false", "128,1,false", "128,2,false", "128,4,false",
            "256,1,false", "256,2,false", "256,4,false", "300,2,false", "128,2,true", "64,1,true"})
    void histogramsAndDriveMatchABruteForceCountOnEveryPath(int rows, int cellBits, boolean pairs) {
        int k = 520;
        int n = 24;
        Network net = dense(k, n, 13 + rows + cellBits, 0.4);
        CrossbarLayer l = net.crossbarLayers().get(0);
        MappingSpec ms = new MappingSpec(8, 8, cellBits, 1, rows, 64, pairs ? SignedScheme.DIFFERENTIAL : SignedScheme.OFFSET,
                pairs ? Subtraction.ANALOG : Subtraction.DIGITAL, ScaleMode.LAYER);
        var mapped = LayerMapper.map(l.name(), l.copyMatrix(), l.rows(), l.cols(), ms);
        ActivityKernel.Prepared p = ActivityKernel.prepare(l, ms, pairs);
        SplittableRandom r = new SplittableRandom(rows * 31L + cellBits);
        int vectors = 7;
        short[] codes = new short[vectors * k];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = (short) (r.nextInt(3) == 0 ? 0 : r.nextInt(256)); // some rows idle in every plane
        }
        for (int i = 0; i < k; i++) {
            codes[2 * k + i] = 0; // one all-zero vector: idle planes
        }
        LayerActivity a = ActivityKernel.empty(p);
        ActivityKernel.measure(p, codes, 0, vectors, 8, a);
        long[] hist = new long[a.maxLevelSum() + 1];
        long[] drive = new long[a.maxLevelSum() + 1];
        long planes = 0;
        long active = 0;
        int slices = ms.slices();
        for (var t : mapped.tiles()) {
            for (int v = 0; v < vectors; v++) {
                for (int kk = 0; kk < 8; kk++) {
                    planes++;
                    int act = 0;
                    for (int i = 0; i < t.rowCount(); i++) {
                        act += (codes[v * k + t.rowStart() + i] >> kk) & 1;
                    }
                    active += act;
                    int[] ws = new int[t.physCols()];
                    for (int c = 0; c < t.physCols(); c++) {
                        for (int i = 0; i < t.rowCount(); i++) {
                            if (((codes[v * k + t.rowStart() + i] >> kk) & 1) != 0) {
                                ws[c] += t.level(i, c);
                            }
                        }
                    }
                    if (!pairs) {
                        for (int c = 0; c < t.physCols(); c++) {
                            hist[ws[c]]++;
                            drive[ws[c]] += act;
                        }
                    } else {
                        for (int c0 = 0; c0 + 2 * slices <= t.physCols(); c0 += 2 * slices) {
                            for (int j = 0; j < slices; j++) {
                                int sum = ws[c0 + j] + ws[c0 + slices + j];
                                hist[sum]++;
                                drive[sum] += 2L * act;
                            }
                        }
                    }
                }
            }
        }
        assertEquals(planes, a.planeReads());
        assertEquals(active, a.activeRows());
        assertArrayEquals(hist, a.histogram());
        assertArrayEquals(drive, a.driveByLevelSum());
    }

    /**
     * Two's-complement inputs with a 2-bit DAC: the magnitude bits are read two at a time and the sign bit in a
     * step of its own, as the functional kernel reads them, so the hardware counts the same read cycles.
     */
    @Test
    void signedInputsWithAMultiBitDacReadTheSignBitInAStepOfItsOwn() {
        int k = 200;
        Network net = dense(k, 20, 17, 0.3);
        CrossbarLayer l = net.crossbarLayers().get(0);
        MappingSpec ms = new MappingSpec(8, 8, 2, 2, 128, 64, SignedScheme.OFFSET, Subtraction.DIGITAL, ScaleMode.LAYER);
        var mapped = LayerMapper.map(l.name(), l.copyMatrix(), l.rows(), l.cols(), ms);
        ActivityKernel.Prepared p = ActivityKernel.prepare(l, ms, false);
        SplittableRandom r = new SplittableRandom(5);
        int vectors = 6;
        short[] codes = new short[vectors * k];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = (short) (r.nextInt(4) == 0 ? 0 : r.nextInt(-128, 128));
        }
        LayerActivity a = ActivityKernel.empty(p, 2);
        ActivityKernel.measure(p, codes, 0, vectors, 8, 2, true, a);
        assertEquals(true, a.signedInput());
        // steps: bits {0,1}, {2,3}, {4,5}, {6}, then the sign bit 7
        int[][] steps = {{0, 2}, {2, 4}, {4, 6}, {6, 7}, {7, 8}};
        assertEquals(steps.length, ms.inputCycles(true));
        long[] hist = new long[a.maxLevelSum() + 1];
        long[] drive = new long[a.maxLevelSum() + 1];
        long planes = 0;
        long active = 0;
        for (var t : mapped.tiles()) {
            for (int v = 0; v < vectors; v++) {
                for (int[] st : steps) {
                    planes++;
                    int[] level = new int[t.rowCount()];
                    int act = 0;
                    int sum = 0;
                    for (int i = 0; i < t.rowCount(); i++) {
                        int code = codes[v * k + t.rowStart() + i] & 0xFF;
                        level[i] = (code >> st[0]) & ((1 << (st[1] - st[0])) - 1);
                        act += level[i] != 0 ? 1 : 0;
                        sum += level[i];
                    }
                    active += act;
                    for (int c = 0; c < t.physCols(); c++) {
                        int ws = 0;
                        for (int i = 0; i < t.rowCount(); i++) {
                            ws += level[i] * t.level(i, c);
                        }
                        hist[ws]++;
                        drive[ws] += sum;
                    }
                }
            }
        }
        assertEquals(planes, a.planeReads());
        assertEquals((long) ms.inputCycles(true) * vectors * mapped.crossbars(), a.planeReads());
        assertEquals(active, a.activeRows());
        assertArrayEquals(hist, a.histogram());
        assertArrayEquals(drive, a.driveByLevelSum());
        // unsigned codes keep the plain grouping: ceil(8 / 2) steps
        LayerActivity u = ActivityKernel.empty(p, 2);
        ActivityKernel.measure(p, codes, 0, vectors, 8, 2, false, u);
        assertEquals((long) ms.inputCycles(false) * vectors * mapped.crossbars(), u.planeReads());
        assertEquals(4, ms.inputCycles(false));
    }
}
