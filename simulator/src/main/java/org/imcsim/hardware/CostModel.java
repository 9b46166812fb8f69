package org.imcsim.hardware;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.imcsim.cost.Calibration;
import org.imcsim.cost.ComponentCost;
import org.imcsim.cost.Source;
import org.imcsim.cost.Technology;
import org.imcsim.cost.circuit.Adder;
import org.imcsim.cost.circuit.AdderTree;
import org.imcsim.cost.circuit.AdcType;
import org.imcsim.cost.circuit.AnalogMux;
import org.imcsim.cost.circuit.CellType;
import org.imcsim.cost.circuit.CrossbarArray;
import org.imcsim.cost.circuit.Decoder;
import org.imcsim.cost.circuit.Fit;
import org.imcsim.cost.circuit.HTree;
import org.imcsim.cost.circuit.MaxPoolUnit;
import org.imcsim.cost.circuit.RegisterFileBuffer;
import org.imcsim.cost.circuit.SramBuffer;
import org.imcsim.cost.circuit.ReluUnit;
import org.imcsim.cost.circuit.RowSwitchMatrix;
import org.imcsim.cost.circuit.ShiftAdd;
import org.imcsim.cost.circuit.SwitchMatrix;
import org.imcsim.cost.circuit.XyBus;
import org.imcsim.cost.neurosim.NeurosimConfig;
import org.imcsim.cost.neurosim.SubArrayModel;
import org.imcsim.mapping.placement.Placement;
import org.imcsim.mapping.placement.PlacementSpec;

/**
 * Every latency, energy per action, leakage and area the hardware run uses, taken from the circuit models
 * of {@code org.imcsim.cost} (NeuroSim V1.4-derived, scaled by the technology node) — nothing here is a
 * number of its own. Built once per (spec, placement); costing multiplies the simulation's action counts
 * and the measured activity by these figures. A pure function of its inputs, so saved counts can be
 * re-costed with another spec ({@link HardwareResult#recost}).
 *
 * <p>Per array the sub-array is NeuroSim's ({@link SubArrayModel}): its bounding box is the array slot's
 * area; the blocks inside are split into the report categories and the rest of the box is layout
 * whitespace ("other"). PEs add an adder tree, tiles two register-file buffers, an adder tree and an
 * H-tree; the chip a global buffer, the global interconnect, ReLU and max-pool units.
 */
final class CostModel {
    static final double FOLD_CHIP = 4;
    static final double FOLD_TILE = 16;
    static final double BUS_DELAY_TOLERANCE = 0.1;
    static final int ROUTER_PORTS = 5;
    static final int ROUTER_DEPTH_FLITS = 4;

    final HardwareSpec spec;
    final Technology tech;
    final Calibration cal;
    final SubArrayModel sub;
    final CrossbarArray array;
    final long clockPs;
    final double clockS;
    final int numAdc;
    final int numColMuxed;
    final int psumBits;

    // timing, ps
    final long driveLatencyPs;
    final long mergePs;
    final long reluPs;
    final long poolPs;
    final long beatToTilePs;
    final long beatFromTilePs;

    // energies per action, J
    final double dacReadJ;
    final double dacActiveRowJ;
    final double wordLineActiveRowJ;
    final double muxSenseJ;
    final double weightMergeJ;
    final double inputMergeJ;
    final double addJ;
    final double tileBufferBitJ;
    final double globalBufferBitJ;
    final double icBitToTileJ;
    final double icBitFromTileJ;
    final double tileTreeBitJ;
    final double meshFlitLinkJ;
    final double meshFlitRouterJ;
    final double reluValueJ;
    final double poolValueJ;
    final double g0PathS;
    final double gStepPathS;
    final double gMinS;
    final double gStepS;

    // capacities
    final long tileInBufferBits;
    final long tileOutBufferBits;
    final long globalBufferBits;

