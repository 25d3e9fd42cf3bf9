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
    DOMAIN("domain", "domain.rng", Domain.class),
    POOL("pool", "storagepool.rng", Pool.class),
    VOLUME("volume", "storagevol.rng", Volume.class),
    CAPABILITIES("capabilities", "capability.rng", Capabilities.class),
    NETWORK("network", "network.rng", Network.class),
    NETWORK_PORT("networkport", "networkport.rng", NetworkPort.class),
    NWFILTER("filter", "nwfilter.rng", Filter.class),
    NWFILTER_BINDING("filterbinding", "nwfilterbinding.rng", FilterBinding.class),
    NODEDEV("device", "nodedev.rng", NodeDevice.class),
    SECRET("secret", "secret.rng", Secret.class),
    DOMAIN_SNAPSHOT("domainsnapshot", "domainsnapshot.rng", DomainSnapshot.class),
    DOMAIN_CHECKPOINT("domaincheckpoint", "domaincheckpoint.rng", DomainCheckpoint.class),
    DOMAIN_BACKUP("domainbackup", "domainbackup.rng", DomainBackup.class),
    INTERFACE("interface", "interface.rng", Interface.class),
    DOMAIN_CAPABILITIES("domainCapabilities", "domaincaps.rng", DomainCapabilities.class),
    STORAGE_POOL_CAPABILITIES("storagepoolCapabilities", "storagepoolcaps.rng", StoragePoolCapabilities.class);

    /** Every kind, once: {@code values()} makes a new array on each call. */
    private static final java.util.List<DocumentKind> ALL = java.util.List.of(values());

    private final String rootElement;
    private final String grammarFile;
    private final Class<? extends ModelElement> rootClass;

    DocumentKind(String rootElement, String grammarFile, Class<? extends ModelElement> rootClass) {
        this.rootElement = rootElement;
        this.grammarFile = grammarFile;
        this.rootClass = rootClass;
    }

    /** The file name of libvirt's RELAX NG schema for this kind ({@code domain.rng}, {@code storagepool.rng}, ...). */
    public String grammarFile() {
        return grammarFile;
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
        for (DocumentKind k : ALL) {
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
