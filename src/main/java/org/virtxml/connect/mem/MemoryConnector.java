package org.virtxml.connect.mem;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.virtxml.connect.Connector;
import org.virtxml.connect.DomainState;
import org.virtxml.connect.DomainSummary;
import org.virtxml.connect.ErrorCode;
import org.virtxml.connect.ErrorDomain;
import org.virtxml.connect.LibvirtException;
import org.virtxml.connect.NodeInfo;
import org.virtxml.connect.StoragePoolState;
import org.virtxml.connect.StoragePoolSummary;
import org.virtxml.connect.VolumeSummary;
import org.virtxml.connect.XmlFlavor;

/**
 * An in-memory host ({@code mem:///NAME}) that keeps libvirt's rules and error messages (those of
 * libvirt's QEMU and storage drivers): names and UUIDs are unique; defining with a known UUID
 * updates that definition (its persistent one only, when it runs); a known name with another UUID
 * is refused; undefining a running domain leaves it running as a transient one, which disappears
 * when it stops; a guest "shuts down" at once. Nothing runs: it is for tests and dry runs. Each
 * instance is its own host; it is thread-safe.
 */
public final class MemoryConnector implements Connector {
    private final URI uri;
    private final MemoryHostMachine profile;
    private final Map<UUID, Domain> domains = new LinkedHashMap<>();
    private final Map<UUID, Pool> pools = new LinkedHashMap<>();
    private int nextDomainId = 1;

    private static final class Domain {
        final UUID uuid;
        String name;
        String persistentXml; // null: transient
        String liveXml; // null: not running
        int id = -1;

        Domain(UUID uuid, String name) {
            this.uuid = uuid;
            this.name = name;
        }

        boolean active() {
            return liveXml != null;
        }

        DomainSummary summary() {
            return new DomainSummary(name, uuid, id, active() ? DomainState.RUNNING : DomainState.SHUTOFF,
                    persistentXml != null);
        }
    }

    private static final class Pool {
        final UUID uuid;
        String name;
        String xml;
        String targetPath;
        boolean active;
        final Map<String, Volume> volumes = new LinkedHashMap<>();

        Pool(UUID uuid, String name) {
            this.uuid = uuid;
            this.name = name;
        }

        StoragePoolSummary summary() {
            return new StoragePoolSummary(name, uuid, active ? StoragePoolState.RUNNING : StoragePoolState.INACTIVE);
        }
    }

    private record Volume(String name, String key, String xml) {
    }

    public MemoryConnector(URI uri, MemoryHostMachine profile) {
        this.uri = Objects.requireNonNull(uri, "uri");
        this.profile = Objects.requireNonNull(profile, "profile");
    }

    public MemoryHostMachine machine() {
        return profile;
    }

    @Override
    public URI uri() {
        return uri;
    }

    @Override
    public String capabilitiesXml() {
        return profile.capabilitiesXml();
    }

    @Override
    public NodeInfo nodeInfo() {
        return profile.nodeInfo();
    }

    @Override
    public String hostname() {
        return profile.hostname();
    }

    // domains

    @Override
    public synchronized List<DomainSummary> listDomains() {
        return domains.values().stream().map(Domain::summary).toList();
    }

    @Override
    public synchronized DomainSummary lookupDomain(String name) {
        return domain(name).summary();
    }

    @Override
    public synchronized DomainSummary lookupDomain(UUID uuid) {
        Domain domain = domains.get(uuid);
        if (domain == null) {
            throw new LibvirtException(ErrorCode.VIR_ERR_NO_DOMAIN, ErrorDomain.VIR_FROM_DOMAIN,
                    "Domain not found: no domain with matching uuid '" + uuid + "'");
        }
        return domain.summary();
    }

