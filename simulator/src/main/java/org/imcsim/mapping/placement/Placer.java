package org.imcsim.mapping.placement;

import java.util.ArrayList;
import java.util.List;
import org.imcsim.config.BadInputException;

/**
 * Places mapped layers on the chip hierarchy and chooses their duplication (NeuroSim V1.4's floorplan,
 * {@code Chip.cpp} ChipDesignInitialize/ChipFloorPlan, re-derived; docs/hardware.md).
 *
 * <p><b>Geometry.</b> One copy of a layer is its {@code rowBlocks × colBlocks} grid of arrays. A
 * conventional tile holds {@code (tileRows·peRows) × (tileCols·peCols)} array slots. Per dimension, a copy
 * that leaves room is stacked with other copies ({@code ⌊slots/blocks⌋}, NeuroSim's PE and sub-array
 * duplication) and a copy that does not spans {@code ⌈blocks/slots⌉} tiles; a <em>group</em> of
 * {@code gridR × gridC} tiles then holds {@code fillR·fillC} copies. A kernel-position ("novel") layer
 * is laid out on novel tiles of {@code kH·kW} PEs, one per kernel position, with the same rule applied to
 * the {@code ⌈Cin/rows⌉ × colBlocks} arrays of one position against one PE's {@code peRows × peCols}
 * slots (NeuroSim's {@code Chip.cpp} novel mapping). A tile never holds two layers.
 *
 * <p><b>Duplication.</b> Layer by layer, a layer gets its {@code fill} copies (they cost no extra tile).
 * In the pipeline, NeuroSim's speed-up rule: with {@code maxIFM} the first layer's input size and
 * {@code minIFM} the smallest input of a spatial convolution, the degree is
 * {@code min(speedUpDegree, ⌊maxIFM/minIFM⌋)}, {@code bound = ⌈maxIFM/degree⌉}, and layer l wants
 * {@code D_l = ⌈(ifm_l/bound)²⌉} copies, rounded up to whole groups: {@code fill·⌈D_l/fill⌉}.
 * With a fixed chip size the placer starts from one tile group per layer and repeatedly duplicates the
 * bottleneck layer (most vectors per copy) while it fits and is below its D_l; a network whose single
 * copies do not fit is an error.
 */
public final class Placer {
    private Placer() {
    }

