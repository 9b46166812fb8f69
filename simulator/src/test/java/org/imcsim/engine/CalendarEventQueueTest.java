package org.imcsim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Long randomized cross-checks of {@link CalendarEventQueue} against an exact reference (a
 * {@link TreeMap} keyed by (time, band, insertion sequence)) in the regimes its adaptation has to
 * handle: a hold model that makes it narrow its buckets and grow its window, a clocked model with
 * many events per picosecond and zero-latency pushes, heavy-tailed delays that keep the overflow
 * heap busy, peeks ahead followed by earlier pushes, and times near {@code Long.MAX_VALUE}.
 */
class CalendarEventQueueTest {

    /** The reference: key = (time, band, seq), value = {target, arg}. */
    private static final class Reference {
        private record Key(long time, int band, long seq) implements Comparable<Key> {
            @Override
            public int compareTo(Key o) {
                int c = Long.compare(time, o.time);
                if (c != 0) {
                    return c;
                }
                c = Integer.compare(band, o.band);
                return c != 0 ? c : Long.compare(seq, o.seq);
            }
        }

        private final TreeMap<Key, long[]> map = new TreeMap<>();
        private long seq;

        void push(long t, int band, int target, long arg) {
            map.put(new Key(t, band, seq++), new long[] {target, arg});
        }

        long peek() {
            return map.isEmpty() ? Long.MAX_VALUE : map.firstKey().time;
        }

        int size() {
            return map.size();
        }
    }

    /** Pops one event from both and checks they agree; returns the time. */
    private static long popBoth(CalendarEventQueue q, Reference ref, String where) {
        var e = ref.map.pollFirstEntry();
        long t = q.pop();
        assertEquals(e.getKey().time, t, where + ": time");
        assertEquals(e.getKey().band, q.poppedBand(), where + ": band");
        assertEquals((int) e.getValue()[0], q.poppedTarget(), where + ": target");
        assertEquals(e.getValue()[1], q.poppedArg(), where + ": arg");
        return t;
    }

    @Test
    void holdModelAdaptsAndKeepsTheExactOrder() {
        for (int pending : new int[] {1, 50, 1000, 20_000}) {
            SplittableRandom r = new SplittableRandom(pending);
            CalendarEventQueue q = new CalendarEventQueue(4);
            Reference ref = new Reference();
            int target = 0;
            for (int i = 0; i < pending; i++) {
                long t = (long) (-100_000 * Math.log(1 - r.nextDouble()));
                int band = r.nextInt(3) * 8;
                q.push(t, band, target, i, null);
                ref.push(t, band, target++, i);
            }
            int ops = Math.max(200_000, 12 * pending);
            for (int op = 0; op < ops; op++) {
                if (r.nextInt(16) == 0) {
                    assertEquals(ref.peek(), q.peekTime(), "peek, pending " + pending + " op " + op);
                }
                long now = popBoth(q, ref, "pending " + pending + " op " + op);
                // mostly one new event per pop; sometimes same time, sometimes a tiny delay
                int kind = r.nextInt(64);
                long t = kind == 0 ? now : kind == 1 ? now + 1 + r.nextInt(3)
                        : now + (long) (-100_000 * Math.log(1 - r.nextDouble()));
                int band = r.nextInt(3) * 8;
                q.push(t, band, target, op, null);
                ref.push(t, band, target++, op);
                assertEquals(ref.size(), q.size());
            }
            if (pending >= 20_000) {
                assertTrue(q.rebuilds() > 0, "the calendar should have adapted its geometry");
                assertTrue(q.segmentWidthPs() < 4096, "segments narrower than the initial 4096 ps: " + q.segmentWidthPs());
            }
        }
    }

    @Test
    void clockedModelWithManyEventsPerEdgeAndZeroLatencyPushes() {
        SplittableRandom r = new SplittableRandom(7);
        CalendarEventQueue q = new CalendarEventQueue();
        Reference ref = new Reference();
        int target = 0;
        for (int i = 0; i < 3000; i++) {
            long t = 1000L * r.nextInt(4);
            int band = r.nextBoolean() ? Band.TICK : Band.DELIVER;
            q.push(t, band, target, i, null);
            ref.push(t, band, target++, i);
        }
        for (int op = 0; op < 300_000; op++) {
            if (ref.size() == 0) {
                break;
            }
            long now = popBoth(q, ref, "op " + op);
            int pushes = r.nextInt(3); // the population drifts but stays around its start
            for (int j = 0; j < pushes; j++) {
                int kind = r.nextInt(10);
                long t = kind < 3 ? now : kind < 8 ? now + 1000 : now + 1000L * (1 + r.nextInt(20));
                int band = kind < 3 ? r.nextInt(Band.MAX + 1) : (r.nextBoolean() ? Band.TICK : Band.DELIVER);
                q.push(t, band, target, op, null);
                ref.push(t, band, target++, op);
            }
            if (ref.size() < 2000) {
                long t = now + 1000;
                q.push(t, Band.TICK, target, op, null);
                ref.push(t, Band.TICK, target++, op);
            }
            assertEquals(ref.size(), q.size());
        }
    }

