package org.virtxml.connect;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.virtxml.io.LibvirtDocument;
import org.virtxml.model.DocumentKind;
import org.virtxml.model.capabilities.Capabilities;
import org.virtxml.model.domain.Domain;
import org.virtxml.model.network.Network;
import org.virtxml.model.pool.Pool;
import org.virtxml.model.volume.Volume;

/**
 * A connection to one virtualization host: its profile, its domains, storage pools and volumes,
 * handled as libvirt XML text. Names are resolved the way libvirt resolves them; an unknown name
 * fails with a {@link LibvirtException} carrying libvirt's code (e.g. {@link ErrorCode#VIR_ERR_NO_DOMAIN})
 * and message. Implementations are safe for use by many threads at once.
 */
public interface Connector extends AutoCloseable {
    /** The URI this connector was opened with. */
    URI uri();

    // host

    /** The host's capabilities document (libvirt's {@code virConnectGetCapabilities}). */
    String capabilitiesXml();

    NodeInfo nodeInfo();

    String hostname();

    /** The libvirt library version of the host's daemon ({@code virConnectGetLibVersion}). */
    LibraryVersion libraryVersion();

    /**
     * The domain capabilities document ({@code virConnectGetDomainCapabilities}): what a guest of
     * this emulator, architecture, machine type and virtualization type can use. Each argument may
     * be null for the host's default.
     */
    String domainCapabilitiesXml(String emulator, String arch, String machine, String virtType);

    /** How many calls this connector has made so far, per procedure. */
    CallCounts calls();

    // domains

    /** Every domain, defined and running. */
    List<DomainSummary> listDomains();

    /** The domain with that name, or a {@link LibvirtException} with VIR_ERR_NO_DOMAIN. */
    DomainSummary lookupDomain(String name);

    /** The domain with that UUID, or a {@link LibvirtException} with VIR_ERR_NO_DOMAIN. */
    DomainSummary lookupDomain(UUID uuid);

