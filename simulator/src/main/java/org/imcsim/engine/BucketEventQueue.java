package org.imcsim.engine;

import java.util.Arrays;
import java.util.NoSuchElementException;

/**
 * {@link EventQueue} as a window of fine buckets (about one to three events each) found through
 * an occupancy bitmap, with an overflow heap beyond the window. An experiment against
 * {@link CalendarEventQueue}: no sort per segment, but a short list scan per pop.
 *
 * <p><b>Storage.</b> Every event is a node of four longs {@code (time, arg, meta, next)} in one
 * array, {@code meta = target<<32 | refHandle<<7 | hasRef<<6 | band}; reference payloads sit in a
 * side pool. Time is cut into buckets of {@code 2^shift} ps; {@code nb} consecutive buckets (a power
 * of two) form the window starting at the current bucket {@code cb} (absolute bucket
 * {@code a = t >>> shift} lives in slot {@code a & (nb - 1)}). Each bucket is a singly linked list
 * in insertion order (head and tail per slot) and has one bit in a {@code long[]} bitmap, so the
 * next non-empty bucket is found with {@link Long#numberOfTrailingZeros}. An event is in exactly
 * one of: the <em>early</em> heap (time before the current bucket: pushed after a peek ahead), a
 * bucket (inside the window), or the <em>overflow</em> heap (at or after the window's end); both
 * heaps are {@link KeyHeap}s on (time, band, sequence).
 *
 * <p><b>Pop.</b> Early events come first (they are earlier than every bucket event). Otherwise
 * the current bucket's list is scanned for the first node with the smallest (time, band). A list
 * longer than {@value #SORT_THRESHOLD} (a same-time burst, as in a clocked model) is instead sorted
 * once, stably, and marked sorted; pops then take its head, and pushes into it are inserted after
 * every node with an equal or smaller (time, band) (starting from the last insertion point, so
 * a burst of pushes with one key is O(1) each).
 *
 * <p><b>Why the order is exact.</b> A bucket's list is in insertion order: overflow events for it
 * are moved in (in (time, band, sequence) order) exactly when the window comes to cover it, before
 * any push can land there directly. So the first node in list order among those with the minimal
 * (time, band) is the one with the smallest sequence. Early events are older or newer than bucket
 * events but always earlier in time, and are ordered by their own sequence numbers.
 *
 * <p><b>Adaptation.</b> Every epoch ({@code max(8192, size)} pops, O(1) amortised) the queue
 * looks at the mean number of nodes scanned per pop, the empty buckets skipped per pop and the
 * share of pushes that went to the overflow heap: long scans narrow the buckets, many skipped
 * buckets widen them, and many overflow pushes double the window (up to about four times the
 * pending count). A change drains every event in order and re-inserts it, which keeps the order.
 */
public final class BucketEventQueue implements EventQueue {
    private static final int BAND_MASK = 63;
    private static final long HAS_REF = 64;
    private static final int REF_SHIFT = 7;
    private static final int MAX_REFS = 1 << 25;
    private static final int SORT_THRESHOLD = 16;
    private static final int INITIAL_SHIFT = 8;
    private static final int INITIAL_BUCKETS = 1024;
    private static final int MIN_BUCKETS = 64;
    private static final int MAX_BUCKETS = 1 << 22;
    private static final int MAX_SHIFT = 40;
    private static final int MIN_EPOCH = 8192;

    // nodes: nd[4i] = time, nd[4i+1] = arg, nd[4i+2] = meta, nd[4i+3] = next node (or -1)
    private long[] nd;
    private int nodeFree = -1;
    private int nodeUsed;

    // buckets
    private int shift = INITIAL_SHIFT;
    private int nb;
    private int[] headTail; // head of slot s at 2s, tail at 2s+1; head -1 when empty
    private long[] occ;
    private int bucketEvents;
    private long cb; // absolute index of the current bucket; every bucket before it is empty
    private long cbStart; // cb << shift
    private long windowEnd;
    private long sortedBucket = Long.MIN_VALUE; // cb when the current bucket's list is sorted
    private int insertHint = -1; // last node inserted into the sorted bucket

    private final KeyHeap early = new KeyHeap(16);
    private final KeyHeap overflow = new KeyHeap(16);
    private long seq;

    private Object[] refs = new Object[16];
    private int[] refNext = new int[16];
    private int refFree = -1;
    private int refUsed;

