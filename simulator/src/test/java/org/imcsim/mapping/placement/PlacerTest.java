package org.imcsim.mapping.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.imcsim.config.BadInputException;
import org.junit.jupiter.api.Test;

class PlacerTest {
    /** NeuroSim's VGG8 on 128 × 128 arrays, 8 columns per weight: the array grids of one copy. */
    private static List<LayerDemand> vgg8() {
        return List.of(
                new LayerDemand("conv1", 1, 8, 8, 1024, 32, true),
                new LayerDemand("conv2", 9, 8, 72, 1024, 32, true),
                new LayerDemand("conv3", 9, 16, 144, 256, 16, true),
                new LayerDemand("conv4", 18, 16, 288, 256, 16, true),
                new LayerDemand("conv5", 18, 32, 576, 64, 8, true),
                new LayerDemand("conv6", 36, 32, 1152, 64, 8, true),
                new LayerDemand("fc1", 64, 64, 4096, 1, 1, false),
                new LayerDemand("fc2", 8, 1, 8, 1, 1, false));
    }

    private static final PlacementSpec NEUROSIM = new PlacementSpec(4, 4, 2, 2, 0, true, 8);

    @Test
    void vgg8DuplicationFollowsNeuroSimsSpeedUpRule() {
        Placement p = Placer.place(vgg8(), NEUROSIM);
        int[] dup = p.layers().stream().mapToInt(LayerPlacement::replicas).toArray();
        // NeuroSim prints 16/16/4/4/2/1/1/8; conv5's 2 comes from its novel (kernel-position) mapping (see
        // novelMappingReproducesNeuroSimsVgg8Floorplan): the conventional mapping gives 1 there
        assertEquals(List.of(16, 16, 4, 4, 1, 1, 1, 8), java.util.Arrays.stream(dup).boxed().toList());
        int[] tiles = p.layers().stream().mapToInt(LayerPlacement::tiles).toArray();
        // conv1: 8 copies of 1 × 8 arrays fill an 8 × 8-array tile; fc2: 8 copies of 8 × 1 likewise
        assertEquals(List.of(2, 32, 16, 24, 12, 20, 64, 1), java.util.Arrays.stream(tiles).boxed().toList());
        assertEquals(171, p.usedTiles());
        assertEquals(14, p.gridRows());
        assertEquals(13, p.gridCols());
        // every layer copy handles the same number of vectors per image: the pipeline is balanced
        for (int i = 0; i < 6; i++) {
            assertEquals(64, p.layers().get(i).vectorsPerReplica());
        }
        // layers never share a tile and occupy consecutive tiles
        int next = 0;
        for (LayerPlacement l : p.layers()) {
            assertEquals(next, l.firstTile());
            next += l.tiles();
        }
    }

    /** The same layers with conv2..conv6 mapped one PE per kernel position (NeuroSim's novel mapping). */
    private static List<LayerDemand> vgg8Novel() {
        List<LayerDemand> c = vgg8();
        List<LayerDemand> out = new java.util.ArrayList<>();
        for (int i = 0; i < c.size(); i++) {
            LayerDemand d = c.get(i);
            boolean novel = i >= 1 && i <= 5;
            out.add(new LayerDemand(d.name(), d.rowBlocks(), d.colBlocks(), d.arrays(), d.vectorsPerImage(), d.ifmSize(),
                    d.conv(), novel ? 9 : 1));
        }
        return out;
    }

    @Test
    void novelLayersAreThe3x3ConvsThatFillAnArray() {
        int[] area = {9, 9, 9, 9, 9, 9, 1, 1};
        int[] fanIn = {27, 1152, 1152, 2304, 2304, 4608, 8192, 1024};
        boolean[] novel = Placer.novelLayers(area, fanIn, 128);
        assertEquals(List.of(false, true, true, true, true, true, false, false),
                java.util.stream.IntStream.range(0, 8).mapToObj(i -> novel[i]).toList());
        // only the most common spatial kernel area (1x1 layers do not count) is mapped by kernel position
        boolean[] mixed = Placer.novelLayers(new int[] {9, 25, 25, 1, 1, 1}, new int[] {1152, 800, 64, 512, 512, 512},
                128);
        assertEquals(List.of(false, true, false, false, false, false),
                java.util.stream.IntStream.range(0, 6).mapToObj(i -> mixed[i]).toList());
    }

    @Test
    void novelMappingReproducesNeuroSimsVgg8Floorplan() {
        Placement p = Placer.place(vgg8Novel(), new PlacementSpec(4, 4, 2, 2, 0, true, 8, true));
        // NeuroSim V1.4 prints: tiles per layer 2/8/4/8/8/8/64/1, speed-up 16/16/4/4/2/1/1/8
        assertEquals(List.of(16, 16, 4, 4, 2, 1, 1, 8), p.layers().stream().map(LayerPlacement::replicas).toList());
        assertEquals(List.of(2, 8, 4, 8, 8, 8, 64, 1), p.layers().stream().map(LayerPlacement::tiles).toList());
        assertEquals(103, p.usedTiles());
        assertEquals(36, p.novelTiles());
        assertEquals(9, p.novelPes());
        assertEquals(11, p.gridRows());
        assertEquals(10, p.gridCols());
        // NeuroSim's numTileEachLayer: rows include the duplicated groups
        assertEquals(List.of(2, 4, 1, 2, 1, 1, 8, 1), p.layers().stream().map(LayerPlacement::tileRowsOfLayer).toList());
        assertEquals(List.of(1, 2, 4, 4, 8, 8, 8, 1), p.layers().stream().map(LayerPlacement::tileColsOfLayer).toList());
        // slots: 67 conventional tiles of 64 arrays + 36 novel tiles of 9 PEs × 16 arrays
        assertEquals(67L * 64 + 36L * 144, p.arraySlots());
    }

    @Test
    void layerByLayerOnlyFillsTilesItAlreadyUses() {
        Placement p = Placer.place(vgg8(), new PlacementSpec(4, 4, 2, 2, 0, false, 8));
        int[] dup = p.layers().stream().mapToInt(LayerPlacement::replicas).toArray();
        assertEquals(List.of(8, 1, 1, 1, 1, 1, 1, 8), java.util.Arrays.stream(dup).boxed().toList());
        assertEquals(1 + 2 + 4 + 6 + 12 + 20 + 64 + 1, p.usedTiles());
    }

    @Test
    void aFixedChipDuplicatesTheBottleneckWhileItFits() {
        // minimal footprint is 110 tiles; give 130: the 20 spare tiles go to the bottleneck layers
        Placement p = Placer.place(vgg8(), new PlacementSpec(4, 4, 2, 2, 130, true, 8));
        assertTrue(p.usedTiles() <= 130);
        assertEquals(130, p.chipTiles());
        // conv2 (1024 vectors, 2 tiles per copy) is the bottleneck of the minimal design and gets copies
        assertTrue(p.layers().get(1).replicas() > 1);
        // never beyond NeuroSim's desired speed-up
        for (LayerPlacement l : p.layers()) {
            assertTrue(l.replicas() <= Math.max(l.desiredSpeedUp(), l.copiesPerGroup()));
        }
    }

    @Test
    void aNetworkTooLargeForAFixedChipIsAClearError() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> Placer.place(vgg8(), new PlacementSpec(4, 4, 2, 2, 100, true, 8)));
        assertEquals("chip.tiles", e.field());
        assertTrue(e.getMessage().contains("needs at least 110 tiles"), e.getMessage());
        assertTrue(e.getMessage().contains("fc1=64"), e.getMessage());
    }
}