    @Override
    public synchronized DomainSummary defineDomain(String xml) {
        XmlIdentity identity = XmlIdentity.parse(xml, "domain");
        String name = identity.name();
        Optional<UUID> given = identity.uuid();
        identity.type().filter(type -> !profile.domainTypes().isEmpty() && !profile.domainTypes().contains(type))
                .ifPresent(type -> {
                    throw new LibvirtException(ErrorCode.VIR_ERR_CONFIG_UNSUPPORTED, ErrorDomain.VIR_FROM_DOMAIN,
                            "unsupported configuration: virt type '" + type + "' is not offered by host '"
                                    + profile.hostname() + "' (its capabilities offer " + profile.domainTypes() + ")");
                });
        Domain existing = given.map(domains::get).orElse(null);
        if (existing != null && !existing.name.equals(name)) {
            throw new LibvirtException(ErrorCode.VIR_ERR_OPERATION_FAILED, ErrorDomain.VIR_FROM_DOMAIN,
                    "operation failed: domain '" + existing.name + "' is already defined with uuid " + existing.uuid);
        }
        if (existing == null) {
            Optional<Domain> sameName = find(domains, d -> d.name.equals(name));
            if (sameName.isPresent()) {
                throw new LibvirtException(ErrorCode.VIR_ERR_OPERATION_FAILED, ErrorDomain.VIR_FROM_DOMAIN,
                        "operation failed: domain '" + name + "' already exists with uuid " + sameName.get().uuid);
            }
        }
        UUID uuid = given.orElseGet(UUID::randomUUID);
        Domain domain = existing != null ? existing : new Domain(uuid, name);
        domain.persistentXml = identity.withUuid(uuid);
        domains.put(uuid, domain);
        return domain.summary();
    }

    @Override
    public synchronized void startDomain(String name) {
        Domain domain = domain(name);
        if (domain.active()) {
            throw invalid(ErrorDomain.VIR_FROM_DOMAIN, "domain is already running");
        }
        domain.id = nextDomainId++;
        domain.liveXml = XmlIdentity.parse(domain.persistentXml, "domain").withId(domain.id);
    }

    @Override
    public synchronized void shutdownDomain(String name) {
        stop(domain(name));
    }

    @Override
    public synchronized void destroyDomain(String name) {
        stop(domain(name));
    }

    private void stop(Domain domain) {
        if (!domain.active()) {
            throw invalid(ErrorDomain.VIR_FROM_DOMAIN, "domain is not running");
        }
        domain.liveXml = null;
        domain.id = -1;
        if (domain.persistentXml == null) {
            domains.remove(domain.uuid);
        }
    }

    @Override
    public synchronized void undefineDomain(String name) {
        Domain domain = domain(name);
        if (domain.persistentXml == null) {
            throw invalid(ErrorDomain.VIR_FROM_DOMAIN, "cannot undefine transient domain");
        }
        domain.persistentXml = null;
        if (!domain.active()) {
            domains.remove(domain.uuid);
        }
    }

    @Override
    public synchronized String domainXml(String name, XmlFlavor flavor) {
        Domain domain = domain(name);
        if (flavor == XmlFlavor.LIVE && domain.active() || domain.persistentXml == null) {
            return domain.liveXml;
        }
        return domain.persistentXml;
    }

    private Domain domain(String name) {
        return find(domains, d -> d.name.equals(name)).orElseThrow(() -> new LibvirtException(ErrorCode.VIR_ERR_NO_DOMAIN,
                ErrorDomain.VIR_FROM_DOMAIN, "Domain not found: no domain with matching name '" + name + "'"));
    }

    // storage pools

    @Override
    public synchronized List<StoragePoolSummary> listStoragePools() {
        return pools.values().stream().map(Pool::summary).toList();
    }

    @Override
    public synchronized StoragePoolSummary lookupStoragePool(String name) {
        return pool(name).summary();
    }

    @Override
    public synchronized StoragePoolSummary defineStoragePool(String xml) {
        XmlIdentity identity = XmlIdentity.parse(xml, "pool");
        String name = identity.name();
        Optional<UUID> given = identity.uuid();
        Pool existing = given.map(pools::get).orElse(null);
        if (existing != null && !existing.name.equals(name)) {
            throw new LibvirtException(ErrorCode.VIR_ERR_OPERATION_FAILED, ErrorDomain.VIR_FROM_STORAGE,
                    "operation failed: pool '" + existing.name + "' is already defined with uuid " + existing.uuid);
        }
        if (existing == null) {
            Optional<Pool> sameName = find(pools, p -> p.name.equals(name));
            if (sameName.isPresent()) {
                throw new LibvirtException(ErrorCode.VIR_ERR_OPERATION_FAILED, ErrorDomain.VIR_FROM_STORAGE,
                        "operation failed: pool '" + name + "' already exists with uuid " + sameName.get().uuid);
            }
        }
        UUID uuid = given.orElseGet(UUID::randomUUID);
        Pool pool = existing != null ? existing : new Pool(uuid, name);
        pool.targetPath = identity.grandchildText("target", "path").orElse(null);
        pool.xml = identity.withUuid(uuid);
        pools.put(uuid, pool);
        return pool.summary();
    }

