package org.virtxml.model.domain;

import java.util.List;

/**
 * The typed view of a character device ({@code <serial>}, {@code <console>}, {@code <channel>},
 * {@code <parallel>}) over its flat storage: what its {@code type} selects ({@link #source()}).
 *
 * @param <S> the implementing class, returned by {@link #source(ChardevSourceVariant)}
 */
public interface ChardevView<S> {

    String getType();

    void setType(String value);

    List<SerialSource> getSource();

    Protocol getProtocol();

    void setProtocol(Protocol value);

    /** The type as written, or {@code pty}, which libvirt's parser takes when it is absent. */
    default String effectiveType() {
        return getType() == null ? "pty" : getType();
    }

    /** The host side the device's type selects, with that variant's source attributes. */
    default ChardevSourceVariant source() {
        return ChardevSourceVariant.of(getType(), getSource(), getProtocol());
    }

    /**
     * Makes the device use this host side: sets {@code type} and the variant's source attributes,
     * clears the other variants' (the first source's other content, such as {@code <seclabel>} or
     * {@code <reconnect>}, stays), and sets {@code <protocol>} for TCP (removed for other types).
     */
    @SuppressWarnings("unchecked")
    default S source(ChardevSourceVariant variant) {
        List<SerialSource> written = ChardevSourceVariant.sources(variant, getSource());
        getSource().clear();
        getSource().addAll(written);
        setType(variant.type());
        setProtocol(
                variant instanceof ChardevSourceVariant.Tcp t && t.protocol() != null
                        ? new Protocol().withType(t.protocol())
                        : null);
        return (S) this;
    }
}
