package org.imcsim.workload;

/**
 * One vertex of a {@link Network}: an operator applied to the outputs of earlier nodes. Node 0 is
 * the network input; every node's inputs have smaller indices (the node list is topologically
 * ordered). Immutable.
 */
public final class Node {
    private final int index;
    private final String name;
    private final Op op;
    private final int[] inputs;
    private final TensorShape outputShape;

    Node(int index, String name, Op op, int[] inputs, TensorShape outputShape) {
        this.index = index;
        this.name = name;
        this.op = op;
        this.inputs = inputs.clone();
        this.outputShape = outputShape;
    }

    /** Position in {@link Network#nodes()}. */
    public int index() {
        return index;
    }

    /** Unique name within the network (the ONNX node name, or the zoo's layer name). */
    public String name() {
        return name;
    }

    /** The operator. */
    public Op op() {
        return op;
    }

    /** Shorthand for {@code op().kind()}. */
    public OpKind kind() {
        return op.kind();
    }

    /** Number of inputs (0 for the input node, 2 for Add, 1 otherwise). */
    public int inputCount() {
        return inputs.length;
    }

    /** Index of the node producing input {@code i}. */
    public int input(int i) {
        return inputs[i];
    }

    /** A copy of the input node indices. */
    public int[] inputs() {
        return inputs.clone();
    }

    /** Shape of this node's output for one sample. */
    public TensorShape outputShape() {
        return outputShape;
    }

    Node withOp(Op newOp) {
        return new Node(index, name, newOp, inputs, outputShape);
    }

    @Override
    public String toString() {
        return "#" + index + " " + name + " " + op.kind() + " -> " + outputShape;
    }
}
