package org.imcsim.config;

/**
 * Thrown by a config record's constructor for a value it rejects. {@link #key()} is relative to the
 * record (e.g. {@code "rows"}, or {@code "periphery.adc.colsPerAdc"} from the root record); the
 * binder prefixes the section path and the file and line, and rethrows a {@link BadInputException}.
 * Code that builds records directly sees this exception.
 */
public final class InvalidValueException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String key;
    private final String detail;

    public InvalidValueException(String key, String detail) {
        super(key + ": " + detail);
        this.key = key;
        this.detail = detail;
    }

    /** The offending key, relative to the record that threw. */
    public String key() {
        return key;
    }

    /** What was wrong, without the key. */
    public String detail() {
        return detail;
    }
}
