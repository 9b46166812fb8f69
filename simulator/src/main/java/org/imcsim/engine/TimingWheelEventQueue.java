package org.imcsim.engine;

import java.util.Arrays;
import java.util.NoSuchElementException;

/**
 * {@link EventQueue} as a hierarchical timing wheel with exact 1 ps resolution: O(1) amortised
 * per event, no key comparisons on the hot path.
 *
 * <p><b>Structure.</b> Time is written in base 1024: level {@code i} (0..6) has 1024 slots, slot
 * {@code s} standing for digit {@code i} of the time being {@code s}. Let {@code cur} be the time
 * of the events being dispatched. An event at time {@code t > cur} is appended to the slot of its
 * highest base-1024 digit that differs from {@code cur} (level = floor(log2(t xor cur) / 10)); so
 * every event at level {@code i} agrees with {@code cur} on all higher digits and is later than
 * every event at levels below {@code i}. Level 0 slots therefore hold one exact time each. Events
 * at {@code t == cur} go straight to the <em>current-time lists</em>: one FIFO per priority band,
 * with a 64-bit mask of non-empty bands. Slots are FIFO lists threaded through int links in an
 * {@link EventPool}; per level a bitmap (16 words) plus a summary word finds the next non-empty
 * slot in O(1).
 *
 * <p><b>Advancing.</b> When the current-time lists are empty, the lowest level with a non-empty
 * slot after {@code cur}'s digit gives the next slot. At level 0 that slot is the next event time:
 * its list moves (stably) into the band lists. At a higher level, {@code cur} moves to the slot's
 * start and the slot's events are re-inserted relative to it (a cascade), which only moves them
 * down; each event cascades at most once per level.
 *
 * <p><b>Why the order is exact.</b> Lists are FIFO and cascades preserve list order. A slot only
 * receives direct insertions once {@code cur} has entered the enclosing slot of the level above,
 * i.e. after that slot's events were cascaded into it, so every list is in insertion order; the
 * band lists then give (band, insertion) order within a time. Pushes earlier than {@code cur}
 * (possible only after {@link #peekTime()} moved {@code cur} ahead without a pop) go to a small
 * side heap that is always drained first.
 */
public final class TimingWheelEventQueue implements EventQueue {
    private static final int BITS = 10;
    private static final int SLOTS = 1 << BITS;
    private static final int SLOT_MASK = SLOTS - 1;
    private static final int WORDS = SLOTS >>> 6;
    private static final int LEVELS = 7; // 70 bits >= 63 bits of non-negative time
    private static final int BAND_SHIFT = QuaternaryHeapEventQueue.BAND_SHIFT;
    private static final long SEQ_MASK = QuaternaryHeapEventQueue.SEQ_MASK;

    private final int[] heads = new int[LEVELS * SLOTS];
    private final int[] tails = new int[LEVELS * SLOTS];
    private final long[] bits = new long[LEVELS * WORDS];
    private final long[] summary = new long[LEVELS];
    private final int[] bandHead = new int[Band.MAX + 1];
    private final int[] bandTail = new int[Band.MAX + 1];
    private long bandMask;
    private final KeyHeap early = new KeyHeap(16);
    private final EventPool pool;
    private long cur;
    private int size;
    private long seq;
    private int poppedBand;
    private int poppedTarget;
    private long poppedArg;
    private Object poppedRef;

    /** A wheel whose event storage starts with room for 1024 events (it grows by doubling). */
    public TimingWheelEventQueue() {
        this(1024);
    }

    /** A wheel with room for {@code initialCapacity} pending events before its storage grows. */
    public TimingWheelEventQueue(int initialCapacity) {
        pool = new EventPool(initialCapacity);
        Arrays.fill(heads, -1);
        Arrays.fill(tails, -1);
    }

    @Override
    public void push(long timePs, int band, int target, long arg, Object ref) {
        long s = seq++;
        EventPool p = pool;
        int h = p.alloc();
        p.target[h] = target;
        p.arg[h] = arg;
        if (ref != null) {
            p.ref[h] = ref;
        }
        size++;
        long c = cur;
        if (timePs > c) {
            p.time[h] = timePs;
            p.tie[h] = band; // wheel-resident events keep only the band; list order is the sequence
            insert(p, h, timePs);
        } else if (timePs == c) {
            appendBand(p, h, band);
        } else {
            early.push(timePs, ((long) band << BAND_SHIFT) | (s & SEQ_MASK), h);
        }
    }

    private void insert(EventPool p, int h, long t) {
        long x = t ^ cur;
        int level = (63 - Long.numberOfLeadingZeros(x)) / BITS;
        int slot = (int) (t >>> (level * BITS)) & SLOT_MASK;
        int idx = level * SLOTS + slot;
        p.next[h] = -1;
        int tl = tails[idx];
        if (tl < 0) {
            heads[idx] = h;
            int w = level * WORDS + (slot >>> 6);
            if (bits[w] == 0) {
                summary[level] |= 1L << (slot >>> 6);
            }
            bits[w] |= 1L << slot;
        } else {
            p.next[tl] = h;
        }
        tails[idx] = h;
    }

