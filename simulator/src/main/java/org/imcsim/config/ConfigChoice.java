package org.imcsim.config;

/**
 * An enum whose constants are written in a config by {@link #configName()} (e.g. {@code "xy-bus"},
 * {@code "1T1R"}). Every enum used as a config value implements it.
 */
public interface ConfigChoice {

    /** The exact spelling in a config file. */
    String configName();

    /** One line for the reference and {@code imcsim describe}. */
    String meaning();
}
