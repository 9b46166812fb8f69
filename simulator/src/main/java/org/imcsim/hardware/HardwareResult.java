package org.imcsim.hardware;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.imcsim.arch.TraceRecorder;
import org.imcsim.component.SimulationResult;
import org.imcsim.cost.ComponentCost;
import org.imcsim.mapping.placement.LayerPlacement;
import org.imcsim.mapping.placement.Placement;
import org.imcsim.mapping.placement.PlacementSpec;
import org.imcsim.workload.CrossbarLayer;
import org.imcsim.workload.Network;

/**
 * The per-inference outcome of a hardware run: area, energy and latency with breakdowns, throughput and
 * efficiency, mapping statistics, per-layer rows, utilisation, provenance and the raw action counts.
 * Immutable. {@link #toJson(ObjectNode)} fills the report's fields (issue 4 §5); {@link #recost} turns the
 * same counts into figures for another technology node or ADC circuit without re-simulating.
 */
public final class HardwareResult {

    /**
     * One crossbar layer's row of the report.
     *
     * @param name            layer name
     * @param shape           readable shape, e.g. {@code conv3x3 128x32x32 -> 128x32x32 (K=1152, N=128)}
     * @param crossbars       arrays over all copies
     * @param duplication     copies of the weights
     * @param tiles           tiles the layer occupies
     * @param cellUtilization cells holding weights / cells of its arrays
     * @param vectors         input vectors per image
     * @param energyPj        dynamic energy per image, pJ (all categories)
     * @param latencyNs       time from the layer's first vector issue to its last output, one image alone, ns
     * @param areaMm2         area of its tiles, mm²
     * @param utilization     mean busy fraction of its arrays in the measured run
     */
    public record LayerRow(String name, String shape, long crossbars, int duplication, int tiles, double cellUtilization,
                           long vectors, double energyPj, double latencyNs, double areaMm2, double utilization) {
    }

    private final String network;
    private final HardwareSpec spec;
    private final PlacementSpec placementSpec;
    private final List<LayerRow> layers;
    private final ActionCounts counts;
    private final Costing.Result cost;
    private final List<CostModel.Provenance> provenance;
    private final List<ComponentCost> componentCosts;
    private final long clockPs;
    private final double opsPerInference;
    private final long crossbars;
    private final long arraySlots;
    private final double cellUtilization;
    private final Map<String, Double> utilization;
    private final long events;
    private final TraceRecorder trace;

    private HardwareResult(String network, HardwareSpec spec, PlacementSpec placementSpec, List<LayerRow> layers,
                           ActionCounts counts, Costing.Result cost, CostModel cm, double opsPerInference,
                           long crossbars, long arraySlots, double cellUtilization, Map<String, Double> utilization,
                           long events, TraceRecorder trace) {
        this.network = network;
        this.spec = spec;
        this.placementSpec = placementSpec;
        this.layers = List.copyOf(layers);
        this.counts = counts;
        this.cost = cost;
        this.provenance = List.copyOf(cm.provenance);
        this.componentCosts = List.copyOf(cm.components);
        this.clockPs = cm.clockPs;
        this.opsPerInference = opsPerInference;
        this.crossbars = crossbars;
        this.arraySlots = arraySlots;
        this.cellUtilization = cellUtilization;
        this.utilization = Collections.unmodifiableMap(new java.util.LinkedHashMap<>(utilization));
        this.events = events;
        this.trace = trace;
    }

