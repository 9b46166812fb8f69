package org.imcsim.hardware;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.imcsim.cost.Calibration;
import org.imcsim.cost.CostProfile;
import org.imcsim.cost.isaac.IsaacCostProfile;
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
import org.imcsim.cost.neurosim.PeModel;
import org.imcsim.cost.neurosim.SubArrayModel;
import org.imcsim.cost.neurosim.TileModel;
import org.imcsim.mapping.placement.LayerPlacement;
import org.imcsim.mapping.placement.Placement;

/**
 * Every latency, energy per action, leakage and area the hardware run uses, taken from the circuit models
 * of {@code org.imcsim.cost} (NeuroSim V1.4-derived, scaled by the technology node) — nothing here is a
 * number of its own. Built once per (spec, chip shape); costing multiplies the simulation's action counts
 * and the measured activity by these figures. A pure function of its inputs, so saved counts can be
 * re-costed with another spec ({@link HardwareResult#recost}).
 *
 * <p>Per array the sub-array is NeuroSim's ({@link SubArrayModel}): its bounding box is the array slot's
 * area; the blocks inside are split into the report categories and the rest of the box is layout
 * whitespace ("other"). PEs and tiles are NeuroSim's ({@link PeModel}, {@link TileModel}: adder trees, DFF
 * and register-file buffers, H-tree), one {@link TileKind} for conventional tiles and one for kernel-position
 * tiles; the chip adds a global buffer, the global interconnect, a chip adder tree, ReLU and max-pool units,
 * sized by NeuroSim's rules where the spec leaves a size at 0 ({@link #shape}). Multi-bit row DACs and
 * column sample-and-hold come from ISAAC's table ({@link IsaacCostProfile}, docs/cost-models.md §7).
 *
 * <p>Under {@code technology.costProfile: isaac} every figure instead comes from ISAAC's Table 6
 * ({@link IsaacCostProfile}, docs/cost-models.md §8): the constructor's ISAAC branch assigns every field from
 * the table and returns before any NeuroSim block is priced (the compiler's definite-assignment check makes a
 * figure left unpriced a build error); {@link HardwareSpec} admits that profile only for ISAAC's organisation.
 */
final class CostModel {
    static final double FOLD_CHIP = 4;
    static final double BUS_DELAY_TOLERANCE = 0.1;
    static final int ROUTER_PORTS = 5;
    static final int ROUTER_DEPTH_FLITS = 4;
    /** NeuroSim's global-buffer core (128 × 128 bits, 128-bit lines) and bus-width bound (Param.cpp). */
    static final int GLOBAL_CORE_BITS = 128 * 128;
    static final int GLOBAL_CORE_WIDTH = 128;
    static final int MAX_GLOBAL_BUS_WIDTH = 2048;

    final HardwareSpec spec;
    final ChipShape shape;
    final Technology tech;
    final Calibration cal;
    final SubArrayModel sub;
    final CrossbarArray array;
    final long clockPs;
    final double clockS;
    final int numAdc;
    final int numColMuxed;
    /** Bits of a sub-array output (NeuroSim's numBitSubarrayOutput): ADC bits + input bits + slice shifts + 1. */
    final int psumBits;
    final TileKind conv;
    final TileKind novel;

    // timing, ps
    final long driveLatencyPs;
    final long mergePs;
    final long reluPs;
    final int reluLanes;
    final long poolBatchPs;
    final int poolUnits;
    final long beatToTilePs;
    final long beatFromTilePs;
    final int busWidthBits;
    final int globalBufferWidthBits;
    final AdderTree chipTree;

    // energies per action, J
    final double dacReadJ;
    final double dacActiveRowJ;
    final double wordLineActiveRowJ;
    final double muxSenseJ;
    final double weightMergeJ;
    final double inputMergeJ;
    final double addJ;
    final double globalBufferBitJ;
    final double icBitToTileJ;
    final double icBitFromTileJ;
    final double meshFlitLinkJ;
    final double meshFlitRouterJ;
    final double reluValueJ;
    final double poolValueJ;
    /** Energy of one b-bit DAC conversion on one row (0 for 1-bit drivers: the switch matrix is the driver). */
    final double dacConversionJ;
    /** Energy of one column sample-and-hold acquisition (0 without S&amp;H). */
    final double sampleJ;
    /** S&amp;H acquisition time, ps. */
    final long samplePs;
    /** Largest DAC level, 2^dacBits − 1: level sums and drives are in units of one DAC step. */
    final int dacMax;
    final double g0PathS;
    final double gStepPathS;
    final double gMinS;
    final double gStepS;

    /**
     * Terms only the {@code isaac} profile prices (0 under {@code neurosim}, whose sense-amp fit holds the cell
     * current and whose shift-adders are counted per merge): array read energy per driven row per read cycle;
     * IMA shift-and-add and output-register read-modify-write per ADC sample.
     */
    final double arrayPlaneRowJ;
    final double conversionAccumJ;
    final double conversionRegisterJ;
    /** Toggle rates applied to the tile-interconnect bits (ISAAC's bus power already holds its data's toggles: 1). */
    final double treeInToggle;
    final double treeOutToggle;
    /** ISAAC's table at this spec's node and sizes, or null under the {@code neurosim} profile. */
    final IsaacCostProfile isaac;
    /** ISAAC's ADC conversion energy, J (constant per sample: its table has no data dependence). */
    final double isaacConversionJ;

    // capacities
    final long globalBufferBits;

    // chip-level area, m², and leakage, W
    final Map<Category, Double> slotAreaM2 = new EnumMap<>(Category.class);
    final double slotWhitespaceM2;
    final double globalBufferAreaM2;
    final double icAreaM2;
    final double chipTreeAreaM2;
    final double reluAreaM2;
    final double poolAreaM2;
    final double slotLeakW;
    final double chipLeakW;
    final double tileSideM;
    final List<ComponentCost> components = new ArrayList<>();
    final List<Provenance> provenance = new ArrayList<>();