    @Test
    void heavyTailedDelaysPeeksAheadAndEarlierPushes() {
        SplittableRandom r = new SplittableRandom(11);
        CalendarEventQueue q = new CalendarEventQueue(4);
        Reference ref = new Reference();
        long now = 0;
        int target = 0;
        for (int op = 0; op < 400_000; op++) {
            int c = r.nextInt(100);
            if (ref.size() == 0 || c < 50) {
                // Pareto-like delays from 1 ps to ~1e12 ps
                double u = 1 - r.nextDouble();
                long d = (long) Math.min(1e12, 1.0 / (u * u * u));
                long t = now + (r.nextInt(8) == 0 ? 0 : d);
                int band = r.nextInt(Band.MAX + 1);
                q.push(t, band, target, op, null);
                ref.push(t, band, target++, op);
            } else if (c < 60) {
                // look ahead as a time-limited run does, then push between now and the peeked time
                long peek = ref.peek();
                assertEquals(peek, q.peekTime(), "peek op " + op);
                if (peek > now + 1 && r.nextBoolean()) {
                    long t = now + 1 + r.nextLong(peek - now - 1);
                    q.push(t, 0, target, op, null);
                    ref.push(t, 0, target++, op);
                }
            } else {
                now = popBoth(q, ref, "op " + op);
            }
            assertEquals(ref.size(), q.size());
        }
        while (ref.size() > 0) {
            popBoth(q, ref, "drain");
        }
        assertEquals(Long.MAX_VALUE, q.peekTime());
    }

    /** Keys that crowd into one counting-sort slot take the radix fallback and stay in order. */
    @Test
    void clusteredKeysFallBackToTheRadixSort() {
        CalendarEventQueue q = new CalendarEventQueue();
        Reference ref = new Reference();
        int target = 0;
        for (int i = 0; i < 3000; i++) {
            long t = 100 + (i % 3); // three adjacent picoseconds, interleaved bands
            int band = (i * 7) % 5 * 8;
            q.push(t, band, target, i, null);
            ref.push(t, band, target++, i);
        }
        q.push(4000, 8, target, -1, null); // widens the key range of the same segment
        ref.push(4000, 8, target++, -1);
        while (ref.size() > 0) {
            popBoth(q, ref, "clustered");
        }
        assertTrue(q.radixSorts() > 0, "the radix fallback should have been used");
    }

    @Test
    void timesNearTheEndOfTheLongRange() {
        CalendarEventQueue q = new CalendarEventQueue();
        Reference ref = new Reference();
        long base = Long.MAX_VALUE - 5_000_000;
        SplittableRandom r = new SplittableRandom(3);
        int target = 0;
        for (int i = 0; i < 2000; i++) {
            long t = base + r.nextLong(Long.MAX_VALUE - 1 - base);
            q.push(t, 8, target, i, null);
            ref.push(t, 8, target++, i);
        }
        q.push(1, 8, target, -1, null);
        ref.push(1, 8, target++, -1);
        while (ref.size() > 0) {
            popBoth(q, ref, "tail");
        }
    }

    @Test
    void referencePayloadsAreCarriedAndReleased() {
        CalendarEventQueue q = new CalendarEventQueue();
        Object a = "a";
        Object b = "b";
        q.push(5, 8, 1, 10, a);
        q.push(5, 8, 2, 20, null);
        q.push(3_000_000, 8, 3, 30, b);
        q.pop();
        assertSame(a, q.poppedRef());
        q.pop();
        assertNull(q.poppedRef());
        q.push(5, 8, 4, 40, null); // same time: the current-time FIFO
        q.pop();
        assertEquals(4, q.poppedTarget());
        assertNull(q.poppedRef());
        q.pop();
        assertSame(b, q.poppedRef());
        assertEquals(30, q.poppedArg());
    }
}
