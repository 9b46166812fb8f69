package org.imcsim.workload.zoo;

import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import org.imcsim.config.BadInputException;
import org.imcsim.workload.CrossbarLayer;
import org.imcsim.workload.Network;
import org.imcsim.workload.RandomStreams;

/**
 * Weight sparsity imposed on every crossbar layer of a network, defined on the layer's
 * {@code K × N} crossbar matrix ({@link CrossbarLayer}). Exactly {@code round(fraction · count)}
 * items are zeroed per layer (per block for the row/column kinds), chosen uniformly at random from
 * the stream (seed, {@code "sparsity/<layer name>"}):
 * <ul>
 *   <li>{@code UNSTRUCTURED}: individual weights;</li>
 *   <li>{@code CHANNEL}: whole output channels (matrix columns, filter pruning), bias included; the
 *   network's output layer is exempt (it would delete classes);</li>
 *   <li>{@code CROSSBAR_ROW}: the matrix is tiled into {@code blockRows × blockCols} blocks (crossbar
 *   size in weights); in each block that many of its row segments are zeroed (word lines that carry
 *   no weight in that crossbar);</li>
 *   <li>{@code CROSSBAR_COLUMN}: likewise, column segments of each block;</li>
 *   <li>{@code CROSSBAR_BLOCK}: whole blocks, which a mapper need not allocate (crossbar pruning).</li>
 * </ul>
 * Blocks count weights, not cells: for a weight spanning several cells (bit slices, differential
 * pairs) pass the crossbar's column count divided by the cells per weight.
 */
public record Sparsity(Kind kind, double fraction, int blockRows, int blockCols) {

    /** What is zeroed. */
    public enum Kind { NONE, UNSTRUCTURED, CHANNEL, CROSSBAR_ROW, CROSSBAR_COLUMN, CROSSBAR_BLOCK }

