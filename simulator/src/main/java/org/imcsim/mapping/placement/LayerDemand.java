package org.imcsim.mapping.placement;

/**
 * What one mapped layer asks of the chip: its grid of arrays (after tiling; pruned arrays leave
 * holes but keep the grid) and how much work one image brings, for the duplication policy.
 *
 * @param name            layer name
 * @param rowBlocks       array rows of one copy: ceil(K / rows)
 * @param colBlocks       array columns of one copy: ceil(N / logical columns per array)
 * @param arrays          arrays allocated for one copy (≤ rowBlocks × colBlocks after pruning)
 * @param vectorsPerImage input vectors one image brings (output positions)
 * @param ifmSize         input feature-map height (NeuroSim's speed-up rule); 1 for dense layers
 * @param conv            whether the layer is a convolution (dense layers bound no speed-up)
 */
public record LayerDemand(String name, int rowBlocks, int colBlocks, int arrays, long vectorsPerImage, int ifmSize,
                          boolean conv) {

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
    }
}
