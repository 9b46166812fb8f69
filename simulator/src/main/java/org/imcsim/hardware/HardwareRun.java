package org.imcsim.hardware;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.imcsim.arch.Accumulator;
import org.imcsim.arch.ActivationUnit;
import org.imcsim.arch.AdcBank;
import org.imcsim.arch.BankGeometry;
import org.imcsim.arch.ChipControl;
import org.imcsim.arch.Buffer;
import org.imcsim.arch.CrossbarArrayBank;
import org.imcsim.arch.DataflowController;
import org.imcsim.arch.GlobalBus;
import org.imcsim.arch.Group;
import org.imcsim.arch.Interconnect;
import org.imcsim.arch.MeshNoc;
import org.imcsim.arch.RowDriverBank;
import org.imcsim.arch.SampleHoldBank;
import org.imcsim.arch.ShiftAddBank;
import org.imcsim.arch.StageController;
import org.imcsim.arch.TileHTree;
import org.imcsim.arch.TraceRecorder;
import org.imcsim.component.Simulation;
import org.imcsim.component.SimulationResult;
import org.imcsim.component.SystemBuilder;
import org.imcsim.config.BadInputException;
import org.imcsim.mapping.MappingSpec;
import org.imcsim.mapping.placement.LayerDemand;
import org.imcsim.mapping.placement.LayerPlacement;
import org.imcsim.mapping.placement.Placement;
import org.imcsim.mapping.placement.Placer;
import org.imcsim.workload.CrossbarLayer;
import org.imcsim.workload.FloatForward;
import org.imcsim.workload.FloatMatrixKernel;
import org.imcsim.workload.MatrixKernel;
import org.imcsim.workload.Network;
import org.imcsim.workload.OpKind;
import org.imcsim.workload.Window;
import org.imcsim.workload.zoo.SyntheticTrace;

/**
 * One hardware run: map the network, place it on the chip, measure the data-dependent read activity on
 * one image, simulate the chip on the event engine (one image for the single-image latency and the
 * action counts; in the pipeline, {@code spec.images()} images back to back for the interval), and cost
 * the counts. Deterministic: the result does not depend on {@code threads}.
 *
 * <pre>{@code
 * HardwareResult r = HardwareRun.execute(network, HardwareSpec.builder().build(),
 *         new ActivitySource.Image(image), HardwareRun.Options.defaults());
 * }</pre>
 */
public final class HardwareRun {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(HardwareRun.class);

    /**
     * Run options that do not change the figures.
     *
     * @param threads   worker threads for mapping and the activity kernel (&ge; 1)
     * @param traceCap  most spans recorded for the Chrome trace (0: no trace)
     * @param seed      run seed (component random streams; the simulation itself draws none today)
     */
    public record Options(int threads, int traceCap, long seed) {
        public Options {
            if (threads < 1 || traceCap < 0) {
                throw new IllegalArgumentException("threads must be >= 1 and traceCap >= 0");
            }
        }

        /** All cores, no trace, seed 1. */
        public static Options defaults() {
            return new Options(Runtime.getRuntime().availableProcessors(), 0, 1L);
        }

        /** The same with a trace of at most {@code cap} spans. */
        public Options withTrace(int cap) {
            return new Options(threads, cap, seed);
        }

        /** The same with {@code n} threads. */
        public Options withThreads(int n) {
            return new Options(n, traceCap, seed);
        }
    }

    private HardwareRun() {
    }

    /**
     * The mapped layers of a network and their read activity measured on one source: the half of a run that
     * depends only on how the weights are mapped ({@link HardwareSpec#mappingSpec}, analog pairs,
     * kernel-position mapping, padding), not on technology, clock, ADC, buffers, interconnect, placement or
     * dataflow. Immutable once built; {@link #simulate} may reuse it for every spec it {@linkplain #covers covers}
     * (a design-space sweep over ADC bits or the technology node measures once).
     */
    public static final class Activity {
        private final Network network;
        private final HardwareSpec spec;
        private final ActivitySource source;
        private final boolean[] novel;
        private final ActivityKernel.Prepared[] layers;
        private final LayerActivity[] acts;
        private final long[] vectors;
        private final long measureMillis;

        Activity(Network network, HardwareSpec spec, ActivitySource source, boolean[] novel, ActivityKernel.Prepared[] layers,
                 LayerActivity[] acts, long[] vectors, long measureMillis) {
            this.network = network;
            this.spec = spec;
            this.source = source;
            this.novel = novel;
            this.layers = layers;
            this.acts = acts;
            this.vectors = vectors;
            this.measureMillis = measureMillis;
        }

        /** The network measured. */
        public Network network() {
            return network;
        }

        /** The source the activity was measured on. */
        public ActivitySource source() {
            return source;
        }

        /** True if {@code other} maps the network exactly as the spec this was measured for. */
        public boolean covers(HardwareSpec other) {
            return spec.mappingSpec().equals(other.mappingSpec()) && spec.analogPairs() == other.analogPairs()
                    && spec.novelMapping() == other.novelMapping() && spec.noPadding() == other.noPadding();
        }
    }


