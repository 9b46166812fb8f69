package org.imcsim.cost.neurosim;

import java.util.List;
import org.imcsim.config.BadInputException;

/**
 * NeuroSim V1.4's automatic floorplan ({@code Chip.cpp}: ChipDesignInitialize / ChipFloorPlan): which
 * layers use the novel kernel-position mapping (one PE per kernel position), the PE and tile sizes that
 * maximise memory utilisation, weight duplication inside PEs and sub-arrays, and — for the layer
 * pipeline — the extra duplication of early layers that balances the stages (speed-up bounded by the
 * ratio of the largest to the smallest conv input). All sizes are in cells.
 */
public final class ChipFloorplan {
    private final int numLayers;
    private final boolean[] novel;
    private final int numPeNovel;
    private final double peSizeNovel;
    private final double tileSizeConv;
    private final double peSizeConv;
    private final int speedUpDegree;
    private final int[] pipelineSpeedUp;
    private final double[] tilesRow;
    private final double[] tilesCol;
    private final double[] speedUpRow;
    private final double[] speedUpCol;
    private final double[] utilization;
    private final double numTilesNovel;
    private final double numTilesConv;
    private final int numTileRow;
    private final int numTileCol;

    public ChipFloorplan(List<LayerShape> net, NeurosimConfig cfg) {
        numLayers = net.size();
        int ncs = cfg.cellsPerWeight();
        int rows = cfg.rows();
        int cols = cfg.cols();
        novel = new boolean[numLayers];
        double maxPeNm = 0;
        double maxTileCm = 0;
        int numPe = 0;
        if (cfg.novelMapping()) {
            int most = 0;
            for (int i = 0; i < numLayers; i++) {
                int k2 = net.get(i).kH() * net.get(i).kW();
                int count = 1;
                for (int j = 0; j < numLayers; j++) {
                    if (k2 == net.get(j).kH() * net.get(j).kW() && k2 != 1) {
                        count++;
                    }
                    if (most < count) {
                        most = count;
                        numPe = k2;
                    }
                }
            }
            for (int i = 0; i < numLayers; i++) {
                LayerShape l = net.get(i);
                double cube = Math.pow(2, Math.ceil(log2((double) l.cout() * ncs)));
                if (l.kH() * l.kW() == numPe && l.matrixRows() >= rows && numPe > 1) {
                    novel[i] = true;
                    maxPeNm = Math.max(cube, maxPeNm);
                } else {
                    maxTileCm = Math.max(cube, maxTileCm);
                }
            }
        } else {
            for (LayerShape l : net) {
                maxTileCm = Math.max(Math.pow(2, Math.ceil(log2((double) l.cout() * ncs))), maxTileCm);
            }
        }
        boolean anyNovel = maxPeNm > 0;
        numPeNovel = anyNovel ? numPe : 0;
        // Pipeline speed-up: bounded by the largest over the smallest conv input size.
        pipelineSpeedUp = new int[numLayers];
        int degree = cfg.speedUpDegree();
        if (cfg.pipeline()) {
            int maxIfm = net.get(0).ifmH();
            int minIfm = maxIfm;
            for (LayerShape l : net) {
                if (l.kH() != 1 && l.ifmH() < minIfm) {
                    minIfm = l.ifmH();
                }
            }
            degree = Math.min(degree, Math.max(1, maxIfm / minIfm));
            int bound = (int) Math.ceil((double) maxIfm / degree);
            for (int i = 0; i < numLayers; i++) {
                pipelineSpeedUp[i] = (int) Math.ceil(Math.pow((double) net.get(i).ifmH() / bound, 2));
            }
        }
        speedUpDegree = degree;
        // Novel-mapped PE size: maximise utilisation over 2^k sizes down to 2·rows.
        double peNm = 0;
        double utilNm = 0;
        if (anyNovel) {
            if (maxPeNm < 2 * rows) {
                throw new BadInputException(null, "crossbar.rows",
                        "sub-array of " + rows + " rows is too large for the novel-mapped PEs (" + maxPeNm + ")");
            }
            peNm = Math.max(maxPeNm, 2 * rows);
            for (double s = peNm; s > 2 * rows; s /= 2) {
                double u = tileDesignNm(net, s, ncs)[2];
                if (u > utilNm) {
                    utilNm = u;
                    peNm = s;
                }
            }
        }
        peSizeNovel = peNm;
        if (maxTileCm > 0 && maxTileCm < 4 * rows && !anyNovel) {
            throw new BadInputException(null, "crossbar.rows",
                    "sub-array of " + rows + " rows is too large for the chip hierarchy (tile " + maxTileCm + ")");
        }
        double tileCm = Math.max(maxTileCm, 4 * rows);
        double numTileCmDesign = tileDesignCm(net, tileCm, ncs)[0];
        double utilCm = 0;
        for (double s = tileCm; s > 4 * rows; s /= 2) {
            double[] d = tileDesignCm(net, s, ncs);
            if (d[2] > utilCm) {
                utilCm = d[2];
                tileCm = s;
                numTileCmDesign = d[0];
            }
        }
        tileSizeConv = tileCm;
        double peCm = tileCm / 2;
        for (double s = tileCm / 2; s > 2 * rows; s /= 2) {
            double u = peDesignUtilization(net, s, tileCm, numTileCmDesign, ncs);
            if (u > utilCm) {
                utilCm = u;
                peCm = s;
            }
        }
        peSizeConv = peCm;
        // Duplication inside PEs (conventional tiles) and inside sub-arrays, then per-layer tiles.
        tilesRow = new double[numLayers];
        tilesCol = new double[numLayers];
        speedUpRow = new double[numLayers];
        speedUpCol = new double[numLayers];
        utilization = new double[numLayers];
        double nTileNm = 0;
        double nTileCm = 0;
        for (int i = 0; i < numLayers; i++) {
            LayerShape l = net.get(i);
            int k = l.matrixRows();
            int n = l.cout() * ncs;
            int peDupR = 1;
            int peDupC = 1;
            int subDupR;
            int subDupC;
            if (!novel[i]) {
                if (k <= tileCm || n <= tileCm) {
                    int perRow = (int) Math.ceil(k / peCm);
                    int perCol = (int) Math.ceil(n / peCm);
                    int numPeSide = (int) Math.ceil(tileCm / peCm);
                    peDupR = Math.max(1, numPeSide / perRow);
                    peDupC = Math.max(1, numPeSide / perCol);
                }
                int[] sd = subArrayDup(k, n, peCm, rows, cols);
                subDupR = sd[0];
                subDupC = sd[1];
            } else {
                int[] sd = subArrayDup(l.cin(), n, peNm, rows, cols);
                subDupR = sd[0];
                subDupC = sd[1];
            }
            double dup = (double) peDupR * peDupC * subDupR * subDupC;
            double base = novel[i] ? Math.ceil(l.cin() / peNm) : Math.ceil(k / tileCm);
            double colTiles = novel[i] ? Math.ceil(n / peNm) : Math.ceil(n / tileCm);
            double cells = (double) k * n;
            if (cfg.pipeline()) {
                double extra = Math.ceil(pipelineSpeedUp[i] / dup);
                tilesRow[i] = base * extra;
                tilesCol[i] = colTiles;
                speedUpRow[i] = peDupR * subDupR * extra;
                utilization[i] = Math.max(pipelineSpeedUp[i], dup) * cells;
            } else {
                tilesRow[i] = base;
                tilesCol[i] = colTiles;
                speedUpRow[i] = peDupR * subDupR;
                utilization[i] = dup * cells;
            }
            speedUpCol[i] = peDupC * subDupC;
            double tileCells = novel[i] ? peNm * peNm * numPeNovel : tileCm * tileCm;
            utilization[i] /= tilesRow[i] * tilesCol[i] * tileCells;
            if (novel[i]) {
                nTileNm += tilesRow[i] * tilesCol[i];
            } else {
                nTileCm += tilesRow[i] * tilesCol[i];
            }
        }
        numTilesNovel = nTileNm;
        numTilesConv = nTileCm;
        numTileRow = (int) Math.ceil(Math.sqrt(nTileNm + nTileCm));
        numTileCol = (int) Math.ceil((nTileNm + nTileCm) / numTileRow);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    private double[] tileDesignCm(List<LayerShape> net, double tile, int ncs) {
        double tiles = 0;
        double cells = 0;
        for (int i = 0; i < net.size(); i++) {
            if (!novel[i]) {
                LayerShape l = net.get(i);
                tiles += Math.ceil(l.matrixRows() / tile) * Math.ceil((double) l.cout() * ncs / tile);
                cells += (double) l.matrixRows() * l.cout() * ncs;
            }
        }
        return new double[] {tiles, cells, cells / (tiles * tile * tile)};
    }

    private double[] tileDesignNm(List<LayerShape> net, double pe, int ncs) {
        double tiles = 0;
        double cells = 0;
        int numPe = 0;
        for (int i = 0; i < net.size(); i++) {
            if (novel[i]) {
                LayerShape l = net.get(i);
                numPe = l.kH() * l.kW();
                tiles += Math.ceil(l.cin() / pe) * Math.ceil((double) l.cout() * ncs / pe);
                cells += (double) l.matrixRows() * l.cout() * ncs;
            }
        }
        return new double[] {tiles, cells, cells / (tiles * pe * pe * numPe)};
    }

    private double peDesignUtilization(List<LayerShape> net, double pe, double tile, double numTiles, int ncs) {
        double cells = 0;
        for (int i = 0; i < net.size(); i++) {
            if (!novel[i]) {
                LayerShape l = net.get(i);
                int k = l.matrixRows();
                int n = l.cout() * ncs;
                int dupR = 1;
                int dupC = 1;
                if (k <= tile || n <= tile) {
                    int side = (int) Math.ceil(tile / pe);
                    dupR = Math.max(1, side / (int) Math.ceil(k / pe));
                    dupC = Math.max(1, side / (int) Math.ceil(n / pe));
                }
                cells += (double) dupR * dupC * k * n;
            }
        }
        return cells / (numTiles * tile * tile);
    }

    private static int[] subArrayDup(int k, int n, double pe, int rows, int cols) {
        if (k <= pe || n <= pe) {
            int arrR = (int) Math.ceil((double) k / rows);
            int arrC = (int) Math.ceil((double) n / cols);
            int subR = (int) Math.ceil(pe / rows);
            int subC = (int) Math.ceil(pe / cols);
            return new int[] {Math.max(1, subR / arrR), Math.max(1, subC / arrC)};
        }
        return new int[] {1, 1};
    }

    /** Whether layer {@code i} uses the novel (kernel-position) mapping. */
    public boolean novel(int i) {
        return novel[i];
    }

    /** PEs per novel-mapped tile (the common kernel size, e.g. 9 for 3×3), 0 if none. */
    public int numPeNovel() {
        return numPeNovel;
    }

    /** Side of a novel-mapped PE, cells. */
    public double peSizeNovel() {
        return peSizeNovel;
    }

    /** Side of a conventional tile, cells. */
    public double tileSizeConv() {
        return tileSizeConv;
    }

    /** Side of a conventional PE, cells. */
    public double peSizeConv() {
        return peSizeConv;
    }

    /** PEs per side of a conventional tile. */
    public int peSideConv() {
        return (int) Math.ceil(tileSizeConv / peSizeConv);
    }

    /** The clamped pipeline speed-up degree. */
    public int speedUpDegree() {
        return speedUpDegree;
    }

    /** Tiles of layer {@code i} along the weight-row direction (includes pipeline duplication). */
    public double tilesRow(int i) {
        return tilesRow[i];
    }

    /** Tiles of layer {@code i} along the column direction. */
    public double tilesCol(int i) {
        return tilesCol[i];
    }

    /** Tiles of layer {@code i}. */
    public double tiles(int i) {
        return tilesRow[i] * tilesCol[i];
    }

    /** Row-direction speed-up (duplication) of layer {@code i}. */
    public double speedUpRow(int i) {
        return speedUpRow[i];
    }

    /** Column-direction speed-up of layer {@code i}. */
    public double speedUpCol(int i) {
        return speedUpCol[i];
    }

    /** Total speed-up (duplication) of layer {@code i}. */
    public double speedUp(int i) {
        return speedUpRow[i] * speedUpCol[i];
    }

    /** Fraction of layer {@code i}'s tile cells holding weights (duplicates included). */
    public double utilization(int i) {
        return utilization[i];
    }

    public double numTilesNovel() {
        return numTilesNovel;
    }

    public double numTilesConv() {
        return numTilesConv;
    }

    /** Tile rows of the chip's square-ish tile grid. */
    public int numTileRow() {
        return numTileRow;
    }

    /** Tile columns of the chip's tile grid. */
    public int numTileCol() {
        return numTileCol;
    }

    public int numLayers() {
        return numLayers;
    }
}
