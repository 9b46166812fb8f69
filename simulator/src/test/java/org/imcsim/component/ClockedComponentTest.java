package org.imcsim.component;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.imcsim.engine.ClockDomain;
import org.imcsim.engine.StopReason;
import org.junit.jupiter.api.Test;

class ClockedComponentTest {

    /** Each job needs {@code work} cycles, one per tick; it sleeps when idle. */
    static final class Worker extends ClockedComponent {
        enum Action { TICK }

        final LongTimer inject;
        final Actions<Action> actions;
        final List<Long> tickCycles = new ArrayList<>();
        final long[] injectAtPs;
        long remaining;

        Worker(Component parent, ClockDomain clock, long... injectAtPs) {
            super(parent, "worker", clock);
            this.injectAtPs = injectAtPs;
            inject = timer("inject", work -> {
                remaining += work;
                wake();
            });
            actions = actions(Action.class);
        }

        @Override
        protected void setup() {
            for (long t : injectAtPs) {
                inject.scheduleAt(t, 3);
            }
        }

        @Override
        protected long tick(long cycle) {
            tickCycles.add(cycle);
            actions.add(Action.TICK);
            addBusyCycles(1);
            remaining--;
            return remaining > 0 ? 1 : 0;
        }
    }

    @Test
    void tickedOnlyWhileThereIsWork() {
        SystemBuilder b = new SystemBuilder("chip", 1);
        ClockDomain clk = ClockDomain.ofFrequencyHz("core", 1_000_000_000L);
        // jobs of 3 cycles injected at 0 ps, at 2500 ps (mid-cycle: waits for edge 3, queues behind),
        // and far later at 1 us
        Worker w = new Worker(b.root(), clk, 0, 2_500, 1_000_000);
        SimulationResult r = b.build().run();
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 1000L, 1001L, 1002L), w.tickCycles);
        assertEquals(9, r.stats().get("chip.worker.tick"));
        assertEquals(9_000, r.stats().get("chip.worker.busyPs"));
        assertEquals(StopReason.QUEUE_EMPTY, r.reason());
        assertEquals(1_002_000, r.endTimePs());
        assertEquals(9_000.0 / 1_002_000, r.utilization("chip.worker"), 1e-12);
        // 3 injections + 9 ticks: no event is spent on idle cycles
        assertEquals(12, r.events());
    }

    @Test
    void anEarlierWakeSupersedesALaterScheduledTick() {
        SystemBuilder b = new SystemBuilder("chip", 1);
        ClockDomain clk = ClockDomain.ofPeriodPs("slow", 1000);
        List<Long> ticks = new ArrayList<>();
        ClockedComponent c = new ClockedComponent(b.root(), "sleeper", clk) {
            final LongTimer poke = timer("poke", v -> wake());

            @Override
            protected void setup() {
                wakeAtCycle(10);
                poke.scheduleAt(2_000, 0);
            }

            @Override
            protected long tick(long cycle) {
                ticks.add(cycle);
                return cycle == 2 ? 8 : 0; // after the early tick, sleep until 10 again
            }
        };
        SimulationResult r = b.build().run();
        assertEquals(List.of(2L, 10L), ticks);
        assertEquals(10_000, r.endTimePs());
        assertEquals("chip.sleeper", c.path());
    }
}
