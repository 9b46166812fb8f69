package org.imcsim.mapping.placement;

/**
 * Where one layer sits on the chip. The layer's array grid (one <em>copy</em>) is laid out on PEs and
 * tiles; copies are packed into <em>tile groups</em> of {@code tileGridRows × tileGridCols} tiles, each
 * holding {@code copiesPerGroup} copies (NeuroSim's PE and sub-array duplication: copies stacked along
 * whichever dimension the copy leaves free). Conventional layers use tiles of
 * {@code tileArrayRows × tileArrayCols} array slots; kernel-position ("novel") layers use tiles of one
 * PE per kernel position. No tile holds two layers.
 *
 * @param layer           index among the crossbar layers
 * @param demand          what the layer asked for
 * @param replicas        copies of the weights (NeuroSim's speed-up)
 * @param desiredSpeedUp  the speed-up the pipeline rule asked for before tile packing rounded it
 * @param tileGridRows    tiles one group spans along the fan-in
 * @param tileGridCols    tiles one group spans along the outputs
 * @param copiesPerGroup  copies one tile group holds
 * @param firstTile       index of the layer's first tile; its tiles are consecutive
 * @param tiles           tiles the layer occupies
 */
public record LayerPlacement(int layer, LayerDemand demand, int replicas, int desiredSpeedUp, int tileGridRows,
                             int tileGridCols, int copiesPerGroup, int firstTile, int tiles) {

    /** Arrays allocated for this layer over all copies. */
    public long crossbars() {
        return (long) demand.arrays() * replicas;
    }

    /** Tiles of one group. */
    public int tilesPerGroup() {
        return tileGridRows * tileGridCols;
    }

    /** Tile groups of the layer. */
    public int groups() {
        return (replicas + copiesPerGroup - 1) / copiesPerGroup;
    }

    /** The group copy {@code r} belongs to. */
    public int groupOfReplica(int r) {
        return r / copiesPerGroup;
    }

    /** The tile of copy {@code r}'s group's top-left corner. */
    public int tileOfReplica(int r) {
        return firstTile + groupOfReplica(r) * tilesPerGroup();
    }

    /** Whether the layer uses the kernel-position mapping (and the chip's novel tiles). */
    public boolean novel() {
        return demand.novel();
    }

    /** Tile rows the layer occupies counting its groups stacked (NeuroSim's {@code numTileEachLayer[0]}). */
    public int tileRowsOfLayer() {
        return groups() * tileGridRows;
    }

    /** Tile columns the layer occupies (NeuroSim's {@code numTileEachLayer[1]}). */
    public int tileColsOfLayer() {
        return tileGridCols;
    }

    /** Input vectors each copy handles per image (the largest share). */
    public long vectorsPerReplica() {
        return (demand.vectorsPerImage() + replicas - 1) / replicas;
    }
}
