package org.virtxml.model;

import jakarta.xml.bind.annotation.XmlTransient;

/**
 * An element that can hold a PCI address in libvirt's attributes {@code domain}, {@code bus},
 * {@code slot}, {@code function}: a device's {@code <address type='pci'>}, a host device's source
 * address. The attributes stay exactly as written ({@code 0x05} stays {@code 0x05});
 * {@link #pciAddress()} reads them as libvirt does.
 */
@XmlTransient
public abstract class PciAddressElement extends ModelElement {

    public abstract String getDomain();

    public abstract String getBus();

    public abstract String getSlot();

    public abstract String getFunction();

    public abstract void setDomain(String value);

    public abstract void setBus(String value);

    public abstract void setSlot(String value);

    public abstract void setFunction(String value);

    /** The PCI address these attributes spell (absent attributes read as 0, as libvirt reads them). */
    public PciAddress pciAddress() {
        return PciAddress.of(text(getDomain()), text(getBus()), text(getSlot()), text(getFunction()));
    }

    /** Writes the address's parts exactly as the value spells them. */
    public void setPciAddress(PciAddress address) {
        setDomain(address.domain().map(IntegerText::text).orElse(null));
        setBus(address.bus().map(IntegerText::text).orElse(null));
        setSlot(address.slot().map(IntegerText::text).orElse(null));
        setFunction(address.function().map(IntegerText::text).orElse(null));
    }

    private static IntegerText text(String s) {
        return s == null ? null : IntegerText.of(s);
    }
}
