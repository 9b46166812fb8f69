package org.imcsim.mapping.placement;

import java.util.List;

/**
 * The result of placing a network: one {@link LayerPlacement} per crossbar layer, in layer order, on
 * consecutive tiles of a near-square tile grid ({@code gridRows = ceil(sqrt(T))},
 * {@code gridCols = ceil(T / gridRows)}, NeuroSim's chip floorplan). Tile {@code t} sits at row
 * {@code t / gridCols}, column {@code t % gridCols}. Tiles of kernel-position layers ("novel" tiles) hold
 * {@code novelPes} PEs, the others {@code spec.tileRows() × spec.tileCols()}. Immutable.
 *
 * @param spec       the hierarchy used
 * @param layers     per-layer placements
 * @param usedTiles  tiles holding weights
 * @param chipTiles  tiles on the chip (= usedTiles when the chip is sized to the network)
 * @param gridRows   tile rows of the chip
 * @param gridCols   tile columns of the chip
 * @param novelTiles tiles of the novel kind among {@code usedTiles}
 * @param novelPes   PEs in a novel tile (the kernel area, e.g. 9), 0 if the chip has none
 */
public record Placement(PlacementSpec spec, List<LayerPlacement> layers, int usedTiles, int chipTiles, int gridRows,
                        int gridCols, int novelTiles, int novelPes) {

    public Placement {
        layers = List.copyOf(layers);
    }

    /** Row of tile {@code t} on the chip grid. */
    public int tileRow(int t) {
        return t / gridCols;
    }

    /** Column of tile {@code t} on the chip grid. */
    public int tileCol(int t) {
        return t % gridCols;
    }

    /** Conventional tiles on the chip (spare tiles of a fixed-size chip are conventional). */
    public int conventionalTiles() {
        return chipTiles - novelTiles;
    }

    /** Arrays allocated over all layers and copies. */
    public long crossbars() {
        long c = 0;
        for (LayerPlacement l : layers) {
            c += l.crossbars();
        }
        return c;
    }

    /** Array slots on the chip: conventional tiles × arrays per tile + novel tiles × novelPes × arrays per PE. */
    public long arraySlots() {
        return (long) conventionalTiles() * spec.arraysPerTile() + (long) novelTiles * novelPes * spec.arraysPerPe();
    }

    /** Allocated arrays / array slots of the chip. */
    public double slotUtilization() {
        return arraySlots() == 0 ? 0 : (double) crossbars() / arraySlots();
    }
}
