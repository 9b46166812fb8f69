package org.imcsim.engine;

import java.util.Arrays;
import java.util.NoSuchElementException;

/**
 * {@link EventQueue} as a calendar of coarse <em>segments</em> whose width adapts to the observed
 * density of event times, sorted one segment at a time by a counting sort; an overflow heap holds
 * events beyond the calendar's window. O(1) amortised per event, with few data-dependent branches
 * and sequential memory access on the hot path.
 *
 * <p><b>Where a pending event lives.</b> Every event is a triple of longs {@code (time, arg,
 * meta)}, {@code meta = target<<32 | refHandle<<7 | hasRef<<6 | band}; reference payloads sit
 * in a side pool so that primitive events never touch an object array. Time is cut into segments
 * of {@code 2^shift} ps; {@code ns} (a power of two) consecutive segments form the window, which
 * slides forward as segments are consumed (absolute segment {@code a = t >>> shift} is stored in
 * slot {@code a & (ns - 1)}). An event is in exactly one of:
 * <ol>
 * <li>a <em>current-time FIFO</em>: pushed at exactly the time of the last pop; one FIFO per band
 * and a 64-bit mask of non-empty bands;</li>
 * <li>the <em>run</em>: any other event earlier than {@code runEnd} (the end of the last segment
 * taken), in an array sorted by (time, band, insertion), consumed from the front;</li>
 * <li>a <em>segment</em> in {@code [runEnd, windowEnd)}: an unsorted list of 32-event chunks,
 * appended in insertion order;</li>
 * <li>the <em>overflow</em> heap ({@link KeyHeap} on time, band and an overflow sequence): at or
 * after {@code windowEnd}.</li>
 * </ol>
 * A push is an append to its segment's tail chunk (or to the overflow heap); a pop reads the run
 * front. When the run and the FIFOs are empty, the next non-empty segment is sorted by key
 * {@code (time - segmentStart) << 6 | band}: one counting-sort pass on the top bits of the time
 * offset (the segment's width is known, so no pass is spent finding the key range; about four
 * slots per event, so times rarely share a slot) and an insertion pass that fixes the rare slot
 * collisions and orders same-time events by band; a segment whose collisions would make that pass
 * slow (events crowded into a small part of the segment) falls back to a stable LSD radix sort. Each event is thus copied push → chunk → run → pop, mostly
 * sequentially.
 *
 * <p><b>Why the order is exact</b> without a per-event sequence number. A segment holds its
 * events in insertion order, except that events moved in from the overflow heap come first, in
 * (time, band, sequence) order — and they were pushed before any event pushed directly into that
 * segment, because a segment accepts direct pushes only from the moment the window covers it,
 * which is exactly when the heap events for it are moved in. Both sorts are stable, so sorting by
 * (time, band) yields (time, band, insertion). A push into the run is placed after every run event
 * with an equal or smaller (time, band), since it is the newest. A push at the current time goes
 * to its band's FIFO; a run event at that same time is older than every FIFO event, so it goes
 * first unless its band is larger. Pushes earlier than {@code runEnd} after {@link #peekTime()}
 * looked ahead simply go into the run.
 *
 * <p><b>Adaptation.</b> Every epoch (at least {@code max(8192, size)} dispatched events, so the
 * cost is O(1) amortised) the queue looks at the events and distinct times per drained segment and
 * at the fraction of pushes that went to the overflow heap: too many distinct times per segment
 * narrows the segments (sorting cost), too few events per segment widens them (per-segment
 * overhead), and too many overflow pushes adds segments (up to about a quarter of the pending
 * count) or, failing that, widens them. A change rebuilds the segments, preserving order. A hold
 * model with exponential delays settles at 48–128 events per segment (82 at 1,000 pending, 128
 * at 100,000) and a window of a few mean delays.
 */
public final class CalendarEventQueue implements EventQueue {
    private static final int BAND_MASK = 63;
    private static final long HAS_REF = 64;
    private static final int REF_SHIFT = 7;
    private static final int MAX_REFS = 1 << 25;
    private static final int CHUNK_BITS = 5;
    private static final int CHUNK = 1 << CHUNK_BITS;
    private static final int MAX_SHIFT = 40;
    private static final int MIN_SEGMENTS = 16;
    private static final int MAX_SEGMENTS = 1 << 20;
    private static final int INITIAL_SHIFT = 12;
    private static final int INITIAL_SEGMENTS = 256;
    private static final int MIN_EPOCH = 8192;

