package org.imcsim.mapping;

import java.util.ArrayList;
import java.util.List;

/**
 * Maps one layer's K×N weight matrix onto crossbars (MODEL.md §2): quantize, encode each code
 * in the signed scheme, slice the stored value into cells of cellBits bits, tile into
 * rows × cols arrays, and drop arrays whose weights are all zero (crossbar pruning).
 */
public final class LayerMapper {

    private LayerMapper() {
    }

    /** Quantizes and maps; see {@link #map(String, QuantizedWeights, MappingSpec)}. */
    public static MappedLayer map(String name, float[] weights, int k, int n, MappingSpec spec) {
        return map(name, WeightQuantizer.quantize(weights, k, n, spec.weightBits(), spec.scale()), spec);
    }

    /**
     * Maps already-quantized weights.
     *
     * @throws IllegalArgumentException for {@link SignedScheme#UNIPOLAR} when a crossbar holds
     *                                  weights of both signs (the message names layer and block)
     */
    public static MappedLayer map(String name, QuantizedWeights qw, MappingSpec spec) {
        if (qw.bits() != spec.weightBits()) {
            throw new IllegalArgumentException("weights quantized to " + qw.bits() + " bits, spec says " + spec.weightBits());
        }
        int k = qw.k();
        int n = qw.n();
        int rows = spec.rows();
        int perArray = spec.logicalColsPerArray();
        int cpw = spec.cellsPerWeight();
        int slices = spec.slices();
        int cellBits = spec.cellBits();
        int cellMask = (1 << cellBits) - 1;
        int offset = spec.signed() == SignedScheme.OFFSET ? spec.maxWeightCode() : 0;
        int rowBlocks = (k + rows - 1) / rows;
        int colBlocks = (n + perArray - 1) / perArray;
        List<CrossbarTile> tiles = new ArrayList<>();
        for (int rb = 0; rb < rowBlocks; rb++) {
            int r0 = rb * rows;
            int rc = Math.min(rows, k - r0);
            for (int cb = 0; cb < colBlocks; cb++) {
                int c0 = cb * perArray;
                int cc = Math.min(perArray, n - c0);
                boolean anyPos = false;
                boolean anyNeg = false;
                for (int i = r0; i < r0 + rc; i++) {
                    int base = i * n;
                    for (int j = c0; j < c0 + cc; j++) {
                        int q = qw.q()[base + j];
                        anyPos |= q > 0;
                        anyNeg |= q < 0;
                    }
                }
                if (!anyPos && !anyNeg) {
                    continue; // crossbar pruning: an all-zero block is not allocated
                }
                int sign = 1;
                if (spec.signed() == SignedScheme.UNIPOLAR) {
                    if (anyPos && anyNeg) {
                        throw new IllegalArgumentException("layer " + name + ": unipolar mapping needs one sign per crossbar, "
                                + "but the block of rows " + r0 + ".." + (r0 + rc - 1) + " × columns " + c0 + ".." + (c0 + cc - 1)
                                + " holds positive and negative weights");
                    }
                    sign = anyNeg ? -1 : 1;
                }
                int physCols = cc * cpw;
                byte[] levels = new byte[rc * physCols];
                for (int r = 0; r < rc; r++) {
                    int base = (r0 + r) * n;
                    int rowOff = r * physCols;
                    for (int l = 0; l < cc; l++) {
                        int q = qw.q()[base + c0 + l];
                        int colBase = rowOff + l * cpw;
                        switch (spec.signed()) {
                            case DIFFERENTIAL -> {
                                int pos = Math.max(q, 0);
                                int neg = Math.max(-q, 0);
                                for (int s = 0; s < slices; s++) {
                                    levels[colBase + s] = (byte) ((pos >>> (s * cellBits)) & cellMask);
                                    levels[colBase + slices + s] = (byte) ((neg >>> (s * cellBits)) & cellMask);
                                }
                            }
                            case OFFSET -> {
                                int stored = q + offset;
                                for (int s = 0; s < slices; s++) {
                                    levels[colBase + s] = (byte) ((stored >>> (s * cellBits)) & cellMask);
                                }
                            }
                            case UNIPOLAR -> {
                                int mag = Math.abs(q);
                                for (int s = 0; s < slices; s++) {
                                    levels[colBase + s] = (byte) ((mag >>> (s * cellBits)) & cellMask);
                                }
                            }
                        }
                    }
                }
                tiles.add(new CrossbarTile(rb, cb, r0, rc, c0, cc, physCols, sign, levels));
            }
        }
        return new MappedLayer(name, spec, qw, tiles, rowBlocks, colBlocks);
    }
}
