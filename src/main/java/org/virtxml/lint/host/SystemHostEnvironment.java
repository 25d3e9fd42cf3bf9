package org.virtxml.lint.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** {@link HostEnvironment} over the real file system. */
final class SystemHostEnvironment implements HostEnvironment {

    @Override
    public boolean exists(String path) {
        return Files.exists(Path.of(path));
    }

    @Override
    public boolean isAccessible(String path) {
        Path p = Path.of(path);
        return Files.isReadable(p) && Files.isWritable(p);
    }

    @Override
    public Optional<String> readText(String path) {
        try {
            return Optional.of(Files.readString(Path.of(path), StandardCharsets.UTF_8));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }
}
