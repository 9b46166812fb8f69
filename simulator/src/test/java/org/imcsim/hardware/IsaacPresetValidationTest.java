package org.imcsim.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.imcsim.cli.Main;
import org.imcsim.config.BadInputException;
import org.imcsim.config.Config;
import org.imcsim.config.ConfigDocument;
import org.imcsim.cost.Technology;
import org.imcsim.cost.circuit.AdcType;
import org.imcsim.cost.circuit.CellType;
import org.imcsim.cost.isaac.IsaacCostProfile;
import org.imcsim.device.api.DeviceModels;
import org.imcsim.run.HardwareStudy;
import org.imcsim.run.RunInputs;
import org.imcsim.run.SimulationJob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code isaac} preset and cost profile against ISAAC's Table 6 (Shafiee et al., ISCA 2016; 32 nm):
 * the tile built from the preset's spec holds the table's tile area (0.372 mm²) and, driven at ISAAC's own rates,
 * its power (330 mW), IMA totals (12 IMAs: 289 mW, 0.157 mm²) and, for a fixed 168-tile chip, the chip totals
 * without the HyperTransport links imcsim does not model; the profile moves by physics with ADC bits, array size,
 * DAC bits and node; configurations outside ISAAC's organisation are errors naming the field.
 * docs/validation.md ("ISAAC") shows the side-by-side table.
 */
class IsaacPresetValidationTest {

    /** ISAAC Table 6 totals: one tile (12 IMAs + tile blocks + a quarter router), the 12 IMAs, the chip. */
    static final double TILE_MM2 = 0.372;
    static final double TILE_W = 0.330;
    static final double IMAS_MM2 = 0.157;
    static final double IMAS_W = 0.289;
    static final int CHIP_TILES = 168;
    static final double CHIP_MM2 = 85.4;
    static final double CHIP_W = 65.8;
    /** HyperTransport links of ISAAC's chip (Table 6): imcsim models no off-chip link. */
    static final double HT_MM2 = 22.88;
    static final double HT_W = 10.4;

    @TempDir
    Path wd;

    static HardwareSpec presetSpec(String... sets) {
        ConfigDocument d = ConfigDocument.preset("isaac");
        for (String s : sets) {
            d = d.with(s, "--set");
        }
        Config c = d.bind();
        return HardwareStudy.spec(c, c.deviceModel(DeviceModels.discover()));
    }

    static ChipShape shape(int tiles) {
        int side = (int) Math.ceil(Math.sqrt(tiles));
        return new ChipShape(8, tiles, 0, 0, side, (tiles + side - 1) / side, 1, 256, 64L * 1024 * 8, 1 << 20);
    }

    /** One tile's area as ISAAC counts it: the tile, its quarter router, its two sigmoids and max-pool, mm². */
    static double tileAreaMm2(CostModel cm, int tiles) {
        return (cm.conv.totalM2 + (cm.icAreaM2 + cm.reluAreaM2 + cm.poolAreaM2) / tiles) * 1e6;
    }

    /**
     * One tile's power with every block at ISAAC's full rate (each ADC 1.2 GS/s, each row and column once per
     * 100 ns, eDRAM 256 bits, bus 384 bits, tile output register 16-bit read + write and tile S+A one add per
     * clock, every router port one 32-bit flit per clock, each sigmoid one value and the max-pool one window per
     * clock), from the cost model's per-action energies, W.
     */
    static double tilePowerW(CostModel cm, HardwareSpec s) {
        double f = IsaacCostProfile.CLOCK_HZ;
        double read = 1 / IsaacCostProfile.XBAR_CYCLE_S;
        double arrays = cm.conv.slots;
        double samplesPerS = arrays * cm.numAdc * f;
        double ima = samplesPerS * (cm.isaacConversionJ + cm.conversionAccumJ + cm.conversionRegisterJ)
                + arrays * s.rows() * read * (cm.dacConversionJ + cm.arrayPlaneRowJ)
                + arrays * s.cols() * read * cm.sampleJ
                + arrays * s.rows() * read * cm.conv.peInBufBitJ;
        double tile = IsaacCostProfile.EDRAM_PORT_BITS * f * cm.conv.inBitJ
                + 2 * IsaacCostProfile.REF_INPUT_BITS * f * cm.conv.outBitJ
                + IsaacCostProfile.TILE_BUS_BITS * f * cm.conv.treeBitJ
                + f * cm.addJ
                + IsaacCostProfile.ROUTER_PORTS * f * IsaacCostProfile.REF_FLIT_BITS / s.nocFlitBits()
                        * cm.meshFlitRouterJ / IsaacCostProfile.TILES_PER_ROUTER
                + IsaacCostProfile.SIGMOID_N * f * cm.reluValueJ
                + f * 4 * cm.poolValueJ;
        return ima + tile;
    }

