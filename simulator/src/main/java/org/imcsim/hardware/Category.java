package org.imcsim.hardware;

/** The report's area and energy breakdown keys (issue 4 §5). */
public enum Category {
    /** The crossbar arrays (cells, word lines; the cell current where the ADC model does not include it). */
    ARRAYS("arrays"),
    /** Column ADCs (sense amps, encoders, SAR) and, in NeuroSim's models, the column current they sense. */
    ADC("adc"),
    /** Row drivers / 1-bit DACs (word-line switch matrices). */
    DAC_AND_DRIVERS("dacAndDrivers"),
    /** Shift-adders and adder trees. */
    ACCUMULATION("accumulation"),
    /** Tile and global buffers. */
    BUFFERS("buffers"),
    /** Global bus / H-tree / NoC and the tiles' internal H-trees. */
    INTERCONNECT("interconnect"),
    /** Everything else: level shifters, column switches, muxes and their decoders, activation and pooling,
     * layout whitespace inside the sub-array bounding boxes. */
    OTHER("other");

    private final String key;

    Category(String key) {
        this.key = key;
    }

    /** The JSON key. */
    public String key() {
        return key;
    }
}
