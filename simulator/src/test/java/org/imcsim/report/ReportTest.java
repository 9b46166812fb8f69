package org.imcsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {
    record Layer(String name, double energyPj, long crossbars) {
    }

    @Test
    void keysAreSortedAtEveryLevelWhateverTheInsertionOrder() {
        Report a = Report.builder().put("z.b", 1).put("a", "x").put("z.a", 2.5)
                .put("layers", List.of(new Layer("conv1", 3.0, 2))).put("m", Map.of("q", 1, "c", 2)).build();
        Report b = Report.builder().put("m", Map.of("c", 2, "q", 1)).put("layers", List.of(new Layer("conv1", 3.0, 2)))
                .put("z.a", 2.5).put("a", "x").put("z.b", 1).build();
        assertEquals(a.toJson(), b.toJson());
        assertEquals(a, b);
        assertEquals("""
                {
                  "a": "x",
                  "layers": [
                    {
                      "crossbars": 2,
                      "energyPj": 3.0,
                      "name": "conv1"
                    }
                  ],
                  "m": {
                    "c": 2,
                    "q": 1
                  },
                  "z": {
                    "a": 2.5,
                    "b": 1
                  }
                }
                """, a.toJson());
        assertEquals(2.5, a.get("z.a").doubleValue());
    }

    @Test
    void nonFiniteNumbersAndClashingPathsAreBugs() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Report.builder().put("accuracy.top1Std", Double.NaN));
        assertEquals("report value accuracy.top1Std is NaN; reports hold finite numbers only", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Report.builder().put("layers", List.of(Map.of("e", Double.POSITIVE_INFINITY))));
        assertThrows(IllegalArgumentException.class, () -> Report.builder().put("a", 1).put("a.b", 2));
    }

    @Test
    void writesAtomicallyAndReplaces(@TempDir Path dir) throws IOException {
        Report r = Report.builder().put("energy.totalPj", 12.5).build();
        Path file = ReportWriter.writeJsonInto(r, dir.resolve("nested/out"));
        assertEquals(r.toJson(), Files.readString(file));
        Report r2 = Report.builder().put("energy.totalPj", 13.0).build();
        ReportWriter.writeJson(r2, file);
        assertEquals(r2.toJson(), Files.readString(file));
        try (Stream<Path> s = Files.list(file.getParent())) {
            assertEquals(List.of("report.json"), s.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void aFailedWriteLeavesTheTargetUntouched(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("report.json");
        Files.writeString(target, "old");
        // the target's name is taken by a non-empty directory: the rename must fail, the temp file must go
        Path blocked = dir.resolve("blocked");
        Files.createDirectories(blocked.resolve("report.json").resolve("child"));
        assertThrows(IOException.class, () -> AtomicFiles.write(blocked.resolve("report.json"), "new".getBytes()));
        try (Stream<Path> s = Files.list(blocked)) {
            assertEquals(List.of("report.json"), s.map(p -> p.getFileName().toString()).toList());
        }
        assertEquals("old", Files.readString(target));
    }

    @Test
    void attachmentsAreWrittenNextToTheReport(@TempDir Path dir) throws IOException {
        Report r = Report.builder().put("mapping.crossbars", 3).attach("layers.csv", "name,crossbars\nconv1,3\n").build();
        Path file = ReportWriter.writeAll(r, dir);
        assertEquals(dir.resolve("report.json"), file);
        assertEquals("name,crossbars\nconv1,3\n", Files.readString(dir.resolve("layers.csv")));
        assertEquals(List.of("layers.csv"), List.copyOf(r.attachments().keySet()));
        for (String bad : List.of("report.json", "../x.csv", "a/b.csv", "", ".hidden")) {
            assertThrows(IllegalArgumentException.class, () -> Report.builder().attach(bad, "x"), bad);
        }
    }

    @Test
    void versionIsFiltered() {
        assertFalse(BuildInfo.version().isBlank());
        assertTrue(BuildInfo.version().matches("\\d+\\.\\d+\\.\\d+.*"), BuildInfo.version());
    }
}