    static double imaPowerW(CostModel cm, HardwareSpec s) {
        double f = IsaacCostProfile.CLOCK_HZ;
        double read = 1 / IsaacCostProfile.XBAR_CYCLE_S;
        double arrays = cm.conv.slots;
        return arrays * cm.numAdc * f * (cm.isaacConversionJ + cm.conversionAccumJ + cm.conversionRegisterJ)
                + arrays * s.rows() * read * (cm.dacConversionJ + cm.arrayPlaneRowJ + cm.conv.peInBufBitJ)
                + arrays * s.cols() * read * cm.sampleJ;
    }

    private static void within(double reference, double actual, double tol, String what) {
        double err = (actual - reference) / reference;
        assertTrue(Math.abs(err) <= tol, String.format("%s: ISAAC %.4g, imcsim %.4g (%+.2f %%, allowed ±%.1f %%)",
                what, reference, actual, 100 * err, 100 * tol));
    }

    @Test
    void presetIsIsaacsOrganisation() {
        HardwareSpec s = presetSpec();
        assertEquals(HardwareSpec.CostProfile.ISAAC, s.costProfile());
        assertEquals(32, s.nodeNm());
        assertEquals(128, s.rows());
        assertEquals(128, s.cols());
        assertEquals(2, s.cellBits());
        assertEquals(16, s.weightBits());
        assertEquals(16, s.inputBits());
        assertEquals(1, s.dacBits());
        assertEquals(AdcType.SAR, s.adcType());
        assertEquals(8, s.adcBits());
        assertEquals(128, s.colsPerAdc());
        assertTrue(s.sampleHold());
        assertEquals(HardwareSpec.Interconnect.MESH, s.interconnect());
        assertEquals(4, s.nocConcentration(), "ISAAC's concentrated mesh: a router per 4 tiles");
        assertEquals(1, HardwareSpec.builder().build().nocConcentration());
        assertEquals(HardwareSpec.BufferType.EDRAM, s.bufferType());
        assertEquals(8, s.peRows() * s.peCols(), "8 arrays per IMA");
        assertEquals(12, s.tileRows() * s.tileCols(), "12 IMAs per tile");
        assertEquals(1.2e9, s.clockHz(), 1);
    }

    @Test
    void tileAreaAndImaAreaHoldTable6() {
        HardwareSpec s = presetSpec();
        CostModel cm = new CostModel(s, shape(CHIP_TILES));
        // Table 6 rounds each row to 2-3 digits; the sums agree to 0.1 %
        within(TILE_MM2, tileAreaMm2(cm, CHIP_TILES), 0.005, "tile area (mm²)");
        double slotsM2 = 0;
        for (double v : cm.slotAreaM2.values()) {
            slotsM2 += v;
        }
        // the 12 IMAs: their arrays' slots and each IMA's input and output registers
        double imasMm2 = (slotsM2 * cm.conv.slots + (cm.conv.areaM2.get(Category.BUFFERS) - cm.slotAreaM2.get(Category.BUFFERS)
                * cm.conv.slots - cm.isaac.edramAreaUm2(cm.conv.inCapacityBits) * 1e-12 - cm.conv.outCapacityBits
                * cm.isaac.tileOutputRegisterAreaPerBitUm2() * 1e-12)) * 1e6;
        within(IMAS_MM2, imasMm2, 0.005, "12 IMAs area (mm²)");
        assertEquals(0, cm.slotWhitespaceM2, "ISAAC sums block areas: no layout whitespace");
    }

    @Test
    void tilePowerAtIsaacsRatesHoldsTable6() {
        HardwareSpec s = presetSpec();
        CostModel cm = new CostModel(s, shape(CHIP_TILES));
        within(TILE_W, tilePowerW(cm, s), 0.005, "tile power (W)");
        within(IMAS_W, imaPowerW(cm, s), 0.005, "12 IMAs power (W)");
        assertEquals(0, cm.conv.leakW + cm.chipLeakW, "Table 6 powers hold the leakage");
    }

