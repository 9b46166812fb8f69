package org.imcsim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class SimulatorTest {

    /** Re-schedules itself every {@code periodPs} forever and records when it ran. */
    static final class Ticker extends EventTarget {
        final Simulator sim;
        final long periodPs;
        final List<Long> times = new ArrayList<>();
        int id;

        Ticker(Simulator sim, long periodPs) {
            this.sim = sim;
            this.periodPs = periodPs;
        }

        @Override
        protected void onEvent(long arg, Object ref) {
            times.add(sim.nowPs());
            sim.scheduleAfter(periodPs, Band.DELIVER, id, arg + 1, null);
        }
    }

    @Test
    void timeLimitStopsBeforeLaterEventsAndEndsAtTheLimit() {
        Simulator sim = new Simulator();
        Ticker t = new Ticker(sim, 300);
        t.id = sim.register(t);
        sim.schedule(0, Band.DELIVER, t.id, 0, null);
        RunSummary s = sim.run(1000);
        assertEquals(StopReason.TIME_LIMIT, s.reason());
        assertEquals(List.of(0L, 300L, 600L, 900L), t.times);
        assertEquals(1000, s.endTimePs());
        assertEquals(4, s.events());
        assertEquals(1, s.pendingEvents());
        // a second run continues from there
        RunSummary s2 = sim.run(1500);
        assertEquals(List.of(0L, 300L, 600L, 900L, 1200L, 1500L), t.times);
        assertEquals(2, s2.events());
    }

    @Test
    void emptyQueueEndsAtLastEvent() {
        Simulator sim = new Simulator(new QuaternaryHeapEventQueue());
        List<Long> seen = new ArrayList<>();
        int id = sim.register(new EventTarget() {
            @Override
            protected void onEvent(long arg, Object ref) {
                seen.add(arg);
            }
        });
        sim.schedule(70, Band.DELIVER, id, 2, null);
        sim.schedule(20, Band.DELIVER, id, 1, null);
        RunSummary s = sim.run(Long.MAX_VALUE);
        assertEquals(StopReason.QUEUE_EMPTY, s.reason());
        assertEquals(70, s.endTimePs());
        assertEquals(List.of(1L, 2L), seen);
    }

    @Test
    void stopsAfterTheEventInWhichTheLastPrimaryIsDone() {
        Simulator sim = new Simulator();
        sim.addPrimary();
        sim.addPrimary();
        int id = sim.register(new EventTarget() {
            @Override
            protected void onEvent(long arg, Object ref) {
                if (arg == 1) {
                    sim.primaryDone();
                }
            }
        });
        sim.schedule(10, Band.DELIVER, id, 1, null);
        sim.schedule(20, Band.DELIVER, id, 0, null);
        sim.schedule(30, Band.DELIVER, id, 1, null);
        sim.schedule(40, Band.DELIVER, id, 0, null);
        RunSummary s = sim.run(Long.MAX_VALUE);
        assertEquals(StopReason.ALL_PRIMARY_DONE, s.reason());
        assertEquals(30, s.endTimePs());
        assertEquals(3, s.events());
        assertEquals(1, s.pendingEvents());
        assertThrows(IllegalStateException.class, sim::primaryDone);
    }

    @Test
    void rejectsSchedulingInThePastAndBadTargetsAndBands() {
        Simulator sim = new Simulator();
        Ticker t = new Ticker(sim, 100);
        t.id = sim.register(t);
        sim.schedule(500, Band.DELIVER, t.id, 0, null);
        sim.run(500);
        assertThrows(IllegalArgumentException.class, () -> sim.schedule(499, Band.DELIVER, t.id, 0, null));
        assertThrows(IllegalArgumentException.class, () -> sim.schedule(600, Band.MAX + 1, t.id, 0, null));
        assertThrows(IllegalArgumentException.class, () -> sim.schedule(600, Band.DELIVER, 99, 0, null));
        assertThrows(IllegalArgumentException.class, () -> sim.scheduleAfter(-1, Band.DELIVER, t.id, 0, null));
        assertThrows(IllegalStateException.class, () -> sim.register(t));
    }

    @Test
    void heartbeatIsLoggedEveryNEvents() {
        Logger logger = (Logger) LoggerFactory.getLogger(Simulator.class);
        ListAppender<ILoggingEvent> app = new ListAppender<>();
        app.start();
        logger.addAppender(app);
        ch.qos.logback.classic.Level before = logger.getLevel();
        logger.setLevel(ch.qos.logback.classic.Level.INFO); // other tests may have set the root to WARN (CLI default)
        try {
            Simulator sim = new Simulator();
            sim.setHeartbeat(0, 100_000);
            Ticker t = new Ticker(sim, 1);
            t.id = sim.register(t);
            sim.schedule(0, Band.DELIVER, t.id, 0, null);
            sim.run(349_999);
            long beats = app.list.stream().filter(e -> e.getFormattedMessage().startsWith("heartbeat:")).count();
            assertEquals(3, beats);
            assertTrue(app.list.get(0).getFormattedMessage().contains("100000 events handled"),
                    app.list.get(0).getFormattedMessage());
        } finally {
            logger.setLevel(before);
            logger.detachAppender(app);
        }
    }
}