    private int size;
    private long poppedMeta;
    private long poppedArg;
    private Object poppedRef;

    // the selected node of the current bucket and its predecessor (-1 = head)
    private int sel;
    private int selPrev;

    private int[] scratch = new int[64];
    private int[] scratch2 = new int[64];
    private int[] drainOrder = new int[64];

    // adaptation statistics
    private long epochPops;
    private long epochScanned;
    private long epochSkipped;
    private long epochPushes;
    private long epochOverflow;
    private long epochEnd = MIN_EPOCH;
    private int rebuilds;
    private int sorts;

    /** A bucket queue with room for 1024 events before its node storage grows (by doubling). */
    public BucketEventQueue() {
        this(1024);
    }

    /** A bucket queue with room for about {@code initialCapacity} pending events before its storage grows. */
    public BucketEventQueue(int initialCapacity) {
        nd = new long[4 * Math.max(16, initialCapacity)];
        setGeometry(INITIAL_SHIFT, INITIAL_BUCKETS);
        setCurrent(0);
    }

    @Override
    public void push(long timePs, int band, int target, long arg, Object ref) {
        long meta = ((long) target << 32) | band;
        if (ref != null) {
            meta |= storeRef(ref);
        }
        int n = nodeFree;
        if (n >= 0) {
            nodeFree = (int) nd[4 * n + 3];
        } else {
            n = newNode();
        }
        long[] a = nd;
        int i = 4 * n;
        a[i] = timePs;
        a[i + 1] = arg;
        a[i + 2] = meta;
        size++;
        epochPushes++;
        place(n, timePs, band);
    }

    private int newNode() {
        int n = nodeUsed++;
        if (4 * n == nd.length) {
            nd = Arrays.copyOf(nd, nd.length * 2);
        }
        return n;
    }

    /** Puts node n (time t, band b) where it belongs. */
    private void place(int n, long t, int b) {
        if (t >= cbStart && t < windowEnd) {
            long abs = t >>> shift;
            if (abs == sortedBucket) {
                sortedInsert(n, t, b);
            } else {
                append((int) abs & (nb - 1), n);
            }
        } else if (t >= windowEnd) {
            epochOverflow++;
            overflow.push(t, ((long) b << 56) | seq++, n);
        } else {
            early.push(t, ((long) b << 56) | seq++, n);
        }
    }

    private void append(int s, int n) {
        long[] a = nd;
        a[4 * n + 3] = -1;
        int[] ht = headTail;
        if (ht[2 * s] < 0) {
            ht[2 * s] = n;
            occ[s >>> 6] |= 1L << s;
        } else {
            a[4 * ht[2 * s + 1] + 3] = n;
        }
        ht[2 * s + 1] = n;
        bucketEvents++;
    }

    /** Inserts into the sorted current bucket after every node with a (time, band) &le; (t, b). */
    private void sortedInsert(int n, long t, int b) {
        int s = (int) cb & (nb - 1);
        int[] ht = headTail;
        long[] a = nd;
        int head = ht[2 * s];
        bucketEvents++;
        if (head < 0) {
            a[4 * n + 3] = -1;
            ht[2 * s] = n;
            ht[2 * s + 1] = n;
            occ[s >>> 6] |= 1L << s;
            insertHint = n;
            return;
        }
        int tail = ht[2 * s + 1];
        if (!less(t, b, tail)) {
            a[4 * n + 3] = -1;
            a[4 * tail + 3] = n;
            ht[2 * s + 1] = n;
            insertHint = n;
            return;
        }
        if (less(t, b, head)) {
            a[4 * n + 3] = head;
            ht[2 * s] = n;
            insertHint = n;
            return;
        }
        int p = insertHint >= 0 && !less(t, b, insertHint) ? insertHint : head;
        // p <= key; tail > key, so the walk stops before the end
        int q = (int) a[4 * p + 3];
        while (!less(t, b, q)) {
            p = q;
            q = (int) a[4 * p + 3];
        }
        a[4 * n + 3] = q;
        a[4 * p + 3] = n;
        insertHint = n;
    }

    /** True when (t, b) sorts strictly before node m's (time, band). */
    private boolean less(long t, int b, int m) {
        long mt = nd[4 * m];
        return t < mt || (t == mt && b < ((int) nd[4 * m + 2] & BAND_MASK));
    }

