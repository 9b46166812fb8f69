package org.imcsim.cost.circuit;

/** Memory-cell access structure, with its default footprint in feature sizes (NeuroSim V1.4 defaults). */
public enum CellType {
    /** One access transistor + one resistive device: 4 F × 12 F, drawn in the logic F. */
    ONE_T_ONE_R(4, 12),
    /** Selector-less cross-point: 2 F × 2 F, drawn in the metal-pitch F. */
    ZERO_T_ONE_R(2, 2);

    private final double heightF;
    private final double widthF;

    CellType(double heightF, double widthF) {
        this.heightF = heightF;
        this.widthF = widthF;
    }

    /** Default cell height (along a column), F. */
    public double heightF() {
        return heightF;
    }

    /** Default cell width (along a row), F. */
    public double widthF() {
        return widthF;
    }

    /** Parse the config spelling {@code 1T1R} / {@code 0T1R} (case-insensitive). */
    public static CellType parse(String s) {
        return switch (s.trim().toUpperCase(java.util.Locale.ROOT)) {
            case "1T1R" -> ONE_T_ONE_R;
            case "0T1R", "CROSSPOINT", "CROSS-POINT" -> ZERO_T_ONE_R;
            default -> throw new IllegalArgumentException("cell type must be 1T1R or 0T1R, got '" + s + "'");
        };
    }
}
