package org.imcsim.workload;

/**
 * Sees every node's output during a {@link FloatForward} run, e.g. to calibrate activation scales
 * (MODEL.md §1) or to record per-layer inputs for data-dependent energy.
 */
@FunctionalInterface
public interface ActivationObserver {
    /**
     * Called once per node in topological order, the input node included.
     *
     * @param node   the node just computed
     * @param values {@code batch × node.outputShape().size()} values, sample after sample; the
     *               observer must not modify them (they may be shared with later nodes)
     * @param batch  number of samples
     */
    void onOutput(Node node, float[] values, int batch);
}
