package org.imcsim.arch;

/**
 * The fixed per-vector work of one layer copy, from the mapping and the spec.
 *
 * @param arrays              arrays in the copy (lockstep)
 * @param planes              input bit-planes per vector, T_in
 * @param positions           mux positions converted per plane by each ADC (columns per ADC in use)
 * @param weightMergesPerPlane shift-add weight-slice merges per plane (per array)
 * @param inputMergesPerPlane  shift-add input-plane merges per plane (per array)
 * @param inputBits           bits of one input vector (K × inputBits)
 * @param outputValues        output values per vector (N logical columns)
 * @param outputBits          bits of one output vector (N × activation bits)
 * @param rowBlocks           partial sums per output column (row-blocks of the layer)
 * @param pool                whether a max-pool follows the layer
 * @param inputTiles          tiles that receive the input (one per tile of the copy; the first is the anchor)
 * @param inputSliceBits      bits each of those tiles receives when the network does not broadcast
 * @param outputTiles         tiles that send the outputs (one per tile column of the copy)
 * @param outputSliceBits     bits each output tile sends
 */
public record BankGeometry(int arrays, int planes, int positions, int weightMergesPerPlane, int inputMergesPerPlane,
                           long inputBits, long outputValues, long outputBits, int rowBlocks, boolean pool,
                           int[] inputTiles, long inputSliceBits, int[] outputTiles, long outputSliceBits) {

    public BankGeometry {
        if (arrays < 1 || planes < 1 || positions < 1 || inputBits < 1 || outputValues < 1 || outputBits < 1
                || rowBlocks < 1 || inputTiles.length < 1 || outputTiles.length < 1) {
            throw new IllegalArgumentException("bank geometry values must be positive");
        }
        inputTiles = inputTiles.clone();
        outputTiles = outputTiles.clone();
    }

    @Override
    public int[] inputTiles() {
        return inputTiles.clone();
    }

    @Override
    public int[] outputTiles() {
        return outputTiles.clone();
    }

    int inputTile(int i) {
        return inputTiles[i];
    }

    /** Tiles that receive the input. */
    public int inputTileCount() {
        return inputTiles.length;
    }

    int outputTile(int i) {
        return outputTiles[i];
    }

    /** Tiles that send the outputs. */
    public int outputTileCount() {
        return outputTiles.length;
    }
}
