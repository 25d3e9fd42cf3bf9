package org.virtxml.model;

import java.util.Optional;
import org.virtxml.model.capabilities.Capabilities;
import org.virtxml.model.domain.Domain;
import org.virtxml.model.pool.Pool;
import org.virtxml.model.volume.Volume;

/** The four libvirt document kinds the model types, each with its root element and root class. */
public enum DocumentKind {
    DOMAIN("domain", Domain.class),
    POOL("pool", Pool.class),
    VOLUME("volume", Volume.class),
    CAPABILITIES("capabilities", Capabilities.class);

    private final String rootElement;
    private final Class<? extends ModelElement> rootClass;

    DocumentKind(String rootElement, Class<? extends ModelElement> rootClass) {
        this.rootElement = rootElement;
        this.rootClass = rootClass;
    }

    /** The root element's name: {@code domain}, {@code pool}, {@code volume}, {@code capabilities}. */
    public String rootElement() {
        return rootElement;
    }

    public Class<? extends ModelElement> rootClass() {
        return rootClass;
    }

    /** The kind whose root element has this (unprefixed, no-namespace) name. */
    public static Optional<DocumentKind> forRootElement(String name) {
        for (DocumentKind k : values()) {
            if (k.rootElement.equals(name)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** The kind whose root class is this one. */
    public static Optional<DocumentKind> forRootClass(Class<?> type) {
        for (DocumentKind k : values()) {
            if (k.rootClass.equals(type)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
