package org.imcsim.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.imcsim.cost.circuit.MeshNoc;
import org.imcsim.cost.circuit.RegisterFileBuffer;
import org.imcsim.cost.circuit.SramBuffer;
import org.imcsim.cost.circuit.Fit;
import org.imcsim.cost.isaac.IsaacCostProfile;
import org.imcsim.cost.neurosim.NeurosimConfig;
import org.imcsim.cost.neurosim.NeurosimCostProfile;
import org.junit.jupiter.api.Test;

/** The per-action tables the event simulation multiplies by its counts. */
class CostProfileTest {

    @Test
    void neurosimProfileHasEveryBlockWithProvenance() {
        NeurosimCostProfile p = new NeurosimCostProfile(NeurosimConfig.rramBaseline());
        assertEquals(1663, p.clockPeriodPs(), 1);
        for (String key : new String[] {CostProfile.KEY_CROSSBAR, CostProfile.KEY_ADC, CostProfile.KEY_SHIFT_ADD_INPUT,
                CostProfile.KEY_SHIFT_ADD_WEIGHT, CostProfile.KEY_ADDER_TREE, CostProfile.KEY_LOCAL_BUFFER,
                CostProfile.KEY_GLOBAL_BUFFER, CostProfile.KEY_LOCAL_INTERCONNECT, CostProfile.KEY_ROUTER,
                CostProfile.KEY_LINK, CostProfile.KEY_ACTIVATION, CostProfile.KEY_POOLING}) {
            ComponentCost c = p.component(key);
            assertTrue(c.source().citation().length() > 20, key + " cites its source");
            for (double e : c.energyPerActionPj()) {
                assertTrue(e > 0, key + " has a positive energy per action");
            }
        }
        assertEquals(380.6, p.component(CostProfile.KEY_CROSSBAR).areaUm2(), 0.1);
        assertThrows(IllegalArgumentException.class, () -> p.component("warp-drive"));
    }

    @Test
    void adcConversionEnergyTracksTheColumnCurrent() {
        NeurosimCostProfile p = new NeurosimCostProfile(NeurosimConfig.rramBaseline());
        double strong = p.conversionEnergyPj(2e3);
        double weak = p.conversionEnergyPj(50e3);
        double idle = p.conversionEnergyPj(Double.POSITIVE_INFINITY);
        assertTrue(strong > weak && weak > idle, strong + " > " + weak + " > " + idle);
        double nominal = p.component(CostProfile.KEY_ADC).energyPj("convert");
        assertTrue(nominal > idle && nominal < strong);
    }

    @Test
    void isaacTableAt32nmReproducesThePaper() {
        IsaacCostProfile p = new IsaacCostProfile(32, 8, 128, 128);
        ComponentCost adc = p.component(CostProfile.KEY_ADC);
        // 16 mW for 8 ADCs at 1.2 GS/s.
        assertEquals(16e-3 / 8 / 1.2e9 * 1e12, adc.energyPj("convert"), 1e-9);
        assertEquals(1200, adc.areaUm2(), 1e-9);
        // 8 ADCs running continuously for one 100 ns cycle: 16 mW · 100 ns = 1.6 nJ.
        assertEquals(1600, adc.energyPj("convert") * 8 * 1.2e9 * 100e-9, 1e-6);
        // 42 mW router, 8 ports each passing one 32-bit flit per clock; a 256-bit flit is 8 of them.
        assertEquals(42e-3 / (8 * 1.2e9) * 1e12 * 8, p.component(CostProfile.KEY_ROUTER).energyPj("flit"), 1e-9);
    }

    @Test
    void isaacScalesWithNodeAndResolution() {
        IsaacCostProfile p32 = new IsaacCostProfile(32, 8, 128, 128);
        IsaacCostProfile p65 = new IsaacCostProfile(65, 8, 128, 128);
        IsaacCostProfile p32b6 = new IsaacCostProfile(32, 6, 128, 128);
        assertEquals(Math.pow(65 / 32.0, 2), p65.component(CostProfile.KEY_ADC).areaUm2()
                / p32.component(CostProfile.KEY_ADC).areaUm2(), 1e-9);
        assertTrue(p65.component(CostProfile.KEY_ADC).energyPj("convert")
                > p32.component(CostProfile.KEY_ADC).energyPj("convert"));
        assertEquals(0.25, p32b6.component(CostProfile.KEY_ADC).energyPj("convert")
                / p32.component(CostProfile.KEY_ADC).energyPj("convert"), 1e-12);
    }

    @Test
    void sramAndRegisterFileBuffers() {
        Technology t = Technology.of(22);
        SramBuffer sram = new SramBuffer(t, 64 * 1024 * 8, 128, 0.05);
        RegisterFileBuffer rf = new RegisterFileBuffer(t, 64 * 1024 * 8, 128, 0.5, 0.05, Fit.height(1e-3));
        assertTrue(sram.areaM2() < rf.areaM2(), "6T SRAM is denser than DFFs");
        assertTrue(sram.readEnergyJ(128) > 0 && sram.writeEnergyJ(128) > sram.readEnergyJ(128) * 0.5);
        SramBuffer big = new SramBuffer(t, 256 * 1024 * 8, 128, 0.05);
        assertTrue(big.readEnergyJ(128) > sram.readEnergyJ(128), "longer bit lines cost more per read");
        assertTrue(big.leakageW() > sram.leakageW());
    }

    @Test
    void meshRouterAndLink() {
        Technology t = Technology.of(22);
        MeshNoc narrow = new MeshNoc(t, 64, 4, 5, 1e-3);
        MeshNoc wide = new MeshNoc(t, 256, 4, 5, 1e-3);
        MeshNoc far = new MeshNoc(t, 256, 4, 5, 2e-3);
        assertTrue(wide.routerAreaM2() > narrow.routerAreaM2());
        assertTrue(wide.routerFlitEnergyJ(0.5) > narrow.routerFlitEnergyJ(0.5));
        assertEquals(2 * wide.linkFlitEnergyJ(0.5), far.linkFlitEnergyJ(0.5), 1e-20);
        assertTrue(far.linkLatencyS() > wide.linkLatencyS());
        assertThrows(IllegalArgumentException.class, () -> new MeshNoc(t, 0, 4, 5, 1e-3));
    }
}
