package org.imcsim.bench.functional;

import java.util.concurrent.TimeUnit;
import org.imcsim.config.Config;
import org.imcsim.config.ConfigDocument;
import org.imcsim.device.api.DeviceModel;
import org.imcsim.device.api.DeviceModels;
import org.imcsim.functional.AccuracyEvaluator;
import org.imcsim.functional.ChipInstance;
import org.imcsim.functional.FunctionalSpec;
import org.imcsim.functional.LabeledSamples;
import org.imcsim.functional.MappedNetwork;
import org.imcsim.functional.TileProgrammer;
import org.imcsim.run.AccuracyStudy;
import org.imcsim.run.Defaults;
import org.imcsim.run.RunInputs;
import org.imcsim.workload.Network;
import org.imcsim.workload.data.Dataset;
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
 * Images per second of the default scenario (issue 5 §6): the trained Fashion-MNIST LeNet on
 * 128×128 RRAM, 2-bit cells, 8-bit weights and inputs, 1-bit DAC, differential with digital
 * subtraction, 5-bit calibrated ADC, 3 % programming noise. One operation = one image through
 * one programmed chip (the chip is programmed in setup; programming is not timed).
 *
 * <p>Run from the repository root (it reads traces/):
 * {@code java -jar benchmarks/target/benchmarks.jar AccuracyKernelBenchmark -f 1 -wi 3 -i 5}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class AccuracyKernelBenchmark {
    /** Images per invocation. */
    static final int IMAGES = 512;

    @Param({"1", "2"})
    public int threads;

    private MappedNetwork mapped;
    private LabeledSamples samples;
    private ChipInstance chip;
    private AccuracyEvaluator evaluator;

    @Setup(Level.Trial)
    public void setup() {
        Config c = ConfigDocument.preset("default").bind();
        DeviceModels registry = DeviceModels.discover();
        DeviceModel device = c.deviceModel(registry);
        Network net = RunInputs.network(c, java.nio.file.Path.of("").toAbsolutePath());
        Dataset data = RunInputs.dataset(c, java.nio.file.Path.of("").toAbsolutePath(), 0);
        samples = AccuracyStudy.samples(data);
        FunctionalSpec spec = AccuracyStudy.functionalSpec(c, device);
        float[] cal = new float[spec.calibrationImages() * samples.sampleSize()];
        samples.load(0, spec.calibrationImages(), cal);
        mapped = MappedNetwork.build(net, spec, cal, spec.calibrationImages());
        TileProgrammer programmer = AccuracyStudy.programmer(c, device, Defaults.wireOhmPerCell(c, device));
        chip = ChipInstance.program(mapped, programmer, 7, 0);
        evaluator = new AccuracyEvaluator(threads, AccuracyStudy.BATCH, null);
    }

    /** One chip, {@value #IMAGES} images: the unit the accuracy study repeats per chip. */
    @Benchmark
    @OperationsPerInvocation(IMAGES)
    public double chipImages() {
        return evaluator.top1(chip, samples, IMAGES);
    }
}