    private long storeRef(Object ref) {
        int h = refFree;
        if (h >= 0) {
            refFree = refNext[h];
        } else {
            h = refUsed;
            if (h == MAX_REFS) {
                throw new IllegalStateException("more than " + MAX_REFS + " pending events carry a reference payload");
            }
            refUsed = h + 1;
            if (h == refs.length) {
                refs = Arrays.copyOf(refs, h * 2);
                refNext = Arrays.copyOf(refNext, h * 2);
            }
        }
        refs[h] = ref;
        return HAS_REF | ((long) h << REF_SHIFT);
    }

    private Object takeRef(long meta) {
        int h = (int) (meta >>> REF_SHIFT) & (MAX_REFS - 1);
        Object o = refs[h];
        refs[h] = null;
        refNext[h] = refFree;
        refFree = h;
        return o;
    }

    @Override
    public long peekTime() {
        if (size == 0) {
            return Long.MAX_VALUE;
        }
        if (!early.isEmpty()) {
            return early.minTime();
        }
        select();
        return nd[4 * sel];
    }

    @Override
    public long pop() {
        if (size == 0) {
            throw new NoSuchElementException("event queue is empty");
        }
        int n;
        if (!early.isEmpty()) {
            n = early.minValue();
            early.removeMin();
        } else {
            select();
            n = sel;
            unlinkSelected();
        }
        return finishPop(n);
    }

    @Override
    public long popUntil(long limitPs) {
        if (size == 0) {
            return -1;
        }
        int n;
        if (!early.isEmpty()) {
            if (early.minTime() > limitPs) {
                return -1;
            }
            n = early.minValue();
            early.removeMin();
        } else {
            select();
            n = sel;
            if (nd[4 * n] > limitPs) {
                return -1;
            }
            unlinkSelected();
        }
        return finishPop(n);
    }

    private long finishPop(int n) {
        long[] a = nd;
        int i = 4 * n;
        long t = a[i];
        long meta = a[i + 2];
        poppedArg = a[i + 1];
        poppedMeta = meta;
        if ((meta & HAS_REF) != 0) {
            poppedRef = takeRef(meta);
        }
        a[i + 3] = nodeFree;
        nodeFree = n;
        size--;
        epochPops++;
        return t;
    }

    /**
     * Sets {@code sel}/{@code selPrev} to the earliest bucket node; the early heap is empty and
     * at least one event is in a bucket or the overflow heap.
     */
    private void select() {
        int s = (int) cb & (nb - 1);
        int h = headTail[2 * s];
        if (h < 0) {
            s = advance();
            h = headTail[2 * s];
        }
        if (sortedBucket == cb) {
            sel = h;
            selPrev = -1;
            return;
        }
        long[] a = nd;
        int best = h;
        int bestPrev = -1;
        long bt = a[4 * h];
        int bb = (int) a[4 * h + 2] & BAND_MASK;
        int p = h;
        int q = (int) a[4 * h + 3];
        int len = 1;
        while (q >= 0) {
            long t = a[4 * q];
            if (t <= bt) {
                int b = (int) a[4 * q + 2] & BAND_MASK;
                if (t < bt || b < bb) {
                    best = q;
                    bestPrev = p;
                    bt = t;
                    bb = b;
                }
            }
            p = q;
            q = (int) a[4 * q + 3];
            len++;
        }
        if (len > SORT_THRESHOLD) {
            sortBucket(s, len);
            sel = headTail[2 * s];
            selPrev = -1;
            return;
        }
        epochScanned += len;
        sel = best;
        selPrev = bestPrev;
    }

    /** Removes {@code sel} from the current bucket. */
    private void unlinkSelected() {
        int s = (int) cb & (nb - 1);
        int n = sel;
        int next = (int) nd[4 * n + 3];
        int[] ht = headTail;
        if (selPrev < 0) {
            ht[2 * s] = next;
            if (next < 0) {
                occ[s >>> 6] &= ~(1L << s);
            }
        } else {
            nd[4 * selPrev + 3] = next;
            if (next < 0) {
                ht[2 * s + 1] = selPrev;
            }
        }
        if (n == insertHint) {
            insertHint = -1;
        }
        bucketEvents--;
    }

