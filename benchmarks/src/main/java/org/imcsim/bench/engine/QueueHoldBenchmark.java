package org.imcsim.bench.engine;

import java.util.concurrent.TimeUnit;
import org.imcsim.engine.EventQueue;
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
 * The hold model on a bare pending-event set, without the engine or any component: each operation
 * pops the earliest event and pushes one at its time plus a delay from the same table as
 * {@link HoldBenchmark} (exponential, mean 100 ns). It isolates what ordering costs, so that
 * {@code HoldBenchmark} minus this is the dispatch and component work. One op = one pop + one push.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class QueueHoldBenchmark {
    /** Events pending at all times. */
    @Param({"1000", "100000"})
    public int pending;

    /** {@code calendar}, {@code wheel} or {@code heap}. */
    @Param({"calendar", "wheel", "heap"})
    public String queue;

    /** Mean of the exponential hold time, ps. */
    @Param({"100000"})
    public long meanDelayPs;

    private EventQueue q;
    private HoldBenchmark.Delays delays;

    /** Fills the queue and brings it to steady state. */
    @Setup(Level.Trial)
    public void setUp() {
        q = HoldBenchmark.newQueue(queue, pending, false);
        delays = new HoldBenchmark.Delays(meanDelayPs, 42);
        for (int i = 0; i < pending; i++) {
            q.push(delays.next(), 8, i % 1000, i, null);
        }
        hold(10 * pending);
    }

    private long hold(int n) {
        EventQueue eq = q;
        HoldBenchmark.Delays d = delays;
        long sum = 0;
        for (int i = 0; i < n; i++) {
            long t = eq.pop();
            int target = eq.poppedTarget();
            long arg = eq.poppedArg();
            sum += arg;
            eq.push(t + d.next(), 8, target, arg + 1, null);
        }
        return sum;
    }

    /** {@link HoldBenchmark#BATCH} pop + push pairs. */
    @Benchmark
    @OperationsPerInvocation(HoldBenchmark.BATCH)
    public long hold() {
        return hold(HoldBenchmark.BATCH);
    }
}
