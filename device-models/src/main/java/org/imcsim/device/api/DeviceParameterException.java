package org.imcsim.device.api;

/**
 * A device parameter that is unknown, malformed or out of range. {@link #key()} is the parameter
 * name relative to the device section (e.g. {@code "onOffRatio"}); the config layer prefixes the
 * section path and file when it reports the error.
 */
public final class DeviceParameterException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String key;

    public DeviceParameterException(String key, String message) {
        super(key + ": " + message);
        this.key = key;
    }

    /** The offending parameter key, relative to the device section. */
    public String key() {
        return key;
    }

    /** The message without the key prefix. */
    public String detail() {
        String m = getMessage();
        return m.startsWith(key + ": ") ? m.substring(key.length() + 2) : m;
    }
}