    /** The domain with that name, if there is one. */
    default Optional<DomainSummary> findDomain(String name) {
        try {
            return Optional.of(lookupDomain(name));
        } catch (LibvirtException e) {
            if (e.is(ErrorCode.VIR_ERR_NO_DOMAIN)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Defines (or, for a known UUID, redefines) a persistent domain from its XML; returns it as defined.
     * Redefining a running domain changes its persistent definition only.
     */
    DomainSummary defineDomain(String xml);

    /**
     * As {@link #defineDomain(String)}; with {@code validate}, libvirt first checks the document
     * against its schema ({@code VIR_DOMAIN_DEFINE_VALIDATE}) and refuses an invalid one with
     * VIR_ERR_XML_INVALID_SCHEMA.
     */
    DomainSummary defineDomain(String xml, boolean validate);

    void startDomain(String name);

    /** Asks the guest to shut down (ACPI); returns before it has. */
    void shutdownDomain(String name);

    /** Stops the domain at once (pulls the plug); a transient domain disappears. */
    void destroyDomain(String name);

    /** Removes the persistent definition; a running domain keeps running as a transient one. */
    void undefineDomain(String name);

    /** Removes the persistent definition and, as the options say, its NVRAM, snapshot metadata or managed save. */
    void undefineDomain(String name, Set<UndefineOption> options);

    String domainXml(String name, XmlFlavor flavor);

    /** Whether the domain starts when the host's daemon starts. */
    boolean domainAutostart(String name);

    void setDomainAutostart(String name, boolean autostart);

    /** Adds a device (its XML, e.g. {@code <disk>...</disk>}) to the running guest and/or its definition. */
    void attachDevice(String domain, String deviceXml, Set<DeviceScope> scope);

    /** Removes the device the XML identifies; a live detach may finish after this returns (the guest must let go). */
    void detachDevice(String domain, String deviceXml, Set<DeviceScope> scope);

    /** Changes a device in place (e.g. a CD-ROM's media, an interface's link state). */
    void updateDevice(String domain, String deviceXml, Set<DeviceScope> scope);

    // storage pools

    List<StoragePoolSummary> listStoragePools();

    StoragePoolSummary lookupStoragePool(String name);

    StoragePoolSummary defineStoragePool(String xml);

    void buildStoragePool(String name);

    /** Starts (libvirt: creates) a defined pool. */
    void startStoragePool(String name);

    /** Stops (libvirt: destroys) a running pool; its definition and data stay. */
    void stopStoragePool(String name);

    void undefineStoragePool(String name);

    String storagePoolXml(String name);

    boolean storagePoolAutostart(String name);

    void setStoragePoolAutostart(String name, boolean autostart);

    /** The pool with that name, if there is one. */
    default Optional<StoragePoolSummary> findStoragePool(String name) {
        try {
            return Optional.of(lookupStoragePool(name));
        } catch (LibvirtException e) {
            if (e.is(ErrorCode.VIR_ERR_NO_STORAGE_POOL)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    // networks

    /** Every network, defined and running. */
    List<NetworkSummary> listNetworks();

    /** The network with that name, or a {@link LibvirtException} with VIR_ERR_NO_NETWORK. */
    NetworkSummary lookupNetwork(String name);

    /** The network with that name, if there is one. */
    default Optional<NetworkSummary> findNetwork(String name) {
        try {
            return Optional.of(lookupNetwork(name));
        } catch (LibvirtException e) {
            if (e.is(ErrorCode.VIR_ERR_NO_NETWORK)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Defines (or, for a known UUID, redefines) a persistent network; a running one keeps its old setup until restarted. */
    NetworkSummary defineNetwork(String xml);

    /** Starts (libvirt: creates) a defined network. */
    void startNetwork(String name);

    /** Stops (libvirt: destroys) a running network. */
    void stopNetwork(String name);

    void undefineNetwork(String name);

    /** The network's definition (inactive) or running state. */
    String networkXml(String name, XmlFlavor flavor);

    boolean networkAutostart(String name);

    void setNetworkAutostart(String name, boolean autostart);

    // volumes

    List<VolumeSummary> listVolumes(String pool);

    VolumeSummary createVolume(String pool, String xml);

    /**
     * Creates a volume in {@code pool} from {@code xml} whose content is a copy of the volume
     * {@code sourceVolume} of {@code sourcePool} ({@code virStorageVolCreateXMLFrom}: a clone).
     */
    VolumeSummary cloneVolume(String pool, String xml, String sourcePool, String sourceVolume);

    void deleteVolume(String pool, String name);

    String volumeXml(String pool, String name);

    // typed documents

    /** The domain's definition (inactive) or live state as a typed document. */
    default LibvirtDocument<Domain> domainDocument(String name, XmlFlavor flavor) {
        return TypedDocuments.parse(domainXml(name, flavor), "domain " + name, DocumentKind.DOMAIN);
    }

    default LibvirtDocument<Pool> storagePoolDocument(String name) {
        return TypedDocuments.parse(storagePoolXml(name), "pool " + name, DocumentKind.POOL);
    }

    default LibvirtDocument<Volume> volumeDocument(String pool, String name) {
        return TypedDocuments.parse(volumeXml(pool, name), "volume " + pool + "/" + name, DocumentKind.VOLUME);
    }

    default LibvirtDocument<Network> networkDocument(String name, XmlFlavor flavor) {
        return TypedDocuments.parse(networkXml(name, flavor), "network " + name, DocumentKind.NETWORK);
    }

    default LibvirtDocument<Capabilities> capabilitiesDocument() {
        return TypedDocuments.parse(capabilitiesXml(), "capabilities of " + uri(), DocumentKind.CAPABILITIES);
    }

    // events

    /**
     * Calls {@code listener} with every domain lifecycle event (defined, started, stopped, ...) of the
     * host until the subscription is closed. The listener runs on a thread of the connector: it must
     * return quickly and must not call this connector (hand the event to another thread instead).
     *
     * @throws ConnectorException when this connector cannot deliver events
     */
    default EventSubscription onLifecycle(Consumer<LifecycleEvent> listener) {
        throw new ConnectorException(getClass().getSimpleName() + " does not deliver domain events");
    }

    /** Ends the connection; afterwards no thread of this connector is left. Never throws. */
    @Override
    void close();
}
