package org.imcsim.config;

import org.imcsim.units.Dimension;

/**
 * {@code chip:} the chip around the arrays: clock, dataflow, hierarchy and interconnect.
 *
 * @param clockHz      chip clock in hertz
 * @param pipeline     layers pipelined across tiles (true) or run one after another (false)
 * @param interconnect global interconnect between tiles
 * @param buffer       buffer implementation
 * @param tiles        tiles on the chip, or null to size the chip to the network
 * @param pesPerTile   processing elements per tile
 * @param arraysPerPe  crossbar arrays per processing element
 * @param novelMapping map eligible convolutions one processing element per kernel position (NeuroSim's novel mapping)
 * @param dataflow     how a layer's data movement and computation overlap in time
 */
public record ChipConfig(
        @Param(key = "clock", unit = Dimension.FREQUENCY, defaultValue = "1GHz", min = 0, minExclusive = true,
               description = "chip clock; NeuroSim's upper bound is 1GHz")
        double clockHz,
        @Param(defaultValue = "true", description = "pipeline layers across tiles (true) or run them one after another (false)")
        boolean pipeline,
        @Param(defaultValue = "xy-bus", description = "global interconnect: xy-bus (NeuroSim's default), htree or mesh (2-D NoC with routers)")
        Interconnect interconnect,
        @Param(defaultValue = "register-file", description = "buffer implementation: register-file (DFFs, NeuroSim's default), sram, or edram (ISAAC's tile buffer; only with technology.costProfile isaac)")
        BufferType buffer,
        @Param(defaultValue = Param.NONE, min = 1,
               description = "tiles on the chip; absent: as many as the mapped network needs (a network that does not fit a fixed count is an error)")
        Integer tiles,
        @Param(defaultValue = "4", min = 1, description = "processing elements per tile (NeuroSim: 2 × 2)")
        int pesPerTile,
        @Param(defaultValue = "16", min = 1, description = "crossbar arrays per processing element (NeuroSim: 4 × 4)")
        int arraysPerPe,
        @Param(defaultValue = "false", description = "map the convolutions with the network's most common kernel size and a fan-in of at least one array one processing element per kernel position, on tiles of kH·kW processing elements (NeuroSim's novel mapping)")
        boolean novelMapping,
        @Param(defaultValue = "overlapped", description = "overlapped: every vector moves and computes as soon as its resources are free; neurosim-serial: NeuroSim's accounting, each layer handles an image in phases that follow one another and every tile streams the layer's whole input and output (docs/hardware.md)")
        Dataflow dataflow) {

    public ChipConfig {
        Check.quantityRange("clock", clockHz, Dimension.FREQUENCY, 0, true, Double.POSITIVE_INFINITY, false);
        Check.present("interconnect", interconnect);
        Check.present("buffer", buffer);
        Check.present("dataflow", dataflow);
        if (tiles != null) {
            Check.atLeast("tiles", tiles, 1);
        }
        Check.atLeast("pesPerTile", pesPerTile, 1);
        Check.atLeast("arraysPerPe", arraysPerPe, 1);
    }

    /** Clock period in picoseconds, rounded to the nearest picosecond (engine time is integer ps). */
    public long clockPeriodPs() {
        return Math.max(1L, Math.round(1e12 / clockHz));
    }

    /** Global interconnect. */
    public enum Interconnect implements ConfigChoice {
        XY_BUS("xy-bus", "NeuroSim's X-Y global bus"),
        HTREE("htree", "H-tree"),
        MESH("mesh", "2-D mesh network-on-chip with routers (hop latency, link bandwidth, contention)");

        private final String configName;
        private final String meaning;

        Interconnect(String configName, String meaning) {
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

    /** How a layer's transfers and computation overlap. */
    public enum Dataflow implements ConfigChoice {
        OVERLAPPED("overlapped", "transfers of one vector overlap the computation of others (physics)"),
        NEUROSIM_SERIAL("neurosim-serial", "NeuroSim V1.4's per-layer accounting: buffer, interconnect and compute phases follow one another");

        private final String configName;
        private final String meaning;

        Dataflow(String configName, String meaning) {
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

    /** Buffer implementation. */
    public enum BufferType implements ConfigChoice {
        REGISTER_FILE("register-file", "register file built from D flip-flops (NeuroSim's default)"),
        SRAM("sram", "SRAM buffer"),
        EDRAM("edram", "embedded DRAM (ISAAC's tile buffer; priced by the isaac cost profile only)");

        private final String configName;
        private final String meaning;

        BufferType(String configName, String meaning) {
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
