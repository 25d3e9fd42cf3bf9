package org.virtxml.lint.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** {@link HostEnvironment} over the real file system. */
final class SystemHostEnvironment implements HostEnvironment {
    private final Path root;
    private final Optional<String> arch;

    SystemHostEnvironment(Path root, Optional<String> arch) {
        this.root = root;
        this.arch = arch;
    }

    /** libvirt's name of a JVM {@code os.arch} ({@code amd64} is {@code x86_64}). */
    static String libvirtArch(String osArch) {
        return switch (osArch) {
            case "amd64", "x86_64" -> "x86_64";
            case "x86", "i386", "i486", "i586", "i686" -> "i686";
            default -> osArch;
        };
    }

    private Path at(String path) {
        return root.resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    @Override
    public Optional<List<String>> list(String directory) {
        Path dir = at(directory);
        if (!Files.isDirectory(dir)) {
            return Files.isDirectory(dir.getParent()) ? Optional.of(List.of()) : Optional.empty();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return Optional.of(
                    entries.map(p -> p.getFileName().toString()).sorted().toList());
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<String> architecture() {
        return arch;
    }

    @Override
    public boolean exists(String path) {
        return Files.exists(at(path));
    }

    @Override
    public boolean isAccessible(String path) {
        Path p = at(path);
        return Files.isReadable(p) && Files.isWritable(p);
    }

    @Override
    public Optional<String> readText(String path) {
        try {
            return Optional.of(Files.readString(at(path), StandardCharsets.UTF_8));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }
}
