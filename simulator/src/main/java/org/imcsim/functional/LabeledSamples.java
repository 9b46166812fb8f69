package org.imcsim.functional;

/**
 * Read-only access to an evaluation set: samples in the network's input layout and their labels.
 * Implementations must allow concurrent {@link #load} calls from several threads.
 */
public interface LabeledSamples {

    /** Number of samples. */
    int size();

    /** Values per sample. */
    int sampleSize();

    /** Copies samples {@code [start, start+count)} into {@code dst} (count × sampleSize values). */
    void load(int start, int count, float[] dst);

    /** Label of sample {@code i}. */
    int label(int i);
}