    // area per instance, m², and leakage, W
    final Map<Category, Double> slotAreaM2 = new EnumMap<>(Category.class);
    final double peTreeAreaM2;
    final double tileTreeAreaM2;
    final double tileBufferAreaM2;
    final double tileHTreeAreaM2;
    final double globalBufferAreaM2;
    final double icAreaM2;
    final double reluAreaM2;
    final double poolAreaM2;
    final double slotLeakW;
    final double peLeakW;
    final double tileLeakW;
    final double chipLeakW;
    final double tileHeightM;
    final double tileWidthM;
    final List<ComponentCost> components = new ArrayList<>();
    final List<Provenance> provenance = new ArrayList<>();

    /** A figure in the report and where it comes from. */
    record Provenance(String figure, String model, String citation) {
    }

    CostModel(HardwareSpec spec, Placement placement, long maxActivationBits) {
        this(spec, placement.spec(), placement.gridRows(), placement.gridCols(), maxActivationBits);
    }

    CostModel(HardwareSpec spec, PlacementSpec ps, int gridRows, int gridCols, long maxActivationBits) {
        this.spec = spec;
        this.tech = Technology.of(spec.nodeNm(), spec.roadmap());
        this.cal = spec.calibration();
        NeurosimConfig cfg = neurosimConfig(spec);
        this.sub = new SubArrayModel(cfg);
        this.array = sub.array();
        int rows = spec.rows();
        int cols = spec.cols();
        numColMuxed = sub.numColMuxed();
        numAdc = sub.numAdc();
        int cpw = spec.mappingSpec().cellsPerWeight();
        psumBits = spec.adcBits() + spec.inputBits() + spec.mappingSpec().storedBits();
        double periodS = Math.max(1.0 / spec.clockHz(), sub.sensingLatencyS());
        clockPs = (long) Math.ceil(periodS * 1e12);
        clockS = clockPs * 1e-12;
        double aw = array.widthM();
        double ah = array.heightM();
        double vr = spec.readVoltageV();
        double resTg = array.resCellAvgOhm() / rows;

        // row drivers
        double driveS;
        if (spec.cellType() == CellType.ONE_T_ONE_R) {
            RowSwitchMatrix wl = new RowSwitchMatrix(tech, rows, ah);
            dacReadJ = wl.energyJ(1, 0, spec.accessVoltageV(), vr);
            dacActiveRowJ = wl.energyJ(1, 1, spec.accessVoltageV(), vr) - dacReadJ;
            driveS = wl.latencyS(array.capWordLineF(), array.resRowOhm());
        } else {
            SwitchMatrix wl = new SwitchMatrix(tech, true, rows, resTg * rows / cols, ah);
            dacReadJ = wl.energyJ(1, 0, vr);
            dacActiveRowJ = wl.energyJ(1, 1, vr) - dacReadJ;
            driveS = wl.latencyS(array.capRowF() / cols, array.resRowOhm() / cols, cols);
        }
        driveLatencyPs = Math.max(1, (long) Math.ceil(driveS * 1e12));
        wordLineActiveRowJ = spec.cellType() == CellType.ONE_T_ONE_R ? array.wordLineEnergyJ(1) : 0;
        // column mux and its decoder (one selection per sensing cycle)
        if (numColMuxed > 1) {
            int addr = (int) Math.ceil(Math.log(numColMuxed) / Math.log(2));
            Decoder dec = new Decoder(tech, addr, true, tech.muxDriverSizing(), 0);
            AnalogMux natural = new AnalogMux(tech, numAdc, numColMuxed, resTg, aw, 0);
            AnalogMux mux = new AnalogMux(tech, numAdc, numColMuxed, resTg, aw,
                    Math.max(dec.heightM(), natural.naturalHeightM()));
            muxSenseJ = mux.energyJ(1, vr) + dec.energyJ(1, cal.controlActivity());
        } else {
            muxSenseJ = 0;
        }
        // shift-adders (per array, all units): NeuroSim sizes them by cells per weight and input bits
        int nsCpw = cfg.cellsPerWeight();
        ShiftAdd saW = nsCpw > 1 ? new ShiftAdd(tech, numAdc, spec.adcBits(), nsCpw, Fit.width(aw)) : null;
        ShiftAdd saI = spec.inputBits() > 1
                ? new ShiftAdd(tech, numAdc, spec.adcBits() + nsCpw, spec.inputBits(), Fit.width(aw)) : null;
        weightMergeJ = saW != null ? saW.energyJ(1, cal.adderActivity(), cal.dffActivity()) : 0;
        inputMergeJ = saI != null ? saI.energyJ(1, cal.adderActivity(), cal.dffActivity()) : 0;
        double saLatS = Math.max(saW != null ? saW.adderLatencyS() : 0, saI != null ? saI.adderLatencyS() : 0);
        mergePs = Math.max(1, (long) Math.ceil(saLatS / clockS)) * clockPs;
        addJ = new Adder(tech, psumBits, 1, Fit.FREE).energyJ(1, 1, cal.adderActivity());
        // column conductances seen by the ADC (device + access transistor + mean wire), per level
        int levels = 1 << spec.cellBits();
        g0PathS = 1 / array.cellPathResOhm(spec.roffOhm());
        gStepPathS = (1 / array.cellPathResOhm(spec.ronOhm()) - g0PathS) / (levels - 1);
        gMinS = 1 / spec.roffOhm();
        gStepS = (1 / spec.ronOhm() - gMinS) / (levels - 1);

        // sub-array slot areas (bounding box, split by block)
        Map<String, Double> blocks = sub.blockAreasM2();
        double boxed = 0;
        for (Map.Entry<String, Double> e : blocks.entrySet()) {
            Category c = switch (e.getKey()) {
                case "array" -> Category.ARRAYS;
                case "senseAmp", "encoder", "sarAdc" -> Category.ADC;
                case "wlSwitchMatrix" -> Category.DAC_AND_DRIVERS;
                case "shiftAddInput", "shiftAddWeight" -> Category.ACCUMULATION;
                default -> Category.OTHER;
            };
            slotAreaM2.merge(c, e.getValue(), Double::sum);
            boxed += e.getValue();
        }
        slotAreaM2.merge(Category.OTHER, Math.max(0, sub.areaM2() - boxed), Double::sum);
        for (Category c : Category.values()) {
            slotAreaM2.putIfAbsent(c, 0.0);
        }
        slotLeakW = sub.leakageW();

        // PE and tile geometry and units
        double peH = sub.heightM() * ps.peRows();
        double peW = sub.widthM() * ps.peCols();
        tileHeightM = peH * ps.tileRows();
        tileWidthM = peW * ps.tileCols();
        AdderTree peTree = new AdderTree(tech, Math.max(2, ps.peRows()), psumBits, ps.peCols() * numAdc, Fit.width(peW));
        peTreeAreaM2 = ps.peRows() > 1 ? peTree.areaM2() : 0;
        peLeakW = ps.peRows() > 1 ? peTree.leakageW(0) : 0;
        int tileBits = psumBits + (int) Math.ceil(Math.log(Math.max(2, ps.peRows())) / Math.log(2));
        AdderTree tileTree = new AdderTree(tech, Math.max(2, ps.tileRows()), tileBits,
                ps.tileCols() * ps.peCols() * numAdc, Fit.width(tileWidthM));
        tileTreeAreaM2 = ps.tileRows() > 1 ? tileTree.areaM2() : 0;
        tileInBufferBits = spec.tileBufferBits() > 0 ? spec.tileBufferBits()
                : 2L * ps.tileArrayRows() * rows * spec.inputBits();
        long logicalPerTile = (long) ps.tileArrayCols() * spec.mappingSpec().logicalColsPerArray();
        tileOutBufferBits = spec.tileBufferBits() > 0 ? spec.tileBufferBits()
                : Math.max(2L * logicalPerTile * spec.inputBits(), 1);
        BufferFigures tileIn = buffer(tileInBufferBits, spec.tileBufferWidthBits(), tileWidthM);
        BufferFigures tileOut = buffer(tileOutBufferBits, spec.tileBufferWidthBits(), tileWidthM);
        tileBufferAreaM2 = tileIn.areaM2() + tileOut.areaM2();
        tileBufferBitJ = (tileIn.readEnergyJ(1) + tileOut.readEnergyJ(1)) / 2;
        HTree tileHTree = new HTree(tech, ps.tileRows(), ps.tileCols(), spec.tileBufferWidthBits(), peH, peW, FOLD_TILE,
                BUS_DELAY_TOLERANCE);
        tileHTreeAreaM2 = tileHTree.areaM2();
        tileTreeBitJ = tileHTree.energyJ(1);
        tileLeakW = tileIn.leakageW() + tileOut.leakageW() + (ps.tileRows() > 1 ? tileTree.leakageW(0) : 0)
                + tileHTree.leakageW(spec.tileBufferWidthBits());

        // chip level
        double chipWidthM = tileWidthM * gridCols;
        globalBufferBits = spec.globalBufferBits() > 0 ? spec.globalBufferBits() : Math.max(2 * maxActivationBits, 1024);
        BufferFigures gbuf = buffer(globalBufferBits, spec.globalBufferWidthBits(), chipWidthM);
        globalBufferAreaM2 = gbuf.areaM2();
        globalBufferBitJ = gbuf.readEnergyJ(1);
        double icLeak;
        switch (spec.interconnect()) {
            case XY_BUS -> {
                XyBus bus = new XyBus(tech, gridRows, gridCols, spec.busWidthBits(), tileHeightM, tileWidthM, FOLD_CHIP,
                        BUS_DELAY_TOLERANCE);
                icAreaM2 = bus.areaM2();
                // XyBus's vertical run, tileHeight·(rows − ⌈rows/2⌉ − 1), is negative for a single tile row
                // (NeuroSim's formula); a run cannot cost negative energy, so clamp at zero
                icBitToTileJ = Math.max(0, bus.energyJ(tileHeightM, tileWidthM, 1, 0)) * spec.inputToggle();
                icBitFromTileJ = Math.max(0, bus.energyJ(tileHeightM, tileWidthM, 0, 1)) * spec.outputToggle();
                beatToTilePs = Math.max(1, (long) bus.latencyCycles(tileHeightM, tileWidthM, 1, 0, clockS)) * clockPs;
                beatFromTilePs = Math.max(1, (long) bus.latencyCycles(tileHeightM, tileWidthM, 0, 1, clockS)) * clockPs;
                icLeak = Math.max(0, bus.leakageW(tileHeightM, tileWidthM));
                meshFlitLinkJ = 0;
                meshFlitRouterJ = 0;
            }
            case HTREE -> {
                HTree tree = new HTree(tech, gridRows, gridCols, spec.busWidthBits(), tileHeightM, tileWidthM, FOLD_CHIP,
                        BUS_DELAY_TOLERANCE);
                icAreaM2 = tree.areaM2();
                icBitToTileJ = tree.energyJ(1) * spec.inputToggle();
                icBitFromTileJ = tree.energyJ(1) * spec.outputToggle();
                long beat = Math.max(1, (long) Math.ceil(tree.latencyS() / clockS)) * clockPs;
                beatToTilePs = beat;
                beatFromTilePs = beat;
                icLeak = tree.leakageW(spec.busWidthBits());
                meshFlitLinkJ = 0;
                meshFlitRouterJ = 0;
            }
            default -> {
                double linkM = (tileHeightM + tileWidthM) / 2;
                org.imcsim.cost.circuit.MeshNoc mesh = new org.imcsim.cost.circuit.MeshNoc(tech, spec.nocFlitBits(),
                        ROUTER_DEPTH_FLITS, ROUTER_PORTS, linkM);
                double toggle = (spec.inputToggle() + spec.outputToggle()) / 2;
                meshFlitLinkJ = mesh.linkFlitEnergyJ(toggle);
                meshFlitRouterJ = mesh.routerFlitEnergyJ(toggle);
                int routers = gridRows * gridCols;
                int links = 2 * (gridRows * (gridCols - 1) + gridCols * (gridRows - 1));
                icAreaM2 = routers * mesh.routerAreaM2();
                icLeak = routers * mesh.routerLeakageW() + links * mesh.linkLeakageW();
                icBitToTileJ = 0;
                icBitFromTileJ = 0;
                beatToTilePs = clockPs;
                beatFromTilePs = clockPs;
            }
        }
        ReluUnit relu = new ReluUnit(tech, spec.activationUnits(), psumBits, Fit.width(chipWidthM));
        reluAreaM2 = relu.areaM2();
        reluValueJ = relu.energyJ(1) / spec.activationUnits();
        reluPs = Math.max(1, (long) relu.latencyCycles(1)) * clockPs;
        int poolUnits = Math.max(1, spec.activationUnits() / 4);
        MaxPoolUnit pool = new MaxPoolUnit(tech, spec.inputBits(), 4, poolUnits);
        poolAreaM2 = pool.areaM2();
        poolValueJ = pool.energyJ(1, cal.controlActivity()) / poolUnits / 4;
        poolPs = Math.max(1, (long) pool.latencyCycles(1, clockS)) * clockPs;
        chipLeakW = gbuf.leakageW() + icLeak + relu.leakageW() + pool.leakageW();

        describe(cfg);
    }

