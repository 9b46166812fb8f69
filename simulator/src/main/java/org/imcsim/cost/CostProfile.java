package org.imcsim.cost;

import java.util.Map;

/**
 * A named set of per-component costs: what the event simulation multiplies its action counts by,
 * and what the report prints as provenance. Keys are the {@code KEY_*} constants; a profile may omit
 * blocks it does not model (callers check {@link Map#containsKey}).
 */
public interface CostProfile {
    /** Crossbar array; actions {@code row-activate} (per active row per read phase). */
    String KEY_CROSSBAR = "crossbar";
    /** Row driver / DAC per row; action {@code drive} (one row, one pulse). */
    String KEY_ROW_DRIVER = "row-driver";
    /** Column ADC; action {@code convert}. */
    String KEY_ADC = "adc";
    /** Column mux and its decoder; action {@code select}. */
    String KEY_MUX = "mux";
    /** Sample-and-hold per column; action {@code sample}. */
    String KEY_SAMPLE_HOLD = "sample-hold";
    /** Shift-add over input bit-planes (all units of a sub-array); action {@code shift-add}. */
    String KEY_SHIFT_ADD_INPUT = "shift-add-input";
    /** Shift-add over weight slices; action {@code shift-add}. */
    String KEY_SHIFT_ADD_WEIGHT = "shift-add-weight";
    /** Adder tree summing sub-arrays of a PE; action {@code reduce}. */
    String KEY_ADDER_TREE = "adder-tree";
    /** PE/tile input and output buffers; actions {@code read-bit}, {@code write-bit}. */
    String KEY_LOCAL_BUFFER = "local-buffer";
    /** Global buffer; actions {@code read-bit}, {@code write-bit}. */
    String KEY_GLOBAL_BUFFER = "global-buffer";
    /** Intra-tile interconnect (H-tree or bus); action {@code bit}. */
    String KEY_LOCAL_INTERCONNECT = "local-interconnect";
    /** Mesh router; action {@code flit}. */
    String KEY_ROUTER = "router";
    /** Mesh link between neighbouring tiles; action {@code flit}. */
    String KEY_LINK = "link";
    /** Activation unit; action {@code activate} (one value). */
    String KEY_ACTIVATION = "activation";
    /** Max-pooling unit; action {@code pool} (one window). */
    String KEY_POOLING = "pooling";

    /** Profile name as configs spell it ({@code neurosim}, {@code isaac}). */
    String name();

    /** Clock period the latencies assume, ps. */
    double clockPeriodPs();

    /** The components, by key. */
    Map<String, ComponentCost> components();

    /** One component; throws with the known keys if absent. */
    default ComponentCost component(String key) {
        ComponentCost c = components().get(key);
        if (c == null) {
            throw new IllegalArgumentException("cost profile '" + name() + "' has no component '" + key
                    + "'; it has " + components().keySet());
        }
        return c;
    }
}