    // the run: run[3i .. 3i+2] for i in [runPos, runLen), ascending
    private long[] run = new long[3 * 256];
    private long[] runKey = new long[256];
    private int runPos;
    private int runLen;
    private long runEnd;

    // current-time FIFOs: fifo[2h] = arg, fifo[2h+1] = meta; linked through fifoNext
    private long[] fifo = new long[2 * 64];
    private int[] fifoNext = new int[64];
    private int fifoFree = -1;
    private int fifoUsed;
    private long bandMask;
    private final int[] bandHead = new int[Band.MAX + 1];
    private final int[] bandTail = new int[Band.MAX + 1];

    // segments: chunk c holds events chunk[3(c*CHUNK + j) ..] for j < CHUNK
    private int shift = INITIAL_SHIFT;
    private int ns;
    private int[] segHead;
    private int[] segTail;
    private int[] segCount;
    private long nextSeg;
    private long windowEnd;
    private int segEvents;
    private long[] chunk;
    private int[] chunkNext;
    private int chunkFree = -1;
    private int chunkUsed;

    // overflow: heap of handles into ovf[3h ..]
    private final KeyHeap overflow = new KeyHeap(16);
    private long overflowSeq;
    private long[] ovf = new long[3 * 16];
    private int[] ovfNext = new int[16];
    private int ovfFree = -1;
    private int ovfUsed;

    // reference payloads
    private Object[] refs = new Object[16];
    private int[] refNext = new int[16];
    private int refFree = -1;
    private int refUsed;

    // sort scratch
    private long[] gather = new long[3 * 256];
    private int[] chunkList = new int[64];
    private long[] gatherKey = new long[256];
    private final int[] slots = new int[1 << 12];

    private long cur;
    private int size;
    // the last pop: its meta word and argument; its reference payload (if it had one) is
    // poppedRef, which is written only by pops of reference events, so that a primitive pop stores
    // no reference (no GC write barrier on the hot path)
    private long poppedMeta;
    private long poppedArg;
    private Object poppedRef;

    // adaptation statistics of the current epoch
    private long epochDrained;
    private long epochSegments;
    private long epochDistinct;
    private long epochOverflowPushes;
    private long epochEnd = MIN_EPOCH;
    private int rebuilds;
    private int radixSorts;

    /** A calendar queue with room for 1024 events before its chunk storage grows (by doubling). */
    public CalendarEventQueue() {
        this(1024);
    }

    /** A calendar queue with room for about {@code initialCapacity} pending events before its storage grows. */
    public CalendarEventQueue(int initialCapacity) {
        int chunks = Math.max(16, (Math.max(16, initialCapacity) >>> CHUNK_BITS) * 2);
        chunk = new long[3 * CHUNK * chunks];
        chunkNext = new int[chunks];
        setGeometry(INITIAL_SHIFT, INITIAL_SEGMENTS);
        windowEnd = windowEndFor(0);
    }

    @Override
    public void push(long timePs, int band, int target, long arg, Object ref) {
        long meta = ((long) target << 32) | band;
        if (ref != null) {
            meta |= storeRef(ref);
        }
        size++;
        if (timePs >= runEnd && timePs < windowEnd) {
            segmentPush(timePs, arg, meta);
        } else {
            pushOutsideWindow(timePs, arg, meta);
        }
    }

    /** The rarer destinations: overflow heap, current-time FIFO, run. */
    private void pushOutsideWindow(long timePs, long arg, long meta) {
        if (timePs >= runEnd) {
            overflowPush(timePs, arg, meta);
        } else if (timePs == cur) {
            fifoPush(arg, meta, (int) meta & BAND_MASK);
        } else {
            runInsert(timePs, arg, meta);
        }
    }

