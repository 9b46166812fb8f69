package org.imcsim.cost.neurosim;

import org.imcsim.config.BadInputException;
import org.imcsim.cost.Calibration;
import org.imcsim.cost.Roadmap;
import org.imcsim.cost.Technology;
import org.imcsim.cost.circuit.AdcType;
import org.imcsim.cost.circuit.CellType;

/**
 * Everything the NeuroSim-style estimator needs to know about the hardware: technology, device,
 * crossbar, periphery and chip organisation. Build one with {@link #builder()}; {@link #rramBaseline()}
 * is NeuroSim V1.4's RRAM VGG8 configuration (the calibration reference).
 *
 * @param nodeNm              technology node, nm
 * @param roadmap             transistor flavour
 * @param calibration         silicon-calibration factors
 * @param rows                sub-array rows
 * @param cols                sub-array columns
 * @param cellType            1T1R or 0T1R
 * @param cellHeightF         cell height, F
 * @param cellWidthF          cell width, F
 * @param cellBits            bits per cell
 * @param adcType             column ADC architecture
 * @param adcBits             ADC resolution, bits (levels = 2^bits)
 * @param colsPerAdc          columns sharing one ADC through the mux
 * @param ronOhm              device on-resistance, Ω
 * @param onOffRatio          Roff/Ron
 * @param readVoltageV        read voltage, V
 * @param readPulseS          read pulse width, s
 * @param accessVoltageV      1T1R access-gate voltage, V
 * @param writeVoltageV       write voltage, V (above 1.5 V the array gets level shifters)
 * @param weightBits          weight precision, bits
 * @param inputBits           input precision, bits (applied bit-serially)
 * @param pipeline            layer pipeline with duplication (true) or layer-by-layer
 * @param novelMapping        NeuroSim's kernel-position PE mapping for large square-kernel conv layers
 * @param speedUpDegree       requested pipeline speed-up (clamped to the network's bound)
 * @param htreeGlobalBus      chip interconnect: H-tree (true) or NeuroSim's X-Y bus (false)
 * @param inputToggle         toggle rate of input bits on interconnect
 * @param outputToggle        toggle rate of output bits on interconnect
 * @param maxGlobalBusWidth   upper bound of the chip bus width, bits
 * @param globalBufferCoreBits bits per global-buffer core (NeuroSim 128×128)
 * @param globalBufferWidth   global-buffer line width, bits
 * @param tileBufferCoreBits  bits per tile-buffer core (NeuroSim 32×32)
 * @param tileBufferWidth     tile-buffer line width, bits
 * @param clockUpperBoundHz   clock frequency before the sensing cycle slows it, Hz
 * @param busDelayTolerance   repeater delay/energy trade-off of H-trees and buses
 * @param chipFoldRatio       chip bus wiring folding
 */
