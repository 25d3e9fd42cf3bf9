package org.virtxml.lint.facts;

import java.util.Objects;
import java.util.Optional;

/**
 * A host PCI device assigned to a guest: a {@code <hostdev type='pci'>} or an
 * {@code <interface type='hostdev'>}.
 *
 * @param address the host device's address in libvirt's canonical form ({@code 0000:03:00.1}),
 *                empty when the document gives none or an unreadable one
 * @param at      where the assigning element stands
 */
public record PciAssignment(Optional<String> address, Origin at) {
    public PciAssignment {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(at, "at");
    }
}
