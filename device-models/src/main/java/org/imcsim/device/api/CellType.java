package org.imcsim.device.api;

import java.util.List;

/**
 * The access structure of one memory cell, which sets its layout footprint. Default cell
 * dimensions (height × width in feature sizes F) are NeuroSim V1.4's ({@code Param.cpp}:
 * {@code heightInFeatureSize1T1R = 4}, {@code widthInFeatureSize1T1R = 12},
 * {@code heightInFeatureSizeCrossbar = widthInFeatureSizeCrossbar = 2}); a model may override them.
 */
public enum CellType {
    /** One access transistor and one resistive element; 4F × 12F = 48 F² by default (NeuroSim V1.4). */
    ONE_T_ONE_R("1T1R", 4, 12),
    /** Selector-less crosspoint (0T1R); 2F × 2F = 4 F² by default (NeuroSim V1.4). */
    ZERO_T_ONE_R("0T1R", 2, 2);

    private final String label;
    private final double defaultHeightF;
    private final double defaultWidthF;

    CellType(String label, double defaultHeightF, double defaultWidthF) {
        this.label = label;
        this.defaultHeightF = defaultHeightF;
        this.defaultWidthF = defaultWidthF;
    }

    /** The name used in configs, e.g. {@code "1T1R"}. */
    public String label() {
        return label;
    }

    /** Default cell height in feature sizes F (along a column). */
    public double defaultHeightF() {
        return defaultHeightF;
    }

    /** Default cell width in feature sizes F (along a row). */
    public double defaultWidthF() {
        return defaultWidthF;
    }

    /** Config labels of all cell types, for {@link ParameterSpec#choice}. */
    public static List<String> labels() {
        return List.of(ONE_T_ONE_R.label, ZERO_T_ONE_R.label);
    }

    /** The cell type written as {@code label}; throws {@link DeviceParameterException} on key {@code cellType} otherwise. */
    public static CellType of(String label) {
        for (CellType t : values()) {
            if (t.label.equalsIgnoreCase(label)) {
                return t;
            }
        }
        throw new DeviceParameterException("cellType", "expected one of " + String.join(", ", labels()) + ", got \"" + label + "\"");
    }

    @Override
    public String toString() {
        return label;
    }
}
