package org.virtxml.edit;

import org.virtxml.model.PciAddress;

/** A host PCI address in the attribute spelling libvirt writes ({@code domain='0x0000' bus='0x03' ...}). */
record PciAttributes(String domain, String bus, String slot, String function) {

    static PciAttributes of(PciAddress a) {
        return new PciAttributes(
                String.format("0x%04x", a.domainValue().getAsLong()),
                String.format("0x%02x", a.busValue().getAsLong()),
                String.format("0x%02x", a.slotValue().getAsLong()),
                String.format("0x%x", a.functionValue().getAsLong()));
    }

    /** The address these attribute values spell, when they spell one (missing parts read as 0, as libvirt does). */
    static java.util.Optional<PciAddress> read(String domain, String bus, String slot, String function) {
        PciAddress a = PciAddress.of(int0(domain), int0(bus), int0(slot), int0(function));
        return a.isValid() ? java.util.Optional.of(a) : java.util.Optional.empty();
    }

    private static org.virtxml.model.IntegerText int0(String text) {
        return org.virtxml.model.IntegerText.of(text == null ? "0" : text);
    }
}
