package org.imcsim.mapping;

import java.util.List;

/**
 * A layer mapped onto crossbars: its quantized weights, the allocated arrays, and mapping
 * statistics. Immutable.
 *
 * @param name           layer name
 * @param spec           the mapping spec used
 * @param weights        the quantized weights (codes and scales)
 * @param tiles          allocated crossbars, ordered by (rowBlock, colBlock)
 * @param rowBlocks      ceil(K / rows)
 * @param colBlocks      ceil(N / logicalColsPerArray)
 */
public record MappedLayer(String name, MappingSpec spec, QuantizedWeights weights, List<CrossbarTile> tiles,
                          int rowBlocks, int colBlocks) {

    public MappedLayer {
        tiles = List.copyOf(tiles);
    }

    /** K: fan-in rows of the weight matrix. */
    public int k() {
        return weights.k();
    }

    /** N: output columns. */
    public int n() {
        return weights.n();
    }

    /** Arrays allocated (after crossbar pruning). */
    public int crossbars() {
        return tiles.size();
    }

    /** Arrays that tiling would need without pruning: rowBlocks × colBlocks. */
    public int crossbarsBeforePruning() {
        return rowBlocks * colBlocks;
    }

    /** Cells holding weights in allocated arrays divided by the cells of those arrays (rows × cols each). */
    public double cellUtilization() {
        if (tiles.isEmpty()) {
            return 0;
        }
        long used = 0;
        for (CrossbarTile t : tiles) {
            used += (long) t.rowCount() * t.physCols();
        }
        return used / ((double) tiles.size() * spec.rows() * spec.cols());
    }
}