    static HardwareResult create(Network net, HardwareSpec spec, Placement placement, ActivityKernel.Prepared[] mapped, CostModel cm,
                                 ActionCounts counts, HardwareRun.Chip one, HardwareRun.Chip steady,
                                 SimulationResult steadyResult, long events, TraceRecorder trace) {
        Costing.Result cost = Costing.cost(cm, counts, spec.pipeline());
        List<CrossbarLayer> xls = net.crossbarLayers();
        List<LayerRow> rows = new ArrayList<>();
        double ops = counts.opsPerInference();
        long usedCells = 0;
        long allocatedCells = 0;
        long end = Math.max(1, steadyResult.endTimePs());
        for (CrossbarLayer l : xls) {
            int i = l.index();
            LayerPlacement lp = placement.layers().get(i);
            ActivityKernel.Prepared m = mapped[i];
            long vecs = lp.demand().vectorsPerImage();
            usedCells += m.usedCells * lp.replicas();
            long cells = (long) m.crossbars * spec.rows() * spec.cols();
            allocatedCells += cells * lp.replicas();
            double e = 0;
            for (double v : cost.layerEnergyPj()[i]) {
                e += v;
            }
            long latency = one.controller.layerDonePs(i, 0) - one.controller.firstIssuePs(i, 0);
            long busy = 0;
            for (HardwareRun.Chip.Copy c : steady.copies.get(i)) {
                busy += c.bank().busyPs();
            }
            double util = (double) busy / ((double) end * steady.copies.get(i).size());
            rows.add(new LayerRow(l.name(), shape(l), lp.crossbars(), lp.replicas(), lp.tiles(), cells == 0 ? 0 : (double) m.usedCells / cells,
                    vecs, e, latency / 1000.0, lp.tiles() * (lp.novel() ? cost.novelTileAreaMm2() : cost.tileAreaMm2()),
                    util));
        }
        Map<String, Double> util = new java.util.LinkedHashMap<>();
        util.put("globalBuffer", (double) steady.globalBuffer.busyPs() / end);
        util.put("interconnect", (double) ((org.imcsim.component.Component) steady.network).busyPs()
                / ((double) end * steady.network.resources()));
        util.put("activation", (double) steady.activation.busyPs() / end);
        double arrays = 0;
        long copies = 0;
        for (List<HardwareRun.Chip.Copy> cs : steady.copies) {
            for (HardwareRun.Chip.Copy c : cs) {
                arrays += c.bank().busyPs();
                copies++;
            }
        }
        util.put("arrays", arrays / ((double) end * Math.max(1, copies)));
        double cellUtil = allocatedCells == 0 ? 0 : (double) usedCells / allocatedCells;
        return new HardwareResult(net.name(), spec, placement.spec(), rows, counts, cost, cm, ops, placement.crossbars(),
                placement.arraySlots(), cellUtil, util, events, trace);
    }

    private static String shape(CrossbarLayer l) {
        String kind = l.conv() != null ? "conv" + l.conv().window().kernelH() + "x" + l.conv().window().kernelW() : "dense";
        return kind + " " + l.inputShape() + " -> " + l.outputShape() + " (K=" + l.rows() + ", N=" + l.cols() + ")";
    }

    /**
     * The same counts costed with {@code other}, which may change the technology, device, ADC model and
     * resolution, voltages, toggle rates and buffer/bus sizes but not what was simulated (array size, cell
     * bits, precisions, signed scheme, columns per ADC, chip organisation, dataflow, interconnect kind).
     * Times are the simulated ones: if {@code other} changes the clock, re-simulate instead.
     *
     * @throws IllegalArgumentException if {@code other} changes a simulated field
     */
    public HardwareResult recost(HardwareSpec other) {
        return recost(network, counts, other, layers, spec);
    }

    /**
     * Costs saved counts (e.g. read back from {@code action_counts.json}) with {@code spec}; the layer rows
     * supply names, shapes and mapping figures, and {@code simulated} is the spec the counts came from.
     */
    public static HardwareResult recost(String network, ActionCounts counts, HardwareSpec spec, List<LayerRow> rows,
                                        HardwareSpec simulated) {
        return recost(network, counts, spec, rows, simulated, counts.opsPerInference());
    }

    private static HardwareResult recost(String network, ActionCounts counts, HardwareSpec spec, List<LayerRow> rows,
                                         HardwareSpec simulated, double ops) {
        Objects.requireNonNull(spec, "spec");
        checkSameSimulation(simulated, spec);
        CostModel cm = new CostModel(spec, counts.shape());
        Costing.Result cost = Costing.cost(cm, counts, spec.pipeline());
        List<LayerRow> out = new ArrayList<>();
        long xbars = 0;
        for (int i = 0; i < rows.size(); i++) {
            LayerRow r = rows.get(i);
            double e = 0;
            for (double v : cost.layerEnergyPj()[i]) {
                e += v;
            }
            xbars += r.crossbars();
            out.add(new LayerRow(r.name(), r.shape(), r.crossbars(), r.duplication(), r.tiles(), r.cellUtilization(),
                    r.vectors(), e, r.latencyNs(), r.tiles() * (counts.layers().get(i).novel() ? cost.novelTileAreaMm2()
                    : cost.tileAreaMm2()), r.utilization()));
        }
        ChipShape sh = counts.shape();
        long slots = (long) sh.conventionalTiles() * spec.placementSpec().arraysPerTile()
                + (long) sh.novelTiles() * sh.novelPes() * spec.placementSpec().arraysPerPe();
        return new HardwareResult(network, spec, spec.placementSpec(), out, counts, cost, cm, ops, xbars, slots, 0,
                Map.of(), 0, null);
    }

