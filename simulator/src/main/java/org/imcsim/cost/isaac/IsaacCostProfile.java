package org.imcsim.cost.isaac;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.imcsim.cost.ComponentCost;
import org.imcsim.cost.CostProfile;
import org.imcsim.cost.Roadmap;
import org.imcsim.cost.Source;
import org.imcsim.cost.Technology;

/**
 * ISAAC's component table (Shafiee et al., "ISAAC: A Convolutional Neural Network Accelerator with
 * In-Situ Analog Arithmetic in Crossbars", ISCA 2016, Table 6; 32 nm, 1.2 GHz, 100 ns crossbar read
 * cycle, 128×128 arrays of 2-bit cells, 8 arrays and 8 ADCs per IMA, 12 IMAs per tile, a router per
 * 4 tiles) turned into area per instance and energy per action, for the organisation the table prices.
 *
 * <p><b>Per-action rule</b> (docs/cost-models.md §8): ISAAC reports each block's power at its full rate, so
 * energy per action = power ÷ the block's action rate in ISAAC's organisation (e.g. an ADC converts
 * 1.2 G samples/s; a DAC drives its row once per 100 ns read cycle; the eDRAM moves 256 bits per clock).
 * Leakage is inside those powers, so it is 0 here (idle blocks cost nothing: an under-estimate at low
 * utilisation, documented).
 *
 * <p><b>Scaling</b>: to node n, area × (n/32)² and energy × (n/32)·(Vdd/Vdd₃₂)² (C ∝ feature size);
 * latencies unchanged. With the configuration: ADC energy and area × 2^(b−8) (constant energy per conversion
 * step, Walden's figure of merit, Murmann's ADC survey); a b-bit row DAC is 2^b − 1 unit elements of ISAAC's
 * 1-bit driver; array read energy per driven row × cols/128 and array area × rows·cols/128²; register and
 * eDRAM area × their capacity in bits; router energy × flit bits/32.
 */
public final class IsaacCostProfile implements CostProfile {
    /** ISAAC's clock, Hz (Table 6: every digital block and the ADC sample rate). */
    public static final double CLOCK_HZ = 1.2e9;
    /** ISAAC's crossbar read cycle (DAC drive, array settling and sampling), s. */
    public static final double XBAR_CYCLE_S = 100e-9;
    /** ISAAC's reference array: 128 × 128. */
    public static final int REF_ROWS = 128;
    public static final int REF_COLS = 128;
    /** ISAAC's ADC resolution, bits. */
    public static final int REF_ADC_BITS = 8;
    /** ISAAC's router flit, bits (Table 6: flit size 32, 8 ports). */
    public static final int REF_FLIT_BITS = 32;
    public static final int ROUTER_PORTS = 8;
    /** Tiles sharing one router (ISAAC's concentrated mesh). */
    public static final int TILES_PER_ROUTER = 4;
    /** ISAAC's eDRAM tile buffer, bits (64 KB) and port width, bits (Table 6 bus width 256). */
    public static final int EDRAM_BITS = 64 * 1024 * 8;
    public static final int EDRAM_PORT_BITS = 256;
    /** ISAAC's eDRAM-to-IMA bus, wires. */
    public static final int TILE_BUS_BITS = 384;
    /** ISAAC's IMA: arrays and ADCs per IMA, IMAs per tile, input precision (16-bit inputs, 2-bit cells). */
    public static final int ARRAYS_PER_IMA = 8;
    public static final int IMAS_PER_TILE = 12;
    public static final int REF_INPUT_BITS = 16;
    public static final int REF_CELLS_PER_WEIGHT = 8;

