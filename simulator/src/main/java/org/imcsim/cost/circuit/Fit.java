package org.imcsim.cost.circuit;

/**
 * A floorplan constraint for a block: fit it to a given height (it grows in width), to a given width
 * (it grows in height), or neither (its natural single-row shape). Zero means unconstrained.
 *
 * @param heightM required height, m (0 = free)
 * @param widthM  required width, m (0 = free)
 */
public record Fit(double heightM, double widthM) {

    /** No constraint. */
    public static final Fit FREE = new Fit(0, 0);

    public Fit {
        if (heightM < 0 || widthM < 0 || Double.isNaN(heightM) || Double.isNaN(widthM)) {
            throw new IllegalArgumentException("fit dimensions must be >= 0, got " + heightM + " x " + widthM);
        }
    }

    /** Fit to this height. */
    public static Fit height(double heightM) {
        return new Fit(heightM, 0);
    }

    /** Fit to this width. */
    public static Fit width(double widthM) {
        return new Fit(0, widthM);
    }

    /** True when a height is imposed. */
    public boolean hasHeight() {
        return heightM > 0;
    }

    /** True when a width is imposed (and no height). */
    public boolean hasWidth() {
        return widthM > 0 && heightM == 0;
    }
}
