package org.imcsim.cli;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Creates a fresh output folder {@code runs/YYYYMMDD-HHMMSS} (with {@code -2}, {@code -3}, ... when
 * that name is taken). Creation is atomic, so two runs never share a folder and an existing one is
 * never overwritten.
 */
final class RunDirectories {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private RunDirectories() {
    }

    static Path fresh(Path runs, Clock clock) throws IOException {
        Files.createDirectories(runs);
        String stamp = LocalDateTime.now(clock).format(STAMP);
        for (int i = 1; i < 10_000; i++) {
            Path candidate = runs.resolve(i == 1 ? stamp : stamp + "-" + i);
            try {
                return Files.createDirectory(candidate);
            } catch (FileAlreadyExistsException e) {
                // taken: try the next suffix
            }
        }
        throw new IOException("no free run folder name under " + runs + " for " + stamp);
    }
}
