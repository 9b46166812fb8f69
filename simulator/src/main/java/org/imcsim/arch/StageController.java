package org.imcsim.arch;

import java.util.Arrays;
import java.util.List;
import org.imcsim.component.Component;
import org.imcsim.component.LongInPort;
import org.imcsim.component.LongOutPort;
import org.imcsim.component.LongTimer;
import org.imcsim.component.StatWriter;
import org.imcsim.component.SystemBuilder;

/**
 * The chip's control in the {@code neurosim-serial} dataflow: NeuroSim V1.4's per-layer accounting
 * ({@code Chip.cpp}, {@code Tile.cpp}) played out on the components. Each layer is a pipeline stage that
 * holds one image at a time and handles it in phases that follow one another:
 * <ol>
 *   <li>in: the layer's input leaves the global buffer ({@link Buffer} port), crosses the layer's share
 *   of the global bus ({@link GlobalBus#transferOnShare}), and streams into every tile group's input
 *   buffer (half of the bits written, half read, as NeuroSim charges it) and down its H-tree
 *   ({@link TileHTree});</li>
 *   <li>compute: every input vector goes to a copy ({@code v mod R}); the copies' arrays, ADCs,
 *   shift-adders and adder trees compute them ({@link CrossbarArrayBank} without buffers);</li>
 *   <li>out: when a group's vectors are done its partial sums go up its H-tree and through its output
 *   buffer; when all groups are done the chip adder tree sums the layer's tile rows, the activation unit
 *   applies ReLU (and max-pool), and the result crosses the bus back into the global buffer.</li>
 * </ol>
 * Every tile group streams the layer's whole input and output (NeuroSim hands each tile the layer's
 * whole input-vector set; duplication divides only the array time). A layer starts image {@code i} when
 * it has finished image {@code i−1} and its producers have finished image {@code i} (pipeline), or when
 * every earlier layer has finished image {@code i} and image {@code i−1} is done (layer by layer). The
 * pipelined interval is then the slowest stage, as in NeuroSim. The bus shares are the layers' own, so
 * layers never wait for one another on the bus; the global buffer, the activation unit and the chip
 * adder tree are shared.
 */
public final class StageController extends Component implements ChipControl {

    /**
     * One tile group (tiles holding copies of a layer) and the traffic of one image through it.
     *
     * @param in       its input buffer (port: NeuroSim's line width × cores)
     * @param out      its output buffer
     * @param tree     its H-tree
     * @param inBits   bits its busiest tile moves in per image (sets the time)
     * @param outBits  bits its busiest tile moves out per image
     */
    public record Group(Buffer in, Buffer out, TileHTree tree, long inBits, long outBits) {
    }

    /**
     * One layer stage.
     *
     * @param name            layer name
     * @param vectors         input vectors per image
     * @param banks           its copies
     * @param groupOfCopy     the group of each copy
     * @param groups          its tile groups
     * @param producers       layers whose outputs it reads
     * @param chipInBits      bits read from the global buffer and carried to the tiles per image
     * @param chipOutBits     bits carried back and written per image
     * @param shareIn         the layer's share of the bus towards the tiles, (0, 1]
     * @param shareOut        its share back, (0, 1]
     * @param outputs         output values per image (through the activation unit)
     * @param pool            whether a max-pool follows
     * @param tileRows        tile rows whose partial sums the chip adder tree adds (1: none)
     * @param busBeatInPs     one bus beat towards this layer's tiles, ps (NeuroSim: from its tile kind's pitch)
     * @param busBeatOutPs    one bus beat back, ps
     */
    public record Stage(String name, long vectors, List<CrossbarArrayBank> banks, int[] groupOfCopy, Group[] groups,
                        int[] producers, long chipInBits, long chipOutBits, double shareIn, double shareOut,
                        long outputs, boolean pool, int tileRows, long busBeatInPs, long busBeatOutPs) {
        public Stage {
            banks = List.copyOf(banks);
            if (banks.isEmpty() || groupOfCopy.length != banks.size() || groups.length < 1 || vectors < 1
                    || vectors > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(name + ": inconsistent stage");
            }
            for (int g : groupOfCopy) {
                if (g < 0 || g >= groups.length) {
                    throw new IllegalArgumentException(name + ": copy in a group that does not exist");
                }
            }
        }
    }

