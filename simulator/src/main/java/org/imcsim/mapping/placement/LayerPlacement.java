package org.imcsim.mapping.placement;

/**
 * Where one layer sits on the chip. The layer's array grid (one <em>copy</em>) is laid out on PEs
 * and tiles; it is duplicated {@code replicas} times. A copy larger than a tile spans
 * {@code tileGridRows × tileGridCols} tiles of its own; copies that fit in a tile are packed
 * {@code replicasPerTile} to a tile on the tile's array grid. No tile holds two layers.
 *
 * @param layer           index among the crossbar layers
 * @param demand          what the layer asked for
 * @param replicas        copies of the weights (NeuroSim's speed-up)
 * @param desiredSpeedUp  the speed-up the pipeline rule asked for before tile packing rounded it
 * @param tileGridRows    tiles one copy spans along the fan-in (1 when packed)
 * @param tileGridCols    tiles one copy spans along the outputs (1 when packed)
 * @param replicasPerTile copies sharing one tile (1 for copies that span tiles)
 * @param firstTile       index of the layer's first tile; its tiles are consecutive
 * @param tiles           tiles the layer occupies
 */
public record LayerPlacement(int layer, LayerDemand demand, int replicas, int desiredSpeedUp, int tileGridRows,
                             int tileGridCols, int replicasPerTile, int firstTile, int tiles) {

    /** Arrays allocated for this layer over all copies. */
    public long crossbars() {
        return (long) demand.arrays() * replicas;
    }

    /** Tiles one copy uses (its own grid, or 1 shared with other copies). */
    public int tilesPerReplica() {
        return tileGridRows * tileGridCols;
    }

    /** The tile of copy {@code r}'s top-left corner. */
    public int tileOfReplica(int r) {
        return replicasPerTile > 1 ? firstTile + r / replicasPerTile : firstTile + r * tilesPerReplica();
    }

    /** Input vectors each copy handles per image (the largest share). */
    public long vectorsPerReplica() {
        return (demand.vectorsPerImage() + replicas - 1) / replicas;
    }
}
