package org.imcsim.engine;

import java.util.Arrays;
import java.util.NoSuchElementException;

/**
 * {@link EventQueue} as a timing wheel for near events plus an overflow heap for far ones.
 *
 * <p>Time is cut into slots of {@code 2^slotWidthLog2} ps. Let {@code cursor} be the slot being
 * drained. Every pending event sits in exactly one of:
 * <ul>
 *   <li>the <b>near heap</b> (a 4-ary heap on (time, tie)): events whose slot is &le; cursor;</li>
 *   <li>the <b>wheel</b>: {@code 2^slotsLog2} buckets, each an unordered intrusive singly linked
 *       list (int links in the {@link EventPool}), holding events whose slot is in
 *       (cursor, cursor + slots); a bitmap marks non-empty buckets;</li>
 *   <li>the <b>overflow heap</b>: events scheduled further ahead than the wheel reaches.</li>
 * </ul>
 * Insertion into the wheel is O(1). When the near heap runs dry the cursor jumps to the earliest
 * non-empty slot (bitmap scan, or the overflow heap's minimum if earlier); that bucket's list and
 * any overflow events of that slot move into the near heap, which restores the exact
 * (time, band, sequence) order within the slot. The near heap thus stays about as small as the
 * number of events per slot, so pops are cheap when many events are pending.
 *
 * <p>The defaults (1024 ps slots, 4096 slots: a 4.2 us horizon) suit GHz-class clocks with
 * latencies up to a few thousand cycles; events further out still work, via the overflow heap.
 */
public final class TimingWheelEventQueue implements EventQueue {
    private static final int BAND_SHIFT = QuaternaryHeapEventQueue.BAND_SHIFT;
    private static final long SEQ_MASK = QuaternaryHeapEventQueue.SEQ_MASK;

    private final int shift;
    private final int slots;
    private final int mask;
    private final int head[];
    private final long[] bits;
    private final int wordMask;
    private final KeyHeap near;
    private final KeyHeap overflow;
    private final EventPool pool;
    private long cursor;
    private int inWheel;
    private long seq;
    private int poppedBand;
    private int poppedTarget;
    private long poppedArg;
    private Object poppedRef;

    /** A wheel of 4096 slots of 1024 ps each. */
    public TimingWheelEventQueue() {
        this(10, 12);
    }

    /**
     * @param slotWidthLog2 log2 of the slot width in ps, 0..40
     * @param slotsLog2     log2 of the number of slots, 6..24
     */
    public TimingWheelEventQueue(int slotWidthLog2, int slotsLog2) {
        if (slotWidthLog2 < 0 || slotWidthLog2 > 40) {
            throw new IllegalArgumentException("slotWidthLog2 must be in 0..40, got " + slotWidthLog2);
        }
        if (slotsLog2 < 6 || slotsLog2 > 24) {
            throw new IllegalArgumentException("slotsLog2 must be in 6..24, got " + slotsLog2);
        }
        shift = slotWidthLog2;
        slots = 1 << slotsLog2;
        mask = slots - 1;
        head = new int[slots];
        Arrays.fill(head, -1);
        bits = new long[slots >>> 6];
        wordMask = bits.length - 1;
        near = new KeyHeap(256);
        overflow = new KeyHeap(256);
        pool = new EventPool(1024);
    }

    @Override
    public void push(long timePs, int band, int target, long arg, Object ref) {
        long tie = ((long) band << BAND_SHIFT) | (seq++ & SEQ_MASK);
        EventPool p = pool;
        int h = p.alloc();
        p.target[h] = target;
        p.arg[h] = arg;
        if (ref != null) {
            p.ref[h] = ref;
        }
        long slot = timePs >>> shift;
        long ahead = slot - cursor;
        if (ahead <= 0) {
            near.push(timePs, tie, h);
        } else if (ahead < slots) {
            p.time[h] = timePs;
            p.tie[h] = tie;
            int b = (int) slot & mask;
            int old = head[b];
            p.next[h] = old;
            head[b] = h;
            if (old < 0) {
                bits[b >>> 6] |= 1L << b;
            }
            inWheel++;
        } else {
            overflow.push(timePs, tie, h);
        }
    }

    @Override
    public long peekTime() {
        if (near.isEmpty()) {
            if (inWheel == 0 && overflow.isEmpty()) {
                return Long.MAX_VALUE;
            }
            advance();
        }
        return near.minTime();
    }

    @Override
    public long pop() {
        KeyHeap nh = near;
        if (nh.isEmpty()) {
            if (inWheel == 0 && overflow.isEmpty()) {
                throw new NoSuchElementException("event queue is empty");
            }
            advance();
        }
        int h = nh.minValue();
        long t = nh.minTime();
        poppedBand = (int) (nh.minTie() >>> BAND_SHIFT);
        nh.removeMin();
        EventPool p = pool;
        poppedTarget = p.target[h];
        poppedArg = p.arg[h];
        poppedRef = p.ref[h];
        p.free(h);
        return t;
    }

    /** Moves the cursor to the earliest non-empty slot and fills the near heap from it. */
    private void advance() {
        long wheelSlot = inWheel > 0 ? nextWheelSlot() : Long.MAX_VALUE;
        long overflowSlot = overflow.isEmpty() ? Long.MAX_VALUE : overflow.minTime() >>> shift;
        long c = Math.min(wheelSlot, overflowSlot);
        cursor = c;
        EventPool p = pool;
        if (wheelSlot == c) {
            int b = (int) c & mask;
            int h = head[b];
            head[b] = -1;
            bits[b >>> 6] &= ~(1L << b);
            while (h >= 0) {
                near.push(p.time[h], p.tie[h], h);
                inWheel--;
                h = p.next[h];
            }
        }
        KeyHeap of = overflow;
        while (!of.isEmpty() && (of.minTime() >>> shift) == c) {
            near.push(of.minTime(), of.minTie(), of.minValue());
            of.removeMin();
        }
    }

    /** Absolute slot of the first non-empty bucket after the cursor; the wheel must not be empty. */
    private long nextWheelSlot() {
        long start = cursor + 1;
        int b0 = (int) start & mask;
        int w = b0 >>> 6;
        long word = bits[w] & (-1L << (b0 & 63));
        for (int i = 0; i <= bits.length; i++) {
            if (word != 0) {
                int b = (w << 6) + Long.numberOfTrailingZeros(word);
                return start + ((b - b0) & mask);
            }
            w = (w + 1) & wordMask;
            word = bits[w];
        }
        throw new IllegalStateException("timing wheel bitmap out of sync (" + inWheel + " events)");
    }

    @Override
    public int poppedBand() {
        return poppedBand;
    }

    @Override
    public int poppedTarget() {
        return poppedTarget;
    }

    @Override
    public long poppedArg() {
        return poppedArg;
    }

    @Override
    public Object poppedRef() {
        return poppedRef;
    }

    @Override
    public int size() {
        return near.size() + inWheel + overflow.size();
    }

    @Override
    public void clear() {
        near.clear();
        overflow.clear();
        pool.clear();
        Arrays.fill(head, -1);
        Arrays.fill(bits, 0L);
        inWheel = 0;
        cursor = 0;
        seq = 0;
        poppedRef = null;
    }
}
