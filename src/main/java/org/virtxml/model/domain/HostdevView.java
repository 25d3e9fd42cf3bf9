package org.virtxml.model.domain;

/**
 * The typed view of a {@code <hostdev>} over its flat storage: which host device its {@code mode}
 * and {@code type} select ({@link #source()}). {@link Hostdev} implements it; the storage stays as
 * it is.
 */
public interface HostdevView {

    String getMode();

    void setMode(String value);

    String getType();

    void setType(String value);

    HostdevSource getSource();

    void setSource(HostdevSource value);

    /** The mode as written, or libvirt's default {@code subsystem}. */
    default String effectiveMode() {
        return getMode() == null ? HostdevSourceVariant.SUBSYSTEM : getMode();
    }

    /** The host device the hostdev's mode and type select, with that variant's source content. */
    default HostdevSourceVariant source() {
        return HostdevSourceVariant.of(getMode(), getType(), getSource());
    }

    /**
     * Makes the hostdev use this host device: sets {@code mode} and {@code type} and the variant's
     * source content, and clears the other variants' (attributes such as {@code startupPolicy}
     * stay). {@link HostdevSourceVariant.Other} only sets mode and type; an emptied
     * {@code <source>} is removed.
     */
    default Hostdev source(HostdevSourceVariant variant) {
        HostdevSource s = getSource() == null ? new HostdevSource() : getSource();
        setMode(variant.mode());
        setType(variant.type());
        HostdevSourceVariant.write(variant, s);
        setSource(s.equals(new HostdevSource()) ? null : s);
        return (Hostdev) this;
    }
}
