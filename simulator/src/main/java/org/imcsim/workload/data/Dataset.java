package org.imcsim.workload.data;

import org.imcsim.workload.TensorShape;

/**
 * Labelled samples for evaluation. Samples are kept in their compact raw form (bytes for images)
 * and preprocessed when read, so a 10k-image set costs its file size in memory; readers take a
 * sample limit and stop reading the file there. Immutable and thread-safe.
 */
public final class Dataset {
    private final String name;
    private final String source;
    private final TensorShape sampleShape;
    private final Preprocessing preprocessing;
    private final int size;
    private final int classes;
    private final byte[] rawBytes;   // unsigned bytes, or null
    private final float[] rawFloats; // or raw floats
    private final int[] labels;
    private final float[] lookup;    // preprocessed value of each byte value per channel, for byte data

    Dataset(String name, String source, TensorShape sampleShape, Preprocessing preprocessing, int size,
            byte[] rawBytes, float[] rawFloats, int[] labels) {
        if (preprocessing.channels() != 1 && preprocessing.channels() != sampleShape.channels()) {
            throw new IllegalArgumentException("preprocessing has " + preprocessing.channels()
                    + " channels, samples have " + sampleShape.channels());
        }
        this.name = name;
        this.source = source;
        this.sampleShape = sampleShape;
        this.preprocessing = preprocessing;
        this.size = size;
        this.rawBytes = rawBytes;
        this.rawFloats = rawFloats;
        this.labels = labels;
        int max = -1;
        for (int i = 0; i < size; i++) {
            max = Math.max(max, labels[i]);
        }
        this.classes = max + 1;
        if (rawBytes != null) {
            int ch = sampleShape.channels();
            lookup = new float[ch * 256];
            for (int c = 0; c < ch; c++) {
                for (int v = 0; v < 256; v++) {
                    lookup[c * 256 + v] = preprocessing.apply(v, c);
                }
            }
        } else {
            lookup = null;
        }
    }

    /** Short name (e.g. {@code fashion-mnist}, or the file name). */
    public String name() {
        return name;
    }

    /** The file(s) it was read from. */
    public String source() {
        return source;
    }

    /** Shape of one sample (e.g. 1×28×28); values are laid out row-major in this shape. */
    public TensorShape sampleShape() {
        return sampleShape;
    }

    /** The preprocessing applied when samples are read. */
    public Preprocessing preprocessing() {
        return preprocessing;
    }

    /** Number of samples. */
    public int size() {
        return size;
    }

    /** 1 + the largest label. */
    public int classes() {
        return classes;
    }

    /** Label of sample {@code i}. */
    public int label(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("sample " + i + " of " + size);
        }
        return labels[i];
    }

    /** Writes preprocessed sample {@code i} into {@code dst[offset .. offset + sampleShape().size())}. */
    public void sample(int i, float[] dst, int offset) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("sample " + i + " of " + size);
        }
        int n = sampleShape.size();
        int base = i * n;
        if (rawBytes != null) {
            int per = sampleShape.spatialSize();
            int ch = sampleShape.channels();
            for (int c = 0; c < ch; c++) {
                int lo = c * 256;
                for (int j = c * per, e = j + per; j < e; j++) {
                    dst[offset + j] = lookup[lo + (rawBytes[base + j] & 0xff)];
                }
            }
        } else {
            int per = sampleShape.spatialSize();
            for (int j = 0; j < n; j++) {
                dst[offset + j] = preprocessing.apply(rawFloats[base + j], j / per);
            }
        }
    }

    /**
     * Copies samples {@code [first, first + count)} into {@code x} (sample after sample, as
     * {@link org.imcsim.workload.FloatForward#run} expects) and their labels into {@code labels}
     * (may be null).
     */
    public void batch(int first, int count, float[] x, int[] labelsOut) {
        int n = sampleShape.size();
        for (int k = 0; k < count; k++) {
            sample(first + k, x, k * n);
            if (labelsOut != null) {
                labelsOut[k] = labels[first + k];
            }
        }
    }

    /** The samples at {@code rows} (in that order) as a dataset of its own, named {@code newName}. */
    public Dataset subset(String newName, int[] rows) {
        int n = sampleShape.size();
        byte[] b = rawBytes != null ? new byte[rows.length * n] : null;
        float[] f = rawFloats != null ? new float[rows.length * n] : null;
        int[] l = new int[rows.length];
        for (int k = 0; k < rows.length; k++) {
            int r = rows[k];
            if (r < 0 || r >= size) {
                throw new IndexOutOfBoundsException("row " + r + " of " + size);
            }
            if (b != null) {
                System.arraycopy(rawBytes, r * n, b, k * n, n);
            } else {
                System.arraycopy(rawFloats, r * n, f, k * n, n);
            }
            l[k] = labels[r];
        }
        return new Dataset(newName, source, sampleShape, preprocessing, rows.length, b, f, l);
    }

    @Override
    public String toString() {
        return "Dataset(" + name + ", " + size + " x " + sampleShape + ", " + preprocessing.name() + ")";
    }
}