    /**
     * Moves the current bucket to the next non-empty one (the current one is empty) and returns
     * its slot; migrates overflow events the window now covers.
     */
    private int advance() {
        if (epochPops >= epochEnd) {
            retune();
            int s = (int) cb & (nb - 1);
            if (headTail[2 * s] >= 0) {
                return s;
            }
        }
        if (bucketEvents == 0) {
            // everything is in the overflow heap: jump the window to its earliest event
            setCurrent(overflow.minTime() >>> shift);
            migrate();
            return (int) cb & (nb - 1);
        }
        int mask = nb - 1;
        int s0 = (int) (cb + 1) & mask;
        long[] o = occ;
        int words = o.length;
        int w = s0 >>> 6;
        long bits = o[w] & (-1L << s0);
        int found;
        if (bits != 0) {
            found = (w << 6) | Long.numberOfTrailingZeros(bits);
        } else {
            found = -1;
            for (int k = 1; k <= words; k++) {
                int wi = (w + k) & (words - 1);
                long x = o[wi];
                if (x != 0) {
                    found = (wi << 6) | Long.numberOfTrailingZeros(x);
                    break;
                }
            }
        }
        int delta = ((found - s0) & mask) + 1;
        epochSkipped += delta - 1;
        setCurrent(cb + delta);
        if (!overflow.isEmpty() && overflow.minTime() < windowEnd) {
            migrate();
        }
        return found;
    }

    private void setCurrent(long abs) {
        cb = abs;
        cbStart = abs << shift;
        long endBucket = abs + nb;
        windowEnd = endBucket > (Long.MAX_VALUE >>> shift) ? Long.MAX_VALUE : endBucket << shift;
    }

    /** Moves overflow events inside the window into their buckets, in (time, band, sequence) order. */
    private void migrate() {
        KeyHeap o = overflow;
        long we = windowEnd;
        int mask = nb - 1;
        while (!o.isEmpty() && o.minTime() < we) {
            int n = o.minValue();
            long t = o.minTime();
            o.removeMin();
            append((int) (t >>> shift) & mask, n);
        }
    }

    /** Sorts slot s's list (len nodes) stably by (time, band) and marks it sorted. */
    private void sortBucket(int s, int len) {
        sorts++;
        if (scratch.length < len) {
            scratch = new int[Math.max(len, scratch.length * 2)];
            scratch2 = new int[scratch.length];
        }
        int[] x = scratch;
        long[] a = nd;
        int q = headTail[2 * s];
        for (int i = 0; i < len; i++) {
            x[i] = q;
            q = (int) a[4 * q + 3];
        }
        int[] src = x;
        int[] dst = scratch2;
        // bottom-up merge sort: stable
        for (int width = 1; width < len; width *= 2) {
            for (int lo = 0; lo < len; lo += 2 * width) {
                int mid = Math.min(lo + width, len);
                int hi = Math.min(lo + 2 * width, len);
                int i = lo;
                int j = mid;
                int k = lo;
                while (i < mid && j < hi) {
                    int nj = src[j];
                    if (less(a[4 * nj], (int) a[4 * nj + 2] & BAND_MASK, src[i])) {
                        dst[k++] = nj;
                        j++;
                    } else {
                        dst[k++] = src[i++];
                    }
                }
                while (i < mid) {
                    dst[k++] = src[i++];
                }
                while (j < hi) {
                    dst[k++] = src[j++];
                }
            }
            int[] tmp = src;
            src = dst;
            dst = tmp;
        }
        long distinct = 1;
        for (int i = 0; i + 1 < len; i++) {
            a[4 * src[i] + 3] = src[i + 1];
            if (a[4 * src[i]] != a[4 * src[i + 1]]) {
                distinct++;
            }
        }
        // for the adaptation: what scanning these pops would cost if the events at one time
        // (a same-time burst, which no narrowing can split) counted as one
        epochScanned += distinct * (distinct + 1) / 2;
        a[4 * src[len - 1] + 3] = -1;
        headTail[2 * s] = src[0];
        headTail[2 * s + 1] = src[len - 1];
        sortedBucket = cb;
        insertHint = -1;
    }

    private void setGeometry(int newShift, int newNb) {
        shift = newShift;
        if (headTail == null || nb != newNb) {
            nb = newNb;
            headTail = new int[2 * newNb];
            occ = new long[Math.max(1, newNb >>> 6)];
        } else {
            Arrays.fill(occ, 0);
        }
        for (int i = 0; i < 2 * newNb; i += 2) {
            headTail[i] = -1;
        }
        bucketEvents = 0;
        sortedBucket = Long.MIN_VALUE;
        insertHint = -1;
    }

