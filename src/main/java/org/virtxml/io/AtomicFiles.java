package org.virtxml.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Replaces a file's content all at once: a temporary file in the same folder, then a rename, so
 * that the file holds either the old or the new content, never a part.
 *
 * <ul>
 * <li>A symbolic link is written through: its target gets the new content, the link stays.</li>
 * <li>A file that exists keeps its permissions, and its owner and group where the caller may set
 * them (root, or the owner keeping its own group); otherwise the caller owns the new content.</li>
 * <li>A new file is created with the process's umask applied (0666 &amp; ~umask), as any tool
 * creates files.</li>
 * <li>Every failure is a {@link FileSystemException} naming the file asked for (not the temporary
 * file) and the reason; the original is then untouched.</li>
 * </ul>
 */
public final class AtomicFiles {
    /** As Linux, which gives up after 40 links in a row. */
    private static final int MAX_LINKS = 40;

    private AtomicFiles() {}

    public static void write(Path file, byte[] content) throws IOException {
        Path target = throughLinks(file.toAbsolutePath(), file);
        Path dir = target.getParent();
        String base = target.getFileName().toString();
        // bounded, so that a name near the file system's limit still leaves room for the suffix
        Path tmp = dir.resolve("." + base.substring(0, Math.min(base.length(), 100)) + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        try {
            PosixFileAttributes existing = existingAttributes(target);
            try (OutputStream out =
                    Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                out.write(content);
            }
            if (existing != null) {
                keep(existing, tmp);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw failure(file, dir, e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the folder went away or became read-only: nothing was left there to clean
            }
        }
    }

    /** The file a path names once symbolic links are followed (the path itself when it is none). */
    private static Path throughLinks(Path path, Path asked) throws IOException {
        Path p = path;
        for (int i = 0; i < MAX_LINKS && Files.isSymbolicLink(p); i++) {
            p = p.getParent().resolve(Files.readSymbolicLink(p)).normalize();
        }
        if (Files.isSymbolicLink(p)) {
            throw new FileSystemException(asked.toString(), null, "too many levels of symbolic links");
        }
        if (Files.exists(p) && !Files.isRegularFile(p)) {
            throw new FileSystemException(
                    asked.toString(), null, "not a regular file: only a regular file is replaced");
        }
        return p;
    }

    private static PosixFileAttributes existingAttributes(Path target) throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        try {
            return Files.readAttributes(target, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException e) {
            return null; // not a POSIX file system: nothing more to keep
        }
    }

    /** The permissions, then the group and owner, of the file being replaced. */
    private static void keep(PosixFileAttributes existing, Path tmp) throws IOException {
        Files.setPosixFilePermissions(tmp, existing.permissions());
        PosixFileAttributeView view =
                Files.getFileAttributeView(tmp, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        try {
            view.setGroup(existing.group());
        } catch (IOException notPermitted) {
            // a group the caller is not a member of: the content becomes the caller's group's
        }
        try {
            view.setOwner(existing.owner());
        } catch (IOException notPermitted) {
            // only root may give a file away: the content becomes the caller's
        }
    }

    private static FileSystemException failure(Path file, Path dir, IOException e) {
        if (e instanceof FileSystemException fse && file.toString().equals(fse.getFile())) {
            return fse;
        }
        String reason;
        if (e instanceof NoSuchFileException) {
            reason = Files.isDirectory(dir) ? "cannot write: " + e.getMessage() : "no such folder: " + dir;
        } else if (e instanceof AccessDeniedException) {
            reason = "permission denied (folder " + dir + ")";
        } else if (e instanceof FileSystemException fse && fse.getReason() != null) {
            reason = fse.getReason();
        } else {
            reason = String.valueOf(e.getMessage());
        }
        FileSystemException out = new FileSystemException(file.toString(), null, "cannot write: " + reason);
        out.initCause(e);
        return out;
    }
}