    private static void checkSameSimulation(HardwareSpec a, HardwareSpec b) {
        boolean same = a.rows() == b.rows() && a.cols() == b.cols() && a.cellBits() == b.cellBits()
                && a.weightBits() == b.weightBits() && a.inputBits() == b.inputBits() && a.dacBits() == b.dacBits()
                && a.signed() == b.signed() && a.subtraction() == b.subtraction() && a.colsPerAdc() == b.colsPerAdc()
                && a.placementSpec().equals(b.placementSpec()) && a.interconnect() == b.interconnect()
                && a.noPadding() == b.noPadding() && a.dataflow() == b.dataflow()
                // the profile sets the simulated timing (ISAAC's 100 ns read cycle, clock, unit counts)
                && a.costProfile() == b.costProfile();
        if (!same) {
            throw new IllegalArgumentException("re-costing cannot change what was simulated (array size, cell bits, "
                    + "precisions, signed scheme, columns per ADC, chip organisation, pipeline, interconnect, padding, cost profile); "
                    + "re-run the simulation instead");
        }
    }

    // ---- figures ----

    /** Network name. */
    public String network() {
        return network;
    }

    /** The spec the figures were costed with. */
    public HardwareSpec spec() {
        return spec;
    }

    /** Chip area, mm². */
    public double areaMm2() {
        return cost.areaMm2Total();
    }

    /** Layout whitespace inside the sub-array bounding boxes (part of the "other" area), mm². */
    public double whitespaceMm2() {
        return cost.whitespaceMm2();
    }

    /** Area by category, mm². */
    public Map<Category, Double> areaBreakdownMm2() {
        return Collections.unmodifiableMap(cost.areaMm2());
    }

    /** Energy per inference (dynamic + leakage), pJ. */
    public double energyPj() {
        return cost.dynamicPj() + cost.leakagePj();
    }

    /** Dynamic energy per inference, pJ. */
    public double dynamicEnergyPj() {
        return cost.dynamicPj();
    }

    /** Leakage energy per inference (leakage power × interval, or × latency layer by layer), pJ. */
    public double leakageEnergyPj() {
        return cost.leakagePj();
    }

    /** Dynamic energy by category, pJ. */
    public Map<Category, Double> energyBreakdownPj() {
        return Collections.unmodifiableMap(cost.energyPj());
    }

    /** Latency of one image alone on the chip, ns. */
    public double singleImageNs() {
        return counts.singleImagePs() / 1000.0;
    }

    /** Time between successive images in steady state, ns. */
    public double pipelineIntervalNs() {
        return counts.intervalPs() / 1000.0;
    }

    /** Clock period, ns. */
    public double clockPeriodNs() {
        return clockPs / 1000.0;
    }

    /** Inferences per second in steady state. */
    public double inferencesPerSecond() {
        return 1e12 / counts.intervalPs();
    }

    /** Operations (2 per multiply-accumulate) per inference. */
    public double opsPerInference() {
        return opsPerInference;
    }

    /** Tera-operations per second in steady state. */
    public double tops() {
        return opsPerInference * inferencesPerSecond() / 1e12;
    }

    /**
     * TOPS/W: operations per pJ of energy per inference, divided by the calibration's post-layout energy
     * factor (NeuroSim's convention: 1.22 with its calibration, 1 without).
     */
    public double topsPerWatt() {
        return opsPerInference / energyPj() / spec.calibration().postLayoutEnergyFactor();
    }

    /** TOPS per mm². */
    public double topsPerMm2() {
        return tops() / areaMm2();
    }

    /** Arrays allocated (all copies). */
    public long crossbars() {
        return crossbars;
    }

    /** Per-layer rows. */
    public List<LayerRow> layers() {
        return layers;
    }

    /** The raw action counts (per inference) and measured activity. */
    public ActionCounts actionCounts() {
        return counts;
    }

    /** Provenance of every figure: (field, model, citation). */
    public List<String[]> provenance() {
        List<String[]> out = new ArrayList<>();
        for (CostModel.Provenance p : provenance) {
            out.add(new String[] {p.figure(), p.model(), p.citation()});
        }
        return out;
    }

