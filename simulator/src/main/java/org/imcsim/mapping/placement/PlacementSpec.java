package org.imcsim.mapping.placement;

/**
 * The chip hierarchy and the duplication policy the placer works with.
 *
 * @param peRows        arrays per PE along the fan-in (rows of arrays)
 * @param peCols        arrays per PE along the outputs (columns of arrays)
 * @param tileRows      PEs per tile along the fan-in
 * @param tileCols      PEs per tile along the outputs
 * @param chipTiles     a fixed number of tiles, or 0 to size the chip to the network
 * @param pipeline      layer pipeline (duplicate early layers) or layer by layer (no duplication)
 * @param speedUpDegree requested speed-up of the largest feature map (NeuroSim's {@code speedUpDegree})
 * @param novelMapping  map eligible convolutions one PE per kernel position, on tiles of kH·kW PEs
 *                      (NeuroSim's "novel" mapping; {@link Placer#novelLayers})
 */
public record PlacementSpec(int peRows, int peCols, int tileRows, int tileCols, int chipTiles, boolean pipeline,
                            int speedUpDegree, boolean novelMapping) {

    public PlacementSpec {
        if (peRows < 1 || peCols < 1 || tileRows < 1 || tileCols < 1) {
            throw new IllegalArgumentException("PE and tile dimensions must be >= 1");
        }
        if (chipTiles < 0) {
            throw new IllegalArgumentException("chipTiles must be >= 0, got " + chipTiles);
        }
        if (speedUpDegree < 1) {
            throw new IllegalArgumentException("speedUpDegree must be >= 1, got " + speedUpDegree);
        }
    }

    /** The conventional mapping only. */
    public PlacementSpec(int peRows, int peCols, int tileRows, int tileCols, int chipTiles, boolean pipeline,
                         int speedUpDegree) {
        this(peRows, peCols, tileRows, tileCols, chipTiles, pipeline, speedUpDegree, false);
    }

    /** Array rows in one conventional tile: tileRows × peRows. */
    public int tileArrayRows() {
        return tileRows * peRows;
    }

    /** Array columns in one conventional tile: tileCols × peCols. */
    public int tileArrayCols() {
        return tileCols * peCols;
    }

    /** Array slots in one conventional tile. */
    public int arraysPerTile() {
        return tileArrayRows() * tileArrayCols();
    }

    /** Array slots in one PE. */
    public int arraysPerPe() {
        return peRows * peCols;
    }
}
