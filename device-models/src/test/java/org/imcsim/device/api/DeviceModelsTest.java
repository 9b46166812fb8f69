package org.imcsim.device.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceModelsTest {

    @Test
    void builtInsAreRegistered() {
        assertEquals(List.of("ideal", "pcm", "rram", "table"), DeviceModels.discover().names());
    }

    @Test
    void unknownModelListsKnownOnes() {
        DeviceParameterException e = assertThrows(DeviceParameterException.class,
                () -> DeviceModels.discover().create("memristor", null, Map.of()));
        assertEquals("model", e.key());
        assertTrue(e.getMessage().contains("unknown device model \"memristor\""), e.getMessage());
        assertTrue(e.getMessage().contains("known: ideal, pcm, rram, table"), e.getMessage());
    }

    @Test
    void unknownProfileListsKnownOnes() {
        DeviceParameterException e = assertThrows(DeviceParameterException.class,
                () -> DeviceModels.discover().create("rram", "hp-2010", Map.of()));
        assertEquals("profile", e.key());
        assertTrue(e.getMessage().contains("known: neurosim, neurram-2022"), e.getMessage());
    }

    @Test
    void everyBuiltInBuildsWithDefaultsAndDeclaresDescribedParameters() {
        DeviceModels models = DeviceModels.discover();
        for (DeviceModelProvider p : models.providers()) {
            for (ParameterSpec s : p.parameters()) {
                assertTrue(!s.description().isBlank(), p.name() + "." + s.name());
            }
            for (String profile : p.profiles().keySet()) {
                DeviceModel m = models.create(p.name(), profile, Map.of());
                assertEquals(p.name(), m.name());
            }
            if (!p.name().equals("table")) {
                DeviceModel m = models.create(p.name(), null, Map.of());
                assertEquals(p.name(), m.name());
                assertTrue(m.gMaxS() > m.gMinS());
                assertTrue(m.cellAreaF2() > 0);
                assertTrue(m.writeEnergyJ(m.gMaxS()) > 0);
                assertTrue(m.writeLatencyS() > 0);
                assertTrue(!m.costSource().isBlank());
            }
        }
    }

    /**
     * A provider compiled at test time into its own jar, with its own META-INF/services entry,
     * is found by name through a class loader that sees the jar, and builds a usable model.
     */
    @Test
    void providerInSeparateJarIsFoundByName(@TempDir Path dir) throws Exception {
        String src = """
                package com.example.dev;

                import java.util.List;
                import java.util.random.RandomGenerator;
                import org.imcsim.device.api.*;

                public final class HalfProvider implements DeviceModelProvider {
                    static final CellParameters.Defaults D = new CellParameters.Defaults(
                            "2", "50kOhm", "10", null, null, "test", "0.3V", "5ns", "test", "0T1R", "test");
                    public String name() { return "half"; }
                    public String description() { return "programs every cell to half its target"; }
                    public List<ParameterSpec> parameters() { return CellParameters.specs(D); }
                    public DeviceModel create(DeviceParameters p) {
                        CellParameters cell = CellParameters.parse(p, D);
                        return new BaseDeviceModel(cell) {
                            public String name() { return "half"; }
                            public String summary() { return "half"; }
                            public double writeEnergyJ(double g) { return 1e-12; }
                            public double writeLatencyS() { return 1e-8; }
                            public String costSource() { return "test"; }
                            public boolean ideal() { return false; }
                            public double programmingSigmaS(double g) { return 0; }
                            public void program(float[] t, int from, int to, RandomGenerator rng, ProgrammedCells out) {
                                for (int i = from; i < to; i++) { out.gS[i] = t[i] / 2; }
                            }
                            public boolean drifts() { return false; }
                            public double conductanceS(float g, float d, byte s, double t) { return g; }
                            public double readNoiseSigmaS(float g, float d, byte s, double t) { return 0; }
                            public boolean driftCompensation() { return false; }
                        };
                    }
                }
                """;
        Path srcDir = dir.resolve("src/com/example/dev");
        Files.createDirectories(srcDir);
        Path javaFile = srcDir.resolve("HalfProvider.java");
        Files.writeString(javaFile, src);
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes);
        String apiClasses = Path.of(DeviceModel.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "--release", "17", "-classpath", apiClasses, "-d", classes.toString(), javaFile.toString());
        assertEquals(0, rc, "javac failed");

        Path jar = dir.resolve("half-device.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            addEntry(out, "META-INF/services/org.imcsim.device.api.DeviceModelProvider",
                    "com.example.dev.HalfProvider\n".getBytes(StandardCharsets.UTF_8));
            try (var files = Files.walk(classes)) {
                for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                    addEntry(out, classes.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
                }
            }
        }

        // The built-in loader does not see the jar ...
        assertThrows(DeviceParameterException.class, () -> DeviceModels.discover().provider("half"));
        // ... a loader with the jar on its classpath does, next to the built-ins.
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, DeviceModel.class.getClassLoader())) {
            DeviceModels models = DeviceModels.discover(loader);
            assertEquals(List.of("half", "ideal", "pcm", "rram", "table"), models.names());
            DeviceModel m = models.create("half", null, Map.of("onOffRatio", "20"));
            assertEquals("half", m.name());
            assertEquals(4, m.levels());
            assertEquals(20e-6, m.gMaxS(), 1e-18);
            assertEquals(1e-6, m.gMinS(), 1e-18);
            assertEquals(4.0, m.cellAreaF2());
            ProgrammedCells cells = new ProgrammedCells(3);
            m.program(new float[] {2e-6f, 4e-6f, 8e-6f}, 0, 3, Stats.rng(1), cells);
            assertEquals(2e-6f, cells.gS[1]);
            DeviceParameterException e = assertThrows(DeviceParameterException.class, () -> models.create("nope", null, Map.of()));
            assertTrue(e.getMessage().contains("known: half, ideal, pcm, rram, table"), e.getMessage());
        }
    }

    private static void addEntry(JarOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new JarEntry(name));
        OutputStream o = out;
        o.write(bytes);
        out.closeEntry();
    }
}
