package org.imcsim.hardware;

/**
 * The placed chip as costing sees it: tile counts by kind, the tile grid, and the chip-level sizes that
 * depend on the network (NeuroSim's sizing rules, resolved once when the network is placed so saved counts
 * can be re-costed without the network).
 *
 * @param layers            crossbar layers
 * @param chipTiles         tiles on the chip
 * @param novelTiles        of which kernel-position ("novel") tiles
 * @param novelPes          PEs per novel tile (0 if none)
 * @param gridRows          tile rows
 * @param gridCols          tile columns
 * @param maxLayerTileRows  the most tile rows any layer spans, duplicates included (sizes the chip adder tree)
 * @param busWidthBits      global bus / H-tree width, bits
 * @param globalBufferBits  global buffer capacity, bits
 * @param maxActivationBits largest activation between layers, bits
 */
public record ChipShape(int layers, int chipTiles, int novelTiles, int novelPes, int gridRows, int gridCols,
                        int maxLayerTileRows, int busWidthBits, long globalBufferBits, long maxActivationBits) {

    public ChipShape {
        if (layers < 1 || chipTiles < 1 || novelTiles < 0 || novelTiles > chipTiles || gridRows < 1 || gridCols < 1
                || maxLayerTileRows < 1 || busWidthBits < 1 || globalBufferBits < 1 || maxActivationBits < 0
                || (novelTiles > 0 && novelPes < 2)) {
            throw new IllegalArgumentException("inconsistent chip shape: " + layers + " layers, " + chipTiles + " tiles ("
                    + novelTiles + " novel of " + novelPes + " PEs), grid " + gridRows + "x" + gridCols + ", bus "
                    + busWidthBits + " bits, global buffer " + globalBufferBits + " bits");
        }
    }

    /** Conventional tiles. */
    public int conventionalTiles() {
        return chipTiles - novelTiles;
    }
}