    // ---- Table 6 at 32 nm: power (W) and area (µm²; the table's mm² × 10⁶) of each row, for the stated count ----
    /** ADC: 8 per IMA. */
    public static final double ADC_W = 16e-3, ADC_UM2 = 9600, ADC_N = 8;
    /** DAC: 8 × 128 one-bit drivers per IMA. */
    public static final double DAC_W = 4e-3, DAC_UM2 = 170, DAC_N = 8 * 128;
    /** Sample-and-hold: 8 × 128 per IMA. */
    public static final double SH_W = 10e-6, SH_UM2 = 40, SH_N = 8 * 128;
    /** Memristor arrays: 8 per IMA, 128 × 128, 2 bits per cell. */
    public static final double XBAR_W = 2.4e-3, XBAR_UM2 = 200, XBAR_N = 8;
    /** Shift-and-add: 4 per IMA. */
    public static final double IMA_SA_W = 0.2e-3, IMA_SA_UM2 = 240, IMA_SA_N = 4;
    /** Input register: 2 KB per IMA. */
    public static final double IR_W = 1.24e-3, IR_UM2 = 2100, IR_BITS = 2 * 1024 * 8;
    /** Output register: 256 B per IMA. */
    public static final double IMA_OR_W = 0.23e-3, IMA_OR_UM2 = 770, IMA_OR_BITS = 256 * 8;
    /** eDRAM buffer: 64 KB per tile. */
    public static final double EDRAM_W = 20.7e-3, EDRAM_UM2 = 83000;
    /** eDRAM-to-IMA bus: 384 wires per tile. */
    public static final double BUS_W = 7e-3, BUS_UM2 = 90000;
    /** Router: one per 4 tiles. */
    public static final double ROUTER_W = 42e-3, ROUTER_UM2 = 151000;
    /** Sigmoid units: 2 per tile. */
    public static final double SIGMOID_W = 0.52e-3, SIGMOID_UM2 = 600, SIGMOID_N = 2;
    /** Tile shift-and-add: 1 per tile. */
    public static final double TILE_SA_W = 0.05e-3, TILE_SA_UM2 = 60;
    /** Max-pool unit: 1 per tile. */
    public static final double MAXPOOL_W = 0.4e-3, MAXPOOL_UM2 = 240;
    /** Tile output register: 3 KB per tile. */
    public static final double TILE_OR_W = 1.68e-3, TILE_OR_UM2 = 3200, TILE_OR_BITS = 3 * 1024 * 8;
    /** The citation of every figure of this profile. */
    public static final String TABLE = "Shafiee et al., ISAAC, ISCA 2016, Table 6 (32 nm, 1.2 GHz, 100 ns read cycle)";

    private final double areaScale;
    private final double energyScale;
    private final double adcScale;
    private final int rows;
    private final int cols;
    private final int flitBits;
    private final int dacBits;
    private final Map<String, ComponentCost> components;

    /**
     * ISAAC's own sizes (1-bit DACs, 256-bit flits as imcsim's mesh default) at a node and ADC resolution.
     *
     * @param nodeNm  target node, nm (one of {@link Technology#NODES_NM})
     * @param adcBits ADC resolution, bits
     * @param rows    crossbar rows
     * @param cols    crossbar columns
     */
    public IsaacCostProfile(int nodeNm, int adcBits, int rows, int cols) {
        this(nodeNm, Roadmap.LSTP, adcBits, 1, rows, cols, 256);
    }

