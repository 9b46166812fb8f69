package org.imcsim.cost.neurosim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.imcsim.config.BadInputException;
import org.imcsim.cost.Calibration;
import org.imcsim.cost.Gates;
import org.imcsim.cost.Source;
import org.imcsim.cost.Technology;
import org.imcsim.cost.circuit.AdderTree;
import org.imcsim.cost.circuit.Dff;
import org.imcsim.cost.circuit.Fit;
import org.imcsim.cost.circuit.HTree;
import org.imcsim.cost.circuit.LocalBus;
import org.imcsim.cost.circuit.MaxPoolUnit;
import org.imcsim.cost.circuit.RegisterFileBuffer;
import org.imcsim.cost.circuit.ReluUnit;
import org.imcsim.cost.circuit.XyBus;

/**
 * A fast analytic estimator that accounts a network on a crossbar chip the way NeuroSim V1.4 does:
 * its floorplan ({@link ChipFloorplan}), sub-array → PE → tile → chip composition, synchronous clock
 * (1.4 × the slowest sensing cycle), per-layer latency with buffer and interconnect time, pipelined
 * interval (slowest layer), dynamic energy by category, tile leakage over the interval and TOPS/W with
 * the post-layout factor. Data-dependent energy uses {@link ActivityStats} in place of NeuroSim's
 * per-vector traces: the expected ADC energy over a Binomial number of active rows per bit-plane.
 *
 * <p>Every circuit figure comes from the models in {@code org.imcsim.cost.circuit}; nothing is fitted
 * per configuration, so changing cell bits, sub-array size, node, ADC type or device resistance moves
 * the result through the same physics. The estimator is also the design-space sweep's cost engine.
 * Not thread-safe per instance; create one per thread (construction is cheap).
 */
public final class NeurosimStyleEstimator {
    private final NeurosimConfig cfg;
    private final Technology tech;
    private final Calibration cal;
    private final SubArrayModel sub;
    private final int ncs;
    private final int nbso;

