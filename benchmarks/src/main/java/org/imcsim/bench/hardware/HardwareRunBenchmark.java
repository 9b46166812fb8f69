package org.imcsim.bench.hardware;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.imcsim.hardware.ActivitySource;
import org.imcsim.hardware.HardwareResult;
import org.imcsim.hardware.HardwareRun;
import org.imcsim.hardware.HardwareSpec;
import org.imcsim.workload.Network;
import org.imcsim.workload.zoo.SyntheticTrace;
import org.imcsim.workload.zoo.Zoo;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The full event-level hardware run of issue 4 §7: mapping (quantization, slicing, tiling, pruning,
 * placement), the data-dependent activity kernel on one image (the float forward pass on a seeded image,
 * or NeuroSim's synthetic trace), the event simulation (one image, plus the pipelined images for the
 * interval) and costing. Targets: VGG8 ≤ 1.2 s, VGG16 ≤ 3 s wall, heap &lt; 2 GB (run with
 * {@code -jvmArgs -Xmx2g}).
 *
 * <p>{@code organisation}: {@code overlapped} is the builder's default chip (conventional mapping,
 * overlapped dataflow, one seeded image through the float forward pass); {@code neurosim} is the
 * {@code neurosim} preset's chip (kernel-position mapping, neurosim-serial dataflow, no zero padding,
 * NeuroSim's synthetic weights and input trace).
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar HardwareRunBenchmark -f 1 -wi 2 -i 3</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class HardwareRunBenchmark {

    /** Zoo network. */
    @Param({"vgg8", "vgg16"})
    public String network;

    /** Chip organisation and activity source (see the class comment). */
    @Param({"overlapped", "neurosim"})
    public String organisation;

    private Network net;
    private HardwareSpec spec;
    private ActivitySource source;

    /**
     * Builds the network with seeded weights and one seeded input image (not timed), afresh for every
     * invocation: the quantized weights and synthetic input codes a run caches per network (for sweeps) must
     * not make later invocations cheaper than a first run.
     */
    @Setup(org.openjdk.jmh.annotations.Level.Invocation)
    public void setup() {
        Network zoo = Zoo.build(network, 1);
        if (organisation.equals("neurosim")) {
            net = SyntheticTrace.withNeurosimWeights(zoo, 1);
            spec = HardwareSpec.builder().novelMapping(true).dataflow(HardwareSpec.Dataflow.NEUROSIM_SERIAL)
                    .noPadding(true).build();
            source = new ActivitySource.Synthetic(1);
        } else {
            net = zoo;
            spec = HardwareSpec.builder().build();
            SplittableRandom r = new SplittableRandom(7);
            float[] image = new float[net.inputShape().size()];
            for (int i = 0; i < image.length; i++) {
                image[i] = (float) r.nextDouble();
            }
            source = new ActivitySource.Image(image);
        }
    }

    /** One complete hardware run. */
    @Benchmark
    public double run() {
        HardwareResult r = HardwareRun.execute(net, spec, source, HardwareRun.Options.defaults());
        return r.energyPj() + r.pipelineIntervalNs();
    }
}