    /**
     * Runs the network on the hardware: {@link #measure} then {@link #simulate}.
     *
     * @throws BadInputException for a network the hardware model cannot take (grouped convolutions, a
     *                           unipolar mapping of mixed-sign blocks, a fixed chip too small) or an
     *                           activity source that does not fit the spec
     */
    public static HardwareResult execute(Network network, HardwareSpec spec, ActivitySource source, Options options) {
        return simulate(measure(network, spec, source, options), spec, options);
    }

    /**
     * Maps every layer and measures its read activity on the source (the expensive, data-dependent half of a
     * run). The result serves every spec it {@linkplain Activity#covers covers}: specs that differ in
     * technology, clock, ADC, buffers, interconnect, placement or dataflow but map the same way.
     *
     * @throws BadInputException as {@link #execute}
     */
    public static Activity measure(Network network, HardwareSpec spec, ActivitySource source, Options options) {
        List<CrossbarLayer> xls = network.crossbarLayers();
        if (xls.isEmpty()) {
            throw new BadInputException(null, "workload.network", "network " + network.name() + " has no Conv or Dense layer");
        }
        for (CrossbarLayer l : xls) {
            if (l.groups() != 1) {
                throw new BadInputException(null, "workload.network", "layer " + l.name() + " is a grouped convolution ("
                        + l.groups() + " groups); the hardware model maps groups = 1 only");
            }
        }
        if (source instanceof ActivitySource.Synthetic && spec.inputBits() != SyntheticTrace.BITS) {
            throw new BadInputException(null, "mapping.inputBits", "NeuroSim's synthetic trace has "
                    + SyntheticTrace.BITS + "-bit inputs, got " + spec.inputBits());
        }
        if (source instanceof ActivitySource.Image img && img.input().length != network.inputShape().size()) {
            throw new BadInputException(null, "workload.input", "image has " + img.input().length + " values, network "
                    + network.name() + " expects " + network.inputShape().size());
        }
        ExecutorService pool = Executors.newFixedThreadPool(options.threads(), r -> {
            Thread t = new Thread(r, "imcsim-hardware");
            t.setDaemon(true);
            return t;
        });
        try {
            return measure(network, spec, source, pool);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Activity measure(Network network, HardwareSpec spec, ActivitySource source, ExecutorService pool) {
        List<CrossbarLayer> xls = network.crossbarLayers();
        int n = xls.size();
        MappingSpec ms = spec.mappingSpec();
        long t0 = System.nanoTime();
        // 1. map every layer (in parallel) straight into column masks; kernel-position ("novel") layers keep the
        //    rows of one kernel position together (NeuroSim's novel mapping)
        boolean[] novel = novelLayers(xls, spec);
        List<Future<ActivityKernel.Prepared>> prepared = new ArrayList<>(n);
        for (CrossbarLayer l : xls) {
            int kPos = novel[l.index()] ? l.conv().window().kernelH() * l.conv().window().kernelW() : 1;
            prepared.add(pool.submit(() -> {
                try {
                    return ActivityKernel.prepare(l, ms, spec.analogPairs(), kPos);
                } catch (IllegalArgumentException e) {
                    throw new BadInputException(null, "mapping.signed", e.getMessage(), e);
                }
            }));
        }
        // 2. input codes per layer, then the activity kernel per layer (overlapping the forward pass)
        long[] vectors = Dependencies.vectors(network, spec.noPadding());
        List<Future<LayerActivity>> activity = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            activity.add(null);
        }
        LayerCodes codes = new LayerCodes(n);
        if (source instanceof ActivitySource.Synthetic syn) {
            for (CrossbarLayer l : xls) {
                int v = (int) vectors[l.index()];
                short[] c = syntheticCodes(network, l, syn.seed(), v);
                activity.set(l.index(), submitActivity(pool, prepared.get(l.index()), c, v, spec.inputBits(),
                        spec.dacBits(), false));
            }
        } else {
            float[] image = ((ActivitySource.Image) source).input();
            MatrixKernel floats = new FloatMatrixKernel(network);
            MatrixKernel recording = (layer, group, x, vecs, y) -> {
                floats.multiply(layer, group, x, vecs, y);
                Codes q = quantize(layer, x, vecs, spec);
                short[] c = q.codes();
                int v = c.length / layer.rows();
                activity.set(layer.index(), submitActivity(pool, prepared.get(layer.index()), c, v, spec.inputBits(),
                        spec.dacBits(), q.signed()));
                codes.touch(layer.index());
            };
            new FloatForward(network, recording).run(image, 1);
        }
        ActivityKernel.Prepared[] layers = new ActivityKernel.Prepared[n];
        LayerActivity[] acts = new LayerActivity[n];
        for (int i = 0; i < n; i++) {
            layers[i] = get(prepared.get(i));
            if (activity.get(i) == null) {
                throw new IllegalStateException("no input vectors were recorded for layer " + xls.get(i).name());
            }
            acts[i] = get(activity.get(i));
        }
        return new Activity(network, spec, source, novel, layers, acts, vectors, (System.nanoTime() - t0) / 1_000_000);
    }

    /**
     * Places the measured layers on the chip of {@code spec}, simulates it on the event engine (one image for
     * the single-image latency and the action counts; in the pipeline, {@code spec.images()} images back to
     * back for the interval) and costs the counts.
     *
     * @throws IllegalArgumentException if {@code activity} does not {@linkplain Activity#covers cover} {@code spec}
     * @throws BadInputException        for a fixed chip too small for the network
     */
    public static HardwareResult simulate(Activity activity, HardwareSpec spec, Options options) {
        if (!activity.covers(spec)) {
            throw new IllegalArgumentException("the activity was measured for another mapping (array size, cell bits, "
                    + "precisions, DAC bits, signed scheme, kernel-position mapping or padding); measure it again");
        }
        Network network = activity.network;
        List<CrossbarLayer> xls = network.crossbarLayers();
        int n = xls.size();
        boolean[] novel = activity.novel;
        ActivityKernel.Prepared[] layers = activity.layers;
        LayerActivity[] acts = activity.acts;
        long[] vectors = activity.vectors;
        long t1 = System.nanoTime();
        // 3. placement and costs
        List<LayerDemand> demands = new ArrayList<>(n);
        for (CrossbarLayer l : xls) {
            ActivityKernel.Prepared m = layers[l.index()];
            boolean spatial = l.conv() != null && (l.conv().window().kernelH() > 1 || l.conv().window().kernelW() > 1);
            int ifm = l.kind() == OpKind.CONV ? l.inputShape().height() : 1;
            int kPos = novel[l.index()] ? l.conv().window().kernelH() * l.conv().window().kernelW() : 1;
            demands.add(new LayerDemand(l.name(), m.rowBlocks(), m.colBlocks, Math.max(1, m.crossbars),
                    vectors[l.index()], ifm, spatial, kPos));
        }
        Placement placement = Placer.place(demands, spec.placementSpec());
        long maxAct = 0;
        long[] layerInputs = new long[n];
        for (CrossbarLayer l : xls) {
            maxAct = Math.max(maxAct, (long) l.outputShape().size() * spec.inputBits());
            maxAct = Math.max(maxAct, (long) l.inputShape().size() * spec.inputBits());
            layerInputs[l.index()] = l.inputShape().size();
        }
        ChipShape shape = CostModel.shape(spec, placement, layerInputs, maxAct);
        CostModel cm = new CostModel(spec, shape);
        List<Dependencies.Edges> edges = Dependencies.of(network, spec.noPadding());
        // 4. event simulation: one image for latency and counts, then the pipeline interval
        TraceRecorder trace = options.traceCap() > 0 ? new TraceRecorder(options.traceCap()) : null;
        Chip one = Chip.build(network, spec, layers, acts, placement, cm, edges, vectors, 1, options.seed(), trace);
        SimulationResult r1 = one.simulation.run();
        requireDone(one, 1);
        long singlePs = one.controller.imageDonePs(0);
        long intervalPs = singlePs;
        Chip steady = one;
        SimulationResult rs = r1;
        if (spec.pipeline()) {
            steady = Chip.build(network, spec, layers, acts, placement, cm, edges, vectors, spec.images(), options.seed(), null);
            rs = steady.simulation.run();
            requireDone(steady, spec.images());
            int m = spec.images();
            int span = (m - 1) / 2;
            intervalPs = (steady.controller.imageDonePs(m - 1) - steady.controller.imageDonePs(m - 1 - span)) / span;
        }
        ActionCounts counts = one.counts(acts, singlePs, intervalPs, placement, cm, 2.0 * network.macsPerImage());
        long events = r1.events() + (steady != one ? rs.events() : 0);
        HardwareResult result = HardwareResult.create(network, spec, placement, layers, cm, counts, one, steady, rs,
                events, trace);
        long t2 = System.nanoTime();
        if (LOG.isDebugEnabled()) {
            LOG.debug("hardware run {}: mapping+activity {} ms, placement+simulation+costing {} ms, {} events",
                    network.name(), activity.measureMillis, (t2 - t1) / 1_000_000, events);
        }
        return result;
    }

    /** NeuroSim synthetic-trace input codes by network (identity) and (layer, seed, vectors): a sweep draws them once. */
    private static final Map<Network, Map<String, short[]>> SYNTHETIC = Collections.synchronizedMap(new WeakHashMap<>());

    /** The first {@code v} synthetic input vectors of layer {@code l} ({@code v × K} codes), cached while the network lives. */
    private static short[] syntheticCodes(Network network, CrossbarLayer l, long seed, int v) {
        Map<String, short[]> byLayer = SYNTHETIC.computeIfAbsent(network, x -> new ConcurrentHashMap<>());
        return byLayer.computeIfAbsent(l.index() + ":" + seed + ":" + v, x -> {
            SyntheticTrace.LayerInputs gen = SyntheticTrace.inputs(network, l.index(), seed);
            int k = l.rows();
            short[] c = new short[v * k];
            int[] buf = new int[k];
            for (int j = 0; j < v; j++) {
                gen.next(null, buf);
                for (int r = 0; r < k; r++) {
                    c[j * k + r] = (short) buf[r];
                }
            }
            return c;
        });
    }

    /**
     * The layers mapped one PE per kernel position when {@code chip.novelMapping} is on
     * ({@link Placer#novelLayers}); none otherwise.
     */
    static boolean[] novelLayers(List<CrossbarLayer> xls, HardwareSpec spec) {
        int n = xls.size();
        if (!spec.novelMapping()) {
            return new boolean[n];
        }
        int[] area = new int[n];
        int[] fanIn = new int[n];
        for (CrossbarLayer l : xls) {
            area[l.index()] = l.conv() != null ? l.conv().window().kernelH() * l.conv().window().kernelW() : 1;
            fanIn[l.index()] = l.rows();
        }
        return Placer.novelLayers(area, fanIn, spec.rows());
    }

    private static void requireDone(Chip chip, int images) {
        if (chip.controller.imagesDone() != images) {
            throw new IllegalStateException("the simulation stopped with " + chip.controller.imagesDone() + " of "
                    + images + " images done (deadlock in the dataflow)");
        }
    }

    /** Vectors per activity task: layers are split so both cores stay busy; merged in order (exact). */
    private static final int CHUNK_VECTORS = 128;

    private static Future<LayerActivity> submitActivity(ExecutorService pool, Future<ActivityKernel.Prepared> prep,
                                                        short[] codes, int vectors, int inputBits, int dacBits,
                                                        boolean signedInput) {
        int chunks = Math.max(1, (vectors + CHUNK_VECTORS - 1) / CHUNK_VECTORS);
        List<Future<LayerActivity>> parts = new ArrayList<>(chunks);
        for (int c = 0; c < chunks; c++) {
            int from = (int) ((long) vectors * c / chunks);
            int to = (int) ((long) vectors * (c + 1) / chunks);
            parts.add(pool.submit(() -> {
                ActivityKernel.Prepared p = prep.get();
                LayerActivity a = ActivityKernel.empty(p, dacBits);
                ActivityKernel.measure(p, codes, from, to, inputBits, dacBits, signedInput, a);
                return a;
            }));
        }
        return new MergedActivity(parts);
    }

    /** The in-order sum of a layer's activity chunks. */
    private record MergedActivity(List<Future<LayerActivity>> parts) implements Future<LayerActivity> {
        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean any = false;
            for (Future<LayerActivity> f : parts) {
                any |= f.cancel(mayInterruptIfRunning);
            }
            return any;
        }

        @Override
        public boolean isCancelled() {
            return parts.get(0).isCancelled();
        }

        @Override
        public boolean isDone() {
            for (Future<LayerActivity> f : parts) {
                if (!f.isDone()) {
                    return false;
                }
            }
            return true;
        }

        /** The sum, into a fresh record: the parts are left as they are, so every call returns the same total. */
        @Override
        public LayerActivity get() throws InterruptedException, ExecutionException {
            LayerActivity first = parts.get(0).get();
            LayerActivity sum = new LayerActivity(first.layer(), first.maxLevelSum());
            for (Future<LayerActivity> f : parts) {
                sum.add(f.get());
            }
            return sum;
        }

        @Override
        public LayerActivity get(long timeout, java.util.concurrent.TimeUnit unit)
                throws InterruptedException, ExecutionException {
            return get();
        }
    }

