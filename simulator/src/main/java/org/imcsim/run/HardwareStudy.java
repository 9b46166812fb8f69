package org.imcsim.run;

import org.imcsim.config.AdcConfig;
import org.imcsim.config.BadInputException;
import org.imcsim.config.ChipConfig;
import org.imcsim.config.Config;
import org.imcsim.cost.circuit.AdcType;
import org.imcsim.cost.circuit.CellType;
import org.imcsim.device.api.DeviceModel;
import org.imcsim.hardware.ActivitySource;
import org.imcsim.hardware.HardwareResult;
import org.imcsim.hardware.HardwareRun;
import org.imcsim.hardware.HardwareSpec;
import org.imcsim.workload.Network;
import org.imcsim.workload.data.Dataset;

/**
 * Energy, area and latency of the configured chip running the network: the config becomes a
 * {@link HardwareSpec}, and the event-level hardware run uses the first image of the dataset for
 * data-dependent energy, or NeuroSim's synthetic trace when the run has no dataset.
 */
public final class HardwareStudy {

    private HardwareStudy() {
    }

    /** The hardware spec the config and device model describe. */
    public static HardwareSpec spec(Config c, DeviceModel device) {
        if (device.analog()) {
            throw new BadInputException(null, "device.cellBits", "the hardware model needs a multi-level cell (1..8 bits)");
        }
        ChipConfig chip = c.chip();
        AdcConfig adc = c.periphery().adc();
        int[] pe = grid(chip.arraysPerPe(), "chip.arraysPerPe");
        int[] tile = grid(chip.pesPerTile(), "chip.pesPerTile");
        HardwareSpec.Builder b = HardwareSpec.builder()
                .node(c.technology().nodeNm())
                .cellType(c.crossbar().cellType() == org.imcsim.config.CrossbarConfig.CellType.ZERO_T_ONE_R
                        ? CellType.ZERO_T_ONE_R : CellType.ONE_T_ONE_R)
                .cellSizeF(device.cellHeightF(), device.cellWidthF())
                .cellBits(device.cellBits())
                .device(device.ronOhm(), device.onOffRatio())
                .readVoltage(device.readVoltageV())
                .readPulse(device.readPulseS())
                .array(c.crossbar().rows(), c.crossbar().cols())
                .dacBits(c.periphery().dacBits())
                .adc(AdcType.valueOf(adc.model().name()), adc.bits(), adc.colsPerAdc())
                .precision(c.mapping().weightBits(), c.mapping().inputBits())
                .signed(org.imcsim.mapping.SignedScheme.valueOf(c.mapping().signed().name()),
                        org.imcsim.mapping.Subtraction.valueOf(c.mapping().subtraction().name()))
                .scale(org.imcsim.mapping.ScaleMode.valueOf(c.mapping().scale().name()))
                .clockHz(chip.clockHz())
                .pipeline(chip.pipeline())
                .interconnect(HardwareSpec.Interconnect.parse(chip.interconnect().configName()))
                .bufferType(HardwareSpec.BufferType.parse(chip.buffer().configName()))
                .pe(pe[0], pe[1])
                .tile(tile[0], tile[1])
                .noPadding(!c.workload().zeroPadding())
                .novelMapping(chip.novelMapping())
                .sampleHold(c.periphery().sampleHold())
                .costProfile(HardwareSpec.CostProfile.parse(c.technology().costProfile().configName()))
                .dataflow(HardwareSpec.Dataflow.parse(chip.dataflow().configName()));
        if (chip.tiles() != null) {
            b.chipTiles(chip.tiles());
        }
        return b.build();
    }

    /** The most square rows × cols factorization of n (rows ≤ cols). */
    static int[] grid(int n, String key) {
        int r = (int) Math.floor(Math.sqrt(n));
        while (n % r != 0) {
            r--;
        }
        return new int[] {r, n / r};
    }

    /**
     * Runs the hardware model.
     *
     * @param data      the dataset (its first image drives the data-dependent energy), or null
     * @param traceCap  largest number of trace spans to record, 0 for none
     */
    public static HardwareResult run(Config c, Network net, Dataset data, DeviceModel device, int traceCap) {
        return simulate(c, measure(c, net, data, device), device, traceCap);
    }

    /**
     * The mapping and read-activity half of {@link #run}: reusable by every config whose spec it
     * {@linkplain HardwareRun.Activity#covers covers}.
     *
     * @param data the dataset (its first image drives the data-dependent energy), or null for NeuroSim's
     *             synthetic trace
     */
    public static HardwareRun.Activity measure(Config c, Network net, Dataset data, DeviceModel device) {
        ActivitySource source;
        if (data != null) {
            float[] x = new float[data.sampleShape().size()];
            data.sample(0, x, 0);
            source = new ActivitySource.Image(x);
        } else {
            source = new ActivitySource.Synthetic(c.simulation().seed());
        }
        return HardwareRun.measure(net, spec(c, device), source, options(c, 0));
    }

    /**
     * The simulation and costing half of {@link #run} on an activity measured for {@code c} or for a config
     * that maps the network the same way.
     *
     * @param traceCap largest number of trace spans to record, 0 for none
     */
    public static HardwareResult simulate(Config c, HardwareRun.Activity activity, DeviceModel device, int traceCap) {
        return HardwareRun.simulate(activity, spec(c, device), options(c, traceCap));
    }

    private static HardwareRun.Options options(Config c, int traceCap) {
        return new HardwareRun.Options(c.simulation().effectiveThreads(), traceCap, c.simulation().seed());
    }
}