    /** A figure in the report and where it comes from. */
    record Provenance(String figure, String model, String citation) {
    }

    /**
     * One kind of tile (conventional, or novel: one PE per kernel position) with everything the simulation
     * and the costing need: NeuroSim's tile composition ({@link TileModel}), or the spec's buffers where it
     * sizes them explicitly.
     */
    static final class TileKind {
        final TileModel model;
        final int slots;
        final int pes;
        final Map<Category, Double> areaM2 = new EnumMap<>(Category.class);
        final double whitespaceM2;
        final double totalM2;
        final long inCapacityBits;
        final long outCapacityBits;
        final int inWidthBits;
        final int outWidthBits;
        final double inBitJ;
        final double outBitJ;
        final double treeBitJ;
        final double peInBufBitJ;
        final double peOutBufBitJ;
        final double peInBusBitJ;
        final double peOutBusBitJ;
        final long treeBeatPs;
        final int treeWidthBits;
        final int partialSumBits;
        final int pePartialSumBits;
        final int summedPes;
        final double leakW;
        /** Global bus beats and bit energies to and from this kind's tiles, by NeuroSim's per-layer rule. */
        long busBeatToPs;
        long busBeatFromPs;
        double busBitToJ;
        double busBitFromJ;

        TileKind(CostModel cm, TileModel t) {
            HardwareSpec spec = cm.spec;
            this.model = t;
            PeModel pe = t.pe();
            this.pes = t.numPe();
            this.slots = pes * pe.subRows() * pe.subCols();
            for (Category c : Category.values()) {
                areaM2.put(c, cm.slotAreaM2.get(c) * slots);
            }
            // PE adder trees and the tile accumulation tree; DFF buffers of the PEs
            areaM2.merge(Category.ACCUMULATION, pe.tree().areaM2() * pes + t.accumulation().areaM2(), Double::sum);
            areaM2.merge(Category.BUFFERS, pe.bufferM2() * pes, Double::sum);
            areaM2.merge(Category.INTERCONNECT, t.interconnectM2(), Double::sum);
            double bufLeak;
            boolean neurosimBuffers = spec.tileBufferBits() == 0 && spec.tileBufferWidthBits() == 0
                    && spec.bufferType() == HardwareSpec.BufferType.REGISTER_FILE;
            if (neurosimBuffers) {
                areaM2.merge(Category.BUFFERS, t.bufferM2(), Double::sum);
                inCapacityBits = (long) t.inputBuffer().numBit() * t.inputCores();
                outCapacityBits = (long) t.outputBuffer().numBit() * t.outputCores();
                inWidthBits = (int) t.inputBandwidthBits();
                outWidthBits = (int) t.outputBandwidthBits();
                inBitJ = (t.inputBuffer().readEnergyJ(1) + t.inputBuffer().writeEnergyJ(1)) / 2;
                outBitJ = (t.outputBuffer().readEnergyJ(1) + t.outputBuffer().writeEnergyJ(1)) / 2;
                bufLeak = t.inputBuffer().leakageW() * t.inputCores() + t.outputBuffer().leakageW() * t.outputCores();
            } else {
                long inBits = spec.tileBufferBits() > 0 ? spec.tileBufferBits()
                        : (long) t.inputBuffer().numBit() * t.inputCores();
                long outBits = spec.tileBufferBits() > 0 ? spec.tileBufferBits()
                        : (long) t.outputBuffer().numBit() * t.outputCores();
                int inW = spec.tileBufferWidthBits() > 0 ? spec.tileBufferWidthBits() : (int) t.inputBandwidthBits();
                int outW = spec.tileBufferWidthBits() > 0 ? spec.tileBufferWidthBits() : (int) t.outputBandwidthBits();
                double fit = t.peCols() * pe.sideM();
                BufferFigures in = cm.buffer(inBits, inW, fit);
                BufferFigures out = cm.buffer(outBits, outW, fit);
                areaM2.merge(Category.BUFFERS, in.areaM2() + out.areaM2(), Double::sum);
                inCapacityBits = inBits;
                outCapacityBits = outBits;
                inWidthBits = inW;
                outWidthBits = outW;
                inBitJ = in.bitJ();
                outBitJ = out.bitJ();
                bufLeak = in.leakageW() + out.leakageW();
            }
            double sum = 0;
            for (double v : areaM2.values()) {
                sum += v;
            }
            whitespaceM2 = cm.slotWhitespaceM2 * slots;
            totalM2 = sum;
            HTree tree = t.htree();
            treeWidthBits = (int) tree.busWidth();
            treeBeatPs = Math.max(1, (long) Math.ceil(tree.latencyS() / cm.clockS)) * cm.clockPs;
            treeBitJ = tree.energyJ(1);
            // a PE's DFF buffers clock all their flip-flops per pass (NeuroSim charges whole-buffer passes)
            peInBufBitJ = pe.bufferIn().energyJ(1, pe.bufferIn().numDff(), 1) / pe.bufferIn().numDff();
            peOutBufBitJ = pe.bufferOut().energyJ(1, pe.bufferOut().numDff(), 1) / pe.bufferOut().numDff();
            peInBusBitJ = pe.busIn().energyJ(1, spec.inputToggle());
            peOutBusBitJ = pe.busOut().energyJ(1, spec.outputToggle());
            partialSumBits = t.partialSumBits();
            pePartialSumBits = pe.tree().numStage() + pe.tree().numAdderBit();
            summedPes = t.novel() ? t.numPe() : t.peRows();
            leakW = pes * pe.leakageW(0) + t.accumulation().leakageW(0) + bufLeak + tree.leakageW(tree.busWidth());
        }