    @Test
    void fixedChipOf168TilesIsIsaacsChipWithoutItsLinks() {
        HardwareSpec s = presetSpec("chip.tiles=168");
        assertEquals(CHIP_TILES, s.chipTiles());
        CostModel cm = new CostModel(s, shape(CHIP_TILES));
        double chipMm2 = (cm.conv.totalM2 * CHIP_TILES + cm.icAreaM2 + cm.reluAreaM2 + cm.poolAreaM2) * 1e6;
        within(CHIP_MM2 - HT_MM2, chipMm2, 0.005, "168 tiles without HyperTransport (mm²)");
        within(CHIP_W - HT_W, tilePowerW(cm, s) * CHIP_TILES, 0.005, "168 tiles' power without HyperTransport (W)");
    }

    @Test
    void presetRunsEndToEndWithIsaacFiguresOnly() {
        Config c = ConfigDocument.preset("isaac").bind();
        HardwareResult r = HardwareStudy.run(c, RunInputs.network(c, Path.of("").toAbsolutePath()),
                RunInputs.dataset(c, Path.of("").toAbsolutePath(), 0), c.deviceModel(DeviceModels.discover()), 0);
        assertEquals(0.834, r.clockPeriodNs(), 1e-12, "one ADC sample per clock at 1.2 GS/s");
        assertEquals(0, r.leakageEnergyPj());
        assertTrue(r.dynamicEnergyPj() > 0 && r.areaMm2() > 0 && r.pipelineIntervalNs() > 0);
        // the ADCs dominate, as in ISAAC (16 of an IMA's 24 mW)
        double adc = r.energyBreakdownPj().get(Category.ADC);
        assertTrue(adc > 0.5 * r.dynamicEnergyPj(), "ADC share " + adc / r.dynamicEnergyPj());
        for (Category k : Category.values()) {
            assertTrue(r.energyBreakdownPj().get(k) > 0, k + " energy");
        }
        com.fasterxml.jackson.databind.node.ObjectNode o = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                .objectNode();
        r.toJson(o);
        boolean sawIsaac = false;
        for (com.fasterxml.jackson.databind.JsonNode p : o.get("provenance")) {
            String model = p.get("model").asText();
            assertTrue(model.startsWith("isaac.") || model.equals("cost.Technology"), "provenance " + p);
            sawIsaac |= p.toString().contains("ISAAC, ISCA 2016, Table 6");
        }
        assertTrue(sawIsaac);
    }

    @Test
    void profileMovesByPhysics() {
        ChipShape sh = shape(16);
        CostModel base = new CostModel(presetSpec(), sh);
        // ADC resolution: energy and area × 2^(b−8) (Walden FOM)
        CostModel adc6 = new CostModel(presetSpec("periphery.adc.bits=6"), sh);
        assertEquals(0.25, adc6.isaacConversionJ / base.isaacConversionJ, 1e-12);
        assertEquals(0.25, (adc6.slotAreaM2.get(Category.ADC) - 128 * adc6.isaac.sampleHoldAreaUm2() * 1e-12)
                / (base.slotAreaM2.get(Category.ADC) - 128 * base.isaac.sampleHoldAreaUm2() * 1e-12), 1e-9);
        // array size: area with rows·cols, read energy per driven row with the columns, drivers with the rows
        CostModel big = new CostModel(presetSpec("crossbar.rows=256", "crossbar.cols=256",
                "periphery.adc.colsPerAdc=256"), sh);
        assertEquals(4, big.slotAreaM2.get(Category.ARRAYS) / base.slotAreaM2.get(Category.ARRAYS), 1e-9);
        assertEquals(2, big.arrayPlaneRowJ / base.arrayPlaneRowJ, 1e-12);
        assertEquals(2, big.slotAreaM2.get(Category.DAC_AND_DRIVERS) / base.slotAreaM2.get(Category.DAC_AND_DRIVERS),
                1e-9);
        // ADC sharing: half the columns per ADC, twice the ADCs per array
        CostModel shared64 = new CostModel(presetSpec("periphery.adc.colsPerAdc=64"), sh);
        assertEquals(2 * base.numAdc, shared64.numAdc);
        // DAC resolution: 2^b − 1 unit elements
        CostModel dac2 = new CostModel(presetSpec("periphery.dacBits=2"), sh);
        assertEquals(3, dac2.dacConversionJ / base.dacConversionJ, 1e-12);
        // node: area × (n/32)², energy × (n/32)(Vdd/Vdd32)²
        CostModel n65 = new CostModel(presetSpec("technology.node=65nm"), sh);
        double v = Technology.of(65).vddV() / Technology.of(32).vddV();
        assertEquals(Math.pow(65 / 32.0, 2), n65.conv.totalM2 / base.conv.totalM2, 1e-9);
        assertEquals(65 / 32.0 * v * v, n65.isaacConversionJ / base.isaacConversionJ, 1e-9);
        assertEquals(65 / 32.0 * v * v, n65.conv.inBitJ / base.conv.inBitJ, 1e-9);
        // clock: ISAAC's ADC rate bounds it; a slower chip clock stretches it
        assertEquals(834, base.clockPs);
        assertEquals(1000, new CostModel(presetSpec("chip.clock=1GHz"), sh).clockPs);
    }

