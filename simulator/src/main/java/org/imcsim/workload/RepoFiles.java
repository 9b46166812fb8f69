package org.imcsim.workload;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Finds shipped files (under {@code traces/}) given a path relative to the repository root: the
 * path is tried against the directory named by system property {@code imcsim.home} (if set), the
 * working directory, and then each parent of the working directory, so runs from the repository
 * root, from a module directory (Maven tests) or from a sub-folder all find the same files.
 */
public final class RepoFiles {
    /** System property naming the imcsim checkout/installation root. */
    public static final String HOME_PROPERTY = "imcsim.home";

    private RepoFiles() {
    }

    /** The first existing {@code relative} under the search roots, or null. */
    public static Path find(String relative) {
        String home = System.getProperty(HOME_PROPERTY);
        if (home != null && !home.isEmpty()) {
            Path p = Paths.get(home).resolve(relative);
            if (Files.exists(p)) {
                return p;
            }
        }
        Path dir = Paths.get("").toAbsolutePath();
        while (dir != null) {
            Path p = dir.resolve(relative);
            if (Files.exists(p)) {
                return p;
            }
            dir = dir.getParent();
        }
        return null;
    }
}
