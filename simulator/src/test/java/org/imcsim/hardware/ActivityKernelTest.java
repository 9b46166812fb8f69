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
}