    public Sparsity {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("sparsity fraction must be in [0, 1], got " + fraction);
        }
        boolean blocked = kind == Kind.CROSSBAR_ROW || kind == Kind.CROSSBAR_COLUMN || kind == Kind.CROSSBAR_BLOCK;
        if (blocked && (blockRows < 1 || blockCols < 1)) {
            throw new IllegalArgumentException("crossbar sparsity needs a positive block size, got "
                    + blockRows + "x" + blockCols);
        }
    }

    /** No sparsity. */
    public static Sparsity none() {
        return new Sparsity(Kind.NONE, 0, 0, 0);
    }

    public static Sparsity unstructured(double fraction) {
        return new Sparsity(Kind.UNSTRUCTURED, fraction, 0, 0);
    }

    public static Sparsity channels(double fraction) {
        return new Sparsity(Kind.CHANNEL, fraction, 0, 0);
    }

    public static Sparsity crossbarRows(double fraction, int rows, int cols) {
        return new Sparsity(Kind.CROSSBAR_ROW, fraction, rows, cols);
    }

    public static Sparsity crossbarColumns(double fraction, int rows, int cols) {
        return new Sparsity(Kind.CROSSBAR_COLUMN, fraction, rows, cols);
    }

    public static Sparsity crossbarBlocks(double fraction, int rows, int cols) {
        return new Sparsity(Kind.CROSSBAR_BLOCK, fraction, rows, cols);
    }

    /**
     * Parses {@code none}, {@code unstructured:F}, {@code channel:F}, {@code xbar-row:F:RxC},
     * {@code xbar-col:F:RxC} or {@code xbar-block:F:RxC} (F a fraction in [0, 1], R×C the block in
     * weights, e.g. {@code xbar-block:0.5:128x128}).
     */
    public static Sparsity parse(String text, String source, String field) {
        String[] p = text.trim().toLowerCase(Locale.ROOT).split(":");
        try {
            switch (p[0]) {
                case "none":
                    if (p.length == 1) {
                        return none();
                    }
                    break;
                case "unstructured":
                    if (p.length == 2) {
                        return unstructured(Double.parseDouble(p[1]));
                    }
                    break;
                case "channel":
                    if (p.length == 2) {
                        return channels(Double.parseDouble(p[1]));
                    }
                    break;
                case "xbar-row":
                case "xbar-col":
                case "xbar-block":
                    if (p.length == 3) {
                        String[] rc = p[2].split("x");
                        if (rc.length == 2) {
                            Kind k = p[0].equals("xbar-row") ? Kind.CROSSBAR_ROW
                                    : p[0].equals("xbar-col") ? Kind.CROSSBAR_COLUMN : Kind.CROSSBAR_BLOCK;
                            return new Sparsity(k, Double.parseDouble(p[1]), Integer.parseInt(rc[0]), Integer.parseInt(rc[1]));
                        }
                    }
                    break;
                default:
                    break;
            }
        } catch (IllegalArgumentException e) {
            throw new BadInputException(source, field, "invalid sparsity '" + text + "': " + e.getMessage());
        }
        throw new BadInputException(source, field, "invalid sparsity '" + text + "': expected none, unstructured:F, "
                + "channel:F, xbar-row:F:RxC, xbar-col:F:RxC or xbar-block:F:RxC");
    }

    /** The network with this sparsity applied to every crossbar layer (unchanged for NONE or fraction 0). */
    public Network apply(Network network, long seed) {
        if (kind == Kind.NONE || fraction == 0) {
            return network;
        }
        Network result = network;
        List<CrossbarLayer> layers = network.crossbarLayers();
        for (CrossbarLayer l : layers) {
            if (kind == Kind.CHANNEL && l.index() == layers.size() - 1) {
                continue;
            }
            RandomGenerator rng = RandomStreams.derive(seed, "sparsity/" + l.name());
            float[] w = l.op().copyWeights(); // [N][K]: column c of the matrix at c·K
            float[] b = l.op().copyBias();
            int k = l.rows();
            int n = l.cols();
            switch (kind) {
                case UNSTRUCTURED: {
                    for (int idx : choose(rng, w.length, fraction)) {
                        w[idx] = 0f;
                    }
                    break;
                }
                case CHANNEL: {
                    for (int c : choose(rng, n, fraction)) {
                        java.util.Arrays.fill(w, c * k, (c + 1) * k, 0f);
                        b[c] = 0f;
                    }
                    break;
                }
                default:
                    blocks(rng, w, k, n);
                    break;
            }
            result = result.withWeights(l.name(), w, l.op().hasBias() ? b : null);
        }
        return result;
    }

    private void blocks(RandomGenerator rng, float[] w, int k, int n) {
        int br = blockRows;
        int bc = blockCols;
        int rowBlocks = (k + br - 1) / br;
        int colBlocks = (n + bc - 1) / bc;
        if (kind == Kind.CROSSBAR_BLOCK) {
            for (int blk : choose(rng, rowBlocks * colBlocks, fraction)) {
                int r0 = blk / colBlocks * br;
                int c0 = blk % colBlocks * bc;
                zero(w, k, r0, Math.min(r0 + br, k), c0, Math.min(c0 + bc, n));
            }
            return;
        }
        for (int rb = 0; rb < rowBlocks; rb++) {
            int r0 = rb * br;
            int r1 = Math.min(r0 + br, k);
            for (int cb = 0; cb < colBlocks; cb++) {
                int c0 = cb * bc;
                int c1 = Math.min(c0 + bc, n);
                if (kind == Kind.CROSSBAR_ROW) {
                    for (int r : choose(rng, r1 - r0, fraction)) {
                        zero(w, k, r0 + r, r0 + r + 1, c0, c1);
                    }
                } else {
                    for (int c : choose(rng, c1 - c0, fraction)) {
                        zero(w, k, r0, r1, c0 + c, c0 + c + 1);
                    }
                }
            }
        }
    }

    /** Zeroes matrix rows [r0, r1) × columns [c0, c1) of weights stored [N][K]. */
    private static void zero(float[] w, int k, int r0, int r1, int c0, int c1) {
        for (int c = c0; c < c1; c++) {
            java.util.Arrays.fill(w, c * k + r0, c * k + r1, 0f);
        }
    }

    /** {@code round(fraction·n)} distinct indices in [0, n), uniformly (partial Fisher–Yates). */
    static int[] choose(RandomGenerator rng, int n, double fraction) {
        int m = (int) Math.round(fraction * n);
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        for (int i = 0; i < m; i++) {
            int j = i + rng.nextInt(n - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        return java.util.Arrays.copyOf(idx, m);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case NONE -> "none";
            case UNSTRUCTURED -> "unstructured:" + fraction;
            case CHANNEL -> "channel:" + fraction;
            case CROSSBAR_ROW -> "xbar-row:" + fraction + ":" + blockRows + "x" + blockCols;
            case CROSSBAR_COLUMN -> "xbar-col:" + fraction + ":" + blockRows + "x" + blockCols;
            case CROSSBAR_BLOCK -> "xbar-block:" + fraction + ":" + blockRows + "x" + blockCols;
        };
    }
}
