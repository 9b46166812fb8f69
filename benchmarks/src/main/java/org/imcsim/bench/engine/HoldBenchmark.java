package org.imcsim.bench.engine;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.imcsim.component.Actions;
import org.imcsim.component.Component;
import org.imcsim.component.LongInPort;
import org.imcsim.component.LongOutPort;
import org.imcsim.component.Simulation;
import org.imcsim.component.SystemBuilder;
import org.imcsim.engine.CalendarEventQueue;
import org.imcsim.engine.EventQueue;
import org.imcsim.engine.QuaternaryHeapEventQueue;
import org.imcsim.engine.TimingWheelEventQueue;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The classic hold model, driven through the public component API.
 *
 * <p>A fixed pool of {@code min(pending, components)} components forms a ring (component i's
 * {@code out} port is linked to component i+1's {@code in} port, latency 0). At setup they send
 * {@code pending} events in total, so exactly {@code pending} events are pending at all times. Each delivery counts one action and sends one
 * event to the next component with {@link LongOutPort#sendAfter} a random delay: a hold. Delays
 * come from a precomputed table of 65536 draws of an exponential distribution with mean
 * {@code meanDelayPs} (default 100 ns, about 100 cycles at 1 GHz), fixed seed, floored to whole ps
 * plus 1 ps, so the random number generator does not dominate the cost.
 *
 * <p>One operation = one event: each invocation handles {@link #BATCH} events. The queue is a
 * parameter so that the default can be chosen by these numbers. Before measuring, each trial
 * runs {@code 10 * pending} events so that the pending set reaches its steady-state spread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class HoldBenchmark {
    /** Events handled per benchmark invocation. */
    public static final int BATCH = 1 << 16;
    private static final int TABLE = 1 << 16;

    /** Events pending at all times (= number of components in the ring). */
    @Param({"1000", "100000"})
    public int pending;

    /**
     * Event queue: {@code calendar} ({@link CalendarEventQueue}), {@code wheel}
     * ({@link TimingWheelEventQueue}) or {@code heap} ({@link QuaternaryHeapEventQueue}); also
     * {@code ring} ({@link UnorderedRing}, only with {@code -p queue=ring}): no ordering at all, the
     * ceiling for every real queue.
     */
    @Param({"calendar", "wheel", "heap"})
    public String queue;

    /**
     * Size of the fixed pool of components the events cycle through (capped at {@code pending}):
     * with 100,000 pending events, 1000 components each hold 100 events in flight.
     */
    @Param({"1000"})
    public int components;

    /** Mean of the exponential hold time, ps. */
    @Param({"100000"})
    public long meanDelayPs;

    private Simulation simulation;

    /** The shared delay table, read round-robin. */
    static final class Delays {
        private final long[] table = new long[TABLE];
        private int next;

        Delays(long meanPs, long seed) {
            SplittableRandom r = new SplittableRandom(seed);
            for (int i = 0; i < TABLE; i++) {
                table[i] = 1 + (long) (-meanPs * Math.log(1.0 - r.nextDouble()));
            }
        }

        long next() {
            int i = next;
            next = (i + 1) & (TABLE - 1);
            return table[i];
        }
    }

    /** One hold-model participant: receives an event, counts it, sends one on after a random delay. */
    static final class HoldNode extends Component {
        enum Action { HOLD }

        private final LongInPort in;
        private final LongOutPort out;
        private final Actions<Action> actions;
        private final Delays delays;
        private final int initialEvents;

        HoldNode(Component parent, String name, Delays delays, int initialEvents) {
            super(parent, name);
            this.delays = delays;
            this.initialEvents = initialEvents;
            in = longIn("in", this::onEvent);
            out = longOut("out");
            actions = actions(Action.class);
        }

        private void onEvent(long value) {
            actions.add(Action.HOLD);
            out.sendAfter(delays.next(), value + 1);
        }

        @Override
        protected void setup() {
            for (int i = 0; i < initialEvents; i++) {
                out.sendAfter(delays.next(), 0);
            }
        }
    }

    /** The queue named by the {@code queue} parameter; {@code ring} only if {@code ringAllowed}. */
    static EventQueue newQueue(String queue, int pending, boolean ringAllowed) {
        return switch (queue) {
            case "calendar" -> new CalendarEventQueue();
            case "wheel" -> new TimingWheelEventQueue();
            case "heap" -> new QuaternaryHeapEventQueue(pending);
            case "ring" -> {
                if (!ringAllowed) {
                    throw new IllegalArgumentException("the ring orders nothing: it is no pending set to measure alone");
                }
                yield new UnorderedRing();
            }
            default -> throw new IllegalArgumentException("queue must be calendar, wheel, heap"
                    + (ringAllowed ? " or ring" : "") + ", got " + queue);
        };
    }

    /** Builds the ring and brings the pending set to steady state. */
    @Setup(Level.Trial)
    public void setUp() {
        EventQueue q = newQueue(queue, pending, true);
        Delays delays = new Delays(meanDelayPs, 42);
        SystemBuilder b = new SystemBuilder("hold", 1);
        int n = Math.min(pending, components);
        HoldNode[] nodes = new HoldNode[n];
        for (int i = 0; i < n; i++) {
            // spread the initial events evenly: node i starts pending/n of them (+1 for the first pending%n)
            nodes[i] = new HoldNode(b.root(), "n" + i, delays, pending / n + (i < pending % n ? 1 : 0));
        }
        for (int i = 0; i < n; i++) {
            b.connect(nodes[i].out, nodes[(i + 1) % n].in, 0);
        }
        simulation = b.build(q);
        simulation.setup();
        simulation.runEvents(10L * pending);
    }

    /** Handles {@link #BATCH} events. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long hold() {
        return simulation.runEvents(BATCH);
    }
}
