package org.imcsim.mapping.placement;

/**
 * What one mapped layer asks of the chip: its grid of arrays (after tiling; pruned arrays leave
 * holes but keep the grid) and how much work one image brings, for the duplication policy.
 *
 * @param name            layer name
 * @param rowBlocks       array rows of one copy: ceil(K / rows), or with the kernel-position mapping
 *                        {@code kernelPositions × ceil(Cin / rows)}
 * @param colBlocks       array columns of one copy: ceil(N / logical columns per array)
 * @param arrays          arrays allocated for one copy (≤ rowBlocks × colBlocks after pruning)
 * @param vectorsPerImage input vectors one image brings (output positions)
 * @param ifmSize         input feature-map height (NeuroSim's speed-up rule); 1 for dense layers
 * @param conv            whether the layer is a spatial convolution (dense layers bound no speed-up)
 * @param kernelPositions 1 for the conventional mapping; kH·kW when the layer is mapped one PE group per
 *                        kernel position (NeuroSim's "novel" mapping, see {@link Placer#novelLayers})
 */
public record LayerDemand(String name, int rowBlocks, int colBlocks, int arrays, long vectorsPerImage, int ifmSize,
                          boolean conv, int kernelPositions) {

    public LayerDemand {
        if (rowBlocks < 1 || colBlocks < 1) {
            throw new IllegalArgumentException(name + ": array grid must be at least 1 × 1");
        }
        if (arrays < 0 || arrays > (long) rowBlocks * colBlocks) {
            throw new IllegalArgumentException(name + ": " + arrays + " arrays do not fit a " + rowBlocks + " × "
                    + colBlocks + " grid");
        }
        if (vectorsPerImage < 1 || ifmSize < 1) {
            throw new IllegalArgumentException(name + ": vectorsPerImage and ifmSize must be >= 1");
        }
        if (kernelPositions < 1 || rowBlocks % kernelPositions != 0) {
            throw new IllegalArgumentException(name + ": kernelPositions must be >= 1 and divide rowBlocks ("
                    + rowBlocks + "), got " + kernelPositions);
        }
    }

    /** A conventionally mapped layer. */
    public LayerDemand(String name, int rowBlocks, int colBlocks, int arrays, long vectorsPerImage, int ifmSize,
                       boolean conv) {
        this(name, rowBlocks, colBlocks, arrays, vectorsPerImage, ifmSize, conv, 1);
    }

    /** Whether the layer uses the kernel-position mapping. */
    public boolean novel() {
        return kernelPositions > 1;
    }

    /** Array rows per kernel position (the whole grid for a conventional layer). */
    public int positionRowBlocks() {
        return rowBlocks / kernelPositions;
    }
}
