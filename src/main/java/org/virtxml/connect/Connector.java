package org.virtxml.connect;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.virtxml.io.LibvirtDocument;
import org.virtxml.model.DocumentKind;
import org.virtxml.model.capabilities.Capabilities;
import org.virtxml.model.domain.Domain;
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

    void startDomain(String name);

    /** Asks the guest to shut down (ACPI); returns before it has. */
    void shutdownDomain(String name);

    /** Stops the domain at once (pulls the plug); a transient domain disappears. */
    void destroyDomain(String name);

    /** Removes the persistent definition; a running domain keeps running as a transient one. */
    void undefineDomain(String name);

    String domainXml(String name, XmlFlavor flavor);

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

    // volumes

    List<VolumeSummary> listVolumes(String pool);

    VolumeSummary createVolume(String pool, String xml);

    /**
     * Creates a volume in {@code pool} from its XML with the content of the volume
     * {@code sourceVolume} of {@code sourcePool} (libvirt's {@code virStorageVolCreateXMLFrom}:
     * the host copies the data, converting the format when the XML asks for another); returns the
     * new volume when the copy is done.
     */
    VolumeSummary createVolumeFrom(String pool, String xml, String sourcePool, String sourceVolume);

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

    default LibvirtDocument<Capabilities> capabilitiesDocument() {
        return TypedDocuments.parse(capabilitiesXml(), "capabilities of " + uri(), DocumentKind.CAPABILITIES);
    }

    /** Ends the connection; afterwards no thread of this connector is left. Never throws. */
    @Override
    void close();
}