        /**
         * An ISAAC tile (docs/cost-models.md §8): the arrays' slots, per PE (IMA) an input register of
         * {@code arrays·rows·inputBits} bits and an output register of {@code arrays·cols/cellsPerWeight·inputBits}
         * bits, per tile an eDRAM buffer (64 KB unless {@code chip.tileBuffer.bits}), an output register holding every
         * PE's outputs, the 384-wire eDRAM-to-IMA bus and one shift-and-add; all Table 6 figures, no leakage (in the
         * powers).
         */
        TileKind(CostModel cm, TileModel t, IsaacCostProfile p) {
            HardwareSpec spec = cm.spec;
            this.model = t;
            PeModel pe = t.pe();
            this.pes = t.numPe();
            int arraysPerPe = pe.subRows() * pe.subCols();
            this.slots = pes * arraysPerPe;
            for (Category c : Category.values()) {
                areaM2.put(c, cm.slotAreaM2.get(c) * slots);
            }
            long irBits = (long) arraysPerPe * spec.rows() * spec.inputBits();
            long orBits = (long) arraysPerPe * spec.cols() / spec.mappingSpec().cellsPerWeight() * spec.inputBits();
            long tileOrBits = orBits * pes;
            areaM2.merge(Category.BUFFERS, (irBits * p.inputRegisterAreaPerBitUm2()
                    + orBits * p.outputRegisterAreaPerBitUm2()) * pes * 1e-12, Double::sum);
            inCapacityBits = spec.tileBufferBits() > 0 ? spec.tileBufferBits() : IsaacCostProfile.EDRAM_BITS;
            outCapacityBits = tileOrBits;
            areaM2.merge(Category.BUFFERS, (p.edramAreaUm2(inCapacityBits)
                    + tileOrBits * p.tileOutputRegisterAreaPerBitUm2()) * 1e-12, Double::sum);
            areaM2.merge(Category.INTERCONNECT, p.tileBusAreaUm2() * 1e-12, Double::sum);
            areaM2.merge(Category.ACCUMULATION, p.tileShiftAddAreaUm2() * 1e-12, Double::sum);
            inWidthBits = spec.tileBufferWidthBits() > 0 ? spec.tileBufferWidthBits() : IsaacCostProfile.EDRAM_PORT_BITS;
            outWidthBits = inWidthBits;
            inBitJ = p.edramBitPj() * 1e-12;
            outBitJ = p.tileOutputRegisterBitPj() * 1e-12;
            double sum = 0;
            for (double v : areaM2.values()) {
                sum += v;
            }
            whitespaceM2 = 0;
            totalM2 = sum;
            treeWidthBits = IsaacCostProfile.TILE_BUS_BITS;
            treeBeatPs = cm.clockPs;
            treeBitJ = p.busBitPj() * 1e-12;
            // the IMA input register takes each input bit once and returns it once per read cycle; the output
            // register is priced per ADC sample (CostModel.conversionRegisterJ); the bus is the tile's only wiring
            peInBufBitJ = p.inputRegisterBitPj() * 1e-12;
            peOutBufBitJ = 0;
            peInBusBitJ = 0;
            peOutBusBitJ = 0;
            partialSumBits = t.partialSumBits();
            pePartialSumBits = pe.tree().numStage() + pe.tree().numAdderBit();
            summedPes = t.peRows();
            leakW = 0;
        }
    }