    /**
     * @param nodeNm   target node, nm
     * @param roadmap  transistor flavour whose Vdd scales the energies
     * @param adcBits  ADC resolution, bits (1..12)
     * @param dacBits  row DAC resolution, bits (≥ 1)
     * @param rows     crossbar rows
     * @param cols     crossbar columns
     * @param flitBits mesh flit width, bits
     */
    public IsaacCostProfile(int nodeNm, Roadmap roadmap, int adcBits, int dacBits, int rows, int cols, int flitBits) {
        Technology t = Technology.of(nodeNm, roadmap);
        Technology t32 = Technology.of(32, roadmap);
        this.areaScale = Math.pow(nodeNm / 32.0, 2);
        this.energyScale = nodeNm / 32.0 * Math.pow(t.vddV() / t32.vddV(), 2);
        this.adcScale = Math.pow(2, adcBits - REF_ADC_BITS);
        this.rows = rows;
        this.cols = cols;
        this.flitBits = flitBits;
        this.dacBits = dacBits;
        double clkPs = 1e12 / CLOCK_HZ;
        Map<String, ComponentCost> m = new LinkedHashMap<>();
        m.put(KEY_ADC, ComponentCost.single(KEY_ADC, adcAreaUm2(), "convert", adcConvertPj(), clkPs, 0,
                src("adc", "8-bit SAR at 1.2 GS/s, 8/IMA: 16 mW, 0.0096 mm²; per conversion 2 mW / 1.2 GS/s, "
                        + "× 2^(b−8) (Walden FOM)")));
        m.put(KEY_ROW_DRIVER, ComponentCost.single(KEY_ROW_DRIVER, dacUnitAreaUm2() * dacUnits(), "drive",
                dacUnitDrivePj() * dacUnits(), XBAR_CYCLE_S * 1e12, 0,
                src("dac", "1-bit DAC, 8×128/IMA: 4 mW, 0.00017 mm²; one drive per row per 100 ns; b-bit = 2^b − 1 units")));
        m.put(KEY_SAMPLE_HOLD, ComponentCost.single(KEY_SAMPLE_HOLD, sampleHoldAreaUm2(), "sample", samplePj(), clkPs,
                0, src("sample-hold", "8×128/IMA: 10 µW, 0.00004 mm²; one sample per column per 100 ns")));
        m.put(KEY_CROSSBAR, new ComponentCost(KEY_CROSSBAR, arrayAreaUm2(), new String[] {"row-activate"},
                new double[] {arrayRowReadPj()}, XBAR_CYCLE_S * 1e12, 0,
                src("crossbar", "128×128 2-bit cells, 8/IMA: 2.4 mW, 0.0002 mm²; one read per 100 ns with every row "
                        + "driven, per driven row × cols/128")));
        ComponentCost sa = ComponentCost.single(KEY_SHIFT_ADD_INPUT, imaShiftAddAreaPerAdcUm2(), "shift-add",
                imaShiftAddPj(), clkPs, 0, src("shift-add", "4/IMA: 0.2 mW, 0.00024 mm²; one ADC sample each, "
                        + "8 ADCs × 1.2 GS/s"));
        m.put(KEY_SHIFT_ADD_INPUT, sa);
        m.put(KEY_SHIFT_ADD_WEIGHT, sa);
        m.put(KEY_ADDER_TREE, ComponentCost.single(KEY_ADDER_TREE, TILE_SA_UM2 * areaScale, "reduce",
                tileAddPj(), clkPs, 0, src("tile-shift-add", "1/tile: 0.05 mW, 0.00006 mm²; one add per clock")));
        m.put(KEY_LOCAL_BUFFER, new ComponentCost(KEY_LOCAL_BUFFER, IR_UM2 * areaScale,
                new String[] {"read-bit", "write-bit"}, new double[] {inputRegisterBitPj() / 2, inputRegisterBitPj() / 2},
                clkPs, 0, src("input-register", "2 KB/IMA: 1.24 mW, 0.0021 mm²; 8×128 bits written and read per 100 ns")));
        m.put(KEY_GLOBAL_BUFFER, new ComponentCost(KEY_GLOBAL_BUFFER, edramAreaUm2(EDRAM_BITS),
                new String[] {"read-bit", "write-bit"}, new double[] {edramBitPj(), edramBitPj()}, clkPs, 0,
                src("edram", "64 KB/tile: 20.7 mW, 0.083 mm²; 256 bits per clock")));
        m.put(KEY_LOCAL_INTERCONNECT, ComponentCost.single(KEY_LOCAL_INTERCONNECT, BUS_UM2 * areaScale, "bit",
                busBitPj(), clkPs, 0, src("bus", "384-wire eDRAM-to-IMA bus: 7 mW, 0.090 mm²; 384 bits per clock")));
        m.put(KEY_ROUTER, ComponentCost.single(KEY_ROUTER, ROUTER_UM2 * areaScale, "flit", routerFlitPj(),
                clkPs, 0, src("router", "8 ports, 32-bit flits, one per 4 tiles: 42 mW, 0.151 mm²; every port one flit "
                        + "per clock, × flit bits/32")));
        m.put(KEY_ACTIVATION, ComponentCost.single(KEY_ACTIVATION, SIGMOID_UM2 / SIGMOID_N * areaScale,
                "activate", activationPj(), clkPs, 0, src("sigmoid", "2/tile: 0.52 mW, 0.0006 mm²; one value per clock each")));
        m.put(KEY_POOLING, ComponentCost.single(KEY_POOLING, MAXPOOL_UM2 * areaScale, "pool", poolWindowPj(),
                clkPs, 0, src("max-pool", "1/tile: 0.4 mW, 0.00024 mm²; one 2×2 window per clock")));
        this.components = Collections.unmodifiableMap(m);
    }