    /**
     * Places {@code demands} (one per crossbar layer, in order).
     *
     * @throws BadInputException (field {@code chip.tiles}) if a fixed-size chip cannot hold the network
     */
    public static Placement place(List<LayerDemand> demands, PlacementSpec spec) {
        int n = demands.size();
        if (n == 0) {
            throw new IllegalArgumentException("a network with no crossbar layers cannot be placed");
        }
        int[] fill = new int[n];
        int[] gridR = new int[n];
        int[] gridC = new int[n];
        int novelPes = 0;
        for (int i = 0; i < n; i++) {
            LayerDemand d = demands.get(i);
            // the slot grid a copy is packed into: a conventional tile, or one PE per kernel position
            int tr = spec.tileArrayRows();
            int tc = spec.tileArrayCols();
            if (d.novel()) {
                if (!spec.novelMapping()) {
                    throw new IllegalArgumentException(d.name() + ": a kernel-position layer needs novelMapping");
                }
                if (novelPes != 0 && novelPes != d.kernelPositions()) {
                    throw new IllegalArgumentException(d.name() + ": novel layers must share one kernel area ("
                            + novelPes + " vs " + d.kernelPositions() + ")");
                }
                novelPes = d.kernelPositions();
                tr = spec.peRows();
                tc = spec.peCols();
            }
            int rb = d.positionRowBlocks();
            int cb = d.colBlocks();
            // per dimension: copies stack where the copy leaves room, or the copy spans tiles
            int fr = rb <= tr ? tr / rb : 1;
            int fc = cb <= tc ? tc / cb : 1;
            fill[i] = fr * fc;
            gridR[i] = ceilDiv(rb, tr);
            gridC[i] = ceilDiv(cb, tc);
        }
        int[] desired = desiredSpeedUp(demands, spec);
        int[] replicas = new int[n];
        for (int i = 0; i < n; i++) {
            int cap = (int) Math.min(desired[i], demands.get(i).vectorsPerImage());
            replicas[i] = spec.pipeline() ? fill[i] * ceilDiv(Math.max(cap, 1), fill[i]) : fill[i];
        }
        if (spec.chipTiles() > 0) {
            int[] minimal = fill.clone();
            long need = totalTiles(minimal, fill, gridR, gridC);
            if (need > spec.chipTiles()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < n; i++) {
                    sb.append(i == 0 ? "" : ", ").append(demands.get(i).name()).append('=')
                            .append(tilesOf(minimal[i], fill[i], gridR[i], gridC[i]));
                }
                throw new BadInputException(null, "chip.tiles", "the network needs at least " + need
                        + " tiles of " + spec.tileArrayRows() + "×" + spec.tileArrayCols() + " arrays (" + sb
                        + ") but the chip has " + spec.chipTiles());
            }
            if (spec.pipeline()) {
                replicas = greedy(demands, spec.chipTiles(), minimal, replicas, fill, gridR, gridC);
            } else {
                replicas = minimal;
            }
        }
        List<LayerPlacement> out = new ArrayList<>(n);
        int next = 0;
        int novelTiles = 0;
        for (int i = 0; i < n; i++) {
            int tiles = tilesOf(replicas[i], fill[i], gridR[i], gridC[i]);
            out.add(new LayerPlacement(i, demands.get(i), replicas[i], desired[i], gridR[i], gridC[i], fill[i], next,
                    tiles));
            next += tiles;
            if (demands.get(i).novel()) {
                novelTiles += tiles;
            }
        }
        int chip = spec.chipTiles() > 0 ? spec.chipTiles() : next;
        int rows = (int) Math.ceil(Math.sqrt(chip));
        int cols = ceilDiv(chip, rows);
        return new Placement(spec, out, next, chip, rows, cols, novelTiles, novelPes);
    }

    /**
     * Which layers NeuroSim V1.4 maps one PE per kernel position ({@code Chip.cpp}, "novel mapping"):
     * spatial convolutions whose kernel area is the network's most common spatial kernel area and whose
     * fan-in {@code Cin·kH·kW} fills at least one array ({@code ≥ rows}). Such a layer's copy is
     * {@code kH·kW} PE groups, each holding the {@code Cin × N} weights of one kernel position.
     *
     * @param kernelArea kH·kW per crossbar layer (1 for dense layers)
     * @param fanIn      K per crossbar layer
     * @param rows       array rows
     * @return per layer: whether it is novel-mapped
     */
    public static boolean[] novelLayers(int[] kernelArea, int[] fanIn, int rows) {
        int n = kernelArea.length;
        boolean[] novel = new boolean[n];
        int common = 0;
        int best = 0;
        for (int i = 0; i < n; i++) {
            if (kernelArea[i] <= 1) {
                continue;
            }
            int count = 0;
            for (int j = 0; j < n; j++) {
                if (kernelArea[j] == kernelArea[i]) {
                    count++;
                }
            }
            if (count > best) {
                best = count;
                common = kernelArea[i];
            }
        }
        for (int i = 0; i < n; i++) {
            novel[i] = common > 1 && kernelArea[i] == common && fanIn[i] >= rows;
        }
        return novel;
    }

    /** NeuroSim's per-layer speed-up D_l (1 for every layer when not pipelined). */
    static int[] desiredSpeedUp(List<LayerDemand> demands, PlacementSpec spec) {
        int n = demands.size();
        int[] d = new int[n];
        java.util.Arrays.fill(d, 1);
        if (!spec.pipeline()) {
            return d;
        }
        int maxIfm = demands.get(0).ifmSize();
        int minIfm = maxIfm;
        for (LayerDemand l : demands) {
            if (l.conv() && l.ifmSize() < minIfm) {
                minIfm = l.ifmSize();
            }
        }
        int degree = Math.max(1, Math.min(spec.speedUpDegree(), maxIfm / Math.max(minIfm, 1)));
        int bound = ceilDiv(maxIfm, degree);
        for (int i = 0; i < n; i++) {
            double r = (double) demands.get(i).ifmSize() / bound;
            d[i] = Math.max(1, (int) Math.ceil(r * r));
        }
        return d;
    }

    private static int[] greedy(List<LayerDemand> demands, int chipTiles, int[] start, int[] cap, int[] fill,
                                int[] gridR, int[] gridC) {
        int n = demands.size();
        int[] r = start.clone();
        long used = totalTiles(r, fill, gridR, gridC);
        while (true) {
            int b = 0;
            long worst = -1;
            for (int i = 0; i < n; i++) {
                long v = ceilDiv(demands.get(i).vectorsPerImage(), r[i]);
                if (v > worst) {
                    worst = v;
                    b = i;
                }
            }
            int step = fill[b];
            if (r[b] + step > cap[b]) {
                return r;
            }
            int extra = tilesOf(r[b] + step, fill[b], gridR[b], gridC[b]) - tilesOf(r[b], fill[b], gridR[b], gridC[b]);
            if (used + extra > chipTiles) {
                return r;
            }
            r[b] += step;
            used += extra;
        }
    }

    private static long totalTiles(int[] replicas, int[] fill, int[] gridR, int[] gridC) {
        long t = 0;
        for (int i = 0; i < replicas.length; i++) {
            t += tilesOf(replicas[i], fill[i], gridR[i], gridC[i]);
        }
        return t;
    }

    private static int tilesOf(int replicas, int fill, int gridR, int gridC) {
        return ceilDiv(replicas, fill) * gridR * gridC;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
