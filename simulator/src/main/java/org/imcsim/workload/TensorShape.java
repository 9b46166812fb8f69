package org.imcsim.workload;

import java.util.Arrays;

/**
 * The shape of one sample's tensor, batch dimension excluded: {@code [C, H, W]} for feature maps
 * (NCHW without the N), {@code [F]} for flat vectors. Activations of a batch of {@code b} samples are
 * stored as {@code float[b * size()]}, sample after sample, each sample row-major in this shape.
 * Immutable.
 */
public final class TensorShape {
    private final int[] dims;
    private final int size;

    private TensorShape(int[] dims) {
        if (dims.length == 0) {
            throw new IllegalArgumentException("a tensor shape needs at least one dimension");
        }
        long n = 1;
        for (int d : dims) {
            if (d <= 0) {
                throw new IllegalArgumentException("dimensions must be positive, got " + Arrays.toString(dims));
            }
            n *= d;
            if (n > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("tensor too large: " + Arrays.toString(dims));
            }
        }
        this.dims = dims;
        this.size = (int) n;
    }

    /** A shape with the given dimensions (all positive). */
    public static TensorShape of(int... dims) {
        return new TensorShape(dims.clone());
    }

    /** A feature-map shape {@code [channels, height, width]}. */
    public static TensorShape chw(int channels, int height, int width) {
        return new TensorShape(new int[] {channels, height, width});
    }

    /** A flat vector shape {@code [features]}. */
    public static TensorShape flat(int features) {
        return new TensorShape(new int[] {features});
    }

    /** Number of dimensions. */
    public int rank() {
        return dims.length;
    }

    /** Dimension {@code i}. */
    public int dim(int i) {
        return dims[i];
    }

    /** A copy of the dimensions. */
    public int[] dims() {
        return dims.clone();
    }

    /** Number of elements of one sample. */
    public int size() {
        return size;
    }

    /** True for a rank-3 {@code [C, H, W]} feature map. */
    public boolean isFeatureMap() {
        return dims.length == 3;
    }

    /** Channels: dimension 0 (for a flat vector, its length). */
    public int channels() {
        return dims[0];
    }

    /** Height of a feature map (1 for lower ranks). */
    public int height() {
        return dims.length >= 2 ? dims[1] : 1;
    }

    /** Width of a feature map (1 for lower ranks). */
    public int width() {
        return dims.length >= 3 ? dims[2] : 1;
    }

    /** Elements per channel: {@code size() / channels()}. */
    public int spatialSize() {
        return size / dims[0];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorShape t && Arrays.equals(dims, t.dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    /** {@code 3x32x32} style. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < dims.length; i++) {
            if (i > 0) {
                sb.append('x');
            }
            sb.append(dims[i]);
        }
        return sb.toString();
    }
}