    @Test
    void recostingAcrossNodesWorksButNotAcrossProfiles() {
        Config c = ConfigDocument.preset("isaac").with("workload.network=lenet5", "--set").bind();
        HardwareResult r = HardwareStudy.run(c, RunInputs.network(c, Path.of("").toAbsolutePath()),
                RunInputs.dataset(c, Path.of("").toAbsolutePath(), 0), c.deviceModel(DeviceModels.discover()), 0);
        HardwareResult at65 = r.recost(r.spec().toBuilder().node(65).build());
        assertTrue(at65.dynamicEnergyPj() > r.dynamicEnergyPj() && at65.areaMm2() > r.areaMm2());
        HardwareSpec neurosim = r.spec().toBuilder().costProfile(HardwareSpec.CostProfile.NEUROSIM)
                .bufferType(HardwareSpec.BufferType.SRAM).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.recost(neurosim));
        assertTrue(e.getMessage().contains("cost profile"), e.getMessage());
    }

    static HardwareSpec.Builder isaacBuilder() {
        return HardwareSpec.builder().costProfile(HardwareSpec.CostProfile.ISAAC).node(32)
                .cellType(CellType.ZERO_T_ONE_R).adc(AdcType.SAR, 8, 128).sampleHold(true)
                .interconnect(HardwareSpec.Interconnect.MESH).bufferType(HardwareSpec.BufferType.EDRAM);
    }

    private static void rejects(HardwareSpec.Builder b, String field, String needle) {
        BadInputException e = assertThrows(BadInputException.class, b::build);
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.getMessage().contains(needle) && e.getMessage().contains("isaac"), e.getMessage());
    }

    @Test
    void combinationsOutsideIsaacsOrganisationAreErrorsNamingTheField() {
        isaacBuilder().build(); // the organisation itself is accepted
        rejects(isaacBuilder().adc(AdcType.MLSA, 8, 128), "periphery.adc.model", "requires sar");
        rejects(isaacBuilder().adc(AdcType.FLASH, 8, 128), "periphery.adc.model", "requires sar");
        rejects(isaacBuilder().sampleHold(false), "periphery.sampleHold", "requires true");
        rejects(isaacBuilder().cellType(CellType.ONE_T_ONE_R), "crossbar.cellType", "requires 0T1R");
        rejects(isaacBuilder().interconnect(HardwareSpec.Interconnect.XY_BUS), "chip.interconnect", "requires mesh");
        rejects(isaacBuilder().interconnect(HardwareSpec.Interconnect.HTREE), "chip.interconnect", "requires mesh");
        rejects(isaacBuilder().bufferType(HardwareSpec.BufferType.REGISTER_FILE), "chip.buffer", "requires edram");
        rejects(isaacBuilder().bufferType(HardwareSpec.BufferType.SRAM), "chip.buffer", "requires edram");
        rejects(isaacBuilder().dataflow(HardwareSpec.Dataflow.NEUROSIM_SERIAL), "chip.dataflow", "requires overlapped");
        rejects(isaacBuilder().novelMapping(true), "chip.novelMapping", "requires false");
        // and NeuroSim has no eDRAM model
        BadInputException e = assertThrows(BadInputException.class,
                () -> HardwareSpec.builder().bufferType(HardwareSpec.BufferType.EDRAM).build());
        assertEquals("chip.buffer", e.field());
        // through the config: the field the user wrote
        BadInputException c = assertThrows(BadInputException.class, () -> presetSpec("chip.interconnect=xy-bus"));
        assertEquals("chip.interconnect", c.field());
    }

    @Test
    void cliExitsTwoOnABadCombination() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"run", "--preset", "isaac", "--set", "periphery.adc.model=mlsa"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                new Main.Environment(wd, new SimulationJob(), Clock.systemUTC()));
        String msg = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, code, msg);
        assertTrue(msg.contains("periphery.adc.model") && msg.contains("requires sar"), msg);
        assertTrue(!msg.contains("\tat "), "no stack trace: " + msg);
        assertEquals(List.of(), List.of(out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("report:"))
                .toArray()));
    }
}
