package org.imcsim.bench.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.imcsim.config.ConfigDocument;
import org.imcsim.device.api.DeviceModels;
import org.imcsim.run.SimulationJob;
import org.imcsim.sweep.ReportReuse;
import org.imcsim.sweep.SweepPlan;
import org.imcsim.sweep.SweepProgress;
import org.imcsim.sweep.SweepRunner;
import org.imcsim.sweep.SweepSpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Design points per second of a hardware-only sweep on VGG8 (issue 6 §5; target &ge; 20 points/s on
 * 2 cores): the {@code neurosim} preset (VGG8/CIFAR-10, no dataset) over square arrays
 * rows = cols &isin; {64, 128, 256}, cellBits &isin; {1, 2, 4}, ADC bits 3..8 = 54 points. One operation is
 * one design point; an invocation runs the whole sweep with {@link SweepRunner} (binding, grouping,
 * the job, appending and fsync'ing results, final sorted rewrite) into a fresh folder, on all cores,
 * with {@link ReportReuse#forJob} for the job {@code imcsim run} executes ({@link SimulationJob}).
 *
 * <p>What the sweep shares ({@link org.imcsim.sweep.HardwareReuse}): the 9 distinct mappings (array size ×
 * cell bits) are each mapped and their read activity measured once ({@code HardwareRun.measure}); the 6 ADC
 * resolutions of a mapping change the NeuroSim-style clock, so each is simulated on the event engine
 * ({@code HardwareRun.simulate}) over the shared activity and costed; the VGG8 weights are built and quantized
 * once. Every point's report equals a standalone {@code imcsim run} of its config ({@code ReportReuseTest}).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SweepBenchmark -f 1 -wi 2 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
public class SweepBenchmark {
    static final int POINTS = 54;
    static final String SPEC = String.join("\n",
            "description: VGG8 hardware-only grid (issue 6 section 5)",
            "metrics:",
            "  accuracy: false",
            "zip:",
            "  - crossbar.rows: [64, 128, 256]",
            "    crossbar.cols: [64, 128, 256]",
            "grid:",
            "  device.cellBits: [1, 2, 4]",
            "  periphery.adc.bits: {start: 3, stop: 8, step: 1}",
            "");

    private SweepPlan plan;
    private ConfigDocument base;
    private Path root;
    private int run;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        base = ConfigDocument.preset("neurosim");
        plan = SweepPlan.expand(SweepSpec.parse(SPEC, "vgg8-hardware.yaml"), base, DeviceModels.discover());
        if (plan.points().size() != POINTS) {
            throw new IllegalStateException("expected " + POINTS + " points, got " + plan.points().size());
        }
        root = Files.createTempDirectory("imcsim-sweep-bench");
    }

    @Benchmark
    @OperationsPerInvocation(POINTS)
    public SweepRunner.Summary sweep() throws IOException {
        SweepRunner.Summary s = SweepRunner.run(plan, base, ReportReuse.forJob(new SimulationJob()), root.resolve("run" + run++),
                new SweepRunner.Options(Runtime.getRuntime().availableProcessors(), null, false, false, "bench"), SweepProgress.silent());
        if (s.failed() != 0) {
            throw new IllegalStateException(s.failed() + " points failed");
        }
        return s;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