    private final Stage[] stages;
    private final int images;
    private final boolean pipeline;
    private final Buffer globalBuffer;
    private final GlobalBus bus;
    private final ActivationUnit activation;
    private final Accumulator chipTree;
    private final LongOutPort[][] toBank;
    private final LongInPort doneIn;
    private final LongInPort creditIn;
    private final LongTimer issueTimer;
    private final LongTimer tilesDone;
    private final LongTimer layerDone;
    private boolean issuePending;
    private final boolean[] busy;
    private final int[] nextImage;
    private final int[][] vectorsLeft;
    private final int[] groupsLeft;
    private final long[] tilesEndPs;
    private final ImageProgress progress;

    /**
     * @param stages       the layers in topological order
     * @param images       images to run (1..{@link Token#MAX_IMAGES})
     * @param pipeline     layer pipeline (true) or layer by layer
     * @param globalBuffer where activations live between layers
     * @param bus          the global bus (X-Y bus or H-tree)
     * @param activation   the chip's ReLU / max-pool unit
     * @param chipTree     the chip adder tree over tile rows
     */
    public StageController(Component parent, String name, List<Stage> stages, int images, boolean pipeline,
                           Buffer globalBuffer, GlobalBus bus, ActivationUnit activation, Accumulator chipTree) {
        super(parent, name);
        if (images < 1 || images > Token.MAX_IMAGES || stages.isEmpty() || stages.size() > Token.MAX_LAYERS) {
            throw new IllegalArgumentException(path() + ": need 1.." + Token.MAX_IMAGES + " images and 1.."
                    + Token.MAX_LAYERS + " layers");
        }
        this.stages = stages.toArray(new Stage[0]);
        this.images = images;
        this.pipeline = pipeline;
        this.globalBuffer = globalBuffer;
        this.bus = bus;
        this.activation = activation;
        this.chipTree = chipTree;
        int n = this.stages.length;
        toBank = new LongOutPort[n][];
        for (int l = 0; l < n; l++) {
            Stage s = this.stages[l];
            if (s.banks().size() > Token.MAX_REPLICAS) {
                throw new IllegalArgumentException(path() + ": layer " + s.name() + " has more than "
                        + Token.MAX_REPLICAS + " copies");
            }
            for (int p : s.producers()) {
                if (p < 0 || p >= l) {
                    throw new IllegalArgumentException(path() + ": layer " + s.name() + " reads layer " + p
                            + ", which does not come before it");
                }
            }
            toBank[l] = new LongOutPort[s.banks().size()];
            for (int r = 0; r < toBank[l].length; r++) {
                toBank[l][r] = longOut("toL" + l + "R" + r);
            }
        }
        doneIn = longIn("done", this::onVectorDone);
        // compute-only copies send no credits (no input buffer); the port is wired so every output is connected
        creditIn = longIn("credit", c -> {
            throw new IllegalStateException(path() + ": a compute-only copy sent an input-buffer credit");
        });
        issueTimer = timer("issue", x -> issue());
        tilesDone = timer("tilesDone", this::onTilesDone);
        layerDone = timer("layerDone", this::onLayerDone);
        busy = new boolean[n];
        nextImage = new int[n];
        vectorsLeft = new int[n][];
        groupsLeft = new int[n];
        tilesEndPs = new long[n];
        for (int l = 0; l < n; l++) {
            vectorsLeft[l] = new int[this.stages[l].groups().length];
        }
        progress = new ImageProgress(n, images);
        primary();
    }

    /** Links the controller to every copy: tokens out and completions back, with no latency. */
    public void wire(SystemBuilder builder) {
        for (int l = 0; l < stages.length; l++) {
            for (int r = 0; r < toBank[l].length; r++) {
                CrossbarArrayBank b = stages[l].banks().get(r);
                builder.connect(toBank[l][r], b.in(), 0);
                builder.connect(b.completed(), doneIn, 0);
                builder.connect(b.credit(), creditIn, 0);
            }
        }
    }

    @Override
    protected void setup() {
        requestIssue();
    }

    private void requestIssue() {
        if (!issuePending) {
            issuePending = true;
            issueTimer.scheduleAt(nowPs(), 0);
        }
    }

    private static long key(int layer, int image) {
        return ((long) layer << 16) | image;
    }

