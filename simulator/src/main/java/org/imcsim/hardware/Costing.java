package org.imcsim.hardware;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.imcsim.mapping.placement.PlacementSpec;

/**
 * Action counts × energy per action + leakage × time + instances × area (DESIGN.md §1, Accelergy's
 * split): the only place energies and areas are computed. Pure: the same counts and cost model give the
 * same figures.
 *
 * <p>Per layer and image, with {@code ā} the measured mean of rows driven per array plane:
 * arrays {@code = senses·ā·E_WL + conversions·Ē_cell}; row drivers {@code = senses·(E_read + ā·E_row)};
 * ADC {@code = conversions·Ē_conv} with {@code Ē_conv} averaged over the measured (level sum, drive)
 * histogram; mux/decoder {@code = senses·E_mux} (other); accumulation {@code = weightMerges·E_wm +
 * inputMerges·E_im + adds·E_add}; buffers {@code = tileBits·E_tile + globalBits·E_global};
 * interconnect {@code = toTile·(E_in + t_in·E_tileTree) + fromTile·(E_out + t_out·E_tileTree)} (+ the
 * mesh's flit energies shared by bits); other {@code += activations·E_relu + pooled·E_pool}.
 */
final class Costing {
    private Costing() {
    }

    /** Costed figures: per layer dynamic energy by category (pJ), leakage (pJ), area by category (mm²). */
    record Result(double[][] layerEnergyPj, Map<Category, Double> energyPj, double dynamicPj, double leakagePj,
                  Map<Category, Double> areaMm2, double areaMm2Total, double tileAreaMm2, double leakagePowerUw) {
    }

    static Result cost(CostModel cm, ActionCounts c, PlacementSpec ps, boolean pipeline) {
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
            LayerActivity a = l.activity();
            double activeSenses = l.arraySenses() * a.meanActiveRows();
            double[] row = e[i];
            row[Category.ARRAYS.ordinal()] = activeSenses * cm.wordLineActiveRowJ + l.conversions() * cm.meanCellJ(a);
            row[Category.DAC_AND_DRIVERS.ordinal()] = l.arraySenses() * cm.dacReadJ + activeSenses * cm.dacActiveRowJ;
            row[Category.ADC.ordinal()] = l.conversions() * cm.meanConversionJ(a);
            row[Category.ACCUMULATION.ordinal()] = l.weightMerges() * cm.weightMergeJ + l.inputMerges() * cm.inputMergeJ
                    + l.adds() * cm.addJ;
            row[Category.BUFFERS.ordinal()] = l.tileBufferBits() * cm.tileBufferBitJ
                    + l.globalBufferBits() * cm.globalBufferBitJ;
            double ic = l.bitsToTiles() * (cm.icBitToTileJ + cm.spec.inputToggle() * cm.tileTreeBitJ)
                    + l.bitsFromTiles() * (cm.icBitFromTileJ + cm.spec.outputToggle() * cm.tileTreeBitJ);
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
        long tiles = c.chipTiles();
        long slotsPerTile = (long) ps.tileArrayRows() * ps.tileArrayCols();
        long pesPerTile = (long) ps.tileRows() * ps.tileCols();
        Map<Category, Double> tileArea = new EnumMap<>(Category.class);
        for (Category cat : cats) {
            tileArea.put(cat, cm.slotAreaM2.get(cat) * slotsPerTile);
        }
        tileArea.merge(Category.ACCUMULATION, cm.peTreeAreaM2 * pesPerTile + cm.tileTreeAreaM2, Double::sum);
        tileArea.merge(Category.BUFFERS, cm.tileBufferAreaM2, Double::sum);
        tileArea.merge(Category.INTERCONNECT, cm.tileHTreeAreaM2, Double::sum);
        double tileTotal = 0;
        for (double v : tileArea.values()) {
            tileTotal += v;
        }
        Map<Category, Double> area = new EnumMap<>(Category.class);
        for (Category cat : cats) {
            area.put(cat, tileArea.get(cat) * tiles * 1e6);
        }
        area.merge(Category.BUFFERS, cm.globalBufferAreaM2 * 1e6, Double::sum);
        area.merge(Category.INTERCONNECT, cm.icAreaM2 * 1e6, Double::sum);
        area.merge(Category.OTHER, (cm.reluAreaM2 + cm.poolAreaM2) * 1e6, Double::sum);
        double areaTotal = 0;
        for (double v : area.values()) {
            areaTotal += v;
        }
        double leakW = tiles * (slotsPerTile * cm.slotLeakW + pesPerTile * cm.peLeakW + cm.tileLeakW) + cm.chipLeakW;
        long timePs = pipeline ? c.intervalPs() : c.singleImagePs();
        double leakPj = leakW * timePs;
        return new Result(e, energy, dynamic, leakPj, area, areaTotal, tileTotal * 1e6, leakW * 1e6);
    }
}
