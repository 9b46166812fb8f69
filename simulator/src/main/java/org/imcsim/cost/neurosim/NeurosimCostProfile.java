package org.imcsim.cost.neurosim;

import java.util.LinkedHashMap;
import java.util.Map;
import org.imcsim.cost.Calibration;
import org.imcsim.cost.ComponentCost;
import org.imcsim.cost.CostProfile;
import org.imcsim.cost.Source;
import org.imcsim.cost.Technology;
import org.imcsim.cost.circuit.AdderTree;
import org.imcsim.cost.circuit.Fit;
import org.imcsim.cost.circuit.HTree;
import org.imcsim.cost.circuit.MaxPoolUnit;
import org.imcsim.cost.circuit.MeshNoc;
import org.imcsim.cost.circuit.RegisterFileBuffer;
import org.imcsim.cost.circuit.ReluUnit;
import org.imcsim.cost.circuit.SramBuffer;

/**
 * The {@code neurosim} cost profile: per-component area, energy per action, latency and leakage from the
 * NeuroSim-derived circuit models for one configuration, for the event simulation to multiply by its
 * action counts. The same models drive {@link NeurosimStyleEstimator}, so both uses agree.
 *
 * <p>The ADC's {@code convert} energy is quoted at a nominal column (half the rows active, uniform
 * cell levels); data-dependent costing should call {@link #conversionEnergyPj(double)} with the
 * column's actual read-path resistance. In this profile the cells' V²·G·t current is part of the
 * sense-amp fit, so it must not be added again.
 */
public final class NeurosimCostProfile implements CostProfile {
    private final NeurosimConfig cfg;
    private final SubArrayModel sub;
    private final double clockPeriodS;
    private final Map<String, ComponentCost> components;

