package org.imcsim.engine;

import java.util.Arrays;

/**
 * Storage for the payload of pending events (target, primitive argument, reference, and for the
 * timing wheel also time, tie and a list link), in parallel primitive arrays indexed by an event
 * handle. Handles are recycled through a free list threaded through {@code next}, so steady-state
 * operation allocates nothing. Package-private: only the queues use it.
 */
final class EventPool {
    long[] time;
    long[] tie;
    int[] target;
    long[] arg;
    Object[] ref;
    /** Free-list link while free; bucket-list link while in a timing-wheel bucket. */
    int[] next;
    private int freeHead = -1;
    private int used;

    EventPool(int initialCapacity) {
        int cap = Math.max(16, initialCapacity);
        time = new long[cap];
        tie = new long[cap];
        target = new int[cap];
        arg = new long[cap];
        ref = new Object[cap];
        next = new int[cap];
    }

    /** A free handle (fields unset). */
    int alloc() {
        int h = freeHead;
        if (h >= 0) {
            freeHead = next[h];
            return h;
        }
        if (used == target.length) {
            grow();
        }
        return used++;
    }

    /** Returns a handle; drops its reference so the message can be collected. */
    void free(int h) {
        ref[h] = null;
        next[h] = freeHead;
        freeHead = h;
    }

    void clear() {
        Arrays.fill(ref, 0, used, null);
        used = 0;
        freeHead = -1;
    }

    private void grow() {
        int cap = target.length * 2;
        time = Arrays.copyOf(time, cap);
        tie = Arrays.copyOf(tie, cap);
        target = Arrays.copyOf(target, cap);
        arg = Arrays.copyOf(arg, cap);
        ref = Arrays.copyOf(ref, cap);
        next = Arrays.copyOf(next, cap);
    }
}
