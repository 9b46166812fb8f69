package org.imcsim.hardware;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Action counts × energy per action + leakage × time + instances × area (DESIGN.md §1, Accelergy's
 * split): the only place energies and areas are computed. Pure: the same counts and cost model give the
 * same figures.
 *
 * <p>Per layer and image, with {@code ā} the measured mean of rows driven per array plane:
 * arrays {@code = senses·ā·E_WL + conversions·Ē_cell + planes·ā·E_row}; row drivers {@code = senses·(E_read + ā·E_row) +
 * planes·ā·E_dac} (the multi-bit DAC term only with {@code dacBits > 1}); ADC {@code = conversions·Ē_conv +
 * samples·E_sh} with {@code Ē_conv} averaged over the measured (level sum, drive) histogram; mux/decoder {@code = senses·E_mux} (other); accumulation {@code = weightMerges·E_wm +
 * inputMerges·E_im + adds·E_add + conversions·E_sa}; buffers {@code = tileIn·E_in + tileOut·E_out + peIn·E_peIn +
 * peOut·E_peOut + global·E_global + conversions·E_or} (tile buffers and PE DFF buffers of the layer's tile kind);
 * interconnect {@code = toTile·E_busIn + fromTile·E_busOut + treeIn·t_in·E_tree + treeOut·t_out·E_tree +
 * peIn·E_peBusIn + peOut·E_peBusOut} (+ the mesh's flit energies shared by bits); other
 * {@code += activations·E_relu + pooled·E_pool}. The terms E_row, E_sa and E_or are ISAAC's (array read per
 * driven row, IMA shift-and-add and output register per ADC sample) and 0 under the {@code neurosim} profile,
 * whose models hold those energies elsewhere (sense-amp fit, per-merge shift-adders, DFF buffers).
 *
 * <p>Area: conventional tiles × their area + novel tiles × theirs + global buffer, interconnect, chip
 * adder tree, ReLU and max-pool. Leakage: every tile's and the chip blocks' leakage × the interval
 * (pipeline) or the single-image latency.
 */
final class Costing {
    private Costing() {
    }

    /**
     * Costed figures: per layer dynamic energy by category (pJ), leakage (pJ), area by category (mm²), the
     * area of one conventional tile (mm²), leakage power (µW), layout whitespace (mm², part of "other").
     */
    record Result(double[][] layerEnergyPj, Map<Category, Double> energyPj, double dynamicPj, double leakagePj,
                  Map<Category, Double> areaMm2, double areaMm2Total, double tileAreaMm2, double novelTileAreaMm2,
                  double leakagePowerUw, double whitespaceMm2) {
    }

    static Result cost(CostModel cm, ActionCounts c, boolean pipeline) {
        List<ActionCounts.Layer> layers = c.layers();
        int n = layers.size();
        Category[] cats = Category.values();
        double[][] e = new double[n][cats.length];
        long meshBits = 0;
        for (ActionCounts.Layer l : layers) {
            meshBits += l.bitsToTiles() + l.bitsFromTiles();
        }
        double meshJ = c.flitLinks() * cm.meshFlitLinkJ + c.flitRouters() * cm.meshFlitRouterJ;
        for (int i = 0; i < n; i++) {
            ActionCounts.Layer l = layers.get(i);
            CostModel.TileKind t = cm.tile(l.novel());
            LayerActivity a = l.activity();
            double activeSenses = l.arraySenses() * a.meanActiveRows();
            double[] row = e[i];
            row[Category.ARRAYS.ordinal()] = activeSenses * cm.wordLineActiveRowJ + l.conversions() * cm.meanCellJ(a)
                    + l.arrayPlanes() * a.meanActiveRows() * cm.arrayPlaneRowJ;
            row[Category.DAC_AND_DRIVERS.ordinal()] = l.arraySenses() * cm.dacReadJ + activeSenses * cm.dacActiveRowJ
                    + l.arrayPlanes() * a.meanActiveRows() * cm.dacConversionJ;
            row[Category.ADC.ordinal()] = l.conversions() * cm.meanConversionJ(a) + l.samples() * cm.sampleJ;
            row[Category.ACCUMULATION.ordinal()] = l.weightMerges() * cm.weightMergeJ + l.inputMerges() * cm.inputMergeJ
                    + l.adds() * cm.addJ + l.conversions() * cm.conversionAccumJ;
            row[Category.BUFFERS.ordinal()] = l.tileInBits() * t.inBitJ + l.tileOutBits() * t.outBitJ
                    + l.peInBits() * t.peInBufBitJ + l.peOutBits() * t.peOutBufBitJ
                    + l.globalBufferBits() * cm.globalBufferBitJ + l.conversions() * cm.conversionRegisterJ;
            boolean serial = cm.spec.dataflow() == HardwareSpec.Dataflow.NEUROSIM_SERIAL;
            double ic = l.bitsToTiles() * (serial ? t.busBitToJ : cm.icBitToTileJ)
                    + l.bitsFromTiles() * (serial ? t.busBitFromJ : cm.icBitFromTileJ)
                    + l.treeInBits() * cm.treeInToggle * t.treeBitJ + l.peInBits() * t.peInBusBitJ
                    + l.treeOutBits() * cm.treeOutToggle * t.treeBitJ + l.peOutBits() * t.peOutBusBitJ;
            if (meshBits > 0) {
                ic += meshJ * (l.bitsToTiles() + l.bitsFromTiles()) / meshBits;
            }
            row[Category.INTERCONNECT.ordinal()] = ic;
            row[Category.OTHER.ordinal()] = l.arraySenses() * cm.muxSenseJ + l.activations() * cm.reluValueJ
                    + l.pooledValues() * cm.poolValueJ;
            for (int k = 0; k < row.length; k++) {
                row[k] *= 1e12;
            }
        }
        Map<Category, Double> energy = new EnumMap<>(Category.class);
        double dynamic = 0;
        for (Category cat : cats) {
            double s = 0;
            for (double[] row : e) {
                s += row[cat.ordinal()];
            }
            energy.put(cat, s);
            dynamic += s;
        }
        ChipShape shape = c.shape();
        long convTiles = shape.conventionalTiles();
        long novelTiles = shape.novelTiles();
        Map<Category, Double> area = new EnumMap<>(Category.class);
        for (Category cat : cats) {
            double a = cm.conv.areaM2.get(cat) * convTiles + (cm.novel != null ? cm.novel.areaM2.get(cat) * novelTiles : 0);
            area.put(cat, a * 1e6);
        }
        area.merge(Category.BUFFERS, cm.globalBufferAreaM2 * 1e6, Double::sum);
        area.merge(Category.INTERCONNECT, cm.icAreaM2 * 1e6, Double::sum);
        area.merge(Category.ACCUMULATION, cm.chipTreeAreaM2 * 1e6, Double::sum);
        area.merge(Category.OTHER, (cm.reluAreaM2 + cm.poolAreaM2) * 1e6, Double::sum);
        double areaTotal = 0;
        for (double v : area.values()) {
            areaTotal += v;
        }
        double whitespace = (cm.conv.whitespaceM2 * convTiles
                + (cm.novel != null ? cm.novel.whitespaceM2 * novelTiles : 0)) * 1e6;
        double leakW = convTiles * cm.conv.leakW + (cm.novel != null ? novelTiles * cm.novel.leakW : 0) + cm.chipLeakW;
        long timePs = pipeline ? c.intervalPs() : c.singleImagePs();
        double leakPj = leakW * timePs;
        return new Result(e, energy, dynamic, leakPj, area, areaTotal, cm.conv.totalM2 * 1e6,
                cm.novel != null ? cm.novel.totalM2 * 1e6 : 0, leakW * 1e6, whitespace);
    }
}
