package org.imcsim.component.example;

import java.util.List;
import org.imcsim.component.SimulationResult;
import org.imcsim.component.SystemBuilder;
import org.imcsim.engine.ClockDomain;
import org.imcsim.engine.EventQueue;
import org.imcsim.engine.CalendarEventQueue;

/**
 * A source, a chain of {@link PipelineStage}s and a sink, all under a root named {@code pipeline}:
 * <pre>
 *   pipeline.source → stage0 → stage1 → … → pipeline.sink
 * </pre>
 * each arrow a link of {@code linkLatencyPs}. With no jitter, no queueing
 * ({@code intervalPs >= max service time}) and edge-aligned arrivals, every item takes
 * {@code (stages + 1) * linkLatencyPs + sum(serviceCycles) * period}, and the run ends when the
 * last item reaches the sink. The stats tree carries the action counts of every block, busy times
 * and the sink's latency summary ({@code pipeline.sink.latencySumPs} etc.).
 *
 * <p>An example of the component API (hand-checked in {@code PipelineExampleTest}); it served as the
 * CLI's default scenario before the hardware model existed.
 */
public final class PipelineExample {

    /**
     * @param items            items emitted, &ge; 1
     * @param intervalPs       base spacing of emissions, ps, &ge; 0
     * @param jitterPs         extra uniform random spacing bound, ps, &ge; 0 (0 = deterministic)
     * @param clockHz          clock of all stages, Hz
     * @param serviceCycles    service time of each stage in cycles (one entry per stage, &ge; 1;
     *                         at least one stage)
     * @param linkLatencyPs    latency of every link, ps, &ge; 0
     */
    public record Config(int items, long intervalPs, long jitterPs, long clockHz, List<Long> serviceCycles,
                         long linkLatencyPs) {
        /** Validates and copies. */
        public Config {
            if (items < 1) {
                throw new IllegalArgumentException("items must be >= 1, got " + items);
            }
            if (intervalPs < 0 || jitterPs < 0 || linkLatencyPs < 0) {
                throw new IllegalArgumentException("intervalPs, jitterPs and linkLatencyPs must be >= 0");
            }
            serviceCycles = List.copyOf(serviceCycles);
            if (serviceCycles.isEmpty()) {
                throw new IllegalArgumentException("need at least one stage");
            }
            for (long s : serviceCycles) {
                if (s < 1) {
                    throw new IllegalArgumentException("serviceCycles must all be >= 1, got " + serviceCycles);
                }
            }
        }

        /**
         * The default scenario: 1000 items every 3 ns with up to 1 ns of random jitter, three
         * stages of 1, 3 and 2 cycles at 1 GHz, 1 ns links.
         */
        public static Config defaults() {
            return new Config(1000, 3_000, 1_000, 1_000_000_000L, List.of(1L, 3L, 2L), 1_000);
        }
    }

    private PipelineExample() {
    }

    /** Builds and runs the pipeline on the default queue with run seed {@code seed}. */
    public static SimulationResult run(Config config, long seed) {
        return run(config, seed, new CalendarEventQueue());
    }

    /** Builds and runs the pipeline on {@code queue} (empty) with run seed {@code seed}. */
    public static SimulationResult run(Config config, long seed, EventQueue queue) {
        SystemBuilder b = new SystemBuilder("pipeline", seed);
        ClockDomain clock = ClockDomain.ofFrequencyHz("core", config.clockHz());
        PipelineSource source = new PipelineSource(b.root(), "source", config.items(), config.intervalPs(),
                config.jitterPs());
        List<Long> service = config.serviceCycles();
        PipelineStage prev = null;
        for (int i = 0; i < service.size(); i++) {
            PipelineStage s = new PipelineStage(b.root(), "stage" + i, clock, service.get(i));
            if (prev == null) {
                b.connect(source.out(), s.in(), config.linkLatencyPs());
            } else {
                b.connect(prev.out(), s.in(), config.linkLatencyPs());
            }
            prev = s;
        }
        PipelineSink sink = new PipelineSink(b.root(), "sink", config.items());
        b.connect(prev.out(), sink.in(), config.linkLatencyPs());
        return b.build(queue).run();
    }
}
