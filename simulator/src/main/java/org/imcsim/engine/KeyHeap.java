package org.imcsim.engine;

import java.util.Arrays;

/**
 * A 4-ary min-heap of int values keyed by (time, tie), on parallel primitive arrays. Keys must be
 * unique (the tie holds a sequence number), which makes the order total. The building block of
 * both queue implementations; package-private because its contract (no emptiness checks in
 * {@link #minTime()} etc.) is for careful callers only.
 *
 * <p>4-ary rather than binary: half the depth, and the four children of a node are adjacent, so
 * one cache line of {@code time[]} decides a level. Removal uses a hole sifted down from the root.
 */
final class KeyHeap {
    private long[] time;
    private long[] tie;
    private int[] value;
    private int size;

    KeyHeap(int initialCapacity) {
        int cap = Math.max(16, initialCapacity);
        time = new long[cap];
        tie = new long[cap];
        value = new int[cap];
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Earliest time; only when not empty. */
    long minTime() {
        return time[0];
    }

    /** Tie of the earliest; only when not empty. */
    long minTie() {
        return tie[0];
    }

    /** Value of the earliest; only when not empty. */
    int minValue() {
        return value[0];
    }

    void clear() {
        size = 0;
    }

    void push(long t, long k, int v) {
        int i = size;
        if (i == time.length) {
            grow();
        }
        size = i + 1;
        final long[] ht = time;
        final long[] hk = tie;
        final int[] hv = value;
        while (i > 0) {
            int p = (i - 1) >>> 2;
            long pt = ht[p];
            if (pt < t || (pt == t && hk[p] < k)) {
                break;
            }
            ht[i] = pt;
            hk[i] = hk[p];
            hv[i] = hv[p];
            i = p;
        }
        ht[i] = t;
        hk[i] = k;
        hv[i] = v;
    }

    /** Removes the earliest; only when not empty. */
    void removeMin() {
        int n = --size;
        if (n > 0) {
            siftDown(time[n], tie[n], value[n], n);
        }
    }

    /** Replaces the earliest by a new entry (one sift instead of remove + push); only when not empty. */
    void replaceMin(long t, long k, int v) {
        siftDown(t, k, v, size);
    }

    /** Places (t,k,v) into the hole at the root of a heap of n entries. */
    private void siftDown(long t, long k, int v, int n) {
        final long[] ht = time;
        final long[] hk = tie;
        final int[] hv = value;
        int i = 0;
        while (true) {
            int c = (i << 2) + 1;
            if (c >= n) {
                break;
            }
            int m = c;
            long mt = ht[c];
            long mk = hk[c];
            int end = c + 4;
            if (end > n) {
                end = n;
            }
            for (int j = c + 1; j < end; j++) {
                long jt = ht[j];
                if (jt < mt || (jt == mt && hk[j] < mk)) {
                    m = j;
                    mt = jt;
                    mk = hk[j];
                }
            }
            if (t < mt || (t == mt && k < mk)) {
                break;
            }
            ht[i] = mt;
            hk[i] = mk;
            hv[i] = hv[m];
            i = m;
        }
        ht[i] = t;
        hk[i] = k;
        hv[i] = v;
    }

    private void grow() {
        int cap = time.length * 2;
        time = Arrays.copyOf(time, cap);
        tie = Arrays.copyOf(tie, cap);
        value = Arrays.copyOf(value, cap);
    }
}
