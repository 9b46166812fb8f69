package org.imcsim.sweep;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.imcsim.config.BadInputException;
import org.imcsim.report.AtomicFiles;

/**
 * The append-only result files of a sweep folder. {@code results.jsonl} is the record: each finished
 * point is one line, written with a single append and forced to disk before the point counts as done.
 * {@code results.csv} is derived from it (appended alongside, rebuilt from the JSONL on every open), so
 * a crash between the two appends never loses or doubles a row. A crash mid-append leaves at most one
 * torn last line, which {@link #open} cuts off. {@link #finish} rewrites both files sorted by point
 * index, atomically, so the final files do not depend on the order points finished in.
 */
final class ResultLog implements Closeable {
    static final String JSONL = "results.jsonl";
    static final String CSV = "results.csv";

    private final Path dir;
    private final List<String> parameterPaths;
    private final Map<String, PointResult> finished = new LinkedHashMap<>();
    private final Map<String, String> lines = new LinkedHashMap<>();
    private FileChannel jsonl;
    private FileChannel csv;

    private ResultLog(Path dir, List<String> parameterPaths) {
        this.dir = dir;
        this.parameterPaths = List.copyOf(parameterPaths);
    }

    /**
     * Opens (creating) the result files in {@code dir}: cuts a torn last line, reads the finished points,
     * drops failed ones when {@code retryFailed}, rewrites the CSV from the JSONL, and opens both for appending.
     */
    static ResultLog open(Path dir, List<String> parameterPaths, boolean retryFailed) throws IOException {
        ResultLog log = new ResultLog(dir, parameterPaths);
        Path j = dir.resolve(JSONL);
        Recovered r = recover(j, true);
        boolean dropped = false;
        for (Map.Entry<String, PointResult> e : r.results.entrySet()) {
            if (retryFailed && !e.getValue().ok()) {
                dropped = true;
                continue;
            }
            log.finished.put(e.getKey(), e.getValue());
            log.lines.put(e.getKey(), r.lines.get(e.getKey()));
        }
        if (dropped || r.duplicates) {
            AtomicFiles.write(j, String.join("", log.lines.values().stream().map(l -> l + "\n").toList()).getBytes(StandardCharsets.UTF_8));
        }
        log.writeCsv(new ArrayList<>(log.finished.values()));
        log.jsonl = FileChannel.open(j, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        log.csv = FileChannel.open(dir.resolve(CSV), StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        return log;
    }

    /** What a results.jsonl holds: results by id (first occurrence) and their lines. */
    record Recovered(Map<String, PointResult> results, Map<String, String> lines, boolean duplicates) {
    }

    /**
     * Reads a results.jsonl. A last line without its line break, or one that does not parse, is a torn
     * append: with {@code truncate} the file is cut back to the end of the last complete line, else the
     * line is ignored. A bad line before the last is corruption and a {@link BadInputException}.
     */
    static Recovered recover(Path file, boolean truncate) throws IOException {
        Map<String, PointResult> results = new LinkedHashMap<>();
        Map<String, String> lines = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return new Recovered(results, lines, false);
        }
        byte[] bytes = Files.readAllBytes(file);
        int end = bytes.length;
        int goodEnd = 0;
        boolean duplicates = false;
        int start = 0;
        int lineNo = 0;
        while (start < end) {
            int nl = start;
            while (nl < end && bytes[nl] != '\n') {
                nl++;
            }
            lineNo++;
            boolean complete = nl < end;
            String line = new String(bytes, start, nl - start, StandardCharsets.UTF_8);
            PointResult r = null;
            String problem = null;
            if (complete && !line.isBlank()) {
                try {
                    r = PointResult.parse(line);
                } catch (IllegalArgumentException e) {
                    problem = e.getMessage();
                }
            }
            boolean last = !complete || nl + 1 >= end;
            if (!complete || problem != null) {
                if (!last) {
                    throw new BadInputException(file + ":" + lineNo, null, "is not a sweep result (" + problem
                            + "); the file is corrupt before its last line, so it cannot be resumed");
                }
                break; // torn last line: dropped
            }
            if (r != null) {
                if (results.containsKey(r.id())) {
                    duplicates = true;
                } else {
                    results.put(r.id(), r);
                    lines.put(r.id(), line);
                }
            }
            goodEnd = nl + 1;
            start = nl + 1;
        }
        if (truncate && goodEnd < bytes.length) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.truncate(goodEnd);
                ch.force(true);
            }
        }
        return new Recovered(results, lines, duplicates);
    }

    /** Finished points by id (in the order they finished). */
    Map<String, PointResult> finished() {
        return finished;
    }

    /** Appends one finished point to both files and forces them to disk. Thread-safe. */
    synchronized void append(PointResult r) throws IOException {
        if (finished.containsKey(r.id())) {
            throw new IllegalStateException("point " + r.id() + " finished twice");
        }
        String line = r.toJsonLine();
        write(jsonl, line + "\n");
        jsonl.force(false);
        finished.put(r.id(), r);
        lines.put(r.id(), line);
        write(csv, Csv.line(r.csvRow(parameterPaths)));
        csv.force(false);
    }

    private static void write(FileChannel ch, String s) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }

    /** Rewrites both files sorted by point index (atomically) and closes them. */
    synchronized void finish() throws IOException {
        close();
        List<PointResult> sorted = new ArrayList<>(finished.values());
        sorted.sort(Comparator.comparingInt(PointResult::index));
        StringBuilder sb = new StringBuilder();
        for (PointResult r : sorted) {
            sb.append(lines.get(r.id())).append('\n');
        }
        AtomicFiles.write(dir.resolve(JSONL), sb.toString().getBytes(StandardCharsets.UTF_8));
        writeCsv(sorted);
    }

    private void writeCsv(List<PointResult> rows) throws IOException {
        writeCsv(dir.resolve(CSV), parameterPaths, rows);
    }

    /** Writes a results.csv (header and one row per result, in the given order) atomically. */
    static void writeCsv(Path file, List<String> parameterPaths, List<PointResult> rows) throws IOException {
        StringBuilder sb = new StringBuilder(Csv.line(PointResult.csvHeader(parameterPaths)));
        for (PointResult r : rows) {
            sb.append(Csv.line(r.csvRow(parameterPaths)));
        }
        AtomicFiles.write(file, sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public synchronized void close() throws IOException {
        if (jsonl != null) {
            jsonl.close();
            jsonl = null;
        }
        if (csv != null) {
            csv.close();
            csv = null;
        }
    }
}
