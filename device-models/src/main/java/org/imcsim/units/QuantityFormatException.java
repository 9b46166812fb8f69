package org.imcsim.units;

/** A quantity string that does not parse, or has the wrong dimension. The message says what was expected. */
public final class QuantityFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public QuantityFormatException(String message) {
        super(message);
    }
}
