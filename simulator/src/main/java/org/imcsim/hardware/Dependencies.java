package org.imcsim.hardware;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.imcsim.workload.CrossbarLayer;
import org.imcsim.workload.Network;
import org.imcsim.workload.Node;
import org.imcsim.workload.Op;
import org.imcsim.workload.Window;

/**
 * Which crossbar layers feed which, and how much of a producer's output each input vector of a
 * consumer needs — the dependency tables of the layer pipeline.
 *
 * <p>A consumer vector at output row {@code oy} of a convolution reads input rows up to
 * {@code oy·s − padTop + (kH − 1)·dil}; walking back through element-wise nodes (ReLU, Clip, affine,
 * identity, Add) keeps the row, through a pooling window maps it the same way, and through Flatten,
 * Reshape, global pooling or a Dense consumer needs the whole feature map. At a producer crossbar layer
 * the row becomes a vector count, {@code (row + 1)·OW}, since vectors complete row-major. With
 * NeuroSim's no-padding convention (fewer vectors per layer) indices are scaled proportionally.
 */
final class Dependencies {
    private Dependencies() {
    }

    /** Producers and need tables of one consumer layer. */
    record Edges(int[] producers, int[][] need) {
    }

    /** Vectors per image of each crossbar layer under the chosen padding convention. */
    static long[] vectors(Network net, boolean noPadding) {
        List<CrossbarLayer> xl = net.crossbarLayers();
        long[] v = new long[xl.size()];
        for (CrossbarLayer l : xl) {
            v[l.index()] = l.outputPositions(noPadding);
        }
        return v;
    }

    /** The edges of every crossbar layer, in layer order. */
    static List<Edges> of(Network net, boolean noPadding) {
        List<CrossbarLayer> xls = net.crossbarLayers();
        long[] vec = vectors(net, noPadding);
        List<Edges> out = new ArrayList<>(xls.size());
        for (CrossbarLayer l : xls) {
            int oh = l.kind() == org.imcsim.workload.OpKind.CONV ? l.outputHeight() : 1;
            long paddedVectors = l.outputPositions();
            // needed producer row per consumer output row, per producer layer
            Map<Integer, int[]> rowNeed = new HashMap<>();
            Node inNode = net.node(l.node().input(0));
            for (int oy = 0; oy < oh; oy++) {
                int row;
                if (l.conv() != null) {
                    Window w = l.conv().window();
                    row = Math.min(l.inputShape().height() - 1,
                            oy * w.strideH() - w.padTop() + (w.kernelH() - 1) * w.dilationH());
                    row = Math.max(row, 0);
                } else {
                    row = inNode.outputShape().height() - 1;
                }
                Map<Integer, Integer> visited = new HashMap<>();
                walk(net, inNode.index(), row, visited, rowNeed, oy, oh);
            }
            int[] producers = rowNeed.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
            int[][] need = new int[producers.length][];
            int count = (int) vec[l.index()];
            for (int pi = 0; pi < producers.length; pi++) {
                int p = producers[pi];
                CrossbarLayer pl = xls.get(p);
                int ow = pl.kind() == org.imcsim.workload.OpKind.CONV ? pl.outputWidth() : 1;
                long pPadded = pl.outputPositions();
                long pVec = vec[p];
                int[] perRow = rowNeed.get(p);
                need[pi] = new int[count];
                for (int v = 0; v < count; v++) {
                    long padded = count == paddedVectors ? v : (long) v * paddedVectors / count;
                    int oyv = (int) Math.min(oh - 1, padded / Math.max(1, paddedVectors / oh));
                    long n = Math.min(pPadded, (long) (perRow[oyv] + 1) * ow);
                    if (pVec != pPadded) {
                        n = (n * pVec + pPadded - 1) / pPadded;
                    }
                    need[pi][v] = (int) Math.min(n, pVec);
                }
            }
            out.add(new Edges(producers, need));
        }
        return out;
    }

    /** Walks back from {@code node} needing output row {@code row}, recording producer rows. */
    private static void walk(Network net, int node, int row, Map<Integer, Integer> visited,
                             Map<Integer, int[]> rowNeed, int oy, int oh) {
        Integer seen = visited.get(node);
        if (seen != null && seen >= row) {
            return;
        }
        visited.put(node, row);
        Node n = net.node(node);
        CrossbarLayer producer = net.crossbarLayerOf(node);
        if (producer != null) {
            int[] r = rowNeed.computeIfAbsent(producer.index(), k -> new int[oh]);
            r[oy] = Math.max(r[oy], row);
            return;
        }
        switch (n.kind()) {
            case INPUT -> {
            }
            case RELU, CLIP, IDENTITY, CHANNEL_AFFINE -> walk(net, n.input(0), row, visited, rowNeed, oy, oh);
            case ADD -> {
                walk(net, n.input(0), row, visited, rowNeed, oy, oh);
                walk(net, n.input(1), row, visited, rowNeed, oy, oh);
            }
            case MAX_POOL, AVERAGE_POOL -> {
                Window w = n.op() instanceof Op.MaxPool m ? m.window() : ((Op.AveragePool) n.op()).window();
                int h = net.node(n.input(0)).outputShape().height();
                int r = Math.min(h - 1, row * w.strideH() - w.padTop() + (w.kernelH() - 1) * w.dilationH());
                walk(net, n.input(0), Math.max(r, 0), visited, rowNeed, oy, oh);
            }
            default -> {
                // Flatten, Reshape, global pooling, Softmax: the whole input
                int h = net.node(n.input(0)).outputShape().height();
                walk(net, n.input(0), h - 1, visited, rowNeed, oy, oh);
            }
        }
    }

    /** Whether a pooling node follows the layer's output (through element-wise nodes). */
    static boolean pooled(Network net, CrossbarLayer l) {
        return pooledFrom(net, l.node().index(), 0);
    }

    private static boolean pooledFrom(Network net, int node, int depth) {
        if (depth > 8) {
            return false;
        }
        for (int c : net.consumers(node)) {
            switch (net.node(c).kind()) {
                case MAX_POOL, AVERAGE_POOL -> {
                    return true;
                }
                case RELU, CLIP, IDENTITY, CHANNEL_AFFINE -> {
                    if (pooledFrom(net, c, depth + 1)) {
                        return true;
                    }
                }
                default -> {
                }
            }
        }
        return false;
    }
}