    /**
     * @param cfg            hardware configuration
     * @param meshFlitBits   flit width of the mesh NoC, bits
     * @param globalBufferKb global buffer capacity, kib
     * @param sramGlobal     global buffer in SRAM (true) or register file (false)
     */
    public NeurosimCostProfile(NeurosimConfig cfg, int meshFlitBits, int globalBufferKb, boolean sramGlobal) {
        this.cfg = cfg;
        this.sub = new SubArrayModel(cfg);
        this.clockPeriodS = Math.max(1 / cfg.clockUpperBoundHz(), sub.sensingLatencyS());
        Technology tech = cfg.technology();
        Calibration cal = cfg.calibration();
        double clkPs = clockPeriodS * 1e12;
        Map<String, ComponentCost> m = new LinkedHashMap<>();
        int rows = cfg.rows();
        m.put(KEY_CROSSBAR, new ComponentCost(KEY_CROSSBAR, sub.areaArrayM2() * 1e12,
                new String[] {"row-activate", "phase"},
                new double[] {sub.rowDriveEnergyJ() * 1e12, sub.phaseOverheadEnergyJ() * 1e12},
                clkPs, sub.leakageW() * 1e6, Source.neurosim("SubArray",
                "word-line C·Vdd² per active row and mux phase; switch-matrix/mux/decoder per phase; leakage is the "
                        + "whole sub-array periphery (SubArray.cpp, NewSwitchMatrix.cpp, Mux.cpp, RowDecoder.cpp)")));
        double g = WeightStats.uniformDigits().meanPathConductanceS(sub.array(), cfg.ronOhm(), cfg.roffOhm(),
                cfg.cellBits(), rows, cfg.cols());
        double nominal = sub.expectedConversionJ(rows, 0.5, g);
        m.put(KEY_ADC, ComponentCost.single(KEY_ADC, sub.areaAdcM2() / sub.numAdc() * 1e12, "convert",
                nominal * 1e12, sub.sensingLatencyS() * 1e12, 0,
                Source.neurosim(cfg.adcType().name(), "SPICE-fitted sense-amp power × sensing time + switching, at a "
                        + "nominal half-active column (MultilevelSenseAmp.cpp / SarADC.cpp)")));
        m.put(KEY_SHIFT_ADD_INPUT, ComponentCost.single(KEY_SHIFT_ADD_INPUT, 0, "shift-add",
                sub.shiftAddInputEnergyJ() * 1e12, clkPs, 0,
                Source.neurosim("ShiftAdd", "adder + shift register per ADC, all units of a sub-array (ShiftAdd.cpp)")));
        m.put(KEY_SHIFT_ADD_WEIGHT, ComponentCost.single(KEY_SHIFT_ADD_WEIGHT, 0, "shift-add",
                sub.shiftAddWeightEnergyJ() * 1e12, clkPs, 0,
                Source.neurosim("ShiftAdd", "weight-slice merge, all units of a sub-array (ShiftAdd.cpp)")));
        int nbso = (int) (Math.log(cfg.adcLevels()) / Math.log(2) + cfg.inputBits()
                + (cfg.cellsPerWeight() - 1) * cfg.cellBits() + 1 + 1e-9);
        int lanes = cfg.cols() / sub.numColMuxed();
        AdderTree tree = new AdderTree(tech, 4, nbso, 4 * lanes, Fit.width(sub.widthM()));
        m.put(KEY_ADDER_TREE, ComponentCost.single(KEY_ADDER_TREE, tree.areaM2() * 1e12, "reduce",
                tree.energyJ(1, 0, cal.adderActivity()) * 1e12, tree.latencyCycles(1, 0, clockPeriodS) * clkPs,
                tree.leakageW(0) * 1e6, Source.neurosim("AdderTree", "4-input trees, one per ADC lane of a 4×4 PE")));
        RegisterFileBuffer local = new RegisterFileBuffer(tech, cfg.tileBufferCoreBits(), cfg.tileBufferWidth(),
                cal.dffActivity(), cal.controlActivity(), Fit.height(1e-4));
        m.put(KEY_LOCAL_BUFFER, new ComponentCost(KEY_LOCAL_BUFFER, local.areaM2() * 1e12,
                new String[] {"read-bit", "write-bit"},
                new double[] {local.readEnergyJ(1) * 1e12, local.writeEnergyJ(1) * 1e12}, clkPs,
                local.leakageW() * 1e6, Source.neurosim("Buffer", "register-file core of the tile buffers (Buffer.cpp)")));
        int gbBits = globalBufferKb * 1024 * 8;
        if (sramGlobal) {
            SramBuffer gb = new SramBuffer(tech, gbBits, cfg.globalBufferWidth(), cal.controlActivity());
            m.put(KEY_GLOBAL_BUFFER, new ComponentCost(KEY_GLOBAL_BUFFER, gb.areaM2() * 1e12,
                    new String[] {"read-bit", "write-bit"},
                    new double[] {gb.readEnergyJ(1) * 1e12, gb.writeEnergyJ(1) * 1e12}, clkPs, gb.leakageW() * 1e6,
                    Source.neurosim("Buffer(SRAM)", "6T SRAM with precharger, sense amps, write drivers "
                            + "(Buffer.cpp, Precharger.cpp, SenseAmp.cpp, SRAMWriteDriver.cpp)")));
        } else {
            int cores = (int) Math.ceil((double) gbBits / cfg.globalBufferCoreBits());
            RegisterFileBuffer gb = new RegisterFileBuffer(tech, cfg.globalBufferCoreBits(), cfg.globalBufferWidth(),
                    cal.dffActivity(), cal.controlActivity(), Fit.height(1e-4));
            m.put(KEY_GLOBAL_BUFFER, new ComponentCost(KEY_GLOBAL_BUFFER, gb.areaM2() * cores * 1e12,
                    new String[] {"read-bit", "write-bit"},
                    new double[] {gb.readEnergyJ(1) * 1e12, gb.writeEnergyJ(1) * 1e12}, clkPs,
                    gb.leakageW() * cores * 1e6, Source.neurosim("Buffer", cores + " register-file cores (Buffer.cpp)")));
        }
        // A conventional NeuroSim tile: 2×2 PEs of 4×4 sub-arrays.
        double peSide = Math.sqrt(16 * sub.areaM2());
        HTree ht = new HTree(tech, 2, 2, 2 * 4 * cfg.cols(), peSide, peSide, 16, cfg.busDelayTolerance());
        m.put(KEY_LOCAL_INTERCONNECT, ComponentCost.single(KEY_LOCAL_INTERCONNECT, ht.areaM2() * 1e12, "bit",
                ht.energyJ(1) * 1e12, Math.ceil(ht.latencyS() / clockPeriodS) * clkPs, ht.leakageW(1) * 1e6,
                Source.neurosim("HTree", "2×2-PE tile H-tree, one root-to-leaf bit (HTree.cpp)")));
        MeshNoc mesh = new MeshNoc(tech, meshFlitBits, 4, 5, 2 * peSide);
        double routerPs = MeshNoc.ROUTER_PIPELINE_CYCLES * clkPs;
        m.put(KEY_ROUTER, ComponentCost.single(KEY_ROUTER, mesh.routerAreaM2() * 1e12, "flit",
                mesh.routerFlitEnergyJ(cfg.inputToggle()) * 1e12, routerPs, mesh.routerLeakageW() * 1e6,
                new Source("mesh.router", "ORION 2.0 decomposition (Kahng et al., DATE 2009) built from "
                        + Source.NEUROSIM_V14 + " DFF/TG gate models")));
        m.put(KEY_LINK, ComponentCost.single(KEY_LINK, 0, "flit", mesh.linkFlitEnergyJ(cfg.inputToggle()) * 1e12,
                Math.max(1, Math.ceil(mesh.linkLatencyS() / clockPeriodS)) * clkPs, mesh.linkLeakageW() * 1e6,
                new Source("mesh.link", "repeated wire one tile pitch long (Bakoglu); NeuroSim Bus.cpp repeater model")));
        ReluUnit relu = new ReluUnit(tech, 1, cfg.inputBits(), Fit.width(1e-5));
        m.put(KEY_ACTIVATION, ComponentCost.single(KEY_ACTIVATION, relu.areaM2() * 1e12, "activate",
                relu.energyJ(1) * 1e12, clkPs, relu.leakageW() * 1e6,
                Source.neurosim("BitShifter", "ReLU register per activation (BitShifter.cpp)")));
        MaxPoolUnit pool = new MaxPoolUnit(tech, cfg.inputBits(), 4, 1);
        m.put(KEY_POOLING, ComponentCost.single(KEY_POOLING, pool.areaM2() * 1e12, "pool",
                pool.energyJ(1, cal.controlActivity()) * 1e12, pool.latencyCycles(1, clockPeriodS) * clkPs,
                pool.leakageW() * 1e6, Source.neurosim("MaxPooling", "2×2 comparator tree (MaxPooling.cpp)")));
        this.components = java.util.Collections.unmodifiableMap(m);
    }

    /** The configuration with NeuroSim's defaults for the NoC and global buffer (256-bit flits, 64 KiB RF). */
    public NeurosimCostProfile(NeurosimConfig cfg) {
        this(cfg, 256, 64, false);
    }

    @Override
    public String name() {
        return "neurosim";
    }

    @Override
    public double clockPeriodPs() {
        return clockPeriodS * 1e12;
    }

    @Override
    public Map<String, ComponentCost> components() {
        return components;
    }

    /** Data-dependent ADC energy of one conversion of a column with this read-path resistance, pJ. */
    public double conversionEnergyPj(double columnResOhm) {
        return sub.conversionJ(columnResOhm) * 1e12;
    }

    /** The sub-array model behind this profile. */
    public SubArrayModel subArray() {
        return sub;
    }

    public NeurosimConfig config() {
        return cfg;
    }
}
