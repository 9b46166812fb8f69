package org.imcsim.cost.isaac;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.imcsim.cost.ComponentCost;
import org.imcsim.cost.CostProfile;
import org.imcsim.cost.Source;
import org.imcsim.cost.Technology;

/**
 * ISAAC's component table (Shafiee et al., "ISAAC: A Convolutional Neural Network Accelerator with
 * In-Situ Analog Arithmetic in Crossbars", ISCA 2016, Table 6; 32 nm, 1.2 GHz, 100 ns crossbar read
 * cycle, 128×128 arrays of 2-bit cells, 8 arrays and 8 ADCs per IMA, 12 IMAs per tile) as energy per
 * action: power × the time one action occupies the block at ISAAC's rates. The per-action derivation
 * follows the Accelergy/CiMLoop component library (hwcomponents-library, {@code isaac.py}).
 *
 * <p>Scaling to another node: area × (node/32)², energy × (node/32)·(Vdd/Vdd₃₂)² (C ∝ feature size),
 * latency unchanged. ADC scaling with resolution b: energy and area × 2^(b−8) (constant energy per
 * conversion step, Walden's figure of merit, as in Murmann's ADC survey). Crossbar read energy ×
 * (rows·cols)/128². ISAAC reports total power, so leakage is folded into the energies (0 here).
 */
public final class IsaacCostProfile implements CostProfile {
    /** ISAAC's clock, Hz. */
    public static final double CLOCK_HZ = 1.2e9;
    /** ISAAC's crossbar read cycle, s. */
    public static final double XBAR_CYCLE_S = 100e-9;
    private static final String TABLE = "Shafiee et al., ISAAC, ISCA 2016, Table 6 (32 nm)";

    private final Map<String, ComponentCost> components;