    /** A layer's input codes and whether they are two's complement (some input was negative). */
    record Codes(short[] codes, boolean signed) {
    }

    /** Quantizes one layer's im2col vectors per MODEL.md §1, keeping only unpadded positions if asked. */
    static Codes quantize(CrossbarLayer layer, float[] x, int vecs, HardwareSpec spec) {
        int k = layer.rows();
        int[] keep = positions(layer, vecs, spec.noPadding());
        double max = 0;
        boolean signed = false;
        int len = vecs * k;
        for (int i = 0; i < len; i++) {
            float v = x[i];
            if (v < 0) {
                signed = true;
            }
            max = Math.max(max, Math.abs(v));
        }
        int bits = spec.inputBits();
        if (signed && bits < 2) {
            throw new BadInputException(null, "mapping.inputBits", "layer " + layer.name() + ": negative inputs are fed in "
                    + "two's complement, which needs at least 2 bits (a sign bit and a magnitude bit), got " + bits);
        }
        long top = signed ? (1L << (bits - 1)) - 1 : (1L << bits) - 1;
        double scale = max > 0 ? max / top : 1.0;
        double inv = 1.0 / scale;
        long lo = signed ? -(1L << (bits - 1)) : 0;
        long hi = top;
        short[] c = new short[keep.length * k];
        for (int j = 0; j < keep.length; j++) {
            int src = keep[j] * k;
            int dst = j * k;
            for (int r = 0; r < k; r++) {
                double q = Math.rint(x[src + r] * inv);
                c[dst + r] = (short) (q < lo ? lo : (q > hi ? hi : (long) q));
            }
        }
        return new Codes(c, signed);
    }