    public NeurosimStyleEstimator(NeurosimConfig cfg) {
        this.cfg = cfg;
        this.tech = cfg.technology();
        this.cal = cfg.calibration();
        this.sub = new SubArrayModel(cfg);
        this.ncs = cfg.cellsPerWeight();
        this.nbso = (int) (log2(cfg.adcLevels()) + cfg.inputBits() + (ncs - 1) * cfg.cellBits() + 1 + 1e-9);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    public SubArrayModel subArray() {
        return sub;
    }

    // ------------------------------------------------------------------ geometry

    // ------------------------------------------------------------------ accounting

    /** Latencies (cycles) and energies (J) of one unit of work, with NeuroSim's category split. */
    private static final class Acc {
        double lat, latAdc, latAccum, latOther, latBuf, latIc;
        double eAdc, eAccum, eOther, eBuf, eIc, eDrv;
        double leak;

        void maxLat(Acc o) {
            lat = Math.max(lat, o.lat);
            latAdc = Math.max(latAdc, o.latAdc);
            latAccum = Math.max(latAccum, o.latAccum);
            latOther = Math.max(latOther, o.latOther);
            latBuf = Math.max(latBuf, o.latBuf);
            latIc = Math.max(latIc, o.latIc);
        }

        void addEnergy(Acc o) {
            eAdc += o.eAdc;
            eAccum += o.eAccum;
            eOther += o.eOther;
            eBuf += o.eBuf;
            eIc += o.eIc;
            eDrv += o.eDrv;
        }

        void divLat(double d) {
            lat /= d;
            latAdc /= d;
            latAccum /= d;
            latOther /= d;
            latBuf /= d;
            latIc /= d;
        }

        double energy() {
            return eAdc + eAccum + eOther;
        }
    }

    /** Per-layer data needed below the chip level. */
    private final class LayerWork {
        final int positions;
        final long vectors;
        final ActivityStats.Layer act;
        final Map<Long, SubArrayModel.PhaseEnergy> cache = new HashMap<>();

        LayerWork(LayerShape l, ActivityStats.Layer act) {
            this.positions = l.positionsNoPadding();
            this.vectors = (long) positions * cfg.inputBits();
            this.act = act;
            if (act.bitPlaneDensity().length != cfg.inputBits()) {
                throw new BadInputException(null, "activity." + l.name(), "expected " + cfg.inputBits()
                        + " bit-plane densities, got " + act.bitPlaneDensity().length);
            }
        }

        /** Energy of one sub-array block over all of the layer's read phases. */
        SubArrayModel.PhaseEnergy block(int usedRows, int usedCols) {
            long key = ((long) usedRows << 32) | usedCols;
            return cache.computeIfAbsent(key, k -> {
                double g = act.weights().meanPathConductanceS(sub.array(), cfg.ronOhm(), cfg.roffOhm(),
                        cfg.cellBits(), usedRows, usedCols);
                double adc = 0;
                double accum = 0;
                double other = 0;
                double[] d = act.bitPlaneDensity();
                for (double density : d) {
                    SubArrayModel.PhaseEnergy e = sub.phaseEnergy(usedRows, usedCols, density, g);
                    adc += e.adcJ();
                    accum += e.accumJ();
                    other += e.otherJ();
                }
                return new SubArrayModel.PhaseEnergy(adc * positions, accum * positions, other * positions);
            });
        }
    }

    private double clockPeriodS;

    private Acc peRun(PeModel pe, LayerWork w, int wRow, int wCol, int dupRow, int dupCol) {
        Acc a = new Acc();
        int rows = cfg.rows();
        int cols = cfg.cols();
        double cpv = sub.cyclesPerVector(clockPeriodS);
        double subLat = w.vectors * cpv;
        double subAdc = w.vectors * (double) sub.numColMuxed();
        double subAccum = subLat - subAdc;
        int groups = Math.max(1, sub.numColMuxed() / ncs);
        double treeReads = (double) (w.vectors / cfg.inputBits()) * groups;
        int rowBlocks = (int) Math.ceil((double) wRow / rows);
        if (dupRow * dupCol > 1) {
            if (dupRow < pe.subRows() || dupCol < pe.subCols()) {
                double treeLat = pe.tree().latencyCycles(treeReads, rowBlocks, clockPeriodS);
                double treeE = pe.tree().energyJ(treeReads, rowBlocks, cal.adderActivity());
                for (int i = 0; i < rowBlocks; i++) {
                    for (int j = 0; j < Math.ceil((double) wCol / cols); j++) {
                        SubArrayModel.PhaseEnergy e = w.block(Math.min(rows, wRow - i * rows),
                                Math.min(cols, wCol - j * cols));
                        a.eAdc += e.adcJ();
                        a.eAccum += e.accumJ() + treeE;
                        a.eOther += e.otherJ();
                        a.eDrv += e.otherJ();
                        a.lat = Math.max(a.lat, subLat + treeLat);
                        a.latAdc = Math.max(a.latAdc, subAdc);
                        a.latAccum = Math.max(a.latAccum, subAccum + treeLat);
                    }
                }
            } else {
                SubArrayModel.PhaseEnergy e = w.block(wRow, wCol);
                a.eAdc += e.adcJ();
                a.eAccum += e.accumJ();
                a.eOther += e.otherJ();
                a.eDrv += e.otherJ();
                a.lat = subLat;
                a.latAdc = subAdc;
                a.latAccum = subAccum;
            }
            a.divLat((double) dupRow * dupCol);
        } else {
            for (int i = 0; i < pe.subRows(); i++) {
                for (int j = 0; j < pe.subCols(); j++) {
                    if (i * rows < wRow && j * cols < wCol) {
                        SubArrayModel.PhaseEnergy e = w.block(Math.min(rows, wRow - i * rows),
                                Math.min(cols, wCol - j * cols));
                        a.eAdc += e.adcJ();
                        a.eAccum += e.accumJ();
                        a.eOther += e.otherJ();
                        a.eDrv += e.otherJ();
                        a.lat = Math.max(a.lat, subLat);
                        a.latAdc = Math.max(a.latAdc, subAdc);
                        a.latAccum = Math.max(a.latAccum, subAccum);
                    }
                }
            }
            double treeLat = pe.tree().latencyCycles(treeReads, rowBlocks, clockPeriodS);
            a.lat += treeLat;
            a.latAccum += treeLat;
            a.eAccum += pe.tree().energyJ(treeReads, rowBlocks, cal.adderActivity());
        }
        // Buffers and buses: NeuroSim's integer counts of DFF passes and bus transfers.
        long v = w.vectors;
        long inReads = (long) wRow * v / pe.bufferIn().numDff();
        long outBitsPerImage = (long) (wCol / ncs) * pe.tree().numAdderBit() * v / cfg.inputBits();
        long outReads = outBitsPerImage / pe.bufferOut().numDff();
        double eBuf = pe.bufferIn().energyJ(inReads, pe.bufferIn().numDff(), 1) + pe.bufferOut().energyJ(outReads, pe.bufferOut().numDff(), 1);
        long busInReads = (long) wRow * v / (long) pe.busIn().busWidth();
        double outBusWidth = pe.subRows() * pe.busOut().busWidth();
        long busOutReads = (long) (((long) (wCol / ncs) * (pe.tree().numStage() + pe.tree().numAdderBit()) * v
                / cfg.inputBits()) / outBusWidth);
        double eIc = pe.busIn().energyJ(pe.busIn().busWidth() * (double) busInReads, cfg.inputToggle())
                + pe.busOut().energyJ(outBusWidth * busOutReads, cfg.outputToggle());
        double latBuf = inReads + outReads;
        a.latBuf = latBuf;
        a.lat += latBuf;
        a.latOther += latBuf;
        a.eBuf += eBuf;
        a.eIc += eIc;
        a.eOther += eBuf + eIc;
        a.leak = pe.leakageW(rowBlocks);
        return a;
    }

    private Acc tileRun(TileModel t, LayerWork w, int wRow, int wCol, double speedUpRow, double speedUpCol) {
        Acc a = new Acc();
        double peSize = t.novel() ? fp.peSizeNovel() : fp.peSizeConv();
        int groups = Math.max(1, sub.numColMuxed() / ncs);
        double accumReads = (double) (w.vectors / cfg.inputBits()) * groups;
        Acc peLast = null;
        if (!t.novel()) {
            int numPe = t.peRows();
            if (speedUpRow * speedUpCol > 1) {
                if (speedUpRow >= numPe && speedUpCol >= numPe) {
                    Acc p = peRun(t.pe(), w, wRow, wCol, (int) Math.ceil(speedUpRow / numPe),
                            (int) Math.ceil(speedUpCol / numPe));
                    a.maxLat(p);
                    a.divLat((double) numPe * numPe);
                    a.addEnergy(p);
                    peLast = p;
                } else {
                    int rb = (int) Math.ceil(wRow / peSize);
                    for (int i = 0; i < rb; i++) {
                        for (int j = 0; j < Math.ceil(wCol / peSize); j++) {
                            Acc p = peRun(t.pe(), w, (int) Math.min(peSize, wRow - i * peSize),
                                    (int) Math.min(peSize, wCol - j * peSize), 1, 1);
                            a.maxLat(p);
                            a.addEnergy(p);
                            peLast = p;
                        }
                    }
                    a.divLat(speedUpRow * speedUpCol);
                    if (rb > 1) {
                        double l = t.accumulation().latencyCycles(accumReads, rb, clockPeriodS);
                        a.lat += l;
                        a.latAccum += l;
                        a.eAccum += t.accumulation().energyJ(accumReads, rb, cal.adderActivity());
                    }
                }
            } else {
                for (int i = 0; i < numPe; i++) {
                    for (int j = 0; j < numPe; j++) {
                        if (i * peSize < wRow && j * peSize < wCol) {
                            peLast = peRun(t.pe(), w, (int) Math.min(peSize, wRow - i * peSize),
                                    (int) Math.min(peSize, wCol - j * peSize), 1, 1);
                        }
                        // NeuroSim charges every PE slot of an occupied tile with the last PE computed.
                        if (peLast != null) {
                            a.maxLat(peLast);
                            a.addEnergy(peLast);
                        }
                    }
                }
                double l = t.accumulation().latencyCycles(accumReads, numPe, clockPeriodS);
                a.lat += l;
                a.latAccum += l;
                a.eAccum += t.accumulation().energyJ(accumReads, numPe, cal.adderActivity());
            }
        } else {
            int numPe = t.numPe();
            Acc p = peRun(t.pe(), w, wRow / numPe, wCol, 1, 1);
            peLast = p;
            for (int i = 0; i < numPe; i++) {
                a.addEnergy(p);
            }
            a.maxLat(p);
            a.divLat(speedUpRow * speedUpCol);
            double l = t.accumulation().latencyCycles(accumReads, numPe, clockPeriodS);
            a.lat += l;
            a.latAccum += l;
            a.eAccum += t.accumulation().energyJ(accumReads, numPe, cal.adderActivity());
        }
        // Tile buffers (half the traffic read, half written) and the H-tree to the PEs.
        double bitsOut = Math.max((t.novel() ? wRow / Math.sqrt(t.numPe()) : wRow) * (double) w.vectors, 0);
        double bitsIn = Math.max(Math.ceil(wCol / ncs) * (t.accumulation().numStage() + t.accumulation().numAdderBit())
                * (double) w.vectors / cfg.inputBits(), 0);
        double inLat = bitsOut / t.inputBuffer().interfaceWidth() / 2.0 * 2
                / Math.min(t.inputCores(), Math.ceil(t.htree().busWidth() / t.inputBuffer().interfaceWidth()));
        double outLat = bitsIn / t.outputBuffer().interfaceWidth() / 2.0 * 2
                / Math.min(t.outputCores(), Math.ceil(t.htree().busWidth() / t.outputBuffer().interfaceWidth()));
        double eBuf = t.inputBuffer().readEnergyJ(bitsOut / 2) + t.inputBuffer().writeEnergyJ(bitsOut / 2)
                + t.outputBuffer().readEnergyJ(bitsIn / 2) + t.outputBuffer().writeEnergyJ(bitsIn / 2);
        double htLat = Math.ceil(t.htree().latencyS() / clockPeriodS) * ((bitsOut + bitsIn) / t.htree().busWidth());
        double eHt = t.htree().energyJ(bitsOut * cfg.inputToggle() + bitsIn * cfg.outputToggle());
        a.lat += inLat + outLat + htLat;
        a.latBuf += inLat + outLat;
        a.latIc += htLat;
        a.latOther += inLat + outLat + htLat;
        a.eBuf += eBuf;
        a.eIc += eHt;
        a.eOther += eBuf + eHt;
        double peLeak = peLast == null ? 0 : peLast.leak;
        a.leak = peLeak * t.numPe() + t.accumulation().leakageW(t.novel() ? t.numPe() : t.peRows()) + t.inputBuffer().leakageW()
                + t.outputBuffer().leakageW() + t.htree().leakageW(t.htree().busWidth());
        return a;
    }

    private ChipFloorplan fp;

    /**
     * Estimate one network.
     *
     * @param net   layers in order (NeuroSim's network CSV)
     * @param stats per-layer data statistics, same length as {@code net}
     */
    public Estimate estimate(List<LayerShape> net, ActivityStats stats) {
        if (net.isEmpty()) {
            throw new BadInputException(null, "workload.network", "has no crossbar layers");
        }
        if (stats.layers().size() != net.size()) {
            throw new BadInputException(null, "activity", "has " + stats.layers().size() + " layers, network has "
                    + net.size());
        }
        fp = new ChipFloorplan(net, cfg);
        clockPeriodS = Math.max(1 / cfg.clockUpperBoundHz(), sub.sensingLatencyS());
        int n = net.size();
        int numColMuxed = sub.numColMuxed();
        boolean anyNovel = fp.numTilesNovel() > 0;
        TileModel tileCm = TileModel.conventional(PeModel.square(sub, fp.peSizeConv(), nbso), fp.peSideConv(),
                fp.peSideConv(), fp.peSizeConv(), nbso);
        TileModel tileNm = anyNovel ? TileModel.novel(PeModel.square(sub, fp.peSizeNovel(), nbso), fp.numPeNovel(),
                fp.peSizeNovel(), nbso) : null;

        // Chip-level blocks (ChipInitialize).
        double maxLayerInput = 0;
        double busWidth = 0;
        double maxTileAdded = 0;
        for (int i = 0; i < n; i++) {
            LayerShape l = net.get(i);
            double in = (double) l.ifmH() * l.ifmW() * l.cin();
            double perTile = fp.novel(i)
                    ? fp.peSizeNovel() * Math.ceil(Math.sqrt(fp.numPeNovel()))
                    + fp.peSizeNovel() * Math.ceil(Math.sqrt(fp.numPeNovel())) / numColMuxed
                    : fp.tileSizeConv() + fp.tileSizeConv() / numColMuxed;
            if (cfg.pipeline()) {
                maxLayerInput += in / 2;
                busWidth += perTile * fp.tiles(i);
            } else {
                maxLayerInput = Math.max(maxLayerInput, in);
                busWidth += perTile;
            }
            maxTileAdded = Math.max(maxTileAdded, fp.tilesRow(i));
        }
        while (busWidth > cfg.maxGlobalBusWidth()) {
            busWidth /= 2;
        }
        int bufferBits = (int) (cfg.inputBits() * maxLayerInput);
        int numBufferCore = (int) Math.ceil((double) bufferBits / cfg.globalBufferCoreBits());
        double tileH = Math.max(tileCm.sideM(), anyNovel ? tileNm.sideM() : 0);
        double tileW = tileH;
        int numTiles = (int) (fp.numTilesNovel() + fp.numTilesConv());
        double gbHeight = fp.numTileRow() * tileH;
        RegisterFileBuffer globalBuffer = new RegisterFileBuffer(tech, cfg.globalBufferCoreBits(),
                cfg.globalBufferWidth(), cal.dffActivity(), cal.controlActivity(), Fit.height(gbHeight));
        double gbArea = globalBuffer.areaM2() * numBufferCore;
        double gbWidth = gbArea / gbHeight;
        double throughputTile;
        double maxAdd;
        if (anyNovel) {
            throughputTile = Math.max(fp.tileSizeConv(), Math.ceil(fp.peSizeNovel()));
            maxAdd = Math.max(Math.ceil(fp.peSizeConv() / cfg.rows()), Math.ceil(fp.peSizeNovel() / cfg.rows()));
            maxAdd *= Math.max(Math.ceil(fp.tileSizeConv() / fp.peSizeConv()), Math.ceil(Math.sqrt(fp.numPeNovel())));
        } else {
            throughputTile = fp.tileSizeConv();
            maxAdd = Math.ceil(fp.peSizeConv() / cfg.rows()) * Math.ceil(fp.tileSizeConv() / fp.peSizeConv());
        }
        if (cfg.pipeline()) {
            throughputTile *= anyNovel ? n + 1 : 1;
            maxAdd *= n + 1;
        }
        int lanes = (int) Math.ceil(throughputTile / numColMuxed);
        AdderTree gAccum = new AdderTree(tech, (int) maxTileAdded, nbso + (int) Math.ceil(log2(maxAdd)), lanes,
                Fit.width(gbHeight / 3));
        ReluUnit relu = new ReluUnit(tech, lanes, cfg.inputBits(), Fit.width(gbWidth / 3));
        MaxPoolUnit maxPool = new MaxPoolUnit(tech, cfg.inputBits(), 4,
                (int) Math.max(fp.tileSizeConv() / numColMuxed, fp.peSizeNovel() / numColMuxed));
        XyBus xyBus = new XyBus(tech, fp.numTileRow(), fp.numTileCol(), busWidth, tileH, tileW, cfg.chipFoldRatio(),
                cfg.busDelayTolerance());
        HTree chipTree = cfg.htreeGlobalBus() ? new HTree(tech, fp.numTileRow(), fp.numTileCol(), busWidth, tileH,
                tileW, cfg.chipFoldRatio(), cfg.busDelayTolerance()) : null;

        // Area (ChipCalculateArea).
        double area = tileCm.areaM2() * fp.numTilesConv();
        double aArray = tileCm.arrayM2() * fp.numTilesConv();
        double aAdc = tileCm.adcM2() * fp.numTilesConv();
        double aAccum = tileCm.accumM2() * fp.numTilesConv();
        double aIc = tileCm.interconnectM2() * fp.numTilesConv();
        double aBuf = tileCm.bufferM2() * fp.numTilesConv();
        double aOther = tileCm.otherM2() * fp.numTilesConv();
        double aDrv = tileCm.driversM2() * fp.numTilesConv();
        if (anyNovel) {
            double t = fp.numTilesNovel();
            area += tileNm.areaM2() * t;
            aArray += tileNm.arrayM2() * t;
            aAdc += tileNm.adcM2() * t;
            aAccum += tileNm.accumM2() * t;
            aIc += tileNm.interconnectM2() * t;
            aBuf += tileNm.bufferM2() * t;
            aOther += tileNm.otherM2() * t;
            aDrv += tileNm.driversM2() * t;
        }
        double busArea = chipTree != null ? chipTree.areaM2() : xyBus.areaM2();
        area += busArea + gbArea + maxPool.areaM2() + gAccum.areaM2() + relu.areaM2();
        aIc += busArea;
        aAccum += gAccum.areaM2();
        aOther += gbArea + maxPool.areaM2() + relu.areaM2();
        aBuf += gbArea;

        // Per-layer performance (ChipCalculatePerformance).
        double[] latS = new double[n];
        double[] leakTileW = new double[n];
        List<Acc> accs = new ArrayList<>();
        double ops = 0;
        for (int li = 0; li < n; li++) {
            LayerShape l = net.get(li);
            ops += l.ops();
            LayerWork w = new LayerWork(l, stats.layer(li));
            int wRow = l.matrixRows();
            int wCol = l.cout() * ncs;
            Acc layer = new Acc();
            Acc lastTile = null;
            if (!fp.novel(li)) {
                double ts = fp.tileSizeConv();
                for (int i = 0; i < Math.ceil(wRow / ts); i++) {
                    for (int j = 0; j < Math.ceil(wCol / ts); j++) {
                        Acc t = tileRun(tileCm, w, (int) Math.min(ts, wRow - i * ts), (int) Math.min(ts, wCol - j * ts),
                                fp.speedUpRow(li), fp.speedUpCol(li));
                        layer.maxLat(t);
                        layer.addEnergy(t);
                        lastTile = t;
                    }
                }
            } else {
                double pe = fp.peSizeNovel();
                int numPe = fp.numPeNovel();
                for (int i = 0; i < Math.ceil(l.cin() / pe); i++) {
                    for (int j = 0; j < Math.ceil(wCol / pe); j++) {
                        Acc t = tileRun(tileNm, w, (int) Math.min(pe * numPe, wRow - i * pe * numPe),
                                (int) Math.min(pe, wCol - j * pe), fp.speedUpRow(li), fp.speedUpCol(li));
                        layer.maxLat(t);
                        layer.addEnergy(t);
                        lastTile = t;
                    }
                }
            }
            int p = w.positions;
            double reluBatches = Math.ceil((double) p * l.cout() / relu.numUnit());
            layer.lat += relu.latencyCycles(reluBatches);
            layer.latOther += relu.latencyCycles(reluBatches);
            layer.eOther += relu.energyJ(reluBatches);
            if (fp.tilesRow(li) > 1) {
                double reads = Math.ceil((wCol / ncs) * (p / (double) gAccum.numTrees()));
                double lat = gAccum.latencyCycles(reads, (int) fp.tilesRow(li), clockPeriodS);
                layer.lat += lat;
                layer.latAccum += lat;
                layer.eAccum += gAccum.energyJ(reads, (int) fp.tilesRow(li), cal.adderActivity());
            }
            if (l.pool()) {
                double batches = Math.ceil((double) ((long) p * wCol / ncs) / 4.0 / maxPool.numUnit());
                double lat = maxPool.latencyCycles(batches, clockPeriodS);
                layer.lat += lat;
                layer.latOther += lat;
                layer.eOther += maxPool.energyJ(batches, cal.controlActivity());
            }
            double bitsOut = (double) wRow * cfg.inputBits() * p / (fp.novel(li) ? l.kH() : 1);
            double bitsIn = Math.ceil(wCol / ncs) * cfg.inputBits() * (double) p / (l.pool() ? 4 : 1);
            double tH = fp.novel(li) ? tileNm.sideM() : tileCm.sideM();
            double icLat;
            double icE;
            if (chipTree != null) {
                double share = Math.ceil(busWidth * fp.tiles(li) / numTiles);
                icLat = Math.ceil(chipTree.latencyS() / clockPeriodS) * Math.ceil((bitsOut + bitsIn) / share);
                icE = chipTree.energyJ(bitsOut * cfg.inputToggle() + bitsIn * cfg.outputToggle());
            } else {
                double totalRow = Math.ceil(Math.sqrt(numTiles));
                double totalCol = Math.ceil(numTiles / totalRow);
                icLat = xyBus.latencyCycles(tH, tH, Math.ceil(bitsOut / busWidth * totalRow / fp.tilesRow(li)),
                        Math.ceil(bitsIn / busWidth * totalCol / fp.tilesCol(li)), clockPeriodS);
                icE = xyBus.energyJ(tH, tH, bitsOut * cfg.inputToggle(), bitsIn * cfg.outputToggle());
            }
            double gbDiv = Math.min(numBufferCore, Math.ceil(busWidth / globalBuffer.interfaceWidth()));
            double gbLat = (bitsOut / globalBuffer.interfaceWidth() + bitsIn / globalBuffer.interfaceWidth()) / gbDiv;
            double gbE = globalBuffer.readEnergyJ(bitsOut) + globalBuffer.writeEnergyJ(bitsIn);
            layer.lat += gbLat + icLat;
            layer.latBuf += gbLat;
            layer.latIc += icLat;
            layer.latOther += gbLat + icLat;
            layer.eBuf += gbE;
            layer.eIc += icE;
            layer.eOther += gbE + icE;
            latS[li] = layer.lat * clockPeriodS;
            leakTileW[li] = lastTile == null ? 0 : lastTile.leak;
            accs.add(layer);
        }

        // Pipeline (main.cpp): interval = slowest layer; tiles of a layer leak while it idles.
        double interval = 0;
        double single = 0;
        double leakJ = 0;
        double[] leakLayerJ = new double[n];
        if (cfg.pipeline()) {
            for (int i = 0; i < n; i++) {
                interval = Math.max(interval, latS[i]);
                leakLayerJ[i] = fp.tiles(i) * leakTileW[i] * (interval - latS[i]);
                leakJ += leakLayerJ[i];
                single += latS[i];
            }
        } else {
            for (int i = 0; i < n; i++) {
                double others = 0;
                for (int j = 0; j < n; j++) {
                    others += j != i ? fp.tiles(j) : 0;
                }
                leakLayerJ[i] = others * leakTileW[i] * latS[i];
                leakJ += leakLayerJ[i];
                single += latS[i];
            }
            interval = single;
        }
        double eAdc = 0, eAccum = 0, eOther = 0, eBuf = 0, eIc = 0, eDrv = 0;
        List<Estimate.LayerResult> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Acc a = accs.get(i);
            eAdc += a.eAdc;
            eAccum += a.eAccum;
            eOther += a.eOther;
            eBuf += a.eBuf;
            eIc += a.eIc;
            eDrv += a.eDrv;
            results.add(new Estimate.LayerResult(net.get(i).name(), fp.novel(i), fp.tiles(i), fp.speedUp(i),
                    fp.utilization(i), latS[i] * 1e9, a.latBuf * clockPeriodS * 1e9, a.latIc * clockPeriodS * 1e9,
                    a.latAdc * clockPeriodS * 1e9,
                    new Estimate.Energy(a.energy() * 1e12, a.eAdc * 1e12, a.eAccum * 1e12, a.eOther * 1e12,
                            a.eBuf * 1e12, a.eIc * 1e12, a.eDrv * 1e12), leakLayerJ[i] * 1e12));
        }
        double dyn = eAdc + eAccum + eOther;
        double topsW = ops / ((dyn + leakJ) * 1e12) / cal.postLayoutEnergyFactor();
        double tops = ops / (interval * 1e12);
        Estimate.Area areaRec = new Estimate.Area(area * 1e12, aArray * 1e12, aAdc * 1e12, aAccum * 1e12, aIc * 1e12,
                aOther * 1e12, aBuf * 1e12, aDrv * 1e12);
        return new Estimate(areaRec, clockPeriodS * 1e9, interval * 1e9, single * 1e9,
                new Estimate.Energy(dyn * 1e12, eAdc * 1e12, eAccum * 1e12, eOther * 1e12, eBuf * 1e12, eIc * 1e12,
                        eDrv * 1e12),
                leakJ * 1e12, ops, topsW, tops, tops / (area * 1e6), results, provenance());
    }

    /** The floorplan of the last {@link #estimate} call. */
    public ChipFloorplan floorplan() {
        return fp;
    }

    private List<Source> provenance() {
        List<Source> s = new ArrayList<>();
        s.add(Technology.SOURCE);
        s.add(Gates.SOURCE);
        s.add(Source.neurosim("SubArray", "sub-array floorplan, sensing cycle, read-phase energy (SubArray.cpp)"));
        s.add(Source.neurosim(cfg.adcType().name(), "ADC SPICE fits of power and sensing time (MultilevelSenseAmp.cpp/SarADC.cpp)"));
        s.add(Source.neurosim("ProcessingUnit/Tile/Chip", "floorplan, duplication, buffers, buses, H-tree, X-Y bus, "
                + "pipeline accounting (ProcessingUnit.cpp, Tile.cpp, Chip.cpp, main.cpp)"));
        s.add(new Source("calibration", "NeuroSim V1.4 silicon calibration factors alpha..zeta (Param.cpp); "
                + Source.NEUROSIM_V2));
        return s;
    }
}
