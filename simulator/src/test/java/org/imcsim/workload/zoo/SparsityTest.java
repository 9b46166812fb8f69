package org.imcsim.workload.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.imcsim.config.BadInputException;
import org.imcsim.workload.CrossbarLayer;
import org.imcsim.workload.Network;
import org.junit.jupiter.api.Test;

class SparsityTest {
    private static long zeros(CrossbarLayer l) {
        return (long) l.rows() * l.cols() - l.nonZeroWeights();
    }

    @Test
    void unstructuredZeroesTheExactFraction() {
        Network net = Zoo.build("lenet5", 1, Sparsity.unstructured(0.3));
        for (CrossbarLayer l : net.crossbarLayers()) {
            assertEquals(Math.round(0.3 * l.rows() * l.cols()), zeros(l), l.name());
        }
    }

    @Test
    void channelPruningZeroesWholeColumnsExceptTheOutputLayer() {
        Network net = Zoo.build("vgg8", 1, Sparsity.channels(0.25));
        for (CrossbarLayer l : net.crossbarLayers()) {
            int zeroCols = 0;
            for (int c = 0; c < l.cols(); c++) {
                boolean all = true;
                for (int r = 0; r < l.rows() && all; r++) {
                    all = l.weight(r, c) == 0f;
                }
                zeroCols += all ? 1 : 0;
            }
            boolean last = l.index() == net.crossbarLayers().size() - 1;
            assertEquals(last ? 0 : Math.round(0.25 * l.cols()), zeroCols, l.name());
            assertEquals(last ? 0 : zeroCols * (long) l.rows(), zeros(l), l.name());
        }
    }

    @Test
    void crossbarBlocksAreZeroedWhole() {
        Network net = Zoo.build("vgg8", 1, Sparsity.crossbarBlocks(0.5, 128, 64));
        CrossbarLayer l = net.crossbarLayers().get(2); // K = 1152, N = 256: 9 x 4 blocks
        int empty = 0;
        for (int rb = 0; rb < 9; rb++) {
            for (int cb = 0; cb < 4; cb++) {
                int nz = 0;
                for (int r = rb * 128; r < (rb + 1) * 128; r++) {
                    for (int c = cb * 64; c < (cb + 1) * 64; c++) {
                        nz += l.weight(r, c) != 0f ? 1 : 0;
                    }
                }
                assertTrue(nz == 0 || nz == 128 * 64, "blocks are all-zero or dense");
                empty += nz == 0 ? 1 : 0;
            }
        }
        assertEquals(18, empty);
    }

    @Test
    void crossbarRowsAreZeroedPerBlock() {
        Network net = Zoo.build("lenet5", 1, Sparsity.crossbarRows(0.5, 16, 4));
        CrossbarLayer l = net.crossbarLayers().get(1); // K = 150, N = 16
        for (int rb = 0; rb * 16 < l.rows(); rb++) {
            int r1 = Math.min(rb * 16 + 16, l.rows());
            for (int cb = 0; cb < 4; cb++) {
                int zeroRows = 0;
                for (int r = rb * 16; r < r1; r++) {
                    int nz = 0;
                    for (int c = cb * 4; c < cb * 4 + 4; c++) {
                        nz += l.weight(r, c) != 0f ? 1 : 0;
                    }
                    assertTrue(nz == 0 || nz == 4, "row segments are all-zero or dense");
                    zeroRows += nz == 0 ? 1 : 0;
                }
                assertEquals(Math.round(0.5 * (r1 - rb * 16)), zeroRows);
            }
        }
    }

    @Test
    void crossbarColumnsAreZeroedPerBlock() {
        Network net = Zoo.build("mlp-fmnist", 1, Sparsity.crossbarColumns(0.25, 128, 32));
        CrossbarLayer l = net.crossbarLayers().get(0); // K = 784, N = 256
        long expected = 0;
        for (int rb = 0; rb * 128 < 784; rb++) {
            int rows = Math.min(128, 784 - rb * 128);
            expected += 8L * 8 * rows; // 8 column blocks x 8 of 32 columns x rows
        }
        assertEquals(expected, zeros(l));
    }

    @Test
    void parseAndErrors() {
        assertEquals(Sparsity.crossbarBlocks(0.5, 128, 64), Sparsity.parse("xbar-block:0.5:128x64", "f", "x"));
        assertEquals(Sparsity.channels(0.1), Sparsity.parse("channel:0.1", "f", "x"));
        assertEquals("xbar-row:0.5:128x128", Sparsity.parse("XBAR-ROW:0.5:128x128", null, "s").toString());
        BadInputException e = assertThrows(BadInputException.class, () -> Sparsity.parse("unstructured:1.5", "c.yaml", "workload.sparsity"));
        assertEquals("c.yaml: workload.sparsity: invalid sparsity 'unstructured:1.5': sparsity fraction must be in [0, 1], got 1.5",
                e.getMessage());
        assertThrows(BadInputException.class, () -> Sparsity.parse("xbar-row:0.5", null, "s"));
        assertThrows(BadInputException.class, () -> Sparsity.parse("random:0.5", null, "s"));
        Network n = Zoo.build("lenet5", 1);
        assertSame(n, Sparsity.none().apply(n, 1));
    }
}
