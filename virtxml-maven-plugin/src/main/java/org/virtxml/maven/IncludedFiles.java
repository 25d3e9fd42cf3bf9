package org.virtxml.maven;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;

/** The files under a project's folder that match its include globs and none of its exclude globs. */
final class IncludedFiles {

    private final Path base;
    private final List<PathMatcher> includes;
    private final List<PathMatcher> excludes;

    IncludedFiles(Path base, List<String> includes, List<String> excludes) {
        this.base = base;
        this.includes = matchers(includes);
        this.excludes = matchers(excludes);
    }

    /** Each glob as Java reads it, and, as in Ant and Maven, with every {@code **}{@code /} also matching no folder. */
    private static List<PathMatcher> matchers(List<String> globs) {
        return globs.stream().map(String::trim)
                .flatMap(g -> g.contains("**/") ? Stream.of(g, g.replace("**/", "")) : Stream.of(g))
                .map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
    }

    /** The matching regular files, in path order; {@code target/} is never searched. */
    List<Path> find() throws MojoExecutionException {
        try (Stream<Path> all = Files.walk(base)) {
            return all.filter(Files::isRegularFile)
                    .filter(p -> !base.relativize(p).startsWith("target"))
                    .filter(p -> matches(includes, base.relativize(p)) && !matches(excludes, base.relativize(p)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new MojoExecutionException("cannot list " + base + ": " + e.getMessage(), e);
        }
    }

    private static boolean matches(List<PathMatcher> matchers, Path relative) {
        return matchers.stream().anyMatch(m -> m.matches(relative));
    }
}
