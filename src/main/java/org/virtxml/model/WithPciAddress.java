package org.virtxml.model;

/**
 * The fluent form of a PCI address element's attributes:
 * {@code new HostdevSourceAddress().withPciAddress(PciAddress.parse("0000:06:00.0"))}.
 * Generated subclasses of {@link PciAddressElement} implement it with themselves as {@code S}.
 *
 * @param <S> the implementing class, returned by the fluent method
 */
public interface WithPciAddress<S> {

    /** Writes the address's parts exactly as the value spells them (see {@link PciAddressElement#setPciAddress}). */
    void setPciAddress(PciAddress address);

    /** Writes the address's parts and returns this element. */
    @SuppressWarnings("unchecked")
    default S withPciAddress(PciAddress address) {
        setPciAddress(address);
        return (S) this;
    }
}
