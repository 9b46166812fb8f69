package org.imcsim.arch;

import java.util.List;
import org.imcsim.component.Component;
import org.imcsim.component.LongInPort;
import org.imcsim.component.LongOutPort;
import org.imcsim.component.LongTimer;
import org.imcsim.component.StatWriter;
import org.imcsim.component.SystemBuilder;

/**
 * The chip's dataflow control: which input vector of which layer and image may start, on which copy of
 * the layer, and when an image is done. It reads each vector from the global buffer, sends it through the
 * interconnect into the copy's input buffer and hands the token to the copy; copies report back when
 * their outputs are in the global buffer.
 *
 * <p><b>Issue rule.</b> Each layer issues its vectors in order (images in order, vectors row-major);
 * vector {@code v} of image {@code i} goes to copy {@code (i·V + v) mod R}. It may start when
 * <ul>
 *   <li>pipelined: every producer layer has completed, for the same image, the first
 *   {@code need[p][v]} of its vectors (the rows of its output feature map that the vector's receptive
 *   field reaches, through any pooling), and</li>
 *   <li>layer by layer: every earlier layer has completed the image and the previous image is done;</li>
 *   <li>and the copy's input buffer has room for the vector (otherwise the layer waits: back-pressure).</li>
 * </ul>
 * The run ends (primary done) when the last image's every layer is complete.
 */
public final class DataflowController extends Component implements ChipControl {

    /**
     * One layer as the controller sees it.
     *
     * @param name      layer name
     * @param vectors   input vectors per image, V
     * @param banks     its copies
     * @param producers indices of the layers whose outputs it reads (empty: the network input)
     * @param need      per producer, per vector: producer vectors that must be complete first
     */
    public record Layer(String name, long vectors, List<CrossbarArrayBank> banks, int[] producers, int[][] need) {
        public Layer {
            banks = List.copyOf(banks);
            if (banks.isEmpty() || vectors < 1 || vectors > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(name + ": a layer needs at least one copy and 1.." + Integer.MAX_VALUE
                        + " vectors");
            }
            if (producers.length != need.length) {
                throw new IllegalArgumentException(name + ": one need table per producer");
            }
            for (int[] n : need) {
                if (n.length != vectors) {
                    throw new IllegalArgumentException(name + ": need table length must be the vector count");
                }
            }
        }
    }

    private final Layer[] layers;
    private final int images;
    private final boolean pipeline;
    private final Buffer globalBuffer;
    private final Interconnect network;
    private final LongOutPort[][] toBank;
    private final LongInPort doneIn;
    private final LongInPort creditIn;
    private final LongTimer issueTimer;
    private boolean issuePending;
    private final int[] nextImage;
    private final int[] nextVector;
    private final long[][][] doneBits;
    private final int[][] prefix;
    private final ImageProgress progress;

    /**
     * @param layers       the layers in topological order
     * @param images       images to run (1..{@link Token#MAX_IMAGES})
     * @param pipeline     layer pipeline (true) or layer by layer
     * @param globalBuffer where activations live between layers
     * @param network      the chip interconnect
     */
    public DataflowController(Component parent, String name, List<Layer> layers, int images, boolean pipeline,
                              Buffer globalBuffer, Interconnect network) {
        super(parent, name);
        if (images < 1 || images > Token.MAX_IMAGES || layers.isEmpty() || layers.size() > Token.MAX_LAYERS) {
            throw new IllegalArgumentException(path() + ": need 1.." + Token.MAX_IMAGES + " images and 1.."
                    + Token.MAX_LAYERS + " layers");
        }
        this.layers = layers.toArray(new Layer[0]);
        this.images = images;
        this.pipeline = pipeline;
        this.globalBuffer = globalBuffer;
        this.network = network;
        int n = this.layers.length;
        toBank = new LongOutPort[n][];
        for (int l = 0; l < n; l++) {
            Layer ly = this.layers[l];
            if (ly.banks().size() > Token.MAX_REPLICAS) {
                throw new IllegalArgumentException(path() + ": layer " + ly.name() + " has more than "
                        + Token.MAX_REPLICAS + " copies");
            }
            for (int p : ly.producers()) {
                if (p < 0 || p >= l) {
                    throw new IllegalArgumentException(path() + ": layer " + ly.name() + " reads layer " + p
                            + ", which does not come before it");
                }
            }
            toBank[l] = new LongOutPort[ly.banks().size()];
            for (int r = 0; r < toBank[l].length; r++) {
                toBank[l][r] = longOut("toL" + l + "R" + r);
            }
        }
        doneIn = longIn("done", this::onDone);
        creditIn = longIn("credit", c -> requestIssue());
        issueTimer = timer("issue", x -> issue());
        nextImage = new int[n];
        nextVector = new int[n];
        doneBits = new long[n][images][];
        prefix = new int[n][images];
        progress = new ImageProgress(n, images);
        for (int l = 0; l < n; l++) {
            for (int i = 0; i < images; i++) {
                doneBits[l][i] = new long[(int) ((this.layers[l].vectors() + 63) >>> 6)];
            }
        }
        primary();
    }