    private void segmentPush(long t, long arg, long meta) {
        int s = (int) (t >>> shift) & (ns - 1);
        int n = segCount[s];
        int c = (n & (CHUNK - 1)) == 0 ? linkNewChunk(s, n) : segTail[s];
        int i = 3 * ((c << CHUNK_BITS) | (n & (CHUNK - 1)));
        long[] ch = chunk;
        ch[i] = t;
        ch[i + 1] = arg;
        ch[i + 2] = meta;
        segCount[s] = n + 1;
        segEvents++;
    }

    /** Appends a fresh chunk to segment slot {@code s} holding {@code n} events and returns it. */
    private int linkNewChunk(int s, int n) {
        int c = newChunk();
        if (n == 0) {
            segHead[s] = c;
        } else {
            chunkNext[segTail[s]] = c;
        }
        segTail[s] = c;
        return c;
    }

    private int newChunk() {
        int c = chunkFree;
        if (c >= 0) {
            chunkFree = chunkNext[c];
        } else {
            c = chunkUsed++;
            if (c == chunkNext.length) {
                chunkNext = Arrays.copyOf(chunkNext, c * 2);
                chunk = Arrays.copyOf(chunk, chunk.length * 2);
            }
        }
        chunkNext[c] = -1;
        return c;
    }

    private void overflowPush(long t, long arg, long meta) {
        epochOverflowPushes++;
        int h = ovfFree;
        if (h >= 0) {
            ovfFree = ovfNext[h];
        } else {
            h = ovfUsed++;
            if (h == ovfNext.length) {
                ovfNext = Arrays.copyOf(ovfNext, h * 2);
                ovf = Arrays.copyOf(ovf, ovf.length * 2);
            }
        }
        ovf[3 * h] = t;
        ovf[3 * h + 1] = arg;
        ovf[3 * h + 2] = meta;
        overflow.push(t, ((meta & BAND_MASK) << 56) | overflowSeq++, h);
    }