    /** Ends an epoch; called from {@link #advance()} with the early heap and the current bucket empty. */
    private void retune() {
        double pops = Math.max(1, epochPops);
        double scanned = epochScanned / pops;
        double skipped = epochSkipped / pops;
        double overflowRate = epochOverflow / (double) Math.max(1, epochPushes);
        int newShift = shift;
        int newNb = nb;
        int maxNb = Math.min(MAX_BUCKETS, Math.max(INITIAL_BUCKETS, Integer.highestOneBit(Math.max(1, size)) << 2));
        if (scanned > 3 && shift > 0) {
            int by = 63 - Long.numberOfLeadingZeros((long) (scanned / 1.5));
            newShift = Math.max(0, shift - Math.max(1, by));
        } else if (scanned < 1.5 && skipped > 1 && shift < MAX_SHIFT) {
            int by = 63 - Long.numberOfLeadingZeros((long) skipped);
            newShift = Math.min(MAX_SHIFT, shift + Math.max(1, by));
        } else if (overflowRate > 1.0 / 32 && nb < maxNb) {
            newNb = nb * 2;
        } else if (nb > 2 * maxNb && nb > MIN_BUCKETS) {
            newNb = nb / 2;
        }
        epochPops = 0;
        epochScanned = 0;
        epochSkipped = 0;
        epochPushes = 0;
        epochOverflow = 0;
        epochEnd = Math.max(MIN_EPOCH, size);
        if (newShift != shift || newNb != nb) {
            rebuild(newShift, newNb);
        }
    }

    /** Drains every event in order and re-inserts it under the new geometry (order is kept). */
    private void rebuild(int newShift, int newNb) {
        rebuilds++;
        int n = size;
        if (drainOrder.length < n) {
            drainOrder = new int[Math.max(n, drainOrder.length * 2)];
        }
        int[] order = drainOrder; // not scratch: select() may sort a bucket with it
        long start = cbStart; // every event is at or after it (the early heap is empty)
        for (int i = 0; i < n; i++) {
            if (!early.isEmpty()) {
                order[i] = early.minValue();
                early.removeMin();
            } else {
                select();
                order[i] = sel;
                unlinkSelected();
            }
        }
        setGeometry(newShift, newNb);
        overflow.clear();
        early.clear();
        setCurrent(start >>> newShift);
        long[] a = nd;
        for (int i = 0; i < n; i++) {
            int m = order[i];
            place(m, a[4 * m], (int) a[4 * m + 2] & BAND_MASK);
        }
        epochOverflow = 0;
        epochPushes = 0;
    }

    @Override
    public int upcomingTarget(int ahead) {
        return -1;
    }

    /** Number of geometry changes so far; for tests and diagnostics. */
    int rebuilds() {
        return rebuilds;
    }

    /** Number of bucket lists sorted (same-time bursts); for tests and diagnostics. */
    int sorts() {
        return sorts;
    }

    /** Current bucket width in ps; for tests and diagnostics. */
    long bucketWidthPs() {
        return 1L << shift;
    }

    /** Current number of buckets in the window; for tests and diagnostics. */
    int bucketCount() {
        return nb;
    }

    @Override
    public int poppedBand() {
        return (int) poppedMeta & BAND_MASK;
    }

    @Override
    public int poppedTarget() {
        return (int) (poppedMeta >>> 32);
    }

    @Override
    public long poppedArg() {
        return poppedArg;
    }

    @Override
    public Object poppedRef() {
        return (poppedMeta & HAS_REF) == 0 ? null : poppedRef;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public void clear() {
        Arrays.fill(refs, 0, refUsed, null);
        refUsed = 0;
        refFree = -1;
        nodeUsed = 0;
        nodeFree = -1;
        early.clear();
        overflow.clear();
        seq = 0;
        setGeometry(INITIAL_SHIFT, INITIAL_BUCKETS);
        setCurrent(0);
        size = 0;
        poppedRef = null;
        poppedMeta = 0;
        epochPops = 0;
        epochScanned = 0;
        epochSkipped = 0;
        epochPushes = 0;
        epochOverflow = 0;
        epochEnd = MIN_EPOCH;
    }
}
