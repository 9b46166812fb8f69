package org.imcsim.config;

import org.imcsim.units.Dimension;

/**
 * {@code crossbar:} one memory array (subarray): its size, cell type and parasitic resistances.
 *
 * @param rows                 word lines (inputs) per array
 * @param cols                 bit lines (cells per row) per array
 * @param cellType             access structure of a cell (sets its area in F²)
 * @param wireResistanceOhm    wire resistance per cell segment in ohms, or null to derive it from the technology node
 * @param sourceResistanceOhm  driver (source) resistance per row in ohms
 * @param sinkResistanceOhm    sense (sink) resistance per column in ohms
 * @param irDrop               how parasitic voltage drops are modelled in the functional simulation
 */
public record CrossbarConfig(
        @Param(defaultValue = "128", min = 1, max = MAX_DIMENSION,
               description = "rows (word lines, inputs) per array; NeuroSim's default subarray is 128")
        int rows,
        @Param(defaultValue = "128", min = 1, max = MAX_DIMENSION,
               description = "columns (bit lines) per array; NeuroSim's default subarray is 128")
        int cols,
        @Param(defaultValue = "1T1R", description = "cell access structure; sets the cell area in F²")
        CellType cellType,
        @Param(key = "wireResistance", unit = Dimension.RESISTANCE, defaultValue = Param.NONE, min = 0,
               description = "wire resistance per cell segment; absent: derived from technology.node by the cost model")
        Double wireResistanceOhm,
        @Param(key = "sourceResistance", unit = Dimension.RESISTANCE, defaultValue = "0Ohm", min = 0,
               description = "row driver output resistance, used by the IR-drop model")
        double sourceResistanceOhm,
        @Param(key = "sinkResistance", unit = Dimension.RESISTANCE, defaultValue = "0Ohm", min = 0,
               description = "column sense input resistance, used by the IR-drop model")
        double sinkResistanceOhm,
        @Param(defaultValue = "none",
               description = "IR-drop model in the functional simulation: none, fast (position-dependent approximation) or exact (nodal solve, small arrays)")
        IrDrop irDrop) {

    /** Largest rows or cols accepted: keeps rows × cols cells of one array within an int index. */
    public static final int MAX_DIMENSION = 16384;

    public CrossbarConfig {
        Check.range("rows", rows, 1, MAX_DIMENSION);
        Check.range("cols", cols, 1, MAX_DIMENSION);
        Check.present("cellType", cellType);
        Check.optionalQuantityRange("wireResistance", wireResistanceOhm, Dimension.RESISTANCE, 0, false, Double.POSITIVE_INFINITY, false);
        Check.quantityRange("sourceResistance", sourceResistanceOhm, Dimension.RESISTANCE, 0, false, Double.POSITIVE_INFINITY, false);
        Check.quantityRange("sinkResistance", sinkResistanceOhm, Dimension.RESISTANCE, 0, false, Double.POSITIVE_INFINITY, false);
        Check.present("irDrop", irDrop);
    }

    /** Cell access structure. */
    public enum CellType implements ConfigChoice {
        ONE_T_ONE_R("1T1R", "one access transistor per cell (NeuroSim's RRAM baseline)"),
        ZERO_T_ONE_R("0T1R", "crosspoint cell without access device (4F²)");

        private final String configName;
        private final String meaning;

        CellType(String configName, String meaning) {
            this.configName = configName;
            this.meaning = meaning;
        }

        @Override
        public String configName() {
            return configName;
        }

        @Override
        public String meaning() {
            return meaning;
        }
    }

    /** IR-drop model used by the functional simulation. */
    public enum IrDrop implements ConfigChoice {
        NONE("none", "no parasitic drops: ideal wires"),
        FAST("fast", "position-dependent approximation validated against the nodal solve"),
        EXACT("exact", "exact nodal solve of the resistive network (reference; small arrays)");

        private final String configName;
        private final String meaning;

        IrDrop(String configName, String meaning) {
            this.configName = configName;
            this.meaning = meaning;
        }

        @Override
        public String configName() {
            return configName;
        }

        @Override
        public String meaning() {
            return meaning;
        }
    }
}