    /** Indices of the vectors simulated: all, or with NeuroSim's convention the fully unpadded windows. */
    static int[] positions(CrossbarLayer layer, int vecs, boolean noPadding) {
        if (!noPadding || layer.conv() == null) {
            int[] all = new int[vecs];
            for (int i = 0; i < vecs; i++) {
                all[i] = i;
            }
            return all;
        }
        Window w = layer.conv().window();
        int h = layer.inputShape().height();
        int wd = layer.inputShape().width();
        int oh = layer.outputHeight();
        int ow = layer.outputWidth();
        int[] tmp = new int[vecs];
        int n = 0;
        for (int oy = 0; oy < oh; oy++) {
            int y0 = oy * w.strideH() - w.padTop();
            if (y0 < 0 || y0 + (w.kernelH() - 1) * w.dilationH() >= h) {
                continue;
            }
            for (int ox = 0; ox < ow; ox++) {
                int x0 = ox * w.strideW() - w.padLeft();
                if (x0 < 0 || x0 + (w.kernelW() - 1) * w.dilationW() >= wd) {
                    continue;
                }
                tmp[n++] = oy * ow + ox;
            }
        }
        if (n == 0) {
            tmp[n++] = 0;
        }
        return java.util.Arrays.copyOf(tmp, n);
    }