    /** The per-component cost figures used (area per slot, energy per action, latency, leakage, source). */
    public List<ComponentCost> componentCosts() {
        return componentCosts;
    }

    /** Busy fractions of the shared resources and the mean of the array banks. */
    public Map<String, Double> utilization() {
        return utilization;
    }

    /** Events handled by the simulations. */
    public long events() {
        return events;
    }

    /** The recorded trace, or null. */
    public TraceRecorder trace() {
        return trace;
    }

    /**
     * Writes the report fields into {@code root}: {@code area}, {@code energy}, {@code latency},
     * {@code throughput}, {@code efficiency}, {@code mapping}, {@code layers}, {@code utilization},
     * {@code provenance}, {@code simulation}. Units are in the field names.
     */
    public void toJson(ObjectNode root) {
        ObjectNode area = root.putObject("area");
        area.put("totalMm2", areaMm2());
        ObjectNode ab = area.putObject("breakdownMm2");
        for (Category c : Category.values()) {
            ab.put(c.key(), cost.areaMm2().get(c));
        }
        area.put("tileMm2", cost.tileAreaMm2());
        if (cost.novelTileAreaMm2() > 0) {
            area.put("novelTileMm2", cost.novelTileAreaMm2());
        }
        area.put("whitespaceMm2", cost.whitespaceMm2());
        ObjectNode energy = root.putObject("energy");
        energy.put("totalPj", energyPj());
        energy.put("dynamicPj", dynamicEnergyPj());
        energy.put("leakagePj", leakageEnergyPj());
        ObjectNode eb = energy.putObject("breakdownPj");
        for (Category c : Category.values()) {
            eb.put(c.key(), cost.energyPj().get(c));
        }
        energy.put("leakagePowerUw", cost.leakagePowerUw());
        ObjectNode lat = root.putObject("latency");
        lat.put("singleImageNs", singleImageNs());
        lat.put("pipelineIntervalNs", pipelineIntervalNs());
        lat.put("clockPeriodNs", clockPeriodNs());
        ObjectNode tp = root.putObject("throughput");
        tp.put("inferencesPerSecond", inferencesPerSecond());
        tp.put("tops", tops());
        tp.put("opsPerInference", opsPerInference);
        ObjectNode eff = root.putObject("efficiency");
        eff.put("topsPerWatt", topsPerWatt());
        eff.put("topsPerMm2", topsPerMm2());
        ObjectNode map = root.putObject("mapping");
        map.put("crossbars", crossbars);
        map.put("arraySlots", arraySlots);
        map.put("slotUtilization", arraySlots == 0 ? 0 : (double) crossbars / arraySlots);
        map.put("cellUtilization", cellUtilization);
        map.put("tiles", counts.shape().chipTiles());
        map.put("novelTiles", counts.shape().novelTiles());
        map.put("tileGrid", counts.shape().gridRows() + "x" + counts.shape().gridCols());
        map.put("arraysPerPe", placementSpec.peRows() + "x" + placementSpec.peCols());
        map.put("pesPerTile", placementSpec.tileRows() + "x" + placementSpec.tileCols());
        ArrayNode ls = root.putArray("layers");
        for (LayerRow r : layers) {
            ObjectNode o = ls.addObject();
            o.put("name", r.name());
            o.put("shape", r.shape());
            o.put("crossbars", r.crossbars());
            o.put("duplication", r.duplication());
            o.put("tiles", r.tiles());
            o.put("cellUtilization", r.cellUtilization());
            o.put("vectors", r.vectors());
            o.put("energyPj", r.energyPj());
            o.put("latencyNs", r.latencyNs());
            o.put("areaMm2", r.areaMm2());
            o.put("utilization", r.utilization());
        }
        ObjectNode ut = root.putObject("utilization");
        for (Map.Entry<String, Double> e : utilization.entrySet()) {
            ut.put(e.getKey(), e.getValue());
        }
        ArrayNode pv = root.putArray("provenance");
        for (CostModel.Provenance p : provenance) {
            ObjectNode o = pv.addObject();
            o.put("figure", p.figure());
            o.put("model", p.model());
            o.put("source", p.citation());
        }
        ObjectNode sim = root.putObject("simulation");
        sim.put("events", events);
        sim.put("imagesForInterval", spec.pipeline() ? spec.images() : 1);
        if (trace != null) {
            sim.put("traceSpans", trace.size());
            sim.put("traceSpansDropped", trace.dropped());
        }
    }
}
