package org.imcsim.hardware;

import java.util.List;

/**
 * Everything costing needs, per inference, saved so it can be re-costed with another technology or
 * cost profile without re-simulating ({@link HardwareResult#recost}): per layer the structural action
 * counts of the event simulation and the measured read activity, chip-wide NoC counts, the simulated
 * times and the chip's instance counts.
 *
 * @param layers            per crossbar layer
 * @param flitLinks         mesh flit-link traversals (0 for buses)
 * @param flitRouters       mesh flit-router traversals (0 for buses)
 * @param singleImagePs     simulated latency of one image
 * @param intervalPs        simulated pipelined interval (= single-image latency layer by layer)
 * @param shape             the placed chip (tile counts, grid, chip-level sizes)
 * @param opsPerInference   operations (2 per MAC, padded positions) of the network per inference
 */
public record ActionCounts(List<Layer> layers, long flitLinks, long flitRouters, long singleImagePs, long intervalPs,
                           ChipShape shape, double opsPerInference) {

    public ActionCounts {
        layers = List.copyOf(layers);
    }

    /**
     * One layer's counts for one image.
     *
     * @param name          layer name
     * @param novel         whether the layer sits on kernel-position (novel) tiles
     * @param arrayPlanes   array bit-plane reads (row-driver plane drives)
     * @param arraySenses   array sensing cycles (one per mux position per plane per array)
     * @param conversions   ADC conversions
     * @param weightMerges  shift-add weight-slice merges (per array, all units)
     * @param inputMerges   shift-add input-plane merges (per array, all units)
     * @param adds          two-input partial-sum additions in adder trees
     * @param tileInBits    bits through tile input buffers (each read and each write)
     * @param tileOutBits   bits through tile output buffers
     * @param treeInBits    bits carried by tile H-trees towards the PEs
     * @param treeOutBits   bits carried by tile H-trees out of the PEs
     * @param peInBits      bits through the PEs' input DFF buffers and buses
     * @param peOutBits     bits through the PEs' output DFF buffers and buses
     * @param globalBufferBits bits read and written in the global buffer
     * @param bitsToTiles   bits carried by the global interconnect towards tiles
     * @param bitsFromTiles bits carried back
     * @param activations   values through the activation unit
     * @param pooledValues  values through max-pool
     * @param samples       column sample-and-hold acquisitions (0 without S&amp;H)
     * @param activity      measured read activity
     */
    public record Layer(String name, boolean novel, long arrayPlanes, long arraySenses, long conversions,
                        long weightMerges, long inputMerges, long adds, long tileInBits, long tileOutBits,
                        long treeInBits, long treeOutBits, long peInBits, long peOutBits, long globalBufferBits, long bitsToTiles,
                        long bitsFromTiles, long activations, long pooledValues, long samples,
                        LayerActivity activity) {
    }
}
