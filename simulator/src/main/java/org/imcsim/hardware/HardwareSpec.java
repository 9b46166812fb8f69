package org.imcsim.hardware;

import java.util.Locale;
import java.util.Objects;
import org.imcsim.config.BadInputException;
import org.imcsim.cost.Calibration;
import org.imcsim.cost.Roadmap;
import org.imcsim.cost.Technology;
import org.imcsim.cost.circuit.AdcType;
import org.imcsim.cost.circuit.CellType;
import org.imcsim.cost.isaac.IsaacCostProfile;
import org.imcsim.mapping.MappingSpec;
import org.imcsim.mapping.ScaleMode;
import org.imcsim.mapping.SignedScheme;
import org.imcsim.mapping.Subtraction;
import org.imcsim.mapping.placement.PlacementSpec;

/**
 * Everything a hardware run needs to know about the accelerator. Immutable and validated: a spec that
 * exists is a spec that simulates. Every violation is a {@link BadInputException} naming the config key
 * ({@code crossbar.rows}, {@code periphery.adc.bits}, ...). Build one with {@link #builder()}, whose
 * defaults are NeuroSim V1.4's RRAM VGG8 configuration (shared/reference/neurosim-vgg8.md).
 *
 * @param nodeNm              technology.node, nm (130, 90, 65, 45, 32, 22)
 * @param roadmap             technology.roadmap: transistor flavour
 * @param calibration         silicon-calibration factors of the cost models (NeuroSim's by default)
 * @param cellType            crossbar.cellType
 * @param cellHeightF         cell height in F
 * @param cellWidthF          cell width in F
 * @param cellBits            device.cellBits (1..8)
 * @param ronOhm              device.ron, Ω
 * @param onOffRatio          device.onOffRatio (&gt; 1)
 * @param readVoltageV        device.readVoltage, V
 * @param readPulseS          device.readPulse, s (time a cell conducts per read, for the cell energy)
 * @param accessVoltageV      1T1R access-gate voltage, V
 * @param writeVoltageV       write voltage, V (above 1.5 V the arrays get write level shifters)
 * @param rows                crossbar.rows (a power of two)
 * @param cols                crossbar.cols (a power of two)
 * @param dacBits             periphery.dacBits: input bits per read cycle (1: NeuroSim's switch matrices; more:
 *                            a b-bit DAC per row, docs/cost-models.md)
 * @param adcType             periphery.adc.model
 * @param adcBits             periphery.adc.bits (1..12)
 * @param colsPerAdc          periphery.adc.colsPerAdc: columns sharing one ADC through the mux
 * @param weightBits          mapping.weightBits
 * @param inputBits           mapping.inputBits
 * @param signed              mapping.signed
 * @param subtraction         mapping.subtraction
 * @param scale               mapping.scale
 * @param clockHz             chip.clock: the clock's upper bound; a slower sensing cycle stretches it
 * @param pipeline            chip.pipeline: layer pipeline with duplication (true) or layer by layer
 * @param interconnect        chip.interconnect
 * @param bufferType          chip.buffer
 * @param peRows              chip.pe.rows: arrays per PE column
 * @param peCols              chip.pe.cols: arrays per PE row
 * @param tileRows            chip.tile.rows: PEs per tile column
 * @param tileCols            chip.tile.cols: PEs per tile row
 * @param chipTiles           chip.tiles: fixed tile count, or 0 to size the chip to the network
 * @param speedUpDegree       chip.speedUp: requested pipeline speed-up (NeuroSim's, clamped by the network)
 * @param noPadding           NeuroSim compatibility: conv layers process only unpadded positions
 * @param inputToggle         toggle rate of input bits on interconnect (0..1)
 * @param outputToggle        toggle rate of output bits on interconnect (0..1)
 * @param busWidthBits        chip.busWidth: global bus / H-tree width, bits per cycle (0 = NeuroSim's rule)
 * @param nocFlitBits         chip.noc.flitBits: mesh link width, bits per cycle
 * @param nocRouterCycles     chip.noc.routerCycles: router pipeline delay per hop, cycles
 * @param tileBufferBits      chip.tileBuffer.bits: capacity of each tile's buffers (0 = NeuroSim's sizing)
 * @param tileBufferWidthBits chip.tileBuffer.width: tile buffer port width, bits per cycle (0 = NeuroSim's:
 *                            line width × cores the tile H-tree reaches)
 * @param globalBufferBits    chip.globalBuffer.bits: capacity (0 = NeuroSim's sizing: half of every layer's
 *                            input in the pipeline, the largest layer input layer by layer)
 * @param globalBufferWidthBits chip.globalBuffer.width: port width, bits per cycle (0 = NeuroSim's: 128-bit
 *                            lines × the cores the bus reaches)
 * @param activationUnits     chip.activationUnits: parallel ReLU lanes at chip level (0 = NeuroSim's rule)
 * @param images              images simulated back to back to measure the pipelined interval (&ge; 3)
 * @param novelMapping        chip.novelMapping: map eligible 3×3 convolutions one PE per kernel position
 * @param dataflow            chip.dataflow: how a layer's transfers and computation overlap
 * @param sampleHold          periphery.sampleHold: column sample-and-hold, so the rows are released while the
 *                            shared ADCs convert (ISAAC's organisation) instead of staying driven
 * @param costProfile         technology.costProfile: which published models price the blocks; {@code ISAAC} only
 *                            for the organisation ISAAC's table prices ({@link #requireIsaacOrganisation})
 */
