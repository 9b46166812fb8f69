package org.imcsim.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

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

    /** Writes {@code report.json} into {@code directory} and returns its path. */
    public static Path writeJsonInto(Report report, Path directory) throws IOException {
        Path file = directory.resolve(REPORT_JSON);
        writeJson(report, file);
        return file;
    }
}
