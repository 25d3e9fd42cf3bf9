package org.virtxml.edit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * The virtual size of a disk image on this machine, when it can be read: for qcow2 the size in
 * its header (big-endian 64-bit at offset 24 after the {@code QFI\xfb} magic), for other regular
 * files their length. Empty when the file is absent or unreadable.
 */
final class ImageSize {
    private ImageSize() {}

    static OptionalLong of(String path) {
        if (path == null) {
            return OptionalLong.empty();
        }
        try {
            Path p = Path.of(path);
            if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
                return OptionalLong.empty();
            }
            try (InputStream in = Files.newInputStream(p)) {
                byte[] header = in.readNBytes(32);
                if (header.length == 32
                        && header[0] == 'Q'
                        && header[1] == 'F'
                        && header[2] == 'I'
                        && header[3] == (byte) 0xfb) {
                    return OptionalLong.of(ByteBuffer.wrap(header, 24, 8).getLong());
                }
            }
            return OptionalLong.of(Files.size(p));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }
}
