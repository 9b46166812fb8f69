package org.imcsim.cli;

import ch.qos.logback.classic.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sets the root log level from the number of {@code -v} flags: 0 WARN (quiet), 1 INFO, 2 DEBUG, 3+ TRACE. */
final class Logging {
    private Logging() {
    }

    static void setVerbosity(int verbosity) {
        Logger root = LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        if (root instanceof ch.qos.logback.classic.Logger logback) {
            logback.setLevel(level(verbosity));
        }
    }

    static Level level(int verbosity) {
        return switch (Math.max(0, Math.min(verbosity, 3))) {
            case 0 -> Level.WARN;
            case 1 -> Level.INFO;
            case 2 -> Level.DEBUG;
            default -> Level.TRACE;
        };
    }
}