    CostModel(HardwareSpec spec, ChipShape shape) {
        this.spec = spec;
        this.shape = shape;
        this.tech = Technology.of(spec.nodeNm(), spec.roadmap());
        this.cal = spec.calibration();
        NeurosimConfig cfg = neurosimConfig(spec);
        this.sub = new SubArrayModel(cfg);
        this.array = sub.array();
        int rows = spec.rows();
        int cols = spec.cols();
        numColMuxed = sub.numColMuxed();
        numAdc = sub.numAdc();
        int ncs = cfg.cellsPerWeight();
        psumBits = (int) (Math.log(cfg.adcLevels()) / Math.log(2) + spec.inputBits() + (ncs - 1) * spec.cellBits() + 1
                + 1e-9);
        if (spec.costProfile() == HardwareSpec.CostProfile.ISAAC) {
            isaac = new IsaacCostProfile(spec.nodeNm(), spec.roadmap(), spec.adcBits(), spec.dacBits(), rows, cols,
                    spec.nocFlitBits());
            // every figure below is ISAAC's (Table 6); NeuroSim's circuit models price nothing in this profile
            // whole picoseconds; the tolerance keeps an exact period (1 GHz: 1000 ps) from rounding up
            double clkPsExact = Math.max(1e12 / spec.clockHz(), 1e12 / IsaacCostProfile.CLOCK_HZ);
            clockPs = (long) Math.ceil(clkPsExact - 1e-6);
            clockS = clockPs * 1e-12;
            driveLatencyPs = (long) Math.round(IsaacCostProfile.XBAR_CYCLE_S * 1e12);
            dacMax = (1 << spec.dacBits()) - 1;
            dacReadJ = 0;
            dacActiveRowJ = 0;
            dacConversionJ = isaac.dacUnitDrivePj() * dacMax * 1e-12;
            wordLineActiveRowJ = 0;
            arrayPlaneRowJ = isaac.arrayRowReadPj() * 1e-12;
            isaacConversionJ = isaac.adcConvertPj() * 1e-12;
            muxSenseJ = 0;
            weightMergeJ = 0;
            inputMergeJ = 0;
            conversionAccumJ = isaac.imaShiftAddPj() * 1e-12;
            conversionRegisterJ = isaac.outputRegisterPerSamplePj() * 1e-12;
            mergePs = clockPs;
            addJ = isaac.tileAddPj() * 1e-12;
            sampleJ = isaac.samplePj() * 1e-12;
            samplePs = clockPs;
            treeInToggle = 1;
            treeOutToggle = 1;
            g0PathS = 0;
            gStepPathS = 0;
            gMinS = 0;
            gStepS = 0;
            slotAreaM2.put(Category.ARRAYS, isaac.arrayAreaUm2() * 1e-12);
            slotAreaM2.put(Category.ADC, (numAdc * isaac.adcAreaUm2() + cols * isaac.sampleHoldAreaUm2()) * 1e-12);
            slotAreaM2.put(Category.DAC_AND_DRIVERS, rows * isaac.dacUnitAreaUm2() * dacMax * 1e-12);
            slotAreaM2.put(Category.ACCUMULATION, numAdc * isaac.imaShiftAddAreaPerAdcUm2() * 1e-12);
            for (Category c : Category.values()) {
                slotAreaM2.putIfAbsent(c, 0.0);
            }
            slotWhitespaceM2 = 0;
            slotLeakW = 0;
            PeModel pe = new PeModel(sub, spec.peRows(), spec.peCols(), psumBits);
            double peSize = (double) spec.peCols() * cols;
            conv = new TileKind(this, TileModel.conventional(pe, spec.tileRows(), spec.tileCols(), peSize, psumBits),
                    isaac);
            novel = null; // HardwareSpec rejects chip.novelMapping under isaac
            tileSideM = Math.sqrt(conv.totalM2);
            int tiles = Math.max(1, shape.chipTiles());
            busWidthBits = shape.busWidthBits();
            globalBufferBits = shape.globalBufferBits();
            // imcsim's global buffer (ISAAC keeps activations in the tiles' eDRAM): eDRAM of its capacity
            globalBufferAreaM2 = isaac.edramAreaUm2(globalBufferBits) * 1e-12;
            globalBufferBitJ = isaac.edramBitPj() * 1e-12;
            globalBufferWidthBits = spec.globalBufferWidthBits() > 0 ? spec.globalBufferWidthBits()
                    : IsaacCostProfile.EDRAM_PORT_BITS;
            chipLeakW0 = 0;
            // ISAAC's router (one per 4 tiles, its power covers the links): a quarter router per tile of imcsim's mesh
            icAreaM2 = tiles * isaac.routerShareAreaUm2() * 1e-12;
            icBitToTileJ = 0;
            icBitFromTileJ = 0;
            beatToTilePs = clockPs;
            beatFromTilePs = clockPs;
            meshFlitLinkJ = 0;
            meshFlitRouterJ = isaac.routerFlitPj() * 1e-12;
            conv.busBitToJ = 0;
            conv.busBitFromJ = 0;
            conv.busBeatToPs = clockPs;
            conv.busBeatFromPs = clockPs;
            // ISAAC's two sigmoid units and one max-pool unit per tile, each one value (window) per clock
            reluLanes = spec.activationUnits() > 0 ? spec.activationUnits()
                    : (int) IsaacCostProfile.SIGMOID_N * tiles;
            reluAreaM2 = reluLanes * isaac.sigmoidAreaUm2() * 1e-12;
            reluValueJ = isaac.activationPj() * 1e-12;
            reluPs = clockPs;
            poolUnits = tiles;
            poolAreaM2 = poolUnits * isaac.maxPoolAreaUm2() * 1e-12;
            poolValueJ = isaac.poolWindowPj() / 4 * 1e-12;
            poolBatchPs = clockPs;
            // partial sums of several tiles are added by the tiles' shift-and-add units (area in the tiles)
            chipTree = null; // only the neurosim-serial dataflow has a chip adder tree; isaac requires overlapped
            chipTreeAreaM2 = 0;
            chipLeakW = 0;
            describeIsaac();
            return;
        }
        isaac = null;
        isaacConversionJ = 0;
        arrayPlaneRowJ = 0;
        conversionAccumJ = 0;
        conversionRegisterJ = 0;
        treeInToggle = spec.inputToggle();
        treeOutToggle = spec.outputToggle();
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
        ShiftAdd saW = ncs > 1 ? new ShiftAdd(tech, numAdc, spec.adcBits(), ncs, Fit.width(aw)) : null;
        ShiftAdd saI = spec.inputBits() > 1
                ? new ShiftAdd(tech, numAdc, spec.adcBits() + ncs, spec.inputBits(), Fit.width(aw)) : null;
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

        // sub-array slot areas (bounding box, split by block; the rest of the box is layout whitespace)
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
        // multi-bit row DACs and column sample-and-hold, added beside NeuroSim's sub-array box (they are not in its
        // floorplan, so they do not fill its whitespace): ISAAC's measured blocks (Table 6), node-scaled; a b-bit
        // DAC is 2^b − 1 unit elements of ISAAC's 1-bit driver (binary-weighted capacitive DAC: switched charge
        // and area scale with the unit capacitors, Saberi et al., IEEE TCAS-I 58(8), 2011)
        dacMax = (1 << spec.dacBits()) - 1;
        IsaacCostProfile isaacUnits = new IsaacCostProfile(spec.nodeNm(), spec.adcBits(), rows, cols);
        ComponentCost dac1 = isaacUnits.component(CostProfile.KEY_ROW_DRIVER);
        ComponentCost sh = isaacUnits.component(CostProfile.KEY_SAMPLE_HOLD);
        if (spec.dacBits() > 1) {
            dacConversionJ = dac1.energyPj("drive") * 1e-12 * dacMax;
            double a = dac1.areaUm2() * 1e-12 * dacMax * rows;
            slotAreaM2.merge(Category.DAC_AND_DRIVERS, a, Double::sum);
        } else {
            dacConversionJ = 0;
        }
        if (spec.sampleHold()) {
            sampleJ = sh.energyPj("sample") * 1e-12;
            double a = sh.areaUm2() * 1e-12 * cols;
            slotAreaM2.merge(Category.ADC, a, Double::sum);
        } else {
            sampleJ = 0;
        }
        samplePs = clockPs;
        slotWhitespaceM2 = Math.max(0, sub.areaM2() - boxed);
        slotAreaM2.merge(Category.OTHER, slotWhitespaceM2, Double::sum);
        for (Category c : Category.values()) {
            slotAreaM2.putIfAbsent(c, 0.0);
        }
        slotLeakW = sub.leakageW();

        // PEs and tiles: NeuroSim's composition (ProcessingUnit.cpp, Tile.cpp) on the spec's hierarchy
        double peSize = (double) spec.peCols() * cols;
        PeModel pe = new PeModel(sub, spec.peRows(), spec.peCols(), psumBits);
        conv = new TileKind(this, TileModel.conventional(pe, spec.tileRows(), spec.tileCols(), peSize, psumBits));
        novel = shape.novelPes() > 1 ? new TileKind(this, TileModel.novel(pe, shape.novelPes(), peSize, psumBits)) : null;
        tileSideM = Math.max(conv.model.sideM(), novel != null ? novel.model.sideM() : 0);

        // chip level (Chip.cpp ChipInitialize): global buffer, bus, chip adder tree, ReLU, max-pool
        int gridRows = shape.gridRows();
        int gridCols = shape.gridCols();
        busWidthBits = shape.busWidthBits();
        globalBufferBits = shape.globalBufferBits();
        double gbHeightM = gridRows * tileSideM;
        double gbWidthM;
        if (spec.bufferType() == HardwareSpec.BufferType.REGISTER_FILE && spec.globalBufferWidthBits() == 0) {
            int cores = (int) Math.max(1, Math.ceil((double) globalBufferBits / GLOBAL_CORE_BITS));
            RegisterFileBuffer core = new RegisterFileBuffer(tech, GLOBAL_CORE_BITS, GLOBAL_CORE_WIDTH,
                    cal.dffActivity(), cal.controlActivity(), Fit.height(gbHeightM));
            globalBufferAreaM2 = core.areaM2() * cores;
            globalBufferBitJ = (core.readEnergyJ(1) + core.writeEnergyJ(1)) / 2;
            globalBufferWidthBits = GLOBAL_CORE_WIDTH
                    * (int) Math.min(cores, Math.ceil((double) busWidthBits / GLOBAL_CORE_WIDTH));
            chipLeakW0 = core.leakageW() * cores;
        } else {
            int w = spec.globalBufferWidthBits() > 0 ? spec.globalBufferWidthBits() : GLOBAL_CORE_WIDTH;
            BufferFigures gbuf = buffer(globalBufferBits, w, gridCols * tileSideM);
            globalBufferAreaM2 = gbuf.areaM2();
            globalBufferBitJ = gbuf.bitJ();
            globalBufferWidthBits = w;
            chipLeakW0 = gbuf.leakageW();
        }
        gbWidthM = globalBufferAreaM2 / gbHeightM;
        double icLeak;
        switch (spec.interconnect()) {
            case XY_BUS -> {
                XyBus bus = new XyBus(tech, gridRows, gridCols, busWidthBits, tileSideM, tileSideM, FOLD_CHIP,
                        BUS_DELAY_TOLERANCE);
                icAreaM2 = bus.areaM2();
                icBitToTileJ = bus.energyJ(tileSideM, tileSideM, 1, 0) * spec.inputToggle();
                icBitFromTileJ = bus.energyJ(tileSideM, tileSideM, 0, 1) * spec.outputToggle();
                beatToTilePs = Math.max(1, (long) bus.latencyCycles(tileSideM, tileSideM, 1, 0, clockS)) * clockPs;
                beatFromTilePs = Math.max(1, (long) bus.latencyCycles(tileSideM, tileSideM, 0, 1, clockS)) * clockPs;
                icLeak = bus.leakageW(tileSideM, tileSideM);
                meshFlitLinkJ = 0;
                meshFlitRouterJ = 0;
            }
            case HTREE -> {
                HTree tree = new HTree(tech, gridRows, gridCols, busWidthBits, tileSideM, tileSideM, FOLD_CHIP,
                        BUS_DELAY_TOLERANCE);
                icAreaM2 = tree.areaM2();
                icBitToTileJ = tree.energyJ(1) * spec.inputToggle();
                icBitFromTileJ = tree.energyJ(1) * spec.outputToggle();
                long beat = Math.max(1, (long) Math.ceil(tree.latencyS() / clockS)) * clockPs;
                beatToTilePs = beat;
                beatFromTilePs = beat;
                icLeak = tree.leakageW(busWidthBits);
                meshFlitLinkJ = 0;
                meshFlitRouterJ = 0;
            }
            default -> {
                double linkM = tileSideM;
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
        // NeuroSim's accounting (neurosim-serial) measures a layer's bus run with its own tile kind's side
        for (TileKind k : novel != null ? new TileKind[] {conv, novel} : new TileKind[] {conv}) {
            double side = k.model.sideM();
            if (spec.interconnect() == HardwareSpec.Interconnect.XY_BUS) {
                XyBus bus = new XyBus(tech, gridRows, gridCols, busWidthBits, tileSideM, tileSideM, FOLD_CHIP,
                        BUS_DELAY_TOLERANCE);
                k.busBitToJ = bus.energyJ(side, side, 1, 0) * spec.inputToggle();
                k.busBitFromJ = bus.energyJ(side, side, 0, 1) * spec.outputToggle();
                k.busBeatToPs = Math.max(1, (long) bus.latencyCycles(side, side, 1, 0, clockS)) * clockPs;
                k.busBeatFromPs = Math.max(1, (long) bus.latencyCycles(side, side, 0, 1, clockS)) * clockPs;
            } else if (spec.interconnect() == HardwareSpec.Interconnect.HTREE) {
                HTree tree = new HTree(tech, gridRows, gridCols, busWidthBits, side, side, FOLD_CHIP,
                        BUS_DELAY_TOLERANCE);
                k.busBitToJ = tree.energyJ(1) * spec.inputToggle();
                k.busBitFromJ = tree.energyJ(1) * spec.outputToggle();
                k.busBeatToPs = Math.max(1, (long) Math.ceil(tree.latencyS() / clockS)) * clockPs;
                k.busBeatFromPs = k.busBeatToPs;
            } else {
                k.busBitToJ = icBitToTileJ;
                k.busBitFromJ = icBitFromTileJ;
                k.busBeatToPs = beatToTilePs;
                k.busBeatFromPs = beatFromTilePs;
            }
        }
        // NeuroSim's chip-level unit sizing: lanes follow the widest tile, the adder tree the tiles a layer adds
        double tileCells = (double) spec.tileCols() * peSize;
        double novelCells = novel != null ? peSize * Math.ceil(Math.sqrt(shape.novelPes())) : 0;
        double throughputTile = Math.max(tileCells, novel != null ? peSize : 0);
        double maxAdd = Math.ceil(peSize / rows) * Math.max(spec.tileRows(), novel != null
                ? Math.ceil(Math.sqrt(shape.novelPes())) : 0);
        if (spec.pipeline()) {
            throughputTile *= novel != null ? shape.layers() + 1 : 1;
            maxAdd *= shape.layers() + 1;
        }
        reluLanes = spec.activationUnits() > 0 ? spec.activationUnits()
                : (int) Math.ceil(throughputTile / numColMuxed);
        chipTree = new AdderTree(tech, Math.max(2, shape.maxLayerTileRows()),
                psumBits + (int) Math.ceil(Math.log(Math.max(2, maxAdd)) / Math.log(2)), reluLanes,
                Fit.width(gbHeightM / 3));
        chipTreeAreaM2 = chipTree.areaM2();
        ReluUnit relu = new ReluUnit(tech, reluLanes, spec.inputBits(), Fit.width(gbWidthM / 3));
        reluAreaM2 = relu.areaM2();
        reluValueJ = relu.energyJ(1) / reluLanes;
        reluPs = Math.max(1, (long) relu.latencyCycles(1)) * clockPs;
        poolUnits = Math.max(1, (int) (Math.max(tileCells, novelCells / Math.ceil(Math.sqrt(Math.max(1,
                shape.novelPes())))) / numColMuxed));
        MaxPoolUnit pool = new MaxPoolUnit(tech, spec.inputBits(), 4, poolUnits);
        poolAreaM2 = pool.areaM2();
        poolValueJ = pool.energyJ(1, cal.controlActivity()) / poolUnits / 4;
        poolBatchPs = Math.max(1, (long) pool.latencyCycles(1, clockS)) * clockPs;
        chipLeakW = chipLeakW0 + icLeak + relu.leakageW() + pool.leakageW() + chipTree.leakageW(0);

        describe(cfg);
    }

    private final double chipLeakW0;

    /** The tile kind of a layer. */
    TileKind tile(boolean novelLayer) {
        return novelLayer ? novel : conv;
    }

    /**
     * The chip shape of a placed network, with NeuroSim's sizing rules where the spec leaves a size at 0
     * ({@code Chip.cpp} ChipInitialize): the global bus is the sum over the layers' tiles of (tile width +
     * its ADC outputs) — every tile in the pipeline, one per layer otherwise — halved until it is at most
     * 2048 bits; the global buffer holds the inputs of every layer at half occupancy in the pipeline (the
     * largest layer input otherwise), at {@code inputBits} per value.
     *
     * @param layerInputs input activation values of each crossbar layer
     */
    static ChipShape shape(HardwareSpec spec, Placement p, long[] layerInputs, long maxActivationBits) {
        int numColMuxed = spec.colsPerAdc();
        double peSize = (double) spec.peCols() * spec.cols();
        double tileCells = spec.tileCols() * peSize;
        double novelCells = p.novelPes() > 1 ? peSize * Math.ceil(Math.sqrt(p.novelPes())) : 0;
        double bus = 0;
        double maxInput = 0;
        int maxRows = 1;
        for (LayerPlacement lp : p.layers()) {
            double perTile = lp.novel() ? novelCells + novelCells / numColMuxed : tileCells + tileCells / numColMuxed;
            double in = layerInputs[lp.layer()];
            if (spec.pipeline()) {
                bus += perTile * lp.tiles();
                maxInput += in / 2;
            } else {
                bus += perTile;
                maxInput = Math.max(maxInput, in);
            }
            maxRows = Math.max(maxRows, lp.tileRowsOfLayer());
        }
        while (bus > MAX_GLOBAL_BUS_WIDTH) {
            bus /= 2;
        }
        int busWidth = spec.busWidthBits() > 0 ? spec.busWidthBits() : Math.max(1, (int) bus);
        long gb = spec.globalBufferBits() > 0 ? spec.globalBufferBits()
                : Math.max(GLOBAL_CORE_BITS / 16, (long) (spec.inputBits() * maxInput));
        return new ChipShape(p.layers().size(), p.chipTiles(), p.novelTiles(), p.novelPes(), p.gridRows(),
                p.gridCols(), maxRows, busWidth, gb, maxActivationBits);
    }

    /** Area, energy per bit read and leakage of one buffer of the spec's type. */
    private record BufferFigures(double areaM2, double bitJ, double leakW) {
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
        if (isaac != null) {
            return isaacConversionJ;
        }
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
            sum += n * conversionJ((d * g0PathS + ws * gStepPathS) / dacMax);
        }
        return sum / a.conversions();
    }

    /**
     * Mean cell (column current) energy per conversion, J, counted separately only where the ADC model
     * does not already include the column current (voltage-mode flash: its fit has no mirror power).
     */
    double meanCellJ(LayerActivity a) {
        if (isaac != null || spec.adcType() != AdcType.FLASH || a.conversions() == 0) {
            return 0;
        }
        double g = 0;
        for (int ws = 0; ws <= a.maxLevelSum(); ws++) {
            g += a.drive(ws) * gMinS + (double) ws * a.count(ws) * gStepS;
        }
        return CrossbarArray.cellReadEnergyJ(g / dacMax / a.conversions() * spec.readPulseS(), spec.readVoltageV());
    }

    /** Adder-tree pipeline latency for {@code inputs} partial sums, ps. */
    long treeLatencyPs(int inputs) {
        if (inputs <= 1) {
            return 0;
        }
        if (isaac != null) {
            // ISAAC's shift-and-add units: one add per clock per level of the reduction
            return (long) Math.ceil(Math.log(inputs) / Math.log(2) - 1e-9) * clockPs;
        }
        AdderTree t = new AdderTree(tech, inputs, psumBits, 1, Fit.FREE);
        return Math.max(1, (long) t.latencyCycles(1, 0, clockS)) * clockPs;
    }

    /** Time of the chip adder tree adding {@code inputs} tile rows for {@code reads} reductions per tree, ps. */
    long chipTreePs(double reads, int inputs) {
        if (inputs <= 1) {
            return 0;
        }
        return (long) Math.ceil(chipTree.latencyCycles(reads, inputs, clockS)) * clockPs;
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
        PeModel pe = conv.model.pe();
        add(ComponentCost.single("adderTree", (pe.tree().areaM2() * conv.pes + conv.model.accumulation().areaM2()) * 1e12,
                "add", addJ * 1e12, 0, pe.tree().leakageW(0) * 1e6, addSrc), Category.ACCUMULATION);
        add(new ComponentCost("peBuffers", pe.bufferM2() * 1e12, new String[] {"bitIn", "bitOut"},
                new double[] {conv.peInBufBitJ * 1e12, conv.peOutBufBitJ * 1e12}, clockPs, 0,
                Source.neurosim("Dff/LocalBus", "ProcessingUnit.cpp PE DFF buffers and buses (DFF.cpp, Bus.cpp)")),
                Category.BUFFERS);
        add(new ComponentCost("tileBuffers", (conv.areaM2.get(Category.BUFFERS) - pe.bufferM2() * conv.pes
                - conv.slots * slotAreaM2.get(Category.BUFFERS)) * 1e12, new String[] {"bitIn", "bitOut"},
                new double[] {conv.inBitJ * 1e12, conv.outBitJ * 1e12}, clockPs, 0, bufSrc), Category.BUFFERS);
        add(new ComponentCost("globalBuffer", globalBufferAreaM2 * 1e12, new String[] {"bit"},
                new double[] {globalBufferBitJ * 1e12}, clockPs, 0, bufSrc), Category.BUFFERS);
        add(new ComponentCost("tileHTree", conv.model.interconnectM2() * 1e12, new String[] {"bit"},
                new double[] {conv.treeBitJ * 1e12}, conv.treeBeatPs, 0, htSrc), Category.INTERCONNECT);
        if (novel != null) {
            add(new ComponentCost("novelTile", novel.totalM2 * 1e12, new String[] {"bufferBitIn", "bufferBitOut",
                    "treeBit"}, new double[] {novel.inBitJ * 1e12, novel.outBitJ * 1e12, novel.treeBitJ * 1e12},
                    novel.treeBeatPs, novel.leakW * 1e6, Source.neurosim("TileModel (novel)",
                    "Tile.cpp kernel-position tile: one PE per kernel position")), Category.OTHER);
        }
        add(ComponentCost.single("chipAdderTree", chipTreeAreaM2 * 1e12, "add", addJ * 1e12, 0,
                chipTree.leakageW(0) * 1e6, addSrc), Category.ACCUMULATION);
        add(new ComponentCost("globalInterconnect", icAreaM2 * 1e12,
                new String[] {"bitToTile", "bitFromTile", "flitLink", "flitRouter"},
                new double[] {icBitToTileJ * 1e12, icBitFromTileJ * 1e12, meshFlitLinkJ * 1e12, meshFlitRouterJ * 1e12},
                beatToTilePs, 0, icSrc), Category.INTERCONNECT);
        add(new ComponentCost("activation", reluAreaM2 * 1e12 + poolAreaM2 * 1e12, new String[] {"relu", "poolValue"},
                new double[] {reluValueJ * 1e12, poolValueJ * 1e12}, reluPs, 0, actSrc), Category.OTHER);
        provenance.add(new Provenance("area.whitespaceMm2", subSrc.model(), "NeuroSim's sub-array bounding box minus "
                + "its blocks (write level shifters set the box); part of area.breakdownMm2.other"));
        provenance.add(new Provenance("latency.clockPeriodNs", clkSrc.model(), clkSrc.citation()));
        provenance.add(new Provenance("technology", Technology.SOURCE.model(), Technology.SOURCE.citation()));
        provenance.add(new Provenance("calibration", "neurosim.Calibration", Source.NEUROSIM_V14
                + " Param.cpp validated-mode factors" + (cal.isNone() ? " (disabled)" : "")));
        provenance.add(new Provenance("energy.leakagePj", subSrc.model(), "periphery leakage of every block "
                + "(NeuroSim models) × simulated time per inference"));
        provenance.add(new Provenance("area.breakdownMm2.other", subSrc.model(),
                "includes the sub-array bounding-box whitespace of NeuroSim's floorplan"));
    }

    /** Components and provenance of the {@code isaac} profile: every block names its Table 6 row. */
    private void describeIsaac() {
        IsaacCostProfile p = isaac;
        PeModel pe = conv.model.pe();
        int arraysPerPe = pe.subRows() * pe.subCols();
        add(ComponentCost.single("array", slotAreaM2.get(Category.ARRAYS) * 1e12, "drivenRowRead",
                arrayPlaneRowJ * 1e12, driveLatencyPs, 0, IsaacCostProfile.src("crossbar",
                        "128×128 arrays, 8/IMA: 2.4 mW, 0.0002 mm²; per driven row per 100 ns read × cols/128, area × "
                                + "rows·cols/128²")), Category.ARRAYS);
        add(ComponentCost.single("adc", numAdc * p.adcAreaUm2(), "convert", isaacConversionJ * 1e12, clockPs, 0,
                IsaacCostProfile.src("adc", "8-bit SAR, 8/IMA: 16 mW, 0.0096 mm² at 1.2 GS/s; energy and area × "
                        + "2^(b−8) (Walden FOM)")), Category.ADC);
        add(ComponentCost.single("sampleHold", spec.cols() * p.sampleHoldAreaUm2(), "sample", sampleJ * 1e12, samplePs,
                0, IsaacCostProfile.src("sample-hold", "8×128/IMA: 10 µW, 0.00004 mm²")), Category.ADC);
        add(ComponentCost.single("rowDriver", slotAreaM2.get(Category.DAC_AND_DRIVERS) * 1e12, "drivenRowStep",
                dacConversionJ * 1e12, driveLatencyPs, 0, IsaacCostProfile.src("dac",
                        "1-bit DAC, 8×128/IMA: 4 mW, 0.00017 mm²; a b-bit DAC = 2^b − 1 unit elements")),
                Category.DAC_AND_DRIVERS);
        add(ComponentCost.single("shiftAdd", slotAreaM2.get(Category.ACCUMULATION) * 1e12, "sample",
                conversionAccumJ * 1e12, mergePs, 0, IsaacCostProfile.src("shift-add",
                        "IMA S+A, 4/IMA: 0.2 mW, 0.00024 mm²; one ADC sample each")), Category.ACCUMULATION);
        add(ComponentCost.single("tileShiftAdd", p.tileShiftAddAreaUm2(), "add", addJ * 1e12, clockPs, 0,
                IsaacCostProfile.src("tile-shift-add", "1/tile: 0.05 mW, 0.00006 mm²; one add per clock")),
                Category.ACCUMULATION);
        long irBits = (long) arraysPerPe * spec.rows() * spec.inputBits();
        long orBits = (long) arraysPerPe * spec.cols() / spec.mappingSpec().cellsPerWeight() * spec.inputBits();
        add(new ComponentCost("peRegisters", irBits * p.inputRegisterAreaPerBitUm2() + orBits
                * p.outputRegisterAreaPerBitUm2(), new String[] {"inputBit", "outputSample"},
                new double[] {conv.peInBufBitJ * 1e12, conversionRegisterJ * 1e12}, clockPs, 0,
                IsaacCostProfile.src("registers", "IR 2 KB/IMA: 1.24 mW, 0.0021 mm²; OR 256 B/IMA: 0.23 mW, "
                        + "0.00077 mm²; area × bits")), Category.BUFFERS);
        add(new ComponentCost("tileBuffers", p.edramAreaUm2(conv.inCapacityBits) + conv.outCapacityBits
                * p.tileOutputRegisterAreaPerBitUm2(), new String[] {"bitIn", "bitOut"},
                new double[] {conv.inBitJ * 1e12, conv.outBitJ * 1e12}, clockPs, 0,
                IsaacCostProfile.src("edram", "eDRAM 64 KB/tile: 20.7 mW, 0.083 mm², 256 bits per clock; tile OR "
                        + "3 KB: 1.68 mW, 0.0032 mm²; area × bits")), Category.BUFFERS);
        add(ComponentCost.single("globalBuffer", globalBufferAreaM2 * 1e12, "bit", globalBufferBitJ * 1e12, clockPs, 0,
                IsaacCostProfile.src("edram", "imcsim's global buffer as ISAAC eDRAM of its capacity")),
                Category.BUFFERS);
        add(ComponentCost.single("tileBus", p.tileBusAreaUm2(), "bit", conv.treeBitJ * 1e12, conv.treeBeatPs, 0,
                IsaacCostProfile.src("bus", "eDRAM-to-IMA bus, 384 wires: 7 mW, 0.090 mm²")), Category.INTERCONNECT);
        add(ComponentCost.single("globalInterconnect", icAreaM2 * 1e12, "flitRouter", meshFlitRouterJ * 1e12,
                (long) spec.nocRouterCycles() * clockPs, 0, IsaacCostProfile.src("router",
                        "8 ports, 32-bit flits, one per 4 tiles: 42 mW, 0.151 mm²; a quarter router per tile, "
                                + "energy × flit bits/32")), Category.INTERCONNECT);
        add(new ComponentCost("activation", (reluAreaM2 + poolAreaM2) * 1e12, new String[] {"sigmoid", "poolValue"},
                new double[] {reluValueJ * 1e12, poolValueJ * 1e12}, reluPs, 0, IsaacCostProfile.src("sigmoid+max-pool",
                "sigmoid 2/tile: 0.52 mW, 0.0006 mm²; max-pool 1/tile: 0.4 mW, 0.00024 mm²")), Category.OTHER);
        provenance.add(new Provenance("latency.clockPeriodNs", "isaac.clock", IsaacCostProfile.TABLE
                + ": clock = max(1/chip.clock, 1/1.2 GHz), one ADC sample per clock; row drive + array read 100 ns"));
        provenance.add(new Provenance("technology", "isaac.nodeScaling", IsaacCostProfile.TABLE + "; area × (n/32)², "
                + "energy × (n/32)·(Vdd/Vdd32)² with Vdd from " + Technology.SOURCE.citation()));
        provenance.add(new Provenance("energy.leakagePj", "isaac.table", IsaacCostProfile.TABLE
                + ": reported powers include leakage, folded into the per-action energies (leakage 0)"));
        provenance.add(new Provenance("area.breakdownMm2.other", "isaac.table", IsaacCostProfile.TABLE
                + ": sigmoid and max-pool units; no layout whitespace (ISAAC sums block areas)"));
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