    private void fifoPush(long arg, long meta, int band) {
        int h = fifoFree;
        if (h >= 0) {
            fifoFree = fifoNext[h];
        } else {
            h = fifoUsed++;
            if (h == fifoNext.length) {
                fifoNext = Arrays.copyOf(fifoNext, h * 2);
                fifo = Arrays.copyOf(fifo, fifo.length * 2);
            }
        }
        fifo[2 * h] = arg;
        fifo[2 * h + 1] = meta;
        fifoNext[h] = -1;
        long bit = 1L << band;
        if ((bandMask & bit) == 0) {
            bandHead[band] = h;
            bandMask |= bit;
        } else {
            fifoNext[bandTail[band]] = h;
        }
        bandTail[band] = h;
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

    /** Inserts into the run after every event with an equal or smaller (time, band): it is the newest. */
    private void runInsert(long t, long arg, long meta) {
        int band = (int) meta & BAND_MASK;
        long[] rn = run;
        int lo = runPos;
        int hi = runLen;
        int i = hi;
        while (i > lo) {
            long xt = rn[3 * (i - 1)];
            if (xt < t || (xt == t && (int) (rn[3 * (i - 1) + 2] & BAND_MASK) <= band)) {
                break;
            }
            i--;
        }
        if (lo > 0 && i - lo < hi - i) {
            // cheaper to move the front part one place down into the consumed gap
            System.arraycopy(rn, 3 * lo, rn, 3 * (lo - 1), 3 * (i - lo));
            runPos = lo - 1;
            i--;
        } else {
            if (3 * hi == rn.length) {
                run = rn = Arrays.copyOf(rn, 2 * rn.length);
            }
            System.arraycopy(rn, 3 * i, rn, 3 * (i + 1), 3 * (hi - i));
            runLen = hi + 1;
        }
        rn[3 * i] = t;
        rn[3 * i + 1] = arg;
        rn[3 * i + 2] = meta;
    }

    @Override
    public long peekTime() {
        if (bandMask == 0 && runPos < runLen) {
            return run[3 * runPos];
        }
        return peekSlow();
    }

    private long peekSlow() {
        if (bandMask != 0) {
            return cur;
        }
        if (size == 0) {
            return Long.MAX_VALUE;
        }
        fillRun();
        return run[3 * runPos];
    }

    @Override
    public long pop() {
        int p = runPos;
        if (bandMask != 0 || p == runLen) {
            return popSlow();
        }
        runPos = p + 1;
        long[] rn = run;
        int i = 3 * p;
        long t = rn[i];
        long meta = rn[i + 2];
        cur = t;
        poppedArg = rn[i + 1];
        poppedMeta = meta;
        if ((meta & HAS_REF) != 0) {
            poppedRef = takeRef(meta);
        }
        size--;
        return t;
    }

    @Override
    public long popUntil(long limitPs) {
        int p = runPos;
        if (bandMask != 0 || p == runLen) {
            return peekSlow() > limitPs ? -1 : pop();
        }
        long[] rn = run;
        int i = 3 * p;
        long t = rn[i];
        if (t > limitPs) {
            return -1;
        }
        runPos = p + 1;
        long meta = rn[i + 2];
        cur = t;
        poppedArg = rn[i + 1];
        poppedMeta = meta;
        if ((meta & HAS_REF) != 0) {
            poppedRef = takeRef(meta);
        }
        size--;
        return t;
    }

    /** Pop when the FIFOs are not empty or the run must be refilled. */
    private long popSlow() {
        long arg;
        long meta;
        if (bandMask == 0) {
            if (size == 0) {
                throw new NoSuchElementException("event queue is empty");
            }
            fillRun();
            int i = 3 * runPos++;
            cur = run[i];
            arg = run[i + 1];
            meta = run[i + 2];
        } else {
            int b = Long.numberOfTrailingZeros(bandMask);
            int i = 3 * runPos;
            if (runPos < runLen && run[i] == cur && (int) (run[i + 2] & BAND_MASK) <= b) {
                runPos++;
                arg = run[i + 1];
                meta = run[i + 2];
            } else {
                int h = bandHead[b];
                int nx = fifoNext[h];
                if (nx < 0) {
                    bandMask &= ~(1L << b);
                } else {
                    bandHead[b] = nx;
                }
                arg = fifo[2 * h];
                meta = fifo[2 * h + 1];
                fifoNext[h] = fifoFree;
                fifoFree = h;
            }
        }
        poppedMeta = meta;
        poppedArg = arg;
        if ((meta & HAS_REF) != 0) {
            poppedRef = takeRef(meta);
        }
        size--;
        return cur;
    }

    @Override
    public int upcomingTarget(int ahead) {
        int p = runPos + ahead - 1;
        return p < runLen ? (int) (run[3 * p + 2] >>> 32) : -1;
    }

    private Object takeRef(long meta) {
        int h = (int) (meta >>> REF_SHIFT) & (MAX_REFS - 1);
        Object o = refs[h];
        refs[h] = null;
        refNext[h] = refFree;
        refFree = h;
        return o;
    }

    /** Makes the run non-empty from the next non-empty segment; FIFOs and run are empty, size &gt; 0. */
    private void fillRun() {
        if (epochDrained >= epochEnd) {
            retune();
        }
        if (segEvents == 0) {
            // everything left is in the overflow heap: jump the window to its earliest event
            nextSeg = overflow.minTime() >>> shift;
            runEnd = nextSeg << shift;
            windowEnd = windowEndFor(nextSeg);
            migrate();
        }
        int mask = ns - 1;
        int[] cnt = segCount;
        long abs = nextSeg;
        int s = (int) abs & mask;
        while (cnt[s] == 0) {
            abs++;
            s = (int) abs & mask;
        }
        nextSeg = abs + 1;
        runEnd = nextSeg > (Long.MAX_VALUE >>> shift) ? Long.MAX_VALUE : nextSeg << shift;
        windowEnd = windowEndFor(nextSeg);
        drain(s, abs << shift);
        if (!overflow.isEmpty() && overflow.minTime() < windowEnd) {
            migrate();
        }
    }

    /** Moves overflow events inside the window into their segments, in (time, band, sequence) order. */
    private void migrate() {
        KeyHeap o = overflow;
        long we = windowEnd;
        while (!o.isEmpty() && o.minTime() < we) {
            int h = o.minValue();
            o.removeMin();
            segmentPush(ovf[3 * h], ovf[3 * h + 1], ovf[3 * h + 2]);
            ovfNext[h] = ovfFree;
            ovfFree = h;
        }
    }

    /** Sorts segment slot {@code s} (starting at {@code start} ps) into the run and frees its chunks. */
    private void drain(int s, long start) {
        int k = segCount[s];
        segEvents -= k;
        segCount[s] = 0;
        runPos = 0;
        runLen = k;
        epochDrained += k;
        epochSegments++;
        long[] ch = chunk;
        int[] cn = chunkNext;
        int first = segHead[s];
        if (k == 1) {
            int i = 3 * (first << CHUNK_BITS);
            long[] rn = run;
            rn[0] = ch[i];
            rn[1] = ch[i + 1];
            rn[2] = ch[i + 2];
            cn[first] = chunkFree;
            chunkFree = first;
            epochDistinct++;
            return;
        }
        if (runKey.length < k) {
            int cap = Math.max(k, runKey.length * 2);
            runKey = new long[cap];
            gatherKey = new long[cap];
        }
        if (run.length < 3 * k) {
            run = new long[3 * Math.max(k, run.length * 2 / 3)];
        }
        int nc = (k + CHUNK - 1) >>> CHUNK_BITS;
        if (chunkList.length < nc) {
            chunkList = new int[Math.max(nc, chunkList.length * 2)];
        }
        int[] cl = chunkList;
        for (int j = 0, c = first; j < nc; j++, c = cn[c]) {
            cl[j] = c;
        }
        // counting sort on the top bits of the time offset (the segment's width is known, so no
        // pass over the keys for their range): about four slots per event, so times rarely share
        // a slot; same-time events of different bands always do, and the insertion pass below
        // orders them
        int slotBits = Math.min(12, 34 - Integer.numberOfLeadingZeros(k));
        int sh = Math.max(0, shift - slotBits);
        int nSlots = 1 << Math.min(slotBits, shift);
        int[] sl = slots;
        Arrays.fill(sl, 0, nSlots, 0);
        for (int ci = 0, j = 0; ci < nc; ci++) {
            int base = 3 * (cl[ci] << CHUNK_BITS);
            int end = Math.min(CHUNK, k - j);
            j += end;
            for (int e = 0; e < end; e++) {
                sl[(int) ((ch[base + 3 * e] - start) >>> sh)]++;
            }
        }
        for (int i = 0, sum = 0; i < nSlots; i++) {
            int v = sl[i];
            sl[i] = sum;
            sum += v;
        }
        long[] rk = runKey;
        long[] rn = run;
        for (int ci = 0, j = 0; ci < nc; ci++) {
            int base = 3 * (cl[ci] << CHUNK_BITS);
            int end = Math.min(CHUNK, k - j);
            j += end;
            for (int e = 0; e < end; e++) {
                int src = base + 3 * e;
                long t = ch[src];
                long m = ch[src + 2];
                long off = t - start;
                int r = sl[(int) (off >>> sh)]++;
                rk[r] = (off << 6) | (m & BAND_MASK);
                rn[3 * r] = t;
                rn[3 * r + 1] = ch[src + 1];
                rn[3 * r + 2] = m;
            }
        }
        // stable insertion pass for keys that shared a slot, with a work budget; also counts
        // distinct times (approximately, on the partly sorted prefix) for the adaptation
        int budget = 4 * k + 64;
        long distinct = 1;
        for (int i = 1; i < k; i++) {
            long key = rk[i];
            long prev = rk[i - 1];
            if (key < prev) {
                long t = rn[3 * i];
                long a = rn[3 * i + 1];
                long m = rn[3 * i + 2];
                int p = i - 1;
                do {
                    rk[p + 1] = rk[p];
                    rn[3 * p + 3] = rn[3 * p];
                    rn[3 * p + 4] = rn[3 * p + 1];
                    rn[3 * p + 5] = rn[3 * p + 2];
                    p--;
                    budget--;
                } while (p >= 0 && rk[p] > key);
                rk[p + 1] = key;
                rn[3 * p + 3] = t;
                rn[3 * p + 4] = a;
                rn[3 * p + 5] = m;
                if (budget < 0) {
                    long min = Long.MAX_VALUE;
                    long max = 0;
                    for (int q = 0; q < k; q++) {
                        min = Math.min(min, rk[q]);
                        max = Math.max(max, rk[q]);
                    }
                    radixSort(k, nc, start, min, 64 - Long.numberOfLeadingZeros(max - min));
                    break;
                }
            } else if ((key ^ prev) >>> 6 != 0) {
                distinct++;
            }
        }
        epochDistinct += distinct;
        cn[segTail[s]] = chunkFree;
        chunkFree = first;
    }

    /**
     * Stable LSD radix sort (8-bit digits) of the segment (still in its chunks, listed in
     * {@code chunkList}) into the run: the fallback when keys are too clustered for one counting
     * pass.
     */
    private void radixSort(int k, int nc, long start, long min, int rangeBits) {
        radixSorts++;
        if (gather.length < 3 * k) {
            gather = new long[3 * Math.max(k, gather.length * 2 / 3)];
        }
        long[] g = gather;
        long[] gk = gatherKey;
        for (int ci = 0, j = 0; ci < nc; ci++) {
            int end = Math.min(CHUNK, k - j);
            System.arraycopy(chunk, 3 * (chunkList[ci] << CHUNK_BITS), g, 3 * j, 3 * end);
            for (int e = 0; e < end; e++, j++) {
                gk[j] = ((g[3 * j] - start) << 6) | (g[3 * j + 2] & BAND_MASK);
            }
        }
        long[] srcK = gk;
        long[] src = g;
        long[] dstK = runKey;
        long[] dst = run;
        int[] sl = slots;
        int passes = Math.max(1, (rangeBits + 7) >>> 3);
        for (int pass = 0; pass < passes; pass++) {
            int sh = pass * 8;
            Arrays.fill(sl, 0, 256, 0);
            for (int i = 0; i < k; i++) {
                sl[(int) ((srcK[i] - min) >>> sh) & 255]++;
            }
            for (int i = 0, sum = 0; i < 256; i++) {
                int v = sl[i];
                sl[i] = sum;
                sum += v;
            }
            for (int i = 0; i < k; i++) {
                long key = srcK[i];
                int r = sl[(int) ((key - min) >>> sh) & 255]++;
                dstK[r] = key;
                dst[3 * r] = src[3 * i];
                dst[3 * r + 1] = src[3 * i + 1];
                dst[3 * r + 2] = src[3 * i + 2];
            }
            long[] tk = srcK;
            srcK = dstK;
            dstK = tk;
            long[] td = src;
            src = dst;
            dst = td;
        }
        if (src != run) {
            System.arraycopy(srcK, 0, runKey, 0, k);
            System.arraycopy(src, 0, run, 0, 3 * k);
        }
    }

    private long windowEndFor(long firstSeg) {
        long endSeg = firstSeg + ns;
        return endSeg > (Long.MAX_VALUE >>> shift) ? Long.MAX_VALUE : endSeg << shift;
    }

    private void setGeometry(int newShift, int newNs) {
        shift = newShift;
        if (segCount == null || segCount.length != newNs) {
            ns = newNs;
            segHead = new int[newNs];
            segTail = new int[newNs];
            segCount = new int[newNs];
        } else {
            Arrays.fill(segCount, 0);
        }
    }

    /**
     * Ends an epoch: picks the segment width and count from its statistics and rebuilds the
     * segments when they change. Called only from {@link #fillRun()} (run and FIFOs empty).
     */
    private void retune() {
        long segs = Math.max(1, epochSegments);
        double perSegment = (double) epochDrained / segs;
        double distinct = (double) epochDistinct / segs;
        double overflowRate = (double) epochOverflowPushes / Math.max(1, epochDrained);
        int newShift = shift;
        int newNs = ns;
        int maxNs = Math.min(MAX_SEGMENTS, Math.max(INITIAL_SEGMENTS, Integer.highestOneBit(Math.max(1, size)) >>> 1));
        if (distinct > 96 && shift > 0) {
            // narrow the segments to about 32 distinct times each
            int by = 63 - Long.numberOfLeadingZeros((long) (distinct / 32));
            newShift = Math.max(0, shift - Math.max(1, by));
        } else if (overflowRate > 1.0 / 32) {
            if (ns < maxNs) {
                newNs = overflowRate > 0.25 && ns * 4 <= maxNs ? ns * 4 : ns * 2;
            } else if (perSegment < 48 && shift < MAX_SHIFT) {
                newShift = shift + 1;
            }
        } else if (perSegment < 48 && shift < MAX_SHIFT) {
            // widen to 48..96 events each (at most 96 distinct times, so the rule above does not
            // undo it): the per-segment cost of the sort is then amortised over more events,
            // which measured faster than 24..48 for a hold model (docs/engine.md)
            int by = 63 - Long.numberOfLeadingZeros((long) (96 / Math.max(perSegment, 0.01)));
            newShift = Math.min(MAX_SHIFT, shift + Math.max(1, by));
        } else if (ns > 2 * maxNs && ns > MIN_SEGMENTS) {
            newNs = ns / 2; // far more segments than needed: give memory and cache back
        }
        epochDrained = 0;
        epochSegments = 0;
        epochDistinct = 0;
        epochOverflowPushes = 0;
        epochEnd = Math.max(MIN_EPOCH, size);
        if (newShift != shift || newNs != ns) {
            rebuild(newShift, newNs);
        }
    }

    /** Re-distributes the segment events over a new geometry, keeping each segment's insertion order. */
    private void rebuild(int newShift, int newNs) {
        rebuilds++;
        int n = segEvents;
        long[] all = new long[3 * Math.max(1, n)];
        int k = 0;
        int mask = ns - 1;
        for (int i = 0; i < ns && k < n; i++) {
            int s = (int) (nextSeg + i) & mask;
            int cnt = segCount[s];
            if (cnt == 0) {
                continue;
            }
            int c = segHead[s];
            for (int j = 0; j < cnt; j += CHUNK) {
                int len = Math.min(CHUNK, cnt - j);
                System.arraycopy(chunk, 3 * (c << CHUNK_BITS), all, 3 * k, 3 * len);
                k += len;
                int nx = chunkNext[c];
                chunkNext[c] = chunkFree;
                chunkFree = c;
                c = nx;
            }
        }
        setGeometry(newShift, newNs);
        segEvents = 0;
        nextSeg = runEnd >>> newShift;
        runEnd = nextSeg << newShift;
        windowEnd = windowEndFor(nextSeg);
        for (int i = 0; i < k; i++) {
            long t = all[3 * i];
            if (t < windowEnd) {
                segmentPush(t, all[3 * i + 1], all[3 * i + 2]);
            } else {
                overflowPush(t, all[3 * i + 1], all[3 * i + 2]);
            }
        }
        epochOverflowPushes = 0;
        migrate();
    }

    /** Number of geometry changes so far (adaptation steps); for tests and diagnostics. */
    int rebuilds() {
        return rebuilds;
    }

    /** Number of segments sorted by the radix fallback; for tests and diagnostics. */
    int radixSorts() {
        return radixSorts;
    }

    /** Current segment width in ps; for tests and diagnostics. */
    long segmentWidthPs() {
        return 1L << shift;
    }

    /** Current number of segments in the window; for tests and diagnostics. */
    int segmentCount() {
        return ns;
    }

    /** Events currently in the overflow heap; for tests and diagnostics. */
    int overflowSize() {
        return overflow.size();
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
        fifoUsed = 0;
        fifoFree = -1;
        bandMask = 0;
        chunkUsed = 0;
        chunkFree = -1;
        ovfUsed = 0;
        ovfFree = -1;
        runPos = 0;
        runLen = 0;
        overflow.clear();
        overflowSeq = 0;
        setGeometry(INITIAL_SHIFT, INITIAL_SEGMENTS);
        segEvents = 0;
        cur = 0;
        runEnd = 0;
        nextSeg = 0;
        windowEnd = windowEndFor(0);
        size = 0;
        poppedRef = null;
        poppedMeta = 0;
        epochDrained = 0;
        epochSegments = 0;
        epochDistinct = 0;
        epochOverflowPushes = 0;
        epochEnd = MIN_EPOCH;
    }
}
