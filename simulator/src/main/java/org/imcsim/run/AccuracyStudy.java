package org.imcsim.run;

import java.util.function.IntConsumer;
import org.imcsim.config.AdcConfig;
import org.imcsim.config.Config;
import org.imcsim.config.CrossbarConfig;
import org.imcsim.config.MappingConfig;
import org.imcsim.device.api.DeviceModel;
import org.imcsim.functional.AccuracyEvaluator;
import org.imcsim.functional.AdcRange;
import org.imcsim.functional.DeviceTileProgrammer;
import org.imcsim.functional.FunctionalSpec;
import org.imcsim.functional.LabeledSamples;
import org.imcsim.functional.MappedNetwork;
import org.imcsim.mapping.MappingSpec;
import org.imcsim.mapping.ScaleMode;
import org.imcsim.mapping.SignedScheme;
import org.imcsim.mapping.Subtraction;
import org.imcsim.workload.Network;
import org.imcsim.workload.data.Dataset;
import org.imcsim.workload.data.Datasets;

/**
 * "How accurate is my trained network on this crossbar chip?": maps the network, calibrates on
 * the first {@code mapping.calibrationImages} images, and evaluates float, ideal-quantized and
 * K independently programmed chips on {@code simulation.images} images (MODEL.md §1–4).
 */
public final class AccuracyStudy {
    /** Images per unit of work (and per read-noise stream). */
    public static final int BATCH = 64;

    private AccuracyStudy() {
    }

    /** The outcome: the mapped network (for mapping statistics) and the accuracies. */
    public record Outcome(MappedNetwork mapped, AccuracyEvaluator.Result accuracy) {
    }

    /** The mapping spec the config describes (cell bits come from the device model). */
    public static MappingSpec mappingSpec(Config c, DeviceModel device) {
        MappingConfig m = c.mapping();
        CrossbarConfig x = c.crossbar();
        if (device.analog()) {
            throw new org.imcsim.config.BadInputException(null, "device.cellBits",
                    "analog cells cannot hold bit-sliced weights; give an integer 1..8");
        }
        try {
            return new MappingSpec(m.weightBits(), m.inputBits(), device.cellBits(), c.periphery().dacBits(), x.rows(), x.cols(),
                    SignedScheme.valueOf(m.signed().name()), Subtraction.valueOf(m.subtraction().name()),
                    ScaleMode.valueOf(m.scale().name()));
        } catch (IllegalArgumentException e) {
            throw new org.imcsim.config.BadInputException(null, "crossbar.cols", e.getMessage(), e);
        }
    }

    /** The functional spec: mapping plus ADC and calibration policy. */
    public static FunctionalSpec functionalSpec(Config c, DeviceModel device) {
        AdcConfig adc = c.periphery().adc();
        return new FunctionalSpec(mappingSpec(c, device), adc.bits(),
                adc.range() == AdcConfig.AdcRange.CALIBRATED ? AdcRange.CALIBRATED : AdcRange.FULL,
                adc.percentile(), c.mapping().activationPercentile(), c.mapping().calibrationImages(),
                adc.noiseLsb(), adc.offsetLsb());
    }

    /** The tile programmer: the device model at the inference time, with IR drop if configured. */
    public static DeviceTileProgrammer programmer(Config c, DeviceModel device, double defaultWireOhm) {
        CrossbarConfig x = c.crossbar();
        DeviceTileProgrammer.Parasitics par = null;
        if (x.irDrop() != CrossbarConfig.IrDrop.NONE) {
            double wire = x.wireResistanceOhm() != null ? x.wireResistanceOhm() : defaultWireOhm;
            par = new DeviceTileProgrammer.Parasitics(wire, x.sourceResistanceOhm(), x.sinkResistanceOhm(),
                    x.irDrop() == CrossbarConfig.IrDrop.EXACT);
        }
        return new DeviceTileProgrammer(device, device.cellBits(), c.simulation().inferenceTimeS(), par);
    }

    /** Runs the study. {@code progress} receives finished image counts (may be null). */
    public static Outcome run(Config c, Network net, Dataset data, DeviceModel device, double defaultWireOhm, IntConsumer progress) {
        Datasets.checkCompatible(net, data);
        int images = c.simulation().images();
        if (images > data.size()) {
            throw new org.imcsim.config.BadInputException(null, "simulation.images",
                    "is " + images + " but " + data.name() + " has only " + data.size() + " samples");
        }
        FunctionalSpec spec = functionalSpec(c, device);
        LabeledSamples samples = samples(data);
        int cal = Math.min(spec.calibrationImages(), data.size());
        float[] calib = new float[cal * samples.sampleSize()];
        samples.load(0, cal, calib);
        MappedNetwork mapped;
        try {
            mapped = MappedNetwork.build(net, spec, calib, cal);
        } catch (org.imcsim.functional.InputQuantizer.TooFewBitsException e) {
            throw new org.imcsim.config.BadInputException(null, "mapping.inputBits", e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new org.imcsim.config.BadInputException(null, "mapping.signed", e.getMessage(), e);
        }
        AccuracyEvaluator ev = new AccuracyEvaluator(c.simulation().effectiveThreads(), BATCH, progress);
        AccuracyEvaluator.Result r = ev.evaluate(mapped, programmer(c, device, defaultWireOhm), samples, images,
                c.simulation().chips(), c.simulation().seed());
        return new Outcome(mapped, r);
    }

    /** A {@link LabeledSamples} view of a dataset. */
    public static LabeledSamples samples(Dataset d) {
        int size = d.sampleShape().size();
        return new LabeledSamples() {
            @Override
            public int size() {
                return d.size();
            }

            @Override
            public int sampleSize() {
                return size;
            }

            @Override
            public void load(int start, int count, float[] dst) {
                for (int i = 0; i < count; i++) {
                    d.sample(start + i, dst, i * size);
                }
            }

            @Override
            public int label(int i) {
                return d.label(i);
            }
        };
    }
}
