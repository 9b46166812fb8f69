package org.imcsim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventQueueTest {

    static Stream<Supplier<EventQueue>> queues() {
        return Stream.of(QuaternaryHeapEventQueue::new, TimingWheelEventQueue::new, CalendarEventQueue::new);
    }

    @ParameterizedTest
    @MethodSource("queues")
    void sameTimeOrdersByBandThenInsertion(Supplier<EventQueue> make) {
        EventQueue q = make.get();
        q.push(100, Band.TICK, 1, 0, null);
        q.push(100, Band.DELIVER, 2, 0, null);
        q.push(50, Band.LATE, 3, 0, null);
        q.push(100, Band.DELIVER, 4, 0, null);
        q.push(100, Band.EARLY, 5, 0, null);
        q.push(100, Band.TICK, 6, 0, null);
        int[] expected = {3, 5, 2, 4, 1, 6};
        for (int e : expected) {
            q.pop();
            assertEquals(e, q.poppedTarget());
        }
        assertEquals(0, q.size());
        assertEquals(Long.MAX_VALUE, q.peekTime());
        assertThrows(NoSuchElementException.class, q::pop);
    }

    @ParameterizedTest
    @MethodSource("queues")
    void aLowerBandPushedAtTheCurrentTimeOvertakesPendingHigherBands(Supplier<EventQueue> make) {
        EventQueue q = make.get();
        q.push(10, Band.TICK, 1, 0, null);
        q.push(10, Band.TICK, 2, 0, null);
        assertEquals(10, q.pop());
        q.push(10, Band.DELIVER, 3, 0, null); // handler of 1 sends a zero-latency message
        q.pop();
        assertEquals(3, q.poppedTarget());
        q.pop();
        assertEquals(2, q.poppedTarget());
    }

    @ParameterizedTest
    @MethodSource("queues")
    void carriesPayloads(Supplier<EventQueue> make) {
        EventQueue q = make.get();
        Object msg = "hello";
        q.push(7, 3, 9, -42L, msg);
        q.push(8, 0, 1, 5L, null);
        assertEquals(7, q.peekTime());
        assertEquals(7, q.pop());
        assertEquals(3, q.poppedBand());
        assertEquals(9, q.poppedTarget());
        assertEquals(-42L, q.poppedArg());
        assertSame(msg, q.poppedRef());
        assertEquals(8, q.pop());
        assertNull(q.poppedRef());
    }

    /** All implementations and a sorted-list reference must pop identical sequences. */
    @Test
    void implementationsAgreeUnderRandomOperations() {
        for (long seed = 1; seed <= 6; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            EventQueue[] qs = {new QuaternaryHeapEventQueue(4), new TimingWheelEventQueue(4), new CalendarEventQueue(4)};
            List<long[]> ref = new ArrayList<>(); // {time, band, seq, target, arg}
            long now = 0;
            long seq = 0;
            int pushes = 0;
            // spans from equal times to far-future ones, to exercise every wheel level
            long[] spans = {1, 3, 1000, 1 << 20, 1L << 40};
            for (int op = 0; op < 40_000; op++) {
                boolean push = ref.isEmpty() || r.nextInt(100) < (op < 20_000 ? 60 : 40);
                if (push) {
                    long span = spans[r.nextInt(spans.length)];
                    long t = now + r.nextLong(span);
                    int band = r.nextInt(4) * 8;
                    int target = pushes++;
                    long arg = r.nextLong();
                    for (EventQueue q : qs) {
                        q.push(t, band, target, arg, null);
                    }
                    ref.add(new long[] {t, band, seq++, target, arg});
                } else if (r.nextInt(10) == 0) {
                    long expect = minOf(ref)[0];
                    for (EventQueue q : qs) {
                        assertEquals(expect, q.peekTime());
                    }
                } else {
                    long[] e = minOf(ref);
                    ref.remove(e);
                    now = e[0];
                    for (EventQueue q : qs) {
                        assertEquals(e[0], q.pop(), q.getClass().getSimpleName() + " seed " + seed + " op " + op);
                        assertEquals((int) e[1], q.poppedBand());
                        assertEquals((int) e[3], q.poppedTarget(), q.getClass().getSimpleName() + " op " + op);
                        assertEquals(e[4], q.poppedArg());
                    }
                }
                for (EventQueue q : qs) {
                    assertEquals(ref.size(), q.size());
                }
            }
        }
    }

    /**
     * popUntil pops exactly what peekTime + pop would, never pops past its limit, and reference
     * payloads come back only for the events that carried one (a primitive pop after a reference
     * pop reports null).
     */
    @ParameterizedTest
    @MethodSource("queues")
    void popUntilMatchesPeekThenPopAndKeepsPayloads(Supplier<EventQueue> make) {
        EventQueue a = make.get();
        EventQueue b = make.get();
        SplittableRandom r = new SplittableRandom(11);
        long now = 0;
        int pending = 0;
        for (int op = 0; op < 60_000; op++) {
            if (pending == 0 || r.nextInt(100) < 50) {
                long t = now + r.nextLong(r.nextBoolean() ? 50 : 100_000);
                int band = r.nextInt(3) * 8;
                long arg = r.nextLong();
                Object ref = r.nextInt(4) == 0 ? Long.valueOf(arg) : null;
                a.push(t, band, op, arg, ref);
                b.push(t, band, op, arg, ref);
                pending++;
            } else {
                long next = b.peekTime();
                long limit = next + r.nextLong(-3, 4);
                long got = a.popUntil(Math.max(0, limit));
                if (next > Math.max(0, limit)) {
                    assertEquals(-1, got, "op " + op);
                    assertEquals(pending, a.size());
                    continue;
                }
                assertEquals(b.pop(), got, "op " + op);
                now = got;
                pending--;
                assertEquals(b.poppedTarget(), a.poppedTarget());
                assertEquals(b.poppedBand(), a.poppedBand());
                assertEquals(b.poppedArg(), a.poppedArg());
                Object ref = a.poppedRef();
                assertEquals(b.poppedRef(), ref, "op " + op);
                if (ref != null) {
                    assertEquals(a.poppedArg(), ((Long) ref).longValue());
                }
            }
        }
        assertEquals(-1, make.get().popUntil(Long.MAX_VALUE - 1));
    }

    /** The prefetch hint upcomingTarget(k), when given, names the target popped k pops later. */
    @ParameterizedTest
    @MethodSource("queues")
    void upcomingTargetHintIsTheTargetPoppedLater(Supplier<EventQueue> make) {
        EventQueue q = make.get();
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < 5000; i++) {
            q.push(r.nextLong(1_000_000), Band.DELIVER, i, 0, null);
        }
        int hinted = 0;
        while (q.size() >= 3) {
            q.pop();
            int h1 = q.upcomingTarget(1);
            int h2 = q.upcomingTarget(2);
            q.pop();
            if (h1 >= 0) {
                assertEquals(h1, q.poppedTarget());
                hinted++;
            }
            q.pop();
            if (h2 >= 0) {
                assertEquals(h2, q.poppedTarget());
            }
        }
        if (make.get() instanceof CalendarEventQueue) {
            assertEquals(true, hinted > 1000, "the calendar gives hints for most pops: " + hinted);
        }
    }

    /** After peeking ahead (as a time-limited run does), earlier pushes at or after the last pop still come first. */
    @ParameterizedTest
    @MethodSource("queues")
    void pushBetweenLastPopAndPeekedTimeIsHonoured(Supplier<EventQueue> make) {
        EventQueue q = make.get();
        q.push(10, 0, 1, 0, null);
        q.push(5_000_000, 0, 2, 0, null);
        q.pop();
        assertEquals(5_000_000, q.peekTime());
        q.push(20, 0, 3, 0, null);
        q.push(20, 0, 4, 0, null);
        q.push(4_999_999, 0, 5, 0, null);
        int[] expected = {3, 4, 5, 2};
        for (int e : expected) {
            q.pop();
            assertEquals(e, q.poppedTarget());
        }
    }

    @ParameterizedTest
    @MethodSource("queues")
    void clearRestartsSequence(Supplier<EventQueue> make) {
        EventQueue q = make.get();
        for (int i = 0; i < 100; i++) {
            q.push(i * 3L, 0, i, 0, "x");
        }
        q.clear();
        assertEquals(0, q.size());
        q.push(1, 0, 1, 0, null);
        q.push(1, 0, 2, 0, null);
        q.pop();
        assertEquals(1, q.poppedTarget());
    }

    /**
     * A same-time burst as in a clocked model: thousands of events at one time in several bands,
     * then pushes at that time (lower and higher bands) and just after it while the burst is
     * being popped; every queue pops the order of an exact (time, band, sequence) reference.
     */
    @ParameterizedTest
    @MethodSource("queues")
    void sameTimeBurstKeepsBandThenInsertionOrder(Supplier<EventQueue> make) {
        EventQueue q = make.get();
        // exact reference: {time, band, seq, target} ordered by (time, band, seq)
        TreeSet<long[]> ref = new TreeSet<>((x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0])
                : x[1] != y[1] ? Long.compare(x[1], y[1]) : Long.compare(x[2], y[2]));
        SplittableRandom r = new SplittableRandom(17);
        int target = 0;
        for (int i = 0; i < 5000; i++) {
            long t = 1_000 + (i % 7 == 0 ? r.nextInt(3) : 0);
            int band = Band.TICK + (r.nextInt(4) == 0 ? 8 : 0);
            q.push(t, band, target, 0, null);
            ref.add(new long[] {t, band, target, target});
            target++;
        }
        int popped = 0;
        while (!ref.isEmpty()) {
            long[] e = ref.pollFirst();
            assertEquals(e[0], q.pop(), "pop " + popped);
            assertEquals((int) e[3], q.poppedTarget(), "pop " + popped);
            popped++;
            if (popped < 8000 && r.nextInt(3) == 0) {
                // zero-latency deliveries and late work at the current time, and next-edge events
                long pt = e[0] + (r.nextInt(5) == 0 ? 1 + r.nextInt(3) : 0);
                int band = r.nextInt(4) * 8;
                q.push(pt, band, target, 0, null);
                ref.add(new long[] {pt, band, target, target});
                target++;
            }
        }
        assertEquals(0, q.size());
    }

    private static long[] minOf(List<long[]> ref) {
        long[] best = null;
        for (long[] e : ref) {
            if (best == null || e[0] < best[0] || (e[0] == best[0] && (e[1] < best[1]
                    || (e[1] == best[1] && e[2] < best[2])))) {
                best = e;
            }
        }
        return best;
    }
}