    private void appendBand(EventPool p, int h, int band) {
        p.next[h] = -1;
        long bit = 1L << band;
        if ((bandMask & bit) == 0) {
            bandHead[band] = h;
            bandMask |= bit;
        } else {
            p.next[bandTail[band]] = h;
        }
        bandTail[band] = h;
    }

    @Override
    public long peekTime() {
        if (!early.isEmpty()) {
            return early.minTime();
        }
        if (bandMask == 0) {
            if (size == 0) {
                return Long.MAX_VALUE;
            }
            advance();
        }
        return cur;
    }

    @Override
    public long pop() {
        EventPool p = pool;
        if (!early.isEmpty()) {
            KeyHeap e = early;
            int h = e.minValue();
            long t = e.minTime();
            poppedBand = (int) (e.minTie() >>> BAND_SHIFT);
            e.removeMin();
            take(p, h);
            return t;
        }
        if (bandMask == 0) {
            if (size == 0) {
                throw new NoSuchElementException("event queue is empty");
            }
            // fast path: the next time is in the current level-0 block and has a single event,
            // which can be handed out without passing through the band lists
            int s = nextSlot(0, ((int) cur & SLOT_MASK) + 1);
            if (s >= 0 && heads[s] == tails[s]) {
                cur = (cur & ~(long) SLOT_MASK) | s;
                int h = takeSlot(0, s);
                poppedBand = (int) p.tie[h];
                take(p, h);
                return cur;
            }
            advance();
        }
        int b = Long.numberOfTrailingZeros(bandMask);
        int h = bandHead[b];
        int nx = p.next[h];
        if (nx < 0) {
            bandMask &= ~(1L << b);
        } else {
            bandHead[b] = nx;
        }
        poppedBand = b;
        take(p, h);
        return cur;
    }

    private void take(EventPool p, int h) {
        poppedTarget = p.target[h];
        poppedArg = p.arg[h];
        poppedRef = p.ref[h];
        p.free(h);
        size--;
    }

    /** Moves {@code cur} to the next event time and fills the band lists; the wheel must not be empty. */
    private void advance() {
        EventPool p = pool;
        outer:
        while (true) {
            for (int level = 0; level < LEVELS; level++) {
                int shift = level * BITS;
                int digit = (int) (cur >>> shift) & SLOT_MASK;
                int s = nextSlot(level, digit + 1);
                if (s < 0) {
                    continue;
                }
                long blockMask = shift + BITS >= 63 ? Long.MAX_VALUE : (1L << (shift + BITS)) - 1;
                cur = (cur & ~blockMask) | ((long) s << shift);
                int h = takeSlot(level, s);
                if (level == 0) {
                    while (h >= 0) {
                        int nx = p.next[h];
                        appendBand(p, h, (int) p.tie[h]);
                        h = nx;
                    }
                    return;
                }
                while (h >= 0) {
                    int nx = p.next[h];
                    long t = p.time[h];
                    if (t == cur) {
                        appendBand(p, h, (int) p.tie[h]);
                    } else {
                        insert(p, h, t);
                    }
                    h = nx;
                }
                if (bandMask != 0) {
                    return;
                }
                continue outer;
            }
            throw new IllegalStateException("timing wheel out of sync: " + size + " events counted, none found");
        }
    }

    /** Unlinks slot {@code s} of {@code level} and returns its list head. */
    private int takeSlot(int level, int s) {
        int idx = level * SLOTS + s;
        int h = heads[idx];
        heads[idx] = -1;
        tails[idx] = -1;
        int w = level * WORDS + (s >>> 6);
        long word = bits[w] & ~(1L << s);
        bits[w] = word;
        if (word == 0) {
            summary[level] &= ~(1L << (s >>> 6));
        }
        return h;
    }

    /** First non-empty slot of {@code level} at index &ge; {@code from}, or -1. */
    private int nextSlot(int level, int from) {
        if (from >= SLOTS) {
            return -1;
        }
        int base = level * WORDS;
        int w = from >>> 6;
        long word = bits[base + w] & (-1L << from);
        if (word != 0) {
            return (w << 6) | Long.numberOfTrailingZeros(word);
        }
        long sm = summary[level] & (-2L << w);
        if (sm == 0) {
            return -1;
        }
        int w2 = Long.numberOfTrailingZeros(sm);
        return (w2 << 6) | Long.numberOfTrailingZeros(bits[base + w2]);
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
        return size;
    }

    @Override
    public void clear() {
        Arrays.fill(heads, -1);
        Arrays.fill(tails, -1);
        Arrays.fill(bits, 0L);
        Arrays.fill(summary, 0L);
        bandMask = 0;
        early.clear();
        pool.clear();
        cur = 0;
        size = 0;
        seq = 0;
        poppedRef = null;
    }
}
