package org.imcsim.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** Writes reports to disk, atomically ({@link AtomicFiles}). */
public final class ReportWriter {
    /** The file name {@code imcsim run} writes in its output folder. */
    public static final String REPORT_JSON = "report.json";

    private ReportWriter() {
    }

    /** Writes {@link Report#toJson()} to {@code file} (UTF-8), replacing it atomically. */
    public static void writeJson(Report report, Path file) throws IOException {
        AtomicFiles.write(file, report.toJson().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes {@code report.json} and every {@linkplain Report#attachments() attachment} into
     * {@code directory} (created if needed), each atomically; returns the path of {@code report.json}.
     * Attachments are written first, so a complete {@code report.json} means the run's files are complete.
     */
    public static Path writeAll(Report report, Path directory) throws IOException {
        for (Map.Entry<String, byte[]> e : report.attachments().entrySet()) {
            AtomicFiles.write(directory.resolve(e.getKey()), e.getValue());
        }
        return writeJsonInto(report, directory);
    }

    /** Writes {@code report.json} into {@code directory} and returns its path. */
    public static Path writeJsonInto(Report report, Path directory) throws IOException {
        Path file = directory.resolve(REPORT_JSON);
        writeJson(report, file);
        return file;
    }
}