public record HardwareSpec(int nodeNm, Roadmap roadmap, Calibration calibration, CellType cellType,
                           double cellHeightF, double cellWidthF, int cellBits, double ronOhm, double onOffRatio,
                           double readVoltageV, double readPulseS, double accessVoltageV, double writeVoltageV,
                           int rows, int cols, int dacBits, AdcType adcType, int adcBits, int colsPerAdc,
                           int weightBits, int inputBits, SignedScheme signed, Subtraction subtraction,
                           ScaleMode scale, double clockHz, boolean pipeline, Interconnect interconnect,
                           BufferType bufferType, int peRows, int peCols, int tileRows, int tileCols, int chipTiles,
                           int speedUpDegree, boolean noPadding, double inputToggle, double outputToggle,
                           int busWidthBits, int nocFlitBits, int nocRouterCycles, int tileBufferBits,
                           int tileBufferWidthBits, int globalBufferBits, int globalBufferWidthBits,
                           int activationUnits, int images, boolean novelMapping, Dataflow dataflow,
                           boolean sampleHold, CostProfile costProfile) {

    /** Chip interconnect between the global buffer and the tiles. */
    public enum Interconnect {
        /** NeuroSim's X-Y bus: one horizontal input bus and one vertical output bus, shared. */
        XY_BUS,
        /** An H-tree from the global buffer to every tile, shared at its root. */
        HTREE,
        /** A 2-D mesh network-on-chip with a router per tile, XY routing and link contention. */
        MESH;

        /** Parses the config spelling ({@code xy-bus}, {@code htree}, {@code mesh}). */
        public static Interconnect parse(String s) {
            String v = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
            return switch (v) {
                case "xy-bus", "xybus", "bus", "xy_bus" -> XY_BUS;
                case "htree", "h-tree" -> HTREE;
                case "mesh", "noc", "mesh-noc" -> MESH;
                default -> throw new BadInputException(null, "chip.interconnect",
                        "must be one of xy-bus, htree, mesh; got '" + s + "'");
            };
        }

        /** The config spelling. */
        public String configName() {
            return switch (this) {
                case XY_BUS -> "xy-bus";
                case HTREE -> "htree";
                case MESH -> "mesh";
            };
        }
    }

    /**
     * Which published component models price the chip (docs/cost-models.md §8): NeuroSim V1.4's circuit models,
     * or ISAAC's measured component table (Shafiee et al., ISCA 2016, Table 6), which prices ISAAC's organisation
     * and is therefore only accepted for a spec with that organisation.
     */
    public enum CostProfile {
        /** NeuroSim V1.4-derived circuit models (the default). */
        NEUROSIM,
        /** ISAAC's Table 6 (32 nm), node-scaled; requires ISAAC's organisation. */
        ISAAC;

        /** Parses the config spelling ({@code neurosim}, {@code isaac}). */
        public static CostProfile parse(String s) {
            String v = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
            return switch (v) {
                case "neurosim" -> NEUROSIM;
                case "isaac" -> ISAAC;
                default -> throw new BadInputException(null, "technology.costProfile", "must be neurosim or isaac, got '"
                        + s + "'");
            };
        }

        /** The config spelling. */
        public String configName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Buffer technology. */
    public enum BufferType {
        /** DFF register files (NeuroSim's default buffers). */
        REGISTER_FILE,
        /** SRAM macros (denser, cheaper per bit for large buffers). */
        SRAM,
        /** Embedded DRAM (ISAAC's tile buffer); priced only by the {@code isaac} cost profile. */
        EDRAM;

        /** Parses the config spelling ({@code register-file}, {@code sram}, {@code edram}). */
        public static BufferType parse(String s) {
            String v = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
            return switch (v) {
                case "register-file", "registerfile", "rf", "dff" -> REGISTER_FILE;
                case "sram" -> SRAM;
                case "edram" -> EDRAM;
                default -> throw new BadInputException(null, "chip.buffer", "must be register-file, sram or edram, got '"
                        + s + "'");
            };
        }
    }

    /**
     * How a layer's data movement and computation overlap in time (docs/hardware.md §Dataflow).
     */
    public enum Dataflow {
        /**
         * Every vector streams through the global buffer, interconnect, tile buffers, arrays and back as soon
         * as its resources are free; transfers of one vector overlap the computation of others. Physics.
         */
        OVERLAPPED,
        /**
         * NeuroSim V1.4's accounting as a dataflow: a layer handles an image in phases that follow one another
         * (global buffer, global bus, tile buffers and H-tree in; array computation on all copies; tile trees,
         * buffers and H-tree out; chip accumulation, activation, bus and global buffer out), every tile of a
         * layer streams the layer's whole input and output through its buffers (duplication divides only the
         * array time), and each layer's share of the global bus is its tile rows (columns) over the chip's.
         * The layers are pipeline stages: the interval is the slowest layer. A modelling convention, kept to
         * compare like with like against NeuroSim.
         */
        NEUROSIM_SERIAL;

        /** Parses the config spelling ({@code overlapped}, {@code neurosim-serial}). */
        public static Dataflow parse(String s) {
            String v = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
            return switch (v) {
                case "overlapped" -> OVERLAPPED;
                case "neurosim-serial", "neurosim_serial", "serial" -> NEUROSIM_SERIAL;
                default -> throw new BadInputException(null, "chip.dataflow", "must be overlapped or neurosim-serial, got '"
                        + s + "'");
            };
        }
    }

    public HardwareSpec {
        Objects.requireNonNull(dataflow, "dataflow");
        Objects.requireNonNull(roadmap, "roadmap");
        Objects.requireNonNull(calibration, "calibration");
        Objects.requireNonNull(cellType, "cellType");
        Objects.requireNonNull(adcType, "adcType");
        Objects.requireNonNull(signed, "signed");
        Objects.requireNonNull(subtraction, "subtraction");
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(interconnect, "interconnect");
        Objects.requireNonNull(bufferType, "bufferType");
        Objects.requireNonNull(costProfile, "costProfile");
        Technology.of(nodeNm, roadmap); // throws BadInputException for an unknown node
        require(rows > 0, "crossbar.rows", "must be positive, got " + rows);
        require(cols > 0, "crossbar.cols", "must be positive, got " + cols);
        require(Integer.bitCount(rows) == 1, "crossbar.rows", "must be a power of two, got " + rows);
        require(Integer.bitCount(cols) == 1, "crossbar.cols", "must be a power of two, got " + cols);
        require(cellHeightF > 0 && cellWidthF > 0, "crossbar.cellSize", "cell height and width must be positive");
        require(cellBits >= 1 && cellBits <= 8, "device.cellBits", "must be in 1..8, got " + cellBits);
        require(ronOhm > 0 && Double.isFinite(ronOhm), "device.ron", "must be positive, got " + ronOhm);
        require(onOffRatio > 1, "device.onOffRatio", "must be > 1, got " + onOffRatio); // may be infinite: Gmin = 0 (e.g. PCM)
        require(readVoltageV > 0, "device.readVoltage", "must be positive, got " + readVoltageV);
        require(readPulseS > 0, "device.readPulse", "must be positive, got " + readPulseS);
        require(accessVoltageV > 0, "device.accessVoltage", "must be positive, got " + accessVoltageV);
        require(writeVoltageV > 0, "device.writeVoltage", "must be positive, got " + writeVoltageV);
        require(adcBits >= 1 && adcBits <= 12, "periphery.adc.bits", "must be in 1..12, got " + adcBits);
        require(colsPerAdc >= 1 && colsPerAdc <= cols && Integer.bitCount(colsPerAdc) == 1, "periphery.adc.colsPerAdc",
                "must be a power of two in 1.." + cols + ", got " + colsPerAdc);
        require(weightBits >= 2 && weightBits <= 16, "mapping.weightBits", "must be in 2..16, got " + weightBits);
        require(inputBits >= 1 && inputBits <= 16, "mapping.inputBits", "must be in 1..16, got " + inputBits);
        require(dacBits >= 1 && dacBits <= inputBits, "periphery.dacBits",
                "must be in 1..mapping.inputBits (" + inputBits + "), got " + dacBits);
        require(clockHz > 0 && clockHz <= 1e12, "chip.clock", "must be in (0, 1 THz], got " + clockHz + " Hz");
        require(peRows >= 1 && peCols >= 1, "chip.pe", "rows and cols must be >= 1");
        require(tileRows >= 1 && tileCols >= 1, "chip.tile", "rows and cols must be >= 1");
        require(chipTiles >= 0, "chip.tiles", "must be >= 0 (0 = sized to the network), got " + chipTiles);
        require(speedUpDegree >= 1, "chip.speedUp", "must be >= 1, got " + speedUpDegree);
        require(inputToggle >= 0 && inputToggle <= 1, "chip.inputToggle", "must be in [0, 1], got " + inputToggle);
        require(outputToggle >= 0 && outputToggle <= 1, "chip.outputToggle", "must be in [0, 1], got " + outputToggle);
        require(busWidthBits >= 0, "chip.busWidth", "must be >= 0 bits (0 = NeuroSim's rule), got " + busWidthBits);
        require(nocFlitBits >= 1, "chip.noc.flitBits", "must be >= 1 bit, got " + nocFlitBits);
        require(nocRouterCycles >= 0, "chip.noc.routerCycles", "must be >= 0, got " + nocRouterCycles);
        require(tileBufferBits >= 0, "chip.tileBuffer.bits", "must be >= 0 (0 = auto), got " + tileBufferBits);
        require(tileBufferWidthBits >= 0, "chip.tileBuffer.width", "must be >= 0 bits (0 = NeuroSim's sizing), got "
                + tileBufferWidthBits);
        require(globalBufferBits >= 0, "chip.globalBuffer.bits", "must be >= 0 (0 = auto), got " + globalBufferBits);
        require(globalBufferWidthBits >= 0, "chip.globalBuffer.width", "must be >= 0 bits (0 = NeuroSim's sizing), got "
                + globalBufferWidthBits);
        require(activationUnits >= 0, "chip.activationUnits", "must be >= 0 (0 = NeuroSim's rule), got "
                + activationUnits);
        require(images >= 3 && images <= 64, "run.images", "must be in 3..64, got " + images);
        if (costProfile == CostProfile.ISAAC) {
            requireIsaacOrganisation(cellType, adcType, sampleHold, interconnect, bufferType, dataflow, novelMapping);
        } else {
            require(bufferType != BufferType.EDRAM, "chip.buffer", "edram has no NeuroSim circuit model; it is ISAAC's "
                    + "tile buffer and needs technology.costProfile: isaac (neurosim prices register-file or sram)");
        }
        try {
            new MappingSpec(weightBits, inputBits, cellBits, dacBits, rows, cols, signed, subtraction, scale);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(null, "mapping", e.getMessage(), e);
        }
    }

    /**
     * The organisation ISAAC's Table 6 prices (docs/cost-models.md §8, "What isaac accepts"): its blocks are
     * per-action figures of a cross-point memristor array, an 8-bit SAR ADC behind column sample-and-hold, eDRAM
     * tile buffers and a mesh of routers, in a dataflow where transfers overlap computation. Any other block would
     * have no ISAAC figure (or mix one with NeuroSim's timing), so it is an error naming the field. Sizes (rows,
     * columns, ADC bits and sharing, DAC bits, node, hierarchy) are free: the profile scales with them.
     */
    static void requireIsaacOrganisation(CellType cellType, AdcType adcType, boolean sampleHold,
                                         Interconnect interconnect, BufferType bufferType, Dataflow dataflow,
                                         boolean novelMapping) {
        String why = " (technology.costProfile isaac prices ISAAC's organisation only, docs/cost-models.md §8)";
        require(adcType == AdcType.SAR, "periphery.adc.model", "isaac requires sar (ISAAC's 8-bit SAR ADC), got "
                + adcType.name().toLowerCase(Locale.ROOT) + why);
        require(sampleHold, "periphery.sampleHold", "isaac requires true (ISAAC samples the columns and releases the "
                + "rows while the shared ADC converts), got false" + why);
        require(cellType == CellType.ZERO_T_ONE_R, "crossbar.cellType", "isaac requires 0T1R (ISAAC's table prices a "
                + "cross-point memristor array, about 1.5 F² per cell), got 1T1R" + why);
        require(interconnect == Interconnect.MESH, "chip.interconnect", "isaac requires mesh (ISAAC's routed mesh; "
                + "its table has no X-Y bus or chip H-tree), got " + interconnect.configName() + why);
        require(bufferType == BufferType.EDRAM, "chip.buffer", "isaac requires edram (ISAAC's eDRAM tile buffer), got "
                + bufferType.name().toLowerCase(Locale.ROOT).replace('_', '-') + why);
        require(dataflow == Dataflow.OVERLAPPED, "chip.dataflow", "isaac requires overlapped (neurosim-serial is "
                + "NeuroSim's accounting convention), got neurosim-serial" + why);
        require(!novelMapping, "chip.novelMapping", "isaac requires false (ISAAC has no kernel-position tiles), got true"
                + why);
    }

    private static void require(boolean ok, String field, String detail) {
        if (!ok) {
            throw new BadInputException(null, field, detail);
        }
    }

    /** The mapper's view of this spec. */
    public MappingSpec mappingSpec() {
        return new MappingSpec(weightBits, inputBits, cellBits, dacBits, rows, cols, signed, subtraction, scale);
    }

    /** The placer's view of this spec. */
    public PlacementSpec placementSpec() {
        return new PlacementSpec(peRows, peCols, tileRows, tileCols, chipTiles, pipeline, speedUpDegree, novelMapping);
    }

    /** Device off-resistance, Ω. */
    public double roffOhm() {
        return ronOhm * onOffRatio;
    }

    /** T_in = ceil(inputBits / dacBits): read cycles (bit-planes) per input vector of unsigned inputs. */
    public int inputCycles() {
        return (inputBits + dacBits - 1) / dacBits;
    }

    /**
     * Tiles per mesh router: 4 under the {@code isaac} cost profile (ISAAC's concentrated mesh, a router per
     * 2×2 tiles), else 1.
     */
    public int nocConcentration() {
        return costProfile == CostProfile.ISAAC ? IsaacCostProfile.TILES_PER_ROUTER : 1;
    }

    /** Read cycles per input vector, with the sign cycle of two's-complement inputs ({@link MappingSpec#inputCycles(boolean)}). */
    public int inputCycles(boolean signedInput) {
        return mappingSpec().inputCycles(signedInput);
    }

    /** The ADC conversions per differential pair: 1 with analog subtraction, else one per column. */
    public boolean analogPairs() {
        return signed == SignedScheme.DIFFERENTIAL && subtraction == Subtraction.ANALOG;
    }

    /** A builder preset to NeuroSim V1.4's RRAM VGG8 baseline. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this spec. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.nodeNm = nodeNm; b.roadmap = roadmap; b.calibration = calibration; b.cellType = cellType;
        b.cellHeightF = cellHeightF; b.cellWidthF = cellWidthF; b.cellBits = cellBits; b.ronOhm = ronOhm;
        b.onOffRatio = onOffRatio; b.readVoltageV = readVoltageV; b.readPulseS = readPulseS;
        b.accessVoltageV = accessVoltageV; b.writeVoltageV = writeVoltageV; b.rows = rows; b.cols = cols;
        b.dacBits = dacBits; b.adcType = adcType; b.adcBits = adcBits; b.colsPerAdc = colsPerAdc;
        b.weightBits = weightBits; b.inputBits = inputBits; b.signed = signed; b.subtraction = subtraction;
        b.scale = scale; b.clockHz = clockHz; b.pipeline = pipeline; b.interconnect = interconnect;
        b.bufferType = bufferType; b.peRows = peRows; b.peCols = peCols; b.tileRows = tileRows;
        b.tileCols = tileCols; b.chipTiles = chipTiles; b.speedUpDegree = speedUpDegree; b.noPadding = noPadding;
        b.inputToggle = inputToggle; b.outputToggle = outputToggle; b.busWidthBits = busWidthBits;
        b.nocFlitBits = nocFlitBits; b.nocRouterCycles = nocRouterCycles; b.tileBufferBits = tileBufferBits;
        b.tileBufferWidthBits = tileBufferWidthBits; b.globalBufferBits = globalBufferBits;
        b.globalBufferWidthBits = globalBufferWidthBits; b.activationUnits = activationUnits; b.images = images;
        b.novelMapping = novelMapping; b.dataflow = dataflow; b.sampleHold = sampleHold;
        b.costProfile = costProfile;
        return b;
    }

    /**
     * Mutable builder. Defaults: NeuroSim V1.4's RRAM VGG8 configuration — 22 nm LSTP, 1T1R RRAM
     * (100 kΩ, on/off 17, 0.55 V read, 10 ns pulse, 1.1 V access, 2 V write), 1-bit cells, 128 × 128
     * arrays, bit-serial 8-bit inputs, 8-bit offset-binary weights, 5-bit MLSA shared by 8 columns,
     * 1 GHz clock bound, layer pipeline with speed-up 8 (clamped by the network), X-Y bus,
     * PEs of 4 × 4 arrays and tiles of 2 × 2 PEs (NeuroSim's 512 × 512 PE and 1024 × 1024 tile),
     * register-file buffers, buffer and bus widths and activation lanes by NeuroSim's sizing rules, toggle
     * rates 0.18/0.5, conventional mapping, overlapped dataflow. NoC sizes are imcsim's own defaults
     * (docs/hardware.md).
     */
    public static final class Builder {
        private int nodeNm = 22;
        private Roadmap roadmap = Roadmap.LSTP;
        private Calibration calibration = Calibration.NEUROSIM;
        private CellType cellType = CellType.ONE_T_ONE_R;
        private double cellHeightF = CellType.ONE_T_ONE_R.heightF();
        private double cellWidthF = CellType.ONE_T_ONE_R.widthF();
        private int cellBits = 1;
        private double ronOhm = 100e3;
        private double onOffRatio = 17;
        private double readVoltageV = 0.55;
        private double readPulseS = 10e-9;
        private double accessVoltageV = 1.1;
        private double writeVoltageV = 2.0;
        private int rows = 128;
        private int cols = 128;
        private int dacBits = 1;
        private AdcType adcType = AdcType.MLSA;
        private int adcBits = 5;
        private int colsPerAdc = 8;
        private int weightBits = 8;
        private int inputBits = 8;
        private SignedScheme signed = SignedScheme.OFFSET;
        private Subtraction subtraction = Subtraction.DIGITAL;
        private ScaleMode scale = ScaleMode.LAYER;
        private double clockHz = 1e9;
        private boolean pipeline = true;
        private Interconnect interconnect = Interconnect.XY_BUS;
        private BufferType bufferType = BufferType.REGISTER_FILE;
        private int peRows = 4;
        private int peCols = 4;
        private int tileRows = 2;
        private int tileCols = 2;
        private int chipTiles = 0;
        private int speedUpDegree = 8;
        private boolean noPadding = false;
        private double inputToggle = 0.18;
        private double outputToggle = 0.5;
        private int busWidthBits = 0;
        private int nocFlitBits = 256;
        private int nocRouterCycles = 2;
        private int tileBufferBits = 0;
        private int tileBufferWidthBits = 0;
        private int globalBufferBits = 0;
        private int globalBufferWidthBits = 0;
        private int activationUnits = 0;
        private int images = 5;
        private boolean novelMapping = false;
        private Dataflow dataflow = Dataflow.OVERLAPPED;
        private boolean sampleHold = false;
        private CostProfile costProfile = CostProfile.NEUROSIM;

        private Builder() {
        }

        public Builder node(int nm) { nodeNm = nm; return this; }
        public Builder roadmap(Roadmap r) { roadmap = r; return this; }
        public Builder calibration(Calibration c) { calibration = c; return this; }
        /** Cell type with its default footprint. */
        public Builder cellType(CellType t) { cellType = t; cellHeightF = t.heightF(); cellWidthF = t.widthF(); return this; }
        public Builder cellSizeF(double h, double w) { cellHeightF = h; cellWidthF = w; return this; }
        public Builder cellBits(int b) { cellBits = b; return this; }
        public Builder device(double ron, double onOff) { ronOhm = ron; onOffRatio = onOff; return this; }
        public Builder readVoltage(double v) { readVoltageV = v; return this; }
        public Builder readPulse(double s) { readPulseS = s; return this; }
        public Builder accessVoltage(double v) { accessVoltageV = v; return this; }
        public Builder writeVoltage(double v) { writeVoltageV = v; return this; }
        public Builder array(int r, int c) { rows = r; cols = c; return this; }
        public Builder dacBits(int b) { dacBits = b; return this; }
        public Builder adc(AdcType t, int bits, int perAdc) { adcType = t; adcBits = bits; colsPerAdc = perAdc; return this; }
        public Builder precision(int wBits, int inBits) { weightBits = wBits; inputBits = inBits; return this; }
        public Builder signed(SignedScheme s, Subtraction sub) { signed = s; subtraction = sub; return this; }
        public Builder scale(ScaleMode s) { scale = s; return this; }
        public Builder clockHz(double hz) { clockHz = hz; return this; }
        public Builder pipeline(boolean p) { pipeline = p; return this; }
        public Builder interconnect(Interconnect i) { interconnect = i; return this; }
        public Builder bufferType(BufferType t) { bufferType = t; return this; }
        public Builder pe(int r, int c) { peRows = r; peCols = c; return this; }
        public Builder tile(int r, int c) { tileRows = r; tileCols = c; return this; }
        public Builder chipTiles(int n) { chipTiles = n; return this; }
        public Builder speedUp(int d) { speedUpDegree = d; return this; }
        public Builder noPadding(boolean b) { noPadding = b; return this; }
        public Builder toggles(double in, double out) { inputToggle = in; outputToggle = out; return this; }
        public Builder busWidth(int bits) { busWidthBits = bits; return this; }
        public Builder noc(int flitBits, int routerCycles) { nocFlitBits = flitBits; nocRouterCycles = routerCycles; return this; }
        public Builder tileBuffer(int bits, int widthBits) { tileBufferBits = bits; tileBufferWidthBits = widthBits; return this; }
        public Builder globalBuffer(int bits, int widthBits) { globalBufferBits = bits; globalBufferWidthBits = widthBits; return this; }
        public Builder activationUnits(int n) { activationUnits = n; return this; }
        public Builder images(int n) { images = n; return this; }
        public Builder novelMapping(boolean b) { novelMapping = b; return this; }
        public Builder dataflow(Dataflow d) { dataflow = d; return this; }
        public Builder sampleHold(boolean b) { sampleHold = b; return this; }
        public Builder costProfile(CostProfile p) { costProfile = p; return this; }

        public HardwareSpec build() {
            return new HardwareSpec(nodeNm, roadmap, calibration, cellType, cellHeightF, cellWidthF, cellBits, ronOhm,
                    onOffRatio, readVoltageV, readPulseS, accessVoltageV, writeVoltageV, rows, cols, dacBits, adcType,
                    adcBits, colsPerAdc, weightBits, inputBits, signed, subtraction, scale, clockHz, pipeline,
                    interconnect, bufferType, peRows, peCols, tileRows, tileCols, chipTiles, speedUpDegree, noPadding,
                    inputToggle, outputToggle, busWidthBits, nocFlitBits, nocRouterCycles, tileBufferBits,
                    tileBufferWidthBits, globalBufferBits, globalBufferWidthBits, activationUnits, images, novelMapping,
                    dataflow, sampleHold, costProfile);
        }
    }
}