    /** Area, energy per bit read and leakage of one buffer of the spec's type. */
    private record BufferFigures(double areaM2, double bitJ, double leakW) {
        double readEnergyJ(double bits) {
            return bitJ * bits;
        }

        double leakageW() {
            return leakW;
        }
    }

    private BufferFigures buffer(long bits, int width, double fitWidthM) {
        int n = (int) Math.min(Integer.MAX_VALUE, bits);
        int w = (int) Math.min(width, n);
        if (spec.bufferType() == HardwareSpec.BufferType.SRAM) {
            SramBuffer b = new SramBuffer(tech, n, w, cal.controlActivity());
            return new BufferFigures(b.areaM2(), (b.readEnergyJ(1) + b.writeEnergyJ(1)) / 2, b.leakageW());
        }
        RegisterFileBuffer b = new RegisterFileBuffer(tech, n, w, cal.dffActivity(), cal.controlActivity(),
                Fit.width(fitWidthM));
        return new BufferFigures(b.areaM2(), (b.readEnergyJ(1) + b.writeEnergyJ(1)) / 2, b.leakageW());
    }

    /** The NeuroSim-style configuration of the sub-array the spec describes. */
    static NeurosimConfig neurosimConfig(HardwareSpec s) {
        return NeurosimConfig.builder().node(s.nodeNm()).roadmap(s.roadmap()).calibration(s.calibration())
                .subArray(s.rows(), s.cols()).cellType(s.cellType()).cellSizeF(s.cellHeightF(), s.cellWidthF())
                .cellBits(s.cellBits()).adc(s.adcType(), s.adcBits()).colsPerAdc(s.colsPerAdc())
                .device(s.ronOhm(), s.onOffRatio()).readVoltage(s.readVoltageV()).readPulse(s.readPulseS())
                .accessVoltage(s.accessVoltageV()).writeVoltage(s.writeVoltageV())
                .precision(s.weightBits(), s.inputBits()).pipeline(s.pipeline()).build();
    }

