package org.imcsim.bench.device;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.imcsim.device.api.DeviceModel;
import org.imcsim.device.api.DeviceModels;
import org.imcsim.device.api.ProgrammedCells;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Programming throughput of the device models: one operation is one programmed cell (stuck draw,
 * programmed conductance and per-device drift parameter). Target (issue 3): at least 20 million
 * cells per second for {@code rram} and {@code pcm} on one core.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ProgrammingBenchmark -f 1 -wi 2 -i 3}.
 * The {@code rram} case uses the {@code neurram-2022} profile (polynomial σ(G) and relaxation
 * slopes, the most expensive RRAM path) with 1% stuck cells; {@code pcm} the IBM defaults (drift
 * exponent per cell) with 1% stuck cells. Targets are random 4-bit levels.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ProgrammingBenchmark {
    static final int CELLS = 1 << 20;

    @Param({"rram", "pcm"})
    public String model;

    @Param({"L64X128MixRandom", "SplittableRandom"})
    public String generator;

    private DeviceModel device;
    private float[] targets;
    private ProgrammedCells cells;
    private RandomGenerator rng;

    @Setup(Level.Trial)
    public void setUp() {
        DeviceModels models = DeviceModels.discover();
        device = model.equals("rram")
                ? models.create("rram", "neurram-2022", Map.of("cellBits", "4", "stuckAtLrs", "0.005", "stuckAtHrs", "0.005"))
                : models.create("pcm", null, Map.of("cellBits", "4", "stuckAtLrs", "0.005", "stuckAtHrs", "0.005"));
        targets = new float[CELLS];
        SplittableRandom pick = new SplittableRandom(42);
        for (int i = 0; i < CELLS; i++) {
            targets[i] = (float) device.levelConductanceS(pick.nextInt(device.levels()));
        }
        cells = new ProgrammedCells(CELLS);
        rng = generator.equals("SplittableRandom") ? new SplittableRandom(7) : RandomGeneratorFactory.of(generator).create(7);
    }

    /** Programs a chip slice of 2^20 cells; ops = cells. */
    @Benchmark
    @OperationsPerInvocation(CELLS)
    public void program(Blackhole bh) {
        device.program(targets, 0, CELLS, rng, cells);
        bh.consume(cells.gS[CELLS - 1]);
    }

    /** The Gaussian sampler alone, for reference; ops = samples. */
    @Benchmark
    @OperationsPerInvocation(CELLS)
    public double gaussian() {
        double s = 0;
        RandomGenerator r = rng;
        for (int i = 0; i < CELLS; i++) {
            s += r.nextGaussian();
        }
        return s;
    }
}
