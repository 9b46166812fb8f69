package org.imcsim.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/config.schema.json and docs/config-reference.md are generated from the records; these tests
 * fail when the committed files are stale. Regenerate with {@link ConfigReference#REGENERATE_COMMAND}
 * (sets -Dimcsim.regenerateDocs=true, which makes the tests write the files instead of comparing).
 */
class ConfigDocsTest {
    private static final Path DOCS = Path.of("..", "docs");

    @Test
    void schemaIsCurrent() throws IOException {
        compareOrWrite(DOCS.resolve("config.schema.json"), ConfigSchema.builtInJson());
    }

    @Test
    void referenceIsCurrent() throws IOException {
        compareOrWrite(DOCS.resolve("config-reference.md"), ConfigReference.builtInMarkdown());
    }

    @Test
    void referenceNamesEveryKey() {
        String md = ConfigReference.builtInMarkdown();
        for (ConfigKeys.KeyDoc d : ConfigKeys.all()) {
            assertTrue(md.contains("`" + d.path() + "`"), d.path());
        }
        assertTrue(md.contains(ConfigReference.REGENERATE_COMMAND));
    }

    private static void compareOrWrite(Path file, String generated) throws IOException {
        if (Boolean.getBoolean("imcsim.regenerateDocs")) {
            Files.writeString(file, generated, StandardCharsets.UTF_8);
            return;
        }
        assertTrue(Files.exists(file), file + " is missing; regenerate with: " + ConfigReference.REGENERATE_COMMAND);
        assertEquals(generated, Files.readString(file, StandardCharsets.UTF_8),
                file + " is stale; regenerate with: " + ConfigReference.REGENERATE_COMMAND);
    }
}
