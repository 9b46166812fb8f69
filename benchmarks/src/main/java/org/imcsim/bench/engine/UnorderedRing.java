package org.imcsim.bench.engine;

import java.util.Arrays;
import java.util.NoSuchElementException;
import org.imcsim.engine.EventQueue;

/**
 * A measuring instrument, <b>not a pending-event set</b>: it returns events in the order they were
 * pushed, ignoring their times (the time it reports never goes backwards, so the engine's checks
 * pass). {@link HoldBenchmark} with {@code -p queue=ring} therefore measures everything an event
 * costs except ordering it — dispatch through the component API, the handler, the send and the
 * cheapest possible store and load of the event — i.e. the ceiling that no ordered queue can
 * reach on the same machine. Never used by the simulator.
 */
public final class UnorderedRing implements EventQueue {
    private long[] slots = new long[3 * 1024];
    private int mask = 1023;
    private int head;
    private int tail;
    private long now;
    private long poppedArg;
    private long poppedMeta;

    @Override
    public void push(long timePs, int band, int target, long arg, Object ref) {
        if (ref != null) {
            throw new UnsupportedOperationException("the ring measures primitive events only");
        }
        if (tail - head > mask) {
            grow();
        }
        int i = 3 * (tail++ & mask);
        long[] s = slots;
        s[i] = timePs;
        s[i + 1] = arg;
        s[i + 2] = ((long) target << 32) | band;
    }

    private void grow() {
        int n = mask + 1;
        long[] bigger = new long[6 * n];
        for (int k = 0; k < n; k++) {
            System.arraycopy(slots, 3 * ((head + k) & mask), bigger, 3 * k, 3);
        }
        slots = bigger;
        mask = 2 * n - 1;
        tail = n;
        head = 0;
    }

    @Override
    public long peekTime() {
        return head == tail ? Long.MAX_VALUE : Math.max(now, slots[3 * (head & mask)]);
    }

    @Override
    public long pop() {
        if (head == tail) {
            throw new NoSuchElementException("ring is empty");
        }
        int i = 3 * (head++ & mask);
        long[] s = slots;
        now = Math.max(now, s[i]);
        poppedArg = s[i + 1];
        poppedMeta = s[i + 2];
        return now;
    }

    @Override
    public long popUntil(long limitPs) {
        if (head == tail || peekTime() > limitPs) {
            return -1;
        }
        return pop();
    }

    @Override
    public int upcomingTarget(int ahead) {
        int p = head + ahead - 1;
        return p - tail < 0 ? (int) (slots[3 * (p & mask) + 2] >>> 32) : -1;
    }

    @Override
    public int poppedBand() {
        return (int) poppedMeta & 63;
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
        return null;
    }

    @Override
    public int size() {
        return tail - head;
    }

    @Override
    public void clear() {
        head = 0;
        tail = 0;
        now = 0;
        Arrays.fill(slots, 0);
    }
}
