package org.imcsim.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.imcsim.component.Component;
import org.junit.jupiter.api.Test;

class ComponentCatalogTest {

    /** Every Component subclass compiled into this package is registered, and names are unique. */
    @Test
    void everyComponentClassIsRegistered() throws Exception {
        Path dir = Path.of(ComponentCatalog.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("org/imcsim/arch");
        Set<Class<?>> registered = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (ComponentCatalog.Entry e : ComponentCatalog.entries()) {
            registered.add(e.type());
            assertTrue(names.add(e.name()), "duplicate name " + e.name());
            assertTrue(Component.class.isAssignableFrom(e.type()), e.type() + " is not a Component");
        }
        int components = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String n = f.getFileName().toString();
                if (!n.endsWith(".class") || n.contains("$")) {
                    continue;
                }
                Class<?> c = Class.forName("org.imcsim.arch." + n.substring(0, n.length() - 6));
                if (Component.class.isAssignableFrom(c) && !java.lang.reflect.Modifier.isAbstract(c.getModifiers())) {
                    components++;
                    assertTrue(registered.contains(c), c.getSimpleName() + " is not in ComponentCatalog");
                }
            }
        }
        assertEquals(registered.size(), components);
        assertNotNull(ComponentCatalog.find("adc"));
        assertEquals(java.util.List.of("convert"), ComponentCatalog.find("adc").actions());
        // spelled as in the engine's stats tree (lowerCamelCase, SimulationResult.stats())
        assertEquals(java.util.List.of("flitLink", "flitRouter", "bitToTile", "bitFromTile"),
                ComponentCatalog.find("mesh-noc").actions());
    }
}
