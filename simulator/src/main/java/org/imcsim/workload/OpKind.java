package org.imcsim.workload;

/** The kind of a {@link Op}, for switch statements (one constant per {@code Op} implementation). */
public enum OpKind {
    INPUT, CONV, DENSE, RELU, CLIP, MAX_POOL, AVERAGE_POOL, GLOBAL_AVERAGE_POOL, FLATTEN, RESHAPE,
    ADD, SOFTMAX, IDENTITY, CHANNEL_AFFINE;

    /** True for the kinds that run on crossbars (a weight matrix times an input vector). */
    public boolean isCrossbar() {
        return this == CONV || this == DENSE;
    }
}