    /** The provenance of one Table 6 row. */
    public static Source src(String block, String row) {
        return new Source("isaac." + block, TABLE + ": " + row + "; node-scaled (docs/cost-models.md §8)");
    }

    // ---- per-instance areas, µm², at the node and configured sizes ----

    /** One ADC, µm² (× 2^(b−8)). */
    public double adcAreaUm2() {
        return ADC_UM2 / ADC_N * areaScale * adcScale;
    }

    /** One 1-bit DAC unit element, µm². */
    public double dacUnitAreaUm2() {
        return DAC_UM2 / DAC_N * areaScale;
    }

    /** Unit elements of one row DAC: 2^b − 1. */
    public int dacUnits() {
        return (1 << dacBits) - 1;
    }

    /** One column sample-and-hold, µm². */
    public double sampleHoldAreaUm2() {
        return SH_UM2 / SH_N * areaScale;
    }

    /** One array of rows × cols cells, µm² (ISAAC's per-cell area). */
    public double arrayAreaUm2() {
        return XBAR_UM2 / XBAR_N * areaScale * rows * cols / (REF_ROWS * REF_COLS);
    }

    /** IMA shift-and-add area per ADC it serves (4 units per 8 ADCs), µm². */
    public double imaShiftAddAreaPerAdcUm2() {
        return IMA_SA_UM2 / ADC_N * areaScale;
    }

    /** Input-register area per bit, µm². */
    public double inputRegisterAreaPerBitUm2() {
        return IR_UM2 / IR_BITS * areaScale;
    }

    /** Output-register area per bit (IMA's 256 B), µm². */
    public double outputRegisterAreaPerBitUm2() {
        return IMA_OR_UM2 / IMA_OR_BITS * areaScale;
    }

    /** Tile output-register area per bit (3 KB), µm². */
    public double tileOutputRegisterAreaPerBitUm2() {
        return TILE_OR_UM2 / TILE_OR_BITS * areaScale;
    }

    /** eDRAM of {@code bits}, µm² (ISAAC's 64 KB macro scaled by capacity). */
    public double edramAreaUm2(long bits) {
        return EDRAM_UM2 * areaScale * bits / EDRAM_BITS;
    }

    /** Per-tile blocks with a fixed count: bus, tile shift-add, 2 sigmoids, max-pool, µm². */
    public double tileBusAreaUm2() {
        return BUS_UM2 * areaScale;
    }

    public double tileShiftAddAreaUm2() {
        return TILE_SA_UM2 * areaScale;
    }

    public double sigmoidAreaUm2() {
        return SIGMOID_UM2 / SIGMOID_N * areaScale;
    }

    public double maxPoolAreaUm2() {
        return MAXPOOL_UM2 * areaScale;
    }

    /** A tile's share of a router (one per 4 tiles), µm². */
    public double routerShareAreaUm2() {
        return ROUTER_UM2 / TILES_PER_ROUTER * areaScale;
    }

