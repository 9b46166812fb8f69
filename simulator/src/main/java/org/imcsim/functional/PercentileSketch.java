package org.imcsim.functional;

import java.util.Arrays;

/**
 * Deterministic bounded sample of a stream of values for percentiles: keeps every value until
 * the buffer is full, then halves it (keeping every second value) and from then on keeps every
 * 2^k-th value offered. The retained sample is an even stride over the stream, independent of
 * timing; percentiles are exact for streams up to the capacity. Not thread-safe.
 */
public final class PercentileSketch {
    private float[] buf;
    private int size;
    private long offered;
    private long stride = 1;
    private double max = Double.NEGATIVE_INFINITY;
    private double min = Double.POSITIVE_INFINITY;

    public PercentileSketch(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("capacity must be at least 2");
        }
        buf = new float[capacity];
    }

    public void add(double v) {
        if (v > max) {
            max = v;
        }
        if (v < min) {
            min = v;
        }
        if (offered++ % stride != 0) {
            return;
        }
        if (size == buf.length) {
            int j = 0;
            for (int i = 0; i < size; i += 2) {
                buf[j++] = buf[i];
            }
            size = j;
            stride *= 2;
            if ((offered - 1) % stride != 0) {
                return;
            }
        }
        buf[size++] = (float) v;
    }

    /** Values offered so far. */
    public long count() {
        return offered;
    }

    public double max() {
        return offered == 0 ? 0 : max;
    }

    public double min() {
        return offered == 0 ? 0 : min;
    }

    /** The q-th percentile (0 < q ≤ 100) of the retained sample, nearest-rank; 100 gives the exact max. */
    public double percentile(double q) {
        if (offered == 0) {
            return 0;
        }
        if (q >= 100) {
            return max;
        }
        float[] s = Arrays.copyOf(buf, size);
        Arrays.sort(s);
        int rank = (int) Math.ceil(q / 100.0 * size) - 1;
        return s[Math.max(0, Math.min(size - 1, rank))];
    }
}