    /** Conversion energy of one column of conductance {@code gS} (path conductance), J. */
    double conversionJ(double gS) {
        return sub.conversionJ(gS > 0 ? 1 / gS : Double.POSITIVE_INFINITY);
    }

    /**
     * Mean conversion energy over a measured histogram, J: each level sum {@code ws} with mean drive
     * {@code d} is a column of path conductance {@code d·g0 + ws·gStep}.
     */
    double meanConversionJ(LayerActivity a) {
        if (a.conversions() == 0) {
            return conversionJ(0);
        }
        double sum = 0;
        for (int ws = 0; ws <= a.maxLevelSum(); ws++) {
            long n = a.count(ws);
            if (n == 0) {
                continue;
            }
            double d = (double) a.drive(ws) / n;
            sum += n * conversionJ(d * g0PathS + ws * gStepPathS);
        }
        return sum / a.conversions();
    }

    /**
     * Mean cell (column current) energy per conversion, J, counted separately only where the ADC model
     * does not already include the column current (voltage-mode flash: its fit has no mirror power).
     */
    double meanCellJ(LayerActivity a) {
        if (spec.adcType() != AdcType.FLASH || a.conversions() == 0) {
            return 0;
        }
        double g = 0;
        for (int ws = 0; ws <= a.maxLevelSum(); ws++) {
            g += a.drive(ws) * gMinS + (double) ws * a.count(ws) * gStepS;
        }
        return CrossbarArray.cellReadEnergyJ(g / a.conversions() * spec.readPulseS(), spec.readVoltageV());
    }

