package org.virtxml.io;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The documents a list of paths names: files as given, folders searched recursively for {@code *.xml}. */
public final class XmlFiles {
    private XmlFiles() {}

    /** Files as given, then each folder's {@code *.xml} files sorted; a missing path, or one that is neither a regular file nor a folder (a FIFO, a device), is an error. */
    public static List<Path> collect(List<Path> filesOrFolders) throws IOException {
        Set<Path> out = new LinkedHashSet<>();
        for (Path p : filesOrFolders) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(f -> f.getFileName().toString().endsWith(".xml") && Files.isRegularFile(f))
                            .sorted()
                            .forEach(out::add);
                }
            } else if (Files.isRegularFile(p)) {
                out.add(p);
            } else if (Files.exists(p)) {
                throw new FileSystemException(
                        p.toString(),
                        null,
                        "not a regular file (a device, FIFO or socket): only regular files and folders are read");
            } else {
                throw new NoSuchFileException(p.toString(), null, "no such file or folder");
            }
        }
        return List.copyOf(out);
    }
}