public record NeurosimConfig(int nodeNm, Roadmap roadmap, Calibration calibration, int rows, int cols,
                             CellType cellType, double cellHeightF, double cellWidthF, int cellBits, AdcType adcType,
                             int adcBits, int colsPerAdc, double ronOhm, double onOffRatio, double readVoltageV,
                             double readPulseS, double accessVoltageV, double writeVoltageV, int weightBits,
                             int inputBits, boolean pipeline, boolean novelMapping, int speedUpDegree,
                             boolean htreeGlobalBus, double inputToggle, double outputToggle, int maxGlobalBusWidth,
                             int globalBufferCoreBits, int globalBufferWidth, int tileBufferCoreBits,
                             int tileBufferWidth, double clockUpperBoundHz, double busDelayTolerance,
                             double chipFoldRatio) {

    public NeurosimConfig {
        require(rows > 0, "crossbar.rows", "must be positive, got " + rows);
        require(cols > 0, "crossbar.cols", "must be positive, got " + cols);
        require(Integer.bitCount(rows) == 1, "crossbar.rows", "must be a power of two, got " + rows);
        require(Integer.bitCount(cols) == 1, "crossbar.cols", "must be a power of two, got " + cols);
        require(cellBits >= 1 && cellBits <= 8, "device.cellBits", "must be 1..8, got " + cellBits);
        require(adcBits >= 1 && adcBits <= 12, "periphery.adc.bits", "must be 1..12, got " + adcBits);
        require(colsPerAdc >= 1 && colsPerAdc <= cols && Integer.bitCount(colsPerAdc) == 1,
                "periphery.adc.colsPerAdc", "must be a power of two in 1.." + cols + ", got " + colsPerAdc);
        require(ronOhm > 0, "device.ron", "must be positive, got " + ronOhm);
        require(onOffRatio > 1, "device.onOffRatio", "must be > 1, got " + onOffRatio);
        require(readVoltageV > 0, "device.readVoltage", "must be positive, got " + readVoltageV);
        require(weightBits >= 1 && weightBits <= 16, "mapping.weightBits", "must be 1..16, got " + weightBits);
        require(inputBits >= 1 && inputBits <= 16, "mapping.inputBits", "must be 1..16, got " + inputBits);
        require(cellBits <= weightBits, "device.cellBits", "cannot exceed mapping.weightBits (" + weightBits + ")");
        require(speedUpDegree >= 1, "chip.speedUpDegree", "must be >= 1, got " + speedUpDegree);
        require(clockUpperBoundHz > 0, "chip.clock", "must be positive, got " + clockUpperBoundHz);
        require(inputToggle >= 0 && inputToggle <= 1 && outputToggle >= 0 && outputToggle <= 1,
                "chip.toggle", "toggle rates must be in [0, 1]");
        Technology.of(nodeNm, roadmap); // validates the node
    }

    private static void require(boolean ok, String field, String detail) {
        if (!ok) {
            throw new BadInputException(null, field, detail);
        }
    }

    /** The technology table entry. */
    public Technology technology() {
        return Technology.of(nodeNm, roadmap);
    }

    /** Device off-resistance, Ω. */
    public double roffOhm() {
        return ronOhm * onOffRatio;
    }

    /** ADC output levels 2^adcBits. */
    public int adcLevels() {
        return 1 << adcBits;
    }

    /** Cells per weight: ⌈weightBits / cellBits⌉. */
    public int cellsPerWeight() {
        return (weightBits + cellBits - 1) / cellBits;
    }

    /** NeuroSim V1.4's RRAM VGG8 baseline (see shared/reference/neurosim-vgg8.md). */
    public static NeurosimConfig rramBaseline() {
        return builder().build();
    }

    /** A builder preset to {@link #rramBaseline()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.nodeNm = nodeNm; b.roadmap = roadmap; b.calibration = calibration; b.rows = rows; b.cols = cols;
        b.cellType = cellType; b.cellHeightF = cellHeightF; b.cellWidthF = cellWidthF; b.cellBits = cellBits;
        b.adcType = adcType; b.adcBits = adcBits; b.colsPerAdc = colsPerAdc; b.ronOhm = ronOhm;
        b.onOffRatio = onOffRatio; b.readVoltageV = readVoltageV; b.readPulseS = readPulseS;
        b.accessVoltageV = accessVoltageV; b.writeVoltageV = writeVoltageV; b.weightBits = weightBits;
        b.inputBits = inputBits; b.pipeline = pipeline; b.novelMapping = novelMapping;
        b.speedUpDegree = speedUpDegree; b.htreeGlobalBus = htreeGlobalBus; b.inputToggle = inputToggle;
        b.outputToggle = outputToggle; b.maxGlobalBusWidth = maxGlobalBusWidth;
        b.globalBufferCoreBits = globalBufferCoreBits; b.globalBufferWidth = globalBufferWidth;
        b.tileBufferCoreBits = tileBufferCoreBits; b.tileBufferWidth = tileBufferWidth;
        b.clockUpperBoundHz = clockUpperBoundHz; b.busDelayTolerance = busDelayTolerance;
        b.chipFoldRatio = chipFoldRatio;
        return b;
    }

    /** Mutable builder; defaults are NeuroSim V1.4's RRAM VGG8 configuration. */
    public static final class Builder {
        private int nodeNm = 22;
        private Roadmap roadmap = Roadmap.LSTP;
        private Calibration calibration = Calibration.NEUROSIM;
        private int rows = 128;
        private int cols = 128;
        private CellType cellType = CellType.ONE_T_ONE_R;
        private double cellHeightF = CellType.ONE_T_ONE_R.heightF();
        private double cellWidthF = CellType.ONE_T_ONE_R.widthF();
        private int cellBits = 1;
        private AdcType adcType = AdcType.MLSA;
        private int adcBits = 5;
        private int colsPerAdc = 8;
        private double ronOhm = 100e3;
        private double onOffRatio = 17;
        private double readVoltageV = 0.55;
        private double readPulseS = 10e-9;
        private double accessVoltageV = 1.1;
        private double writeVoltageV = 2.0;
        private int weightBits = 8;
        private int inputBits = 8;
        private boolean pipeline = true;
        private boolean novelMapping = true;
        private int speedUpDegree = 8;
        private boolean htreeGlobalBus = false;
        private double inputToggle = 0.18;
        private double outputToggle = 0.5;
        private int maxGlobalBusWidth = 2048;
        private int globalBufferCoreBits = 128 * 128;
        private int globalBufferWidth = 128;
        private int tileBufferCoreBits = 32 * 32;
        private int tileBufferWidth = 32;
        private double clockUpperBoundHz = 1e9;
        private double busDelayTolerance = 0.1;
        private double chipFoldRatio = 4;

        public Builder node(int nm) { this.nodeNm = nm; return this; }
        public Builder roadmap(Roadmap r) { this.roadmap = r; return this; }
        public Builder calibration(Calibration c) { this.calibration = c; return this; }
        public Builder subArray(int rows, int cols) { this.rows = rows; this.cols = cols; return this; }
        /** Cell type with its default footprint. */
        public Builder cellType(CellType t) {
            this.cellType = t; this.cellHeightF = t.heightF(); this.cellWidthF = t.widthF(); return this;
        }
        public Builder cellSizeF(double heightF, double widthF) {
            this.cellHeightF = heightF; this.cellWidthF = widthF; return this;
        }
        public Builder cellBits(int b) { this.cellBits = b; return this; }
        public Builder adc(AdcType type, int bits) { this.adcType = type; this.adcBits = bits; return this; }
        public Builder colsPerAdc(int n) { this.colsPerAdc = n; return this; }
        public Builder device(double ronOhm, double onOffRatio) {
            this.ronOhm = ronOhm; this.onOffRatio = onOffRatio; return this;
        }
        public Builder readVoltage(double v) { this.readVoltageV = v; return this; }
        public Builder readPulse(double s) { this.readPulseS = s; return this; }
        public Builder accessVoltage(double v) { this.accessVoltageV = v; return this; }
        public Builder writeVoltage(double v) { this.writeVoltageV = v; return this; }
        public Builder precision(int weightBits, int inputBits) {
            this.weightBits = weightBits; this.inputBits = inputBits; return this;
        }
        public Builder pipeline(boolean p) { this.pipeline = p; return this; }
        public Builder novelMapping(boolean m) { this.novelMapping = m; return this; }
        public Builder speedUpDegree(int d) { this.speedUpDegree = d; return this; }
        public Builder htreeGlobalBus(boolean h) { this.htreeGlobalBus = h; return this; }
        public Builder toggles(double in, double out) { this.inputToggle = in; this.outputToggle = out; return this; }
        public Builder maxGlobalBusWidth(int w) { this.maxGlobalBusWidth = w; return this; }
        public Builder clockUpperBound(double hz) { this.clockUpperBoundHz = hz; return this; }

        public NeurosimConfig build() {
            return new NeurosimConfig(nodeNm, roadmap, calibration, rows, cols, cellType, cellHeightF, cellWidthF,
                    cellBits, adcType, adcBits, colsPerAdc, ronOhm, onOffRatio, readVoltageV, readPulseS,
                    accessVoltageV, writeVoltageV, weightBits, inputBits, pipeline, novelMapping, speedUpDegree,
                    htreeGlobalBus, inputToggle, outputToggle, maxGlobalBusWidth, globalBufferCoreBits,
                    globalBufferWidth, tileBufferCoreBits, tileBufferWidth, clockUpperBoundHz, busDelayTolerance,
                    chipFoldRatio);
        }
    }
}