    @Override
    public synchronized void buildStoragePool(String name) {
        Pool pool = pool(name);
        if (pool.active) {
            throw invalid(ErrorDomain.VIR_FROM_STORAGE, "storage pool '" + name + "' is already active");
        }
    }

    @Override
    public synchronized void startStoragePool(String name) {
        Pool pool = pool(name);
        if (pool.active) {
            throw invalid(ErrorDomain.VIR_FROM_STORAGE, "storage pool '" + name + "' is already active");
        }
        pool.active = true;
    }

    @Override
    public synchronized void stopStoragePool(String name) {
        activePool(name).active = false;
    }

    @Override
    public synchronized void undefineStoragePool(String name) {
        Pool pool = pool(name);
        if (pool.active) {
            throw invalid(ErrorDomain.VIR_FROM_STORAGE, "storage pool '" + name + "' is still active");
        }
        pools.remove(pool.uuid);
    }

    @Override
    public synchronized String storagePoolXml(String name) {
        return pool(name).xml;
    }

    private Pool pool(String name) {
        return find(pools, p -> p.name.equals(name)).orElseThrow(() -> new LibvirtException(
                ErrorCode.VIR_ERR_NO_STORAGE_POOL, ErrorDomain.VIR_FROM_STORAGE,
                "Storage pool not found: no storage pool with matching name '" + name + "'"));
    }

    private Pool activePool(String name) {
        Pool pool = pool(name);
        if (!pool.active) {
            throw invalid(ErrorDomain.VIR_FROM_STORAGE, "storage pool '" + name + "' is not active");
        }
        return pool;
    }

    // volumes

    @Override
    public synchronized List<VolumeSummary> listVolumes(String poolName) {
        Pool pool = activePool(poolName);
        List<VolumeSummary> volumes = new ArrayList<>();
        for (Volume volume : pool.volumes.values()) {
            volumes.add(new VolumeSummary(pool.name, volume.name(), volume.key()));
        }
        return List.copyOf(volumes);
    }

    @Override
    public synchronized VolumeSummary createVolume(String poolName, String xml) {
        Pool pool = activePool(poolName);
        XmlIdentity identity = XmlIdentity.parse(xml, "volume");
        String name = identity.name();
        if (pool.volumes.containsKey(name)) {
            throw new LibvirtException(ErrorCode.VIR_ERR_STORAGE_VOL_EXIST, ErrorDomain.VIR_FROM_STORAGE,
                    "storage volume '" + name + "' exists already");
        }
        String key = pool.targetPath != null ? pool.targetPath + "/" + name : pool.name + "/" + name;
        pool.volumes.put(name, new Volume(name, key, xml));
        return new VolumeSummary(pool.name, name, key);
    }

    /** The in-memory host keeps no volume data: the copy is a new volume, its source checked to exist. */
    @Override
    public synchronized VolumeSummary createVolumeFrom(String poolName, String xml, String sourcePool, String sourceVolume) {
        volume(activePool(sourcePool), sourceVolume);
        return createVolume(poolName, xml);
    }

    @Override
    public synchronized void deleteVolume(String poolName, String name) {
        Pool pool = activePool(poolName);
        volume(pool, name);
        pool.volumes.remove(name);
    }

    @Override
    public synchronized String volumeXml(String poolName, String name) {
        return volume(activePool(poolName), name).xml();
    }

    private static Volume volume(Pool pool, String name) {
        Volume volume = pool.volumes.get(name);
        if (volume == null) {
            throw new LibvirtException(ErrorCode.VIR_ERR_NO_STORAGE_VOL, ErrorDomain.VIR_FROM_STORAGE,
                    "Storage volume not found: no storage vol with matching name '" + name + "'");
        }
        return volume;
    }

    // plumbing

    private static LibvirtException invalid(ErrorDomain domain, String what) {
        return new LibvirtException(ErrorCode.VIR_ERR_OPERATION_INVALID, domain, "Requested operation is not valid: " + what);
    }

    private static <T> Optional<T> find(Map<UUID, T> map, Predicate<T> test) {
        return map.values().stream().filter(test).findFirst();
    }

    /** Nothing to release: the host lives as long as this object. */
    @Override
    public void close() {
        // no resources
    }

    @Override
    public String toString() {
        return "MemoryConnector[" + uri + "]";
    }
}
