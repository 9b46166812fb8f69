package org.imcsim.arch;

/**
 * What a run reads back from the chip's control after the simulation: when each image and each layer
 * finished. Implemented by the two dataflows' controllers ({@link DataflowController},
 * {@link StageController}).
 */
public interface ChipControl {
    /** Time image {@code i} completed, ps (−1 if not yet). */
    long imageDonePs(int i);

    /** Time layer {@code l} first issued work for image {@code i}, ps (−1 if not yet). */
    long firstIssuePs(int l, int i);

    /** Time layer {@code l} completed image {@code i}, ps (−1 if not yet). */
    long layerDonePs(int l, int i);

    /** Images completed. */
    int imagesDone();
}
