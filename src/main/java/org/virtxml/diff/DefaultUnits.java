package org.virtxml.diff;

import java.util.Optional;
import org.virtxml.model.SizedElement;
import org.virtxml.model.Unit;

/**
 * The unit libvirt reads a size in when the element writes none: KiB for domain memory sizes
 * (MiB for {@code <smm><tseg>}, bytes for a disk's metadata cache and {@code <shmem><size>}),
 * bytes for storage sizes, KiB for capabilities memory. Empty where the text is not a size
 * ({@code <pages>} of capabilities counts pages).
 */
final class DefaultUnits {
    private DefaultUnits() {}

    static Optional<Unit> of(SizedElement e) {
        String pkg = e.getClass().getPackageName();
        String name = e.getClass().getSimpleName();
        if (pkg.endsWith(".pool") || pkg.endsWith(".volume")) {
            return Optional.of(Unit.BYTES);
        }
        if (pkg.endsWith(".capabilities")) {
            return name.equals("Memory") ? Optional.of(Unit.KIB) : Optional.empty();
        }
        return switch (name) {
            case "Tseg" -> Optional.of(Unit.MIB);
            case "DriverMetadataCacheMaxSize", "FormatMetadataCacheMaxSize", "ShmemSize" -> Optional.of(Unit.BYTES);
            default -> Optional.of(Unit.KIB);
        };
    }
}