    /** Adder-tree pipeline latency for {@code inputs} partial sums, ps. */
    long treeLatencyPs(int inputs) {
        if (inputs <= 1) {
            return 0;
        }
        AdderTree t = new AdderTree(tech, inputs, psumBits, 1, Fit.FREE);
        return Math.max(1, (long) t.latencyCycles(1, 0, clockS)) * clockPs;
    }

    private void describe(NeurosimConfig cfg) {
        Source subSrc = Source.neurosim("SubArrayModel", "SubArray.cpp floorplan and parallel-read periphery");
        String adcModel = switch (spec.adcType()) {
            case MLSA -> "neurosim.MultilevelSenseAmp";
            case FLASH -> "neurosim.MultilevelSenseAmp (voltage mode)";
            case SAR -> "neurosim.SarAdc";
        };
        Source adcSrc = new Source(adcModel, Source.NEUROSIM_V14 + "; " + (spec.adcType() == AdcType.SAR
                ? "SarADC.cpp SPICE fits (Lu et al. 2024)" : "MultilevelSenseAmp.cpp SPICE fits (Lu et al. 2024)"));
        Source dacSrc = Source.neurosim(spec.cellType() == CellType.ONE_T_ONE_R ? "RowSwitchMatrix" : "SwitchMatrix",
                "NewSwitchMatrix.cpp / SwitchMatrix.cpp");
        Source arraySrc = Source.neurosim("CrossbarArray", "SubArray.cpp array geometry and word-line energy");
        Source muxSrc = Source.neurosim("AnalogMux+Decoder", "Mux.cpp, RowDecoder.cpp (mux mode)");
        Source saSrc = Source.neurosim("ShiftAdd", "ShiftAdd.cpp");
        Source addSrc = Source.neurosim("Adder/AdderTree", "Adder.cpp, AdderTree.cpp");
        Source bufSrc = spec.bufferType() == HardwareSpec.BufferType.SRAM
                ? new Source("cost.SramBuffer", "see docs/cost-models.md (SRAM buffer)")
                : Source.neurosim("RegisterFileBuffer", "Buffer.cpp (DFF mode)");
        Source icSrc = switch (spec.interconnect()) {
            case XY_BUS -> Source.neurosim("XyBus", "XYBus.cpp");
            case HTREE -> Source.neurosim("HTree", "HTree.cpp");
            case MESH -> new Source("cost.MeshNoc", "ORION 2.0 router decomposition (Kahng et al., DATE 2009) on "
                    + "NeuroSim-derived DFF, gate and repeated-wire models");
        };
        Source htSrc = Source.neurosim("HTree", "HTree.cpp (tile-internal)");
        Source actSrc = Source.neurosim("ReluUnit/MaxPoolUnit", "BitShifter.cpp, MaxPooling.cpp");
        Source clkSrc = Source.neurosim("SubArrayModel.sensingLatency",
                "clock = max(1/chip.clock, 1.4 × sensing cycle), Chip.cpp");
        add(ComponentCost.single("array", slotAreaM2.get(Category.ARRAYS) * 1e12, "activeRowSense",
                wordLineActiveRowJ * 1e12, 0, 0, arraySrc), Category.ARRAYS);
        add(new ComponentCost("adc", slotAreaM2.get(Category.ADC) * 1e12, new String[] {"convert(G)"},
                new double[] {conversionJ(g0PathS * spec.rows() / 2.0 + gStepPathS * spec.rows() / 4.0) * 1e12},
                clockPs, 0, adcSrc), Category.ADC);
        add(new ComponentCost("rowDriver", slotAreaM2.get(Category.DAC_AND_DRIVERS) * 1e12,
                new String[] {"sense", "activeRowSense"}, new double[] {dacReadJ * 1e12, dacActiveRowJ * 1e12},
                driveLatencyPs, 0, dacSrc), Category.DAC_AND_DRIVERS);
        add(ComponentCost.single("columnMux", 0, "sense", muxSenseJ * 1e12, 0, 0, muxSrc), Category.OTHER);
        add(new ComponentCost("shiftAdd", slotAreaM2.get(Category.ACCUMULATION) * 1e12,
                new String[] {"weightMerge", "inputMerge"}, new double[] {weightMergeJ * 1e12, inputMergeJ * 1e12},
                mergePs, 0, saSrc), Category.ACCUMULATION);
        add(new ComponentCost("subArrayPeriphery", slotAreaM2.get(Category.OTHER) * 1e12, new String[0], new double[0],
                0, slotLeakW * 1e6, subSrc), Category.OTHER);
        add(ComponentCost.single("adderTree", peTreeAreaM2 * 1e12 + tileTreeAreaM2 * 1e12, "add", addJ * 1e12,
                0, peLeakW * 1e6, addSrc), Category.ACCUMULATION);
        add(new ComponentCost("tileBuffers", tileBufferAreaM2 * 1e12, new String[] {"bit"},
                new double[] {tileBufferBitJ * 1e12}, clockPs, 0, bufSrc), Category.BUFFERS);
        add(new ComponentCost("globalBuffer", globalBufferAreaM2 * 1e12, new String[] {"bit"},
                new double[] {globalBufferBitJ * 1e12}, clockPs, 0, bufSrc), Category.BUFFERS);
        add(new ComponentCost("tileHTree", tileHTreeAreaM2 * 1e12, new String[] {"bit"},
                new double[] {tileTreeBitJ * 1e12}, 0, 0, htSrc), Category.INTERCONNECT);
        add(new ComponentCost("globalInterconnect", icAreaM2 * 1e12,
                new String[] {"bitToTile", "bitFromTile", "flitLink", "flitRouter"},
                new double[] {icBitToTileJ * 1e12, icBitFromTileJ * 1e12, meshFlitLinkJ * 1e12, meshFlitRouterJ * 1e12},
                beatToTilePs, 0, icSrc), Category.INTERCONNECT);
        add(new ComponentCost("activation", reluAreaM2 * 1e12 + poolAreaM2 * 1e12, new String[] {"relu", "poolValue"},
                new double[] {reluValueJ * 1e12, poolValueJ * 1e12}, reluPs, 0, actSrc), Category.OTHER);
        provenance.add(new Provenance("latency.clockPeriodNs", clkSrc.model(), clkSrc.citation()));
        provenance.add(new Provenance("technology", Technology.SOURCE.model(), Technology.SOURCE.citation()));
        provenance.add(new Provenance("calibration", "neurosim.Calibration", Source.NEUROSIM_V14
                + " Param.cpp validated-mode factors" + (cal.isNone() ? " (disabled)" : "")));
        provenance.add(new Provenance("energy.leakagePj", subSrc.model(), "periphery leakage of every block "
                + "(NeuroSim models) × simulated time per inference"));
        provenance.add(new Provenance("area.breakdownMm2.other", subSrc.model(),
                "includes the sub-array bounding-box whitespace of NeuroSim's floorplan"));
    }

    private final Map<String, Category> categoryOf = new java.util.LinkedHashMap<>();

    private void add(ComponentCost c, Category cat) {
        components.add(c);
        categoryOf.put(c.name(), cat);
        String field = "energy.breakdownPj." + cat.key() + ", area.breakdownMm2." + cat.key() + " (" + c.name() + ")";
        provenance.add(new Provenance(field, c.source().model(), c.source().citation()));
    }

    Category category(String component) {
        return categoryOf.get(component);
    }
}
