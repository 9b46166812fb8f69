package org.imcsim.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The imcsim version, from {@code org/imcsim/version.properties} (filled by Maven resource filtering). */
public final class BuildInfo {
    private static final String VERSION = load();

    private BuildInfo() {
    }

    /** The project version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String version() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = BuildInfo.class.getResourceAsStream("/org/imcsim/version.properties")) {
            if (in == null) {
                throw new IllegalStateException("org/imcsim/version.properties is missing from the class path");
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version");
            if (v == null || v.isBlank() || v.contains("${")) {
                throw new IllegalStateException("org/imcsim/version.properties was not filtered by the build: version=" + v);
            }
            return v.strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