    private void issue() {
        issuePending = false;
        for (int l = 0; l < stages.length; l++) {
            if (!busy[l] && nextImage[l] < images && admitted(l, nextImage[l])) {
                start(l, nextImage[l]);
            }
        }
    }

    private boolean admitted(int l, int img) {
        if (!pipeline) {
            return progress.leadingComplete(img) >= l && (img == 0 || progress.imageDonePs(img - 1) >= 0);
        }
        for (int p : stages[l].producers()) {
            if (!progress.layerDone(p, img)) {
                return false;
            }
        }
        return true;
    }

    /** Phase "in", then the vectors go to the copies. */
    private void start(int l, int img) {
        Stage s = stages[l];
        long now = nowPs();
        busy[l] = true;
        progress.issued(l, img, now);
        long t = globalBuffer.read(now, s.chipInBits());
        t = bus.transferOnShare(true, s.chipInBits(), s.shareIn(), s.busBeatInPs(), t);
        Group[] gs = s.groups();
        long[] ready = new long[gs.length];
        for (int g = 0; g < gs.length; g++) {
            Group gr = gs[g];
            long half = gr.inBits() / 2;
            long tg = gr.in().write(t, half);
            tg = gr.in().read(tg, gr.inBits() - half);
            ready[g] = gr.tree().transfer(tg, gr.inBits());
        }
        int copies = s.banks().size();
        int[] left = vectorsLeft[l];
        Arrays.fill(left, 0);
        for (long v = 0; v < s.vectors(); v++) {
            int r = (int) (v % copies);
            int g = s.groupOfCopy()[r];
            left[g]++;
            toBank[l][r].sendAfter(ready[g] - now, Token.pack(l, r, img, v));
        }
        groupsLeft[l] = gs.length;
        tilesEndPs[l] = now;
        for (int g = 0; g < gs.length; g++) {
            if (left[g] == 0) {
                groupOut(l, g, ready[g], img);
            }
        }
    }

    private void onVectorDone(long token) {
        int l = Token.layer(token);
        int g = stages[l].groupOfCopy()[Token.replica(token)];
        if (--vectorsLeft[l][g] == 0) {
            groupOut(l, g, nowPs(), Token.image(token));
        }
    }

    /** Phase "out" of one group: partial sums up the H-tree and through the output buffer. */
    private void groupOut(int l, int g, long readyPs, int img) {
        Group gr = stages[l].groups()[g];
        long t = gr.tree().transfer(readyPs, gr.outBits());
        long half = gr.outBits() / 2;
        t = gr.out().write(t, half);
        t = gr.out().read(t, gr.outBits() - half);
        tilesEndPs[l] = Math.max(tilesEndPs[l], t);
        if (--groupsLeft[l] == 0) {
            tilesDone.scheduleAt(Math.max(tilesEndPs[l], nowPs()), key(l, img));
        }
    }

    /** Chip part of phase "out": adder tree over tile rows, activation, bus, global buffer. */
    private void onTilesDone(long key) {
        int l = (int) (key >>> 16);
        Stage s = stages[l];
        long t = nowPs();
        if (s.tileRows() > 1) {
            t = chipTree.reduce(t, s.outputs(), s.tileRows());
        }
        t = activation.process(t, s.outputs(), s.pool());
        t = bus.transferOnShare(false, s.chipOutBits(), s.shareOut(), s.busBeatOutPs(), t);
        t = globalBuffer.write(t, s.chipOutBits());
        layerDone.scheduleAt(t, key);
    }

    private void onLayerDone(long key) {
        int l = (int) (key >>> 16);
        int img = (int) (key & 0xFFFF);
        long now = nowPs();
        busy[l] = false;
        nextImage[l]++;
        if (progress.completeLayer(l, img, now)) {
            done();
            return;
        }
        requestIssue();
    }

    @Override
    public long imageDonePs(int i) {
        return progress.imageDonePs(i);
    }

    @Override
    public long firstIssuePs(int l, int i) {
        return progress.firstIssuePs(l, i);
    }

    @Override
    public long layerDonePs(int l, int i) {
        return progress.layerDonePs(l, i);
    }

    @Override
    public int imagesDone() {
        return progress.imagesDone();
    }

    @Override
    protected void reportStats(StatWriter out) {
        progress.reportStats(out);
    }
}