    /**
     * @param nodeNm  target node, nm (one of {@link Technology#NODES_NM})
     * @param adcBits ADC resolution, bits
     * @param rows    crossbar rows
     * @param cols    crossbar columns
     */
    public IsaacCostProfile(int nodeNm, int adcBits, int rows, int cols) {
        Technology t = Technology.of(nodeNm);
        Technology t32 = Technology.of(32);
        double area = Math.pow(nodeNm / 32.0, 2);
        double energy = nodeNm / 32.0 * Math.pow(t.vddV() / t32.vddV(), 2);
        double adcScale = Math.pow(2, adcBits - 8);
        double xbarScale = (double) rows * cols / (128.0 * 128.0);
        double clkPs = 1e12 / CLOCK_HZ;
        Map<String, ComponentCost> m = new LinkedHashMap<>();
        // ADC: 8 per IMA, 16 mW, 0.0096 mm² in total, 1.2 GS/s each.
        m.put(KEY_ADC, ComponentCost.single(KEY_ADC, 9600.0 / 8 * area * adcScale, "convert",
                16e-3 / 8 / CLOCK_HZ * 1e12 * energy * adcScale, clkPs, 0,
                src("adc", "8-bit SAR, 8/IMA: 16 mW, 0.0096 mm² (Kull et al., ISSCC 2013)")));
        // DAC: 8×128 one-bit drivers per IMA, 4 mW, 0.00017 mm²; one drive per row per 100 ns cycle.
        m.put(KEY_ROW_DRIVER, ComponentCost.single(KEY_ROW_DRIVER, 170.0 / 1024 * area, "drive",
                4e-3 * XBAR_CYCLE_S / 1024 * 1e12 * energy, XBAR_CYCLE_S * 1e12, 0,
                src("dac", "1-bit DAC, 8×128/IMA: 4 mW, 0.00017 mm²")));
        // Sample-and-hold: 8×128 per IMA, 10 µW, 0.00004 mm².
        m.put(KEY_SAMPLE_HOLD, ComponentCost.single(KEY_SAMPLE_HOLD, 40.0 / 1024 * area, "sample",
                10e-6 * XBAR_CYCLE_S / 1024 * 1e12 * energy, clkPs, 0,
                src("sample-hold", "8×128/IMA: 10 µW, 0.00004 mm²")));
        // Memristor arrays: 8 per IMA, 2.4 mW, 0.0002 mm²; one full read per 100 ns.
        m.put(KEY_CROSSBAR, new ComponentCost(KEY_CROSSBAR, 200.0 / 8 * area * xbarScale,
                new String[] {"read"}, new double[] {2.4e-3 / 8 * XBAR_CYCLE_S * 1e12 * energy * xbarScale},
                XBAR_CYCLE_S * 1e12, 0, src("crossbar", "128×128, 8/IMA: 2.4 mW, 0.0002 mm²")));
        // Shift-and-add: 4 per IMA, 0.2 mW, 0.00024 mm², one per ADC output.
        ComponentCost sa = ComponentCost.single(KEY_SHIFT_ADD_INPUT, 240.0 / 4 * area, "shift-add",
                0.2e-3 / (CLOCK_HZ * 8) * 1e12 * energy, clkPs, 0, src("shift-add", "4/IMA: 0.2 mW, 0.00024 mm²"));
        m.put(KEY_SHIFT_ADD_INPUT, sa);
        m.put(KEY_SHIFT_ADD_WEIGHT, new ComponentCost(KEY_SHIFT_ADD_WEIGHT, sa.areaUm2(), sa.actions(),
                sa.energyPerActionPj(), sa.latencyPs(), 0, sa.source()));
        // Input register 2 KB (1.24 mW, 0.0021 mm²) feeding 8×128 bits per 100 ns cycle.
        m.put(KEY_LOCAL_BUFFER, new ComponentCost(KEY_LOCAL_BUFFER, 2100 * area, new String[] {"read-bit", "write-bit"},
                new double[] {1.24e-3 * XBAR_CYCLE_S / 1024 * 1e12 * energy, 1.24e-3 * XBAR_CYCLE_S / 1024 * 1e12 * energy},
                clkPs, 0, src("input-register", "2 KB/IMA: 1.24 mW, 0.0021 mm²")));
        // eDRAM 64 KB per tile: 20.7 mW, 0.083 mm²; 20.45 pJ per 256-bit access.
        m.put(KEY_GLOBAL_BUFFER, new ComponentCost(KEY_GLOBAL_BUFFER, 83000 * area,
                new String[] {"read-bit", "write-bit"},
                new double[] {20.45 / 256 * energy, 20.45 / 256 * energy}, clkPs, 0,
                src("edram", "64 KB/tile: 20.7 mW, 0.083 mm²; 20.45 pJ per 256-bit access")));
        // Shared bus in a tile: 7 mW, 0.090 mm²; 0.054 pJ per bit.
        m.put(KEY_LOCAL_INTERCONNECT, ComponentCost.single(KEY_LOCAL_INTERCONNECT, 90000 * area, "bit",
                0.054 * energy, clkPs, 0, src("bus", "384-wire tile bus: 7 mW, 0.090 mm²")));
        // Router shared by 4 tiles: 42 mW, 0.151 mm²; 20.74 pJ per 256-bit flit.
        m.put(KEY_ROUTER, ComponentCost.single(KEY_ROUTER, 150000 * area, "flit", 20.74 * energy, clkPs, 0,
                src("router", "shared by 4 tiles: 42 mW, 0.151 mm²; 20.74 pJ per 256-bit flit")));
        // Sigmoid: 2 per tile, 0.52 mW, 0.0006 mm²; one activation per clock each.
        m.put(KEY_ACTIVATION, ComponentCost.single(KEY_ACTIVATION, 300 * area, "activate",
                0.52e-3 / 2 / CLOCK_HZ * 1e12 * energy, clkPs, 0, src("sigmoid", "2/tile: 0.52 mW, 0.0006 mm²")));
        // Max-pool: 1 per tile, 0.4 mW, 0.00024 mm²; one window per clock.
        m.put(KEY_POOLING, ComponentCost.single(KEY_POOLING, 240 * area, "pool", 0.4e-3 / CLOCK_HZ * 1e12 * energy,
                clkPs, 0, src("max-pool", "1/tile: 0.4 mW, 0.00024 mm²")));
        this.components = Collections.unmodifiableMap(m);
    }

    private static Source src(String block, String row) {
        return new Source("isaac." + block, TABLE + ": " + row
                + "; per-action derivation after the Accelergy/CiMLoop isaac component library");
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
