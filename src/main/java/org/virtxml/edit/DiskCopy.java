package org.virtxml.edit;

import java.util.Objects;

/**
 * One disk image a clone needs of its own (KVM guide chapter 4): the clone's definition names
 * {@code destination}, which must hold a copy of {@code source} before the clone starts.
 *
 * @param path        where the clone names the copy ({@code /domain/devices/disk[1]/source/@file},
 *                    {@code /domain/os/nvram}), as a {@link Change} path
 * @param target      the disk's target ({@code vda}), or {@code nvram}
 * @param source      the source's path, or for a pool volume its volume name
 * @param destination the clone's path, or the new volume name
 * @param format      the image format ({@code <driver type>}: qcow2, raw, ...); null when not given
 * @param kind        where the image lives
 * @param pool        the storage pool, for {@link Kind#POOL_VOLUME}; otherwise null
 */
public record DiskCopy(
        String path, String target, String source, String destination, String format, Kind kind, String pool) {

    /** Where a disk image lives. */
    public enum Kind {
        /** A regular file ({@code <source file>}). */
        FILE,
        /** A host block device ({@code <source dev>}), such as a logical volume. */
        BLOCK_DEVICE,
        /** A volume of a storage pool ({@code <source pool volume>}). */
        POOL_VOLUME
    }

    public DiskCopy {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.POOL_VOLUME) {
            Objects.requireNonNull(pool, "pool");
        }
    }

    /**
     * The shell command that makes the copy without a libvirt connection: {@code cp --sparse=always}
     * for a raw (or unformatted) file, {@code qemu-img convert -O FORMAT} for any other file format,
     * {@code qemu-img convert -n -O raw} into a block device (which must exist, at least as large),
     * {@code virsh vol-clone} for a pool volume.
     */
    public String command() {
        return switch (kind) {
            case POOL_VOLUME ->
                "virsh vol-clone --pool " + quoted(pool) + " " + quoted(source) + " " + quoted(destination);
            case BLOCK_DEVICE -> "qemu-img convert -n -O raw " + quoted(source) + " " + quoted(destination);
            case FILE ->
                format == null || format.equals("raw")
                        ? "cp --sparse=always " + quoted(source) + " " + quoted(destination)
                        : "qemu-img convert -O " + quoted(format) + " " + quoted(source) + " " + quoted(destination);
        };
    }

    /** The line the CLI prints: what to copy and how. */
    public String instruction() {
        String before = kind == Kind.BLOCK_DEVICE
                ? "create the block device " + destination + " (at least as large as " + source + "), then copy: "
                : "copy the image: ";
        return before + command();
    }

    /** A shell word: as is when it is plain, else in single quotes. */
    static String quoted(String word) {
        if (!word.isEmpty()
                && word.chars().allMatch(c -> Character.isLetterOrDigit(c) || "/._-+:=@,".indexOf(c) >= 0)) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
