package org.imcsim.bench.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine benchmarks run what they claim to run (not their speed: that is JMH's job). */
class EngineBenchmarksTest {

    @Test
    void holdHandlesOneBatchPerInvocationOnEveryQueue() {
        for (String queue : List.of("calendar", "wheel", "heap", "ring")) {
            HoldBenchmark b = new HoldBenchmark();
            b.pending = 1000;
            b.components = 1000;
            b.meanDelayPs = 100_000;
            b.queue = queue;
            b.setUp();
            assertEquals(HoldBenchmark.BATCH, b.hold(), queue);
            assertEquals(HoldBenchmark.BATCH, b.hold(), queue);
        }
    }

    @Test
    void unknownQueueIsRejected() {
        HoldBenchmark b = new HoldBenchmark();
        b.pending = 10;
        b.components = 10;
        b.meanDelayPs = 1000;
        b.queue = "calender";
        assertThrows(IllegalArgumentException.class, b::setUp);
        QueueHoldBenchmark bare = new QueueHoldBenchmark();
        bare.pending = 10;
        bare.meanDelayPs = 1000;
        bare.queue = "ring"; // orders nothing: not a pending set to measure on its own
        assertThrows(IllegalArgumentException.class, bare::setUp);
    }

    @Test
    void bareQueuesPopTheSameEvents() {
        long expected = Long.MIN_VALUE;
        for (String queue : List.of("calendar", "wheel", "heap")) {
            QueueHoldBenchmark b = new QueueHoldBenchmark();
            b.pending = 2000;
            b.meanDelayPs = 100_000;
            b.queue = queue;
            b.setUp();
            long sum = b.hold() + b.hold();
            if (expected == Long.MIN_VALUE) {
                expected = sum;
            }
            assertEquals(expected, sum, queue + " popped other events than the calendar");
        }
    }

    @Test
    void ringReturnsEventsInPushOrderAndNeverGoesBackInTime() {
        UnorderedRing r = new UnorderedRing();
        for (int i = 0; i < 3000; i++) {
            r.push(5000 - i, 8, i % 7, i, null); // decreasing times: the ring ignores them
        }
        assertEquals(3000, r.size());
        assertEquals(1, r.upcomingTarget(2));
        long last = -1;
        for (int i = 0; i < 3000; i++) {
            long t = r.popUntil(Long.MAX_VALUE - 1);
            assertEquals(i, r.poppedArg());
            assertEquals(i % 7, r.poppedTarget());
            assertEquals(8, r.poppedBand());
            assertEquals(true, t >= last);
            last = t;
        }
        assertEquals(-1, r.popUntil(Long.MAX_VALUE - 1));
        assertThrows(UnsupportedOperationException.class, () -> r.push(1, 0, 0, 0, "x"));
    }
}
