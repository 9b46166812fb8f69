package org.imcsim.workload;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable DNN as a DAG of {@link Node}s in topological order: node 0 is the input, the
 * {@link #output()} node produces the logits (or probabilities, if the model ends in Softmax).
 * Shapes exclude the batch dimension (see {@link TensorShape}). Built by {@link NetworkBuilder},
 * the ONNX importer or the zoo; every node contributes to the output (dead branches are pruned).
 * The crossbar layers (Conv, Dense) are listed in {@link #crossbarLayers()} with their im2col
 * matrix views. Thread-safe.
 */
public final class Network {
    private final String name;
    private final List<Node> nodes;
    private final int output;
    private final List<CrossbarLayer> crossbarLayers;
    private final int[][] consumers;
    private final Map<String, Integer> byName;

    Network(String name, List<Node> nodes, int output) {
        this.name = name;
        this.nodes = List.copyOf(nodes);
        this.output = output;
        List<CrossbarLayer> layers = new ArrayList<>();
        Map<String, Integer> names = new HashMap<>();
        int[] counts = new int[nodes.size()];
        for (Node n : nodes) {
            names.put(n.name(), n.index());
            for (int i = 0; i < n.inputCount(); i++) {
                counts[n.input(i)]++;
            }
        }
        int[][] cons = new int[nodes.size()][];
        for (int i = 0; i < cons.length; i++) {
            cons[i] = new int[counts[i]];
            counts[i] = 0;
        }
        for (Node n : nodes) {
            for (int i = 0; i < n.inputCount(); i++) {
                int src = n.input(i);
                cons[src][counts[src]++] = n.index();
            }
            if (n.kind().isCrossbar()) {
                layers.add(new CrossbarLayer(layers.size(), n, nodes.get(n.input(0)).outputShape()));
            }
        }
        this.consumers = cons;
        this.byName = Collections.unmodifiableMap(names);
        this.crossbarLayers = List.copyOf(layers);
    }

    /** The network's name (zoo name, or the ONNX file's graph name). */
    public String name() {
        return name;
    }

    /** All nodes in topological order; {@code nodes().get(i).index() == i}. */
    public List<Node> nodes() {
        return nodes;
    }

    /** Number of nodes, including the input node. */
    public int size() {
        return nodes.size();
    }

    /** Node {@code i}. */
    public Node node(int i) {
        return nodes.get(i);
    }

    /** The node called {@code nodeName}; throws {@link IllegalArgumentException} if there is none. */
    public Node node(String nodeName) {
        Integer i = byName.get(nodeName);
        if (i == null) {
            throw new IllegalArgumentException("no node named '" + nodeName + "' in network " + name);
        }
        return nodes.get(i);
    }

    /** The input node (index 0). */
    public Node input() {
        return nodes.get(0);
    }

    /** Shape of one input sample. */
    public TensorShape inputShape() {
        return nodes.get(0).outputShape();
    }

    /** The node whose output is the network's result. */
    public Node output() {
        return nodes.get(output);
    }

    /** Shape of one output sample. */
    public TensorShape outputShape() {
        return output().outputShape();
    }

    /** Indices of the nodes reading node {@code i}'s output, ascending. */
    public int[] consumers(int i) {
        return consumers[i].clone();
    }

    int consumerCount(int i) {
        return consumers[i].length;
    }

    /** The Conv and Dense layers in topological order, with their crossbar matrix views. */
    public List<CrossbarLayer> crossbarLayers() {
        return crossbarLayers;
    }

    /** The crossbar layer of node {@code nodeIndex}, or null if that node is not Conv/Dense. */
    public CrossbarLayer crossbarLayerOf(int nodeIndex) {
        for (CrossbarLayer l : crossbarLayers) {
            if (l.node().index() == nodeIndex) {
                return l;
            }
        }
        return null;
    }

    /** Multiply-accumulates per image over all crossbar layers (with zero padding modelled). */
    public long macsPerImage() {
        long s = 0;
        for (CrossbarLayer l : crossbarLayers) {
            s += l.macsPerImage(false);
        }
        return s;
    }

    /** Number of weights over all crossbar layers. */
    public long weightCount() {
        long s = 0;
        for (CrossbarLayer l : crossbarLayers) {
            s += (long) l.rows() * l.cols();
        }
        return s;
    }

    /**
     * The same network with node {@code nodeName}'s weights and bias replaced (same lengths and
     * layout as {@link Op.MatrixOp#copyWeights()}; null bias means none).
     */
    public Network withWeights(String nodeName, float[] weights, float[] bias) {
        Node n = node(nodeName);
        if (!(n.op() instanceof Op.MatrixOp m)) {
            throw new IllegalArgumentException("node '" + nodeName + "' is " + n.kind() + ", not Conv or Dense");
        }
        List<Node> copy = new ArrayList<>(nodes);
        copy.set(n.index(), n.withOp(m.withWeights(weights, bias)));
        return new Network(name, copy, output);
    }

    /** The same graph under another name. */
    public Network withName(String newName) {
        return new Network(newName, nodes, output);
    }

    /** A multi-line table: one line per node with kind, inputs and output shape. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append("network ").append(name).append(": input ").append(inputShape())
                .append(", output ").append(outputShape()).append(", ").append(crossbarLayers.size())
                .append(" crossbar layers, ").append(weightCount()).append(" weights, ")
                .append(macsPerImage()).append(" MACs/image\n");
        for (Node n : nodes) {
            sb.append(String.format("%4d %-24s %-20s in=%-10s out=%s%n", n.index(), n.name(), n.kind(),
                    java.util.Arrays.toString(n.inputs()), n.outputShape()));
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "Network(" + name + ", " + nodes.size() + " nodes, " + crossbarLayers.size() + " crossbar layers)";
    }
}