    /** Links the controller to every copy: tokens out, completions and credits back, all with no latency. */
    public void wire(SystemBuilder builder) {
        for (int l = 0; l < layers.length; l++) {
            for (int r = 0; r < toBank[l].length; r++) {
                CrossbarArrayBank b = layers[l].banks().get(r);
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

    private void issue() {
        issuePending = false;
        long now = nowPs();
        int gb = network.globalBufferNode();
        for (int l = 0; l < layers.length; l++) {
            Layer ly = layers[l];
            List<CrossbarArrayBank> banks = ly.banks();
            int copies = banks.size();
            while (nextImage[l] < images) {
                int img = nextImage[l];
                int v = nextVector[l];
                if (!admitted(l, img, v)) {
                    break;
                }
                int r = (int) (((long) img * ly.vectors() + v) % copies);
                CrossbarArrayBank bank = banks.get(r);
                BankGeometry g = bank.geometry();
                if (!bank.inBuffer().tryReserve(g.inputBits())) {
                    break;
                }
                long t = globalBuffer.read(now, g.inputBits());
                long arrive;
                if (network.broadcasts()) {
                    arrive = network.transfer(gb, g.inputTile(0), g.inputBits(), t);
                } else {
                    arrive = t;
                    for (int i = 0; i < g.inputTileCount(); i++) {
                        arrive = Math.max(arrive, network.transfer(gb, g.inputTile(i), g.inputSliceBits(), t));
                    }
                }
                long inBuf = bank.inBuffer().write(arrive, g.inputBits());
                toBank[l][r].sendAfter(inBuf - now, Token.pack(l, r, img, v));
                progress.issued(l, img, now);
                if (++nextVector[l] == ly.vectors()) {
                    nextVector[l] = 0;
                    nextImage[l]++;
                }
            }
        }
    }

    private boolean admitted(int l, int img, int v) {
        if (!pipeline) {
            return progress.leadingComplete(img) >= l && (img == 0 || progress.imageDonePs(img - 1) >= 0);
        }
        Layer ly = layers[l];
        int[] ps = ly.producers();
        for (int i = 0; i < ps.length; i++) {
            if (prefix[ps[i]][img] < ly.need()[i][v]) {
                return false;
            }
        }
        return true;
    }

    private void onDone(long token) {
        int l = Token.layer(token);
        int img = Token.image(token);
        int v = Token.vector(token);
        long[] bits = doneBits[l][img];
        bits[v >>> 6] |= 1L << (v & 63);
        int p = prefix[l][img];
        long total = layers[l].vectors();
        while (p < total && (bits[p >>> 6] & (1L << (p & 63))) != 0) {
            p++;
        }
        prefix[l][img] = p;
        if (p == total && !progress.layerDone(l, img)) {
            if (progress.completeLayer(l, img, nowPs())) {
                done();
                return;
            }
        }
        requestIssue();
    }

    /** Time image {@code i} completed, ps (−1 if not yet). */
    @Override
    public long imageDonePs(int i) {
        return progress.imageDonePs(i);
    }

    /** Time layer {@code l} first issued a vector of image {@code i}, ps (−1 if not yet). */
    @Override
    public long firstIssuePs(int l, int i) {
        return progress.firstIssuePs(l, i);
    }

    /** Time layer {@code l} completed image {@code i}, ps (−1 if not yet). */
    @Override
    public long layerDonePs(int l, int i) {
        return progress.layerDonePs(l, i);
    }

    /** Images completed. */
    @Override
    public int imagesDone() {
        return progress.imagesDone();
    }

    @Override
    protected void reportStats(StatWriter out) {
        progress.reportStats(out);
    }
}
