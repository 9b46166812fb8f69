package org.imcsim.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.imcsim.component.example.PipelineExample;
import org.imcsim.component.example.PipelineExample.Config;
import org.imcsim.engine.QuaternaryHeapEventQueue;
import org.imcsim.engine.StatsTree;
import org.imcsim.engine.StopReason;
import org.imcsim.engine.TimingWheelEventQueue;
import org.junit.jupiter.api.Test;

class PipelineExampleTest {

    /**
     * 5 items every 4 ns through stages of 1, 3 and 2 cycles at 1 GHz, 1 ns links. No stage is
     * ever busy when an item arrives (4 ns spacing >= 3 ns longest service), so every item takes
     * 4 links x 1000 ps + (1+3+2) cycles x 1000 ps = 10000 ps, and the last item (emitted at
     * 4 x 4000 = 16000 ps) arrives at 26000 ps.
     */
    @Test
    void latencyAndCountsMatchHandCalculationWithoutQueueing() {
        SimulationResult r = PipelineExample.run(new Config(5, 4_000, 0, 1_000_000_000L, List.of(1L, 3L, 2L), 1_000), 1);
        StatsTree s = r.stats();
        assertEquals(StopReason.ALL_PRIMARY_DONE, r.reason());
        assertEquals(26_000, r.endTimePs());
        assertEquals(5 * 10_000, s.get("pipeline.sink.latencySumPs"));
        assertEquals(10_000, s.get("pipeline.sink.latencyMinPs"));
        assertEquals(10_000, s.get("pipeline.sink.latencyMaxPs"));
        assertEquals(5, s.get("pipeline.source.emit"));
        assertEquals(5, s.get("pipeline.sink.receive"));
        for (int i = 0; i < 3; i++) {
            assertEquals(5, s.get("pipeline.stage" + i + ".accept"));
            assertEquals(5, s.get("pipeline.stage" + i + ".start"));
            assertEquals(5, s.get("pipeline.stage" + i + ".complete"));
            assertEquals(1, s.get("pipeline.stage" + i + ".maxQueue"));
        }
        assertEquals(5 * 1_000, s.get("pipeline.stage0.busyPs"));
        assertEquals(5 * 3_000, s.get("pipeline.stage1.busyPs"));
        assertEquals(5 * 2_000, s.get("pipeline.stage2.busyPs"));
    }

    /**
     * 4 items every 1 ns (one per cycle): stage1 (3 cycles) is the bottleneck. In cycles
     * (start = max(arrival, previous done), done = start + service, next arrival = done + 1):
     * <pre>
     * item  emit  stage0 in/done  stage1 in/start/done  stage2 in/start/done  sink  latency
     *  0     0       1 / 2          3 / 3 / 6              7 / 7 / 9           10     10
     *  1     1       2 / 3          4 / 6 / 9             10 /10 /12           13     12
     *  2     2       3 / 4          5 / 9 /12             13 /13 /15           16     14
     *  3     3       4 / 5          6 /12 /15             16 /16 /18           19     16
     * </pre>
     * Stage1 holds 3 queued items at cycle 6 (items 1, 2 waiting and item 3 arriving before the
     * tick that starts item 1).
     */
    @Test
    void latencyMatchesHandCalculationWithABottleneck() {
        SimulationResult r = PipelineExample.run(new Config(4, 1_000, 0, 1_000_000_000L, List.of(1L, 3L, 2L), 1_000), 1);
        StatsTree s = r.stats();
        assertEquals(19_000, r.endTimePs());
        assertEquals(10_000 + 12_000 + 14_000 + 16_000, s.get("pipeline.sink.latencySumPs"));
        assertEquals(10_000, s.get("pipeline.sink.latencyMinPs"));
        assertEquals(16_000, s.get("pipeline.sink.latencyMaxPs"));
        assertEquals(3, s.get("pipeline.stage1.maxQueue"));
        assertEquals(1, s.get("pipeline.stage0.maxQueue"));
        assertEquals(12_000, s.get("pipeline.stage1.busyPs"));
    }

    /** A 1500 ps link lands mid-cycle: the stage starts at the next edge (2000 ps). */
    @Test
    void arrivalsBetweenEdgesWaitForTheNextEdge() {
        SimulationResult r = PipelineExample.run(new Config(2, 10_000, 0, 1_000_000_000L, List.of(2L), 1_500), 1);
        // item0: in 1500 -> start edge 2000 -> done 4000 -> sink 5500; item1: +10000
        assertEquals(2 * 5_500, r.stats().get("pipeline.sink.latencySumPs"));
        assertEquals(15_500, r.endTimePs());
    }

    @Test
    void sameSeedGivesIdenticalStatsOnEitherQueue() {
        Config c = Config.defaults();
        SimulationResult a = PipelineExample.run(c, 42, new TimingWheelEventQueue());
        SimulationResult b = PipelineExample.run(c, 42, new TimingWheelEventQueue());
        SimulationResult h = PipelineExample.run(c, 42, new QuaternaryHeapEventQueue());
        assertEquals(a.stats().asMap(), b.stats().asMap());
        assertEquals(a.stats().toString(), h.stats().toString());
        assertEquals(a.endTimePs(), h.endTimePs());
        assertEquals(a.events(), h.events());
        SimulationResult other = PipelineExample.run(c, 43);
        assertNotEquals(a.stats().get("pipeline.sink.latencySumPs"), other.stats().get("pipeline.sink.latencySumPs"));
        assertEquals(1000, other.stats().get("pipeline.sink.receive"));
    }

    @Test
    void timeLimitEndsTheRunEarly() {
        Config c = new Config(100, 4_000, 0, 1_000_000_000L, List.of(1L, 3L, 2L), 1_000);
        // run through the public builder API with a limit: same topology as PipelineExample
        SystemBuilder b = new SystemBuilder("pipeline", 1);
        var clock = org.imcsim.engine.ClockDomain.ofFrequencyHz("core", c.clockHz());
        var src = new org.imcsim.component.example.PipelineSource(b.root(), "source", c.items(), c.intervalPs(), 0);
        var st = new org.imcsim.component.example.PipelineStage(b.root(), "stage0", clock, 1);
        var sink = new org.imcsim.component.example.PipelineSink(b.root(), "sink", c.items());
        b.connect(src.out(), st.in(), 1_000);
        b.connect(st.out(), sink.in(), 1_000);
        SimulationResult r = b.build().run(50_000);
        assertEquals(StopReason.TIME_LIMIT, r.reason());
        assertEquals(50_000, r.endTimePs());
        // items emitted at 0, 4000, ..., 48000 -> 13 emitted; each takes 3000 ps -> 12 received by 50000
        assertEquals(13, r.stats().get("pipeline.source.emit"));
        assertEquals(12, r.stats().get("pipeline.sink.receive"));
    }
}