    // ---- per-action energies, pJ ----

    /** One ADC conversion: 2 mW / 1.2 GS/s × 2^(b−8). */
    public double adcConvertPj() {
        return ADC_W / ADC_N / CLOCK_HZ * 1e12 * energyScale * adcScale;
    }

    /** One drive of one 1-bit DAC unit per read cycle: 4 mW / 1024 × 100 ns. */
    public double dacUnitDrivePj() {
        return DAC_W * XBAR_CYCLE_S / DAC_N * 1e12 * energyScale;
    }

    /** One column sample: 10 µW / 1024 × 100 ns. */
    public double samplePj() {
        return SH_W * XBAR_CYCLE_S / SH_N * 1e12 * energyScale;
    }

    /** Array read energy per driven row per read cycle: (2.4 mW / 8) × 100 ns / 128 rows × cols/128. */
    public double arrayRowReadPj() {
        return XBAR_W / XBAR_N * XBAR_CYCLE_S / REF_ROWS * 1e12 * energyScale * cols / REF_COLS;
    }

    /** IMA shift-and-add of one ADC sample: 0.2 mW / (8 ADCs × 1.2 GS/s). */
    public double imaShiftAddPj() {
        return IMA_SA_W / (ADC_N * CLOCK_HZ) * 1e12 * energyScale;
    }

    /** IMA output-register read-modify-write of one ADC sample's partial sum: 0.23 mW / (8 × 1.2 GS/s). */
    public double outputRegisterPerSamplePj() {
        return IMA_OR_W / (ADC_N * CLOCK_HZ) * 1e12 * energyScale;
    }

    /** One bit through the input register (written once, read once): 1.24 mW / (8×128 bits per 100 ns). */
    public double inputRegisterBitPj() {
        return IR_W / (IR_BITS / REF_INPUT_BITS / XBAR_CYCLE_S) * 1e12 * energyScale;
    }

    /** One bit access (read or write) of the eDRAM: 20.7 mW / (256 bits × 1.2 GHz). */
    public double edramBitPj() {
        return EDRAM_W / (EDRAM_PORT_BITS * CLOCK_HZ) * 1e12 * energyScale;
    }

    /** One bit access of the tile output register: 1.68 mW / (read + write of 16 bits per clock). */
    public double tileOutputRegisterBitPj() {
        return TILE_OR_W / (2 * REF_INPUT_BITS * CLOCK_HZ) * 1e12 * energyScale;
    }

    /** One bit over the eDRAM-to-IMA bus: 7 mW / (384 bits × 1.2 GHz). */
    public double busBitPj() {
        return BUS_W / (TILE_BUS_BITS * CLOCK_HZ) * 1e12 * energyScale;
    }

    /** One flit through a router: 42 mW / (8 ports × 1.2 GHz) × flit bits / 32. */
    public double routerFlitPj() {
        return ROUTER_W / (ROUTER_PORTS * CLOCK_HZ) * 1e12 * energyScale * flitBits / REF_FLIT_BITS;
    }

    /** One activation (sigmoid unit): 0.26 mW / 1.2 GHz. */
    public double activationPj() {
        return SIGMOID_W / SIGMOID_N / CLOCK_HZ * 1e12 * energyScale;
    }

    /** One 2×2 max-pool window: 0.4 mW / 1.2 GHz. */
    public double poolWindowPj() {
        return MAXPOOL_W / CLOCK_HZ * 1e12 * energyScale;
    }

    /** One tile shift-and-add (one add of two partial sums): 0.05 mW / 1.2 GHz. */
    public double tileAddPj() {
        return TILE_SA_W / CLOCK_HZ * 1e12 * energyScale;
    }

    @Override
    public String name() {
        return "isaac";
    }

    @Override
    public double clockPeriodPs() {
        return 1e12 / CLOCK_HZ;
    }

    @Override
    public Map<String, ComponentCost> components() {
        return components;
    }
}
