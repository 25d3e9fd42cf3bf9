package org.virtxml.model;

import java.util.Optional;
import org.virtxml.model.backup.DomainBackup;
import org.virtxml.model.capabilities.Capabilities;
import org.virtxml.model.checkpoint.DomainCheckpoint;
import org.virtxml.model.domain.Domain;
import org.virtxml.model.domaincaps.DomainCapabilities;
import org.virtxml.model.hostinterface.Interface;
import org.virtxml.model.network.Network;
import org.virtxml.model.networkport.NetworkPort;
import org.virtxml.model.nodedev.NodeDevice;
import org.virtxml.model.nwfilter.Filter;
import org.virtxml.model.nwfilterbinding.FilterBinding;
import org.virtxml.model.pool.Pool;
import org.virtxml.model.poolcaps.StoragePoolCapabilities;
import org.virtxml.model.secret.Secret;
import org.virtxml.model.snapshot.DomainSnapshot;
import org.virtxml.model.volume.Volume;

/** The libvirt document kinds the model types, each with its root element and root class. */
public enum DocumentKind {
    DOMAIN("domain", Domain.class),
    POOL("pool", Pool.class),
    VOLUME("volume", Volume.class),
    CAPABILITIES("capabilities", Capabilities.class),
    NETWORK("network", Network.class),
    NETWORK_PORT("networkport", NetworkPort.class),
    NWFILTER("filter", Filter.class),
    NWFILTER_BINDING("filterbinding", FilterBinding.class),
    NODEDEV("device", NodeDevice.class),
    SECRET("secret", Secret.class),
    DOMAIN_SNAPSHOT("domainsnapshot", DomainSnapshot.class),
    DOMAIN_CHECKPOINT("domaincheckpoint", DomainCheckpoint.class),
    DOMAIN_BACKUP("domainbackup", DomainBackup.class),
    INTERFACE("interface", Interface.class),
    DOMAIN_CAPABILITIES("domainCapabilities", DomainCapabilities.class),
    STORAGE_POOL_CAPABILITIES("storagepoolCapabilities", StoragePoolCapabilities.class);

    private final String rootElement;
    private final Class<? extends ModelElement> rootClass;

    DocumentKind(String rootElement, Class<? extends ModelElement> rootClass) {
        this.rootElement = rootElement;
        this.rootClass = rootClass;
    }

    /** The root element's name: {@code domain}, {@code pool}, {@code network}, {@code device} (a node device), ... */
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
