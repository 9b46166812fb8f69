package org.imcsim.arch;

import java.util.ArrayList;
import java.util.List;
import org.imcsim.component.Actions;

/**
 * The explicit registry of hardware blocks: every component class of this package that the
 * hardware run instantiates, with what it stands for and the actions it counts (the action
 * counts that costing multiplies by energy per action). {@code imcsim list} and
 * {@code imcsim describe NAME} print it; a test fails if a component class is missing here.
 */
public final class ComponentCatalog {

    /**
     * One hardware block.
     *
     * @param name        the name users look up (kebab-case)
     * @param type        the component class
     * @param description what one instance stands for
     * @param actions     the counted actions (empty for pure control or grouping)
     */
    public record Entry(String name, Class<?> type, String description, List<String> actions) {
    }

    private static final List<Entry> ENTRIES = List.of(
            entry("crossbar-array", CrossbarArrayBank.class,
                    "the crossbar arrays of one layer copy working in lockstep on one input vector", CrossbarArrayBank.Action.class),
            entry("row-driver", RowDriverBank.class,
                    "row drivers (DACs, word-line/bit-line switch matrices) driving one input bit-plane", RowDriverBank.Action.class),
            entry("sample-hold", SampleHoldBank.class,
                    "sample-and-hold on the columns, freeing the array while shared ADCs convert", SampleHoldBank.Action.class),
            entry("adc", AdcBank.class,
                    "column ADCs (mlsa, flash or sar), each shared by colsPerAdc columns through a mux; conversions serialize",
                    AdcBank.Action.class),
            entry("shift-add", ShiftAddBank.class,
                    "shift-and-add merging weight slices and input bit-planes (and pow2 scales as shifts)", ShiftAddBank.Action.class),
            entry("accumulator", Accumulator.class,
                    "adder trees summing row-block partial sums (arrays into a PE, PEs into a tile, tiles at chip level)",
                    Accumulator.Action.class),
            entry("buffer", Buffer.class, "register-file or SRAM buffer with a capacity and a port width (back-pressure when full)",
                    Buffer.Action.class),
            entry("activation", ActivationUnit.class, "chip-level ReLU and pooling unit", ActivationUnit.Action.class),
            entry("bus", GlobalBus.class, "NeuroSim's X-Y bus or an H-tree: shared global interconnect", GlobalBus.Action.class),
            entry("mesh-noc", MeshNoc.class,
                    "2-D mesh network-on-chip: routers and links with hop latency, link bandwidth and contention", MeshNoc.Action.class),
            entry("tile-htree", TileHTree.class, "a tile's H-tree between its buffers and its processing elements",
                    TileHTree.Action.class),
            new Entry("stage-controller", StageController.class,
                    "control of the neurosim-serial dataflow: each layer handles an image in input, compute and output phases",
                    List.of()),
            new Entry("dataflow-controller", DataflowController.class,
                    "control: which input vector of which layer and image starts on which layer copy (per layer or pipelined)", List.of()),
            new Entry("group", Group.class, "a level of the hierarchy (chip, tile, processing element) holding other components",
                    List.of()));

    private ComponentCatalog() {
    }

    private static <A extends Enum<A>> Entry entry(String name, Class<?> type, String description, Class<A> actions) {
        List<String> names = new ArrayList<>();
        for (A a : actions.getEnumConstants()) {
            names.add(Actions.statName(a)); // as the engine names them in its stats tree
        }
        return new Entry(name, type, description, List.copyOf(names));
    }

    /** Every entry, in catalog order. */
    public static List<Entry> entries() {
        return ENTRIES;
    }

    /** The entry called {@code name}, or null. */
    public static Entry find(String name) {
        for (Entry e : ENTRIES) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        return null;
    }
}