    private static <T> T get(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            while (c instanceof ExecutionException && c.getCause() != null) {
                c = c.getCause();
            }
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(c);
        }
    }

    /** Bookkeeping of which layers have recorded inputs (the forward pass visits each once). */
    private static final class LayerCodes {
        private final boolean[] seen;

        LayerCodes(int n) {
            seen = new boolean[n];
        }

        void touch(int layer) {
            if (seen[layer]) {
                throw new IllegalStateException("layer " + layer + " was computed twice for one image");
            }
            seen[layer] = true;
        }
    }

    /** The simulated chip of one run: its components, wired. */
    static final class Chip {
        final Simulation simulation;
        final ChipControl controller;
        final Interconnect network;
        final Buffer globalBuffer;
        final ActivationUnit activation;
        final List<List<Copy>> copies;
        /** Per layer and image, in the neurosim-serial dataflow: tile-buffer, H-tree and chip traffic (bits). */
        final long[][] serialTraffic;

        /** One layer copy's components. */
        record Copy(CrossbarArrayBank bank, RowDriverBank dac, SampleHoldBank sampleHold, AdcBank adc,
                    ShiftAddBank shiftAdd, Accumulator accumulator, Buffer inBuffer, Buffer outBuffer) {
        }

        private Chip(Simulation simulation, ChipControl controller, Interconnect network, Buffer globalBuffer,
                     ActivationUnit activation, List<List<Copy>> copies, long[][] serialTraffic) {
            this.simulation = simulation;
            this.controller = controller;
            this.network = network;
            this.globalBuffer = globalBuffer;
            this.activation = activation;
            this.copies = copies;
            this.serialTraffic = serialTraffic;
        }

        static Chip build(Network net, HardwareSpec spec, ActivityKernel.Prepared[] layers, LayerActivity[] acts,
                          Placement placement, CostModel cm,
                          List<Dependencies.Edges> edges, long[] vectors, int images, long seed, TraceRecorder trace) {
            SystemBuilder b = new SystemBuilder("chip", seed);
            long clk = cm.clockPs;
            int tiles = placement.chipTiles();
            boolean serial = spec.dataflow() == HardwareSpec.Dataflow.NEUROSIM_SERIAL;
            Buffer gbuf = new Buffer(b.root(), "globalBuffer", cm.globalBufferBits, cm.globalBufferWidthBits, clk);
            Interconnect ic;
            if (spec.interconnect() == HardwareSpec.Interconnect.MESH) {
                ic = new MeshNoc(b.root(), "noc", tiles, placement.gridRows(), placement.gridCols(),
                        spec.nocConcentration(), spec.nocFlitBits(), spec.nocRouterCycles(), clk);
            } else {
                GlobalBus bus = new GlobalBus(b.root(), spec.interconnect() == HardwareSpec.Interconnect.XY_BUS ? "xyBus"
                        : "hTree", tiles, cm.busWidthBits, cm.beatToTilePs, cm.beatFromTilePs,
                        spec.interconnect() == HardwareSpec.Interconnect.XY_BUS);
                bus.trace(trace);
                ic = bus;
            }
            ActivationUnit act = new ActivationUnit(b.root(), "activation", cm.reluLanes, cm.reluPs, cm.poolUnits * 4,
                    cm.poolBatchPs);
            List<CrossbarLayer> xls = net.crossbarLayers();
            List<List<Copy>> copies = new ArrayList<>();
            List<DataflowController.Layer> flow = new ArrayList<>();
            List<StageController.Stage> stages = new ArrayList<>();
            long[][] traffic = serial ? new long[xls.size()][] : null;
            MappingSpec ms = spec.mappingSpec();
            int cpw = ms.cellsPerWeight();
            int groupsPerPlane = Math.max(1, cm.numColMuxed / cpw);
            Group[] used = new Group[xls.size()];
            for (CrossbarLayer l : xls) {
                int i = l.index();
                LayerPlacement lp = placement.layers().get(i);
                CostModel.TileKind tk = cm.tile(lp.novel());
                ActivityKernel.Prepared m = layers[i];
                Group lg = new Group(b.root(), safeName(l.name(), i, used));
                used[i] = lg;
                int maxCols = m.maxPhysCols;
                int conversionsPerArray = spec.analogPairs() ? (maxCols + 1) / 2 : maxCols;
                int positions = Math.max(1, Math.min(cm.numColMuxed, (conversionsPerArray + cm.numAdc - 1) / cm.numAdc));
                long inBits = (long) l.rows() * spec.inputBits();
                long outValues = l.cols();
                long outBits = outValues * spec.inputBits();
                int gr = lp.tileGridRows();
                int gc = lp.tileGridCols();
                boolean pooled = Dependencies.pooled(net, l);
                List<Copy> cs = new ArrayList<>();
                List<CrossbarArrayBank> banks = new ArrayList<>();
                int[] groupOf = new int[lp.replicas()];
                for (int r = 0; r < lp.replicas(); r++) {
                    Group cg = new Group(lg, "r" + r);
                    groupOf[r] = lp.groupOfReplica(r);
                    int t0 = lp.tileOfReplica(r);
                    int[] inTiles = new int[gr * gc];
                    for (int t = 0; t < inTiles.length; t++) {
                        inTiles[t] = t0 + t;
                    }
                    int[] outTiles = new int[gc];
                    for (int c = 0; c < gc; c++) {
                        outTiles[c] = t0 + (gr - 1) * gc + c;
                    }
                    BankGeometry g = new BankGeometry(Math.max(1, m.crossbars), spec.inputCycles(acts[i].signedInput()), positions,
                            (cpw - 1) * groupsPerPlane, groupsPerPlane, inBits, outValues, outBits, m.rowBlocks(),
                            pooled, inTiles, (inBits + gr - 1) / gr, outTiles, (outBits + gc - 1) / gc);
                    Buffer inBuf = null;
                    Buffer outBuf = null;
                    if (!serial) {
                        // the copies of a tile group share its tiles' buffers: capacity and port bandwidth
                        int share = lp.copiesPerGroup();
                        long inCap = Math.max(1, tk.inCapacityBits * gr / share);
                        long outCap = Math.max(1, tk.outCapacityBits * gc / share);
                        int inWidth = (int) Math.max(1, (long) tk.inWidthBits * gr / share);
                        int outWidth = (int) Math.max(1, (long) tk.outWidthBits * gc / share);
                        inBuf = new Buffer(cg, "inBuffer", Math.max(inCap, inBits), inWidth, clk);
                        outBuf = new Buffer(cg, "outBuffer", Math.max(outCap, outBits), outWidth, clk);
                    }
                    RowDriverBank dac = new RowDriverBank(cg, "rowDrivers", g.arrays(), cm.driveLatencyPs);
                    AdcBank adc = new AdcBank(cg, "adc", g.arrays() * cm.numAdc, clk);
                    SampleHoldBank sh = spec.sampleHold()
                            ? new SampleHoldBank(cg, "sampleHold", g.arrays() * spec.cols(), cm.samplePs) : null;
                    ShiftAddBank sa = new ShiftAddBank(cg, "shiftAdd", g.arrays(), cm.mergePs);
                    Accumulator acc = new Accumulator(cg, "adderTree", Math.max(1, m.colBlocks) * cm.numAdc, clk,
                            cm.treeLatencyPs(m.rowBlocks()));
                    CrossbarArrayBank bank = new CrossbarArrayBank(cg, "arrays", g, dac, sh, adc, sa, acc, inBuf, outBuf,
                            ic, act, gbuf);
                    bank.trace(trace);
                    banks.add(bank);
                    cs.add(new Copy(bank, dac, sh, adc, sa, acc, inBuf, outBuf));
                }
                copies.add(cs);
                Dependencies.Edges e = edges.get(i);
                if (serial) {
                    SerialTraffic st = SerialTraffic.of(l, lp, spec, cm, tk, vectors[i], pooled, placement);
                    StageController.Group[] groups = new StageController.Group[lp.groups()];
                    for (int g = 0; g < groups.length; g++) {
                        groups[g] = new StageController.Group(
                                new Buffer(lg, "g" + g + "InBuffer", Math.max(1, tk.inCapacityBits), tk.inWidthBits, clk),
                                new Buffer(lg, "g" + g + "OutBuffer", Math.max(1, tk.outCapacityBits), tk.outWidthBits, clk),
                                new TileHTree(lg, "g" + g + "HTree", tk.treeWidthBits, tk.treeBeatPs),
                                st.tileInBits, st.tileOutBits);
                    }
                    stages.add(new StageController.Stage(l.name(), vectors[i], banks, groupOf, groups, e.producers(),
                            st.chipInBits, st.chipOutBits, st.shareIn, st.shareOut, vectors[i] * outValues, pooled,
                            lp.tileRowsOfLayer(), tk.busBeatToPs, tk.busBeatFromPs));
                    // energy: the layer's traffic passes once through the tiles of one copy (time: every group)
                    traffic[i] = new long[] {st.tileInAll, st.tileOutAll, st.chipInBits, st.chipOutBits};
                } else {
                    flow.add(new DataflowController.Layer(l.name(), vectors[i], banks, e.producers(), e.need()));
                }
            }
            ChipControl control;
            if (serial) {
                if (!(ic instanceof GlobalBus bus)) {
                    throw new BadInputException(null, "chip.dataflow", "neurosim-serial reproduces NeuroSim's buses; "
                            + "use chip.interconnect xy-bus or htree (got mesh)");
                }
                Accumulator chipTree = new Accumulator(b.root(), "chipAdderTree", cm.chipTree.numTrees(),
                        Math.max(clk, cm.chipTreePs(1, cm.shape.maxLayerTileRows())), 0);
                StageController ctrl = new StageController(b.root(), "control", stages, images, spec.pipeline(), gbuf,
                        bus, act, chipTree);
                ctrl.wire(b);
                control = ctrl;
            } else {
                DataflowController ctrl = new DataflowController(b.root(), "control", flow, images, spec.pipeline(), gbuf,
                        ic);
                ctrl.wire(b);
                control = ctrl;
            }
            Simulation sim = b.build();
            sim.simulator().setHeartbeat(0, 0);
            return new Chip(sim, control, ic, gbuf, act, copies, traffic);
        }

        /** A component name from a layer name: letters, digits and underscores, unique. */
        private static String safeName(String name, int index, Group[] used) {
            StringBuilder sb = new StringBuilder();
            for (char ch : name.toCharArray()) {
                sb.append(Character.isLetterOrDigit(ch) && ch < 128 ? ch : '_');
            }
            if (sb.length() == 0 || !Character.isLetter(sb.charAt(0))) {
                sb.insert(0, 'L');
            }
            String s = sb.toString();
            for (int i = 0; i < index; i++) {
                if (used[i] != null && used[i].name().equals(s)) {
                    return s + "_" + index;
                }
            }
            if (s.equals("globalBuffer") || s.equals("noc") || s.equals("xyBus") || s.equals("hTree")
                    || s.equals("activation") || s.equals("control") || s.equals("chipAdderTree")) {
                return s + "_" + index;
            }
            return s;
        }

        /** The per-image action counts of this (one-image) run. */
        ActionCounts counts(LayerActivity[] acts, long singlePs, long intervalPs, Placement placement, CostModel cm,
                            double ops) {
            ChipShape shape = cm.shape;
            List<ActionCounts.Layer> out = new ArrayList<>();
            boolean bcast = network.broadcasts();
            for (int i = 0; i < copies.size(); i++) {
                long planes = 0;
                long senses = 0;
                long conv = 0;
                long wm = 0;
                long im = 0;
                long adds = 0;
                long tileIn = 0;
                long tileOut = 0;
                long samples = 0;
                long vecs = 0;
                BankGeometry g = null;
                for (Copy c : copies.get(i)) {
                    planes += c.dac().planeDrives();
                    senses += c.bank().arraySenses();
                    conv += c.adc().conversions();
                    wm += c.shiftAdd().weightMerges();
                    im += c.shiftAdd().inputMerges();
                    adds += c.accumulator().adds();
                    samples += c.sampleHold() != null ? c.sampleHold().samples() : 0;
                    if (c.inBuffer() != null) {
                        tileIn += c.inBuffer().bitsRead() + c.inBuffer().bitsWritten();
                        tileOut += c.outBuffer().bitsRead() + c.outBuffer().bitsWritten();
                    }
                    vecs += c.bank().vectorsDone();
                    g = c.bank().geometry();
                }
                LayerPlacement lp = placement.layers().get(i);
                long toTile;
                long fromTile;
                long treeIn;
                long treeOut;
                long global;
                // every PE column of a copy takes the vector's rows; every PE row sends partial sums of its columns
                int kPos = lp.novel() ? lp.demand().kernelPositions() : 1;
                int peRowsOfCopy = kPos * ((lp.demand().positionRowBlocks() + cm.spec.peRows() - 1) / cm.spec.peRows());
                int peColsOfCopy = (lp.demand().colBlocks() + cm.spec.peCols() - 1) / cm.spec.peCols();
                CostModel.TileKind tk = cm.tile(lp.novel());
                long peIn = vecs * g.inputBits() * peColsOfCopy;
                long peOut = vecs * g.outputValues() * tk.pePartialSumBits * peRowsOfCopy;
                if (serialTraffic != null) {
                    long[] st = serialTraffic[i];
                    tileIn = st[0];
                    tileOut = st[1];
                    treeIn = st[0];
                    treeOut = st[1];
                    toTile = st[2];
                    fromTile = st[3];
                    global = st[2] + st[3];
                } else {
                    toTile = vecs * (bcast ? g.inputBits() : g.inputSliceBits() * g.inputTileCount());
                    fromTile = vecs * (bcast ? g.outputBits() : g.outputSliceBits() * g.outputTileCount());
                    treeIn = vecs * g.inputBits() * lp.tileGridCols();
                    treeOut = vecs * g.outputBits();
                    global = vecs * (g.inputBits() + g.outputBits());
                }
                out.add(new ActionCounts.Layer(acts[i].layer(), lp.novel(), planes, senses, conv, wm, im, adds, tileIn,
                        tileOut, treeIn, treeOut, peIn, peOut, global, toTile, fromTile, vecs * g.outputValues(),
                        g.pool() ? vecs * g.outputValues() : 0, samples, acts[i]));
            }
            long fl = network instanceof MeshNoc mesh ? mesh.flitLinks() : 0;
            long fr = network instanceof MeshNoc mesh ? mesh.flitRouters() : 0;
            return new ActionCounts(out, fl, fr, singlePs, intervalPs, shape, ops);
        }
    }

    /**
     * One layer's per-image traffic in the neurosim-serial dataflow, NeuroSim's accounting ({@code Chip.cpp},
     * {@code Tile.cpp}): every tile of the layer streams the layer's whole input (its own rows of the fan-in,
     * for every vector) and its partial sums for every vector; the chip moves the im2col input once (a
     * kernel-position layer needs one new kernel column per step along a row: 1/kW of it) and the
     * (pooled) output once.
     */
    private record SerialTraffic(long tileInBits, long tileOutBits, long tileInAll, long tileOutAll, long chipInBits,
                                 long chipOutBits, double shareIn, double shareOut) {

        static SerialTraffic of(CrossbarLayer l, LayerPlacement lp, HardwareSpec spec, CostModel cm,
                                CostModel.TileKind tk, long vectors, boolean pooled, Placement p) {
            long tv = (long) spec.inputBits() * vectors;
            int k = l.rows();
            int n = l.cols();
            int kw = l.conv() != null ? l.conv().window().kernelW() : 1;
            int kPos = l.conv() != null ? l.conv().window().kernelH() * kw : 1;
            int gr = lp.tileGridRows();
            int gc = lp.tileGridCols();
            long maxIn = 0;
            long sumIn = 0;
            if (lp.novel()) {
                int cin = k / kPos;
                int perTile = spec.peRows() * spec.rows();
                for (int a = 0; a < gr; a++) {
                    long ch = Math.max(0, Math.min(perTile, cin - (long) a * perTile));
                    long bits = ch * kPos / kw * tv;
                    maxIn = Math.max(maxIn, bits);
                    sumIn += bits;
                }
            } else {
                int perTile = spec.tileRows() * spec.peRows() * spec.rows();
                for (int a = 0; a < gr; a++) {
                    long bits = Math.max(0, Math.min(perTile, k - (long) a * perTile)) * tv;
                    maxIn = Math.max(maxIn, bits);
                    sumIn += bits;
                }
            }
            int outPerTile = (lp.novel() ? spec.peCols() : spec.tileCols() * spec.peCols())
                    * spec.mappingSpec().logicalColsPerArray();
            long maxOut = 0;
            long sumOut = 0;
            for (int c = 0; c < gc; c++) {
                long bits = Math.max(0, Math.min(outPerTile, n - (long) c * outPerTile)) * tk.partialSumBits * vectors;
                maxOut = Math.max(maxOut, bits);
                sumOut += bits;
            }
            long chipIn = (long) k * tv / (lp.novel() ? kw : 1);
            long chipOut = (long) n * tv / (pooled ? 4 : 1);
            double shareIn;
            double shareOut;
            if (spec.interconnect() == HardwareSpec.Interconnect.XY_BUS) {
                shareIn = Math.min(1.0, (double) lp.tileRowsOfLayer() / p.gridRows());
                shareOut = Math.min(1.0, (double) lp.tileColsOfLayer() / p.gridCols());
            } else {
                shareIn = Math.min(1.0, (double) lp.tiles() / p.chipTiles());
                shareOut = shareIn;
            }
            return new SerialTraffic(maxIn, maxOut, sumIn * gc, sumOut * gr, chipIn, chipOut, shareIn, shareOut);
        }
    }
}
