package org.virtxml.connect.mem;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.virtxml.connect.CallCounter;
import org.virtxml.connect.CallCounts;
import org.virtxml.connect.Connector;
import org.virtxml.connect.DeviceScope;
import org.virtxml.connect.DomainState;
import org.virtxml.connect.DomainSummary;
import org.virtxml.connect.ErrorCode;
import org.virtxml.connect.ErrorDomain;
import org.virtxml.connect.EventSubscription;
import org.virtxml.connect.LibraryVersion;
import org.virtxml.connect.LibvirtException;
import org.virtxml.connect.LifecycleEvent;
import org.virtxml.connect.NetworkSummary;
import org.virtxml.connect.NodeInfo;
import org.virtxml.connect.StoragePoolState;
import org.virtxml.connect.StoragePoolSummary;
import org.virtxml.connect.UndefineOption;
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
    private static final LibraryVersion LIBRARY_VERSION = new LibraryVersion(11, 3, 0);
    private final URI uri;
    private final MemoryHostMachine profile;
    private final Map<UUID, Domain> domains = new LinkedHashMap<>();
    private final Map<UUID, Pool> pools = new LinkedHashMap<>();
    private final Map<UUID, Network> networks = new LinkedHashMap<>();
    private final CallCounter counter = new CallCounter();
    private final List<Consumer<LifecycleEvent>> lifecycleListeners = new CopyOnWriteArrayList<>();
    private int nextDomainId = 1;

    private static final class Domain {
        final UUID uuid;
        String name;
        String persistentXml; // null: transient
        String liveXml; // null: not running
        int id = -1;
        boolean autostart;

        Domain(UUID uuid, String name) {
            this.uuid = uuid;
            this.name = name;
        }

        boolean active() {
            return liveXml != null;
        }

        DomainSummary summary() {
            return new DomainSummary(
                    name, uuid, id, active() ? DomainState.RUNNING : DomainState.SHUTOFF, persistentXml != null);
        }
    }

    private static final class Pool {
        final UUID uuid;
        String name;
        String xml;
        String targetPath;
        boolean active;
        boolean autostart;
        final Map<String, Volume> volumes = new LinkedHashMap<>();

        Pool(UUID uuid, String name) {
            this.uuid = uuid;
            this.name = name;
        }

        StoragePoolSummary summary() {
            return new StoragePoolSummary(name, uuid, active ? StoragePoolState.RUNNING : StoragePoolState.INACTIVE);
        }
    }

    private static final class Network {
        final UUID uuid;
        final String name;
        String persistentXml; // null: transient
        boolean active;
        boolean autostart;

        Network(UUID uuid, String name) {
            this.uuid = uuid;
            this.name = name;
        }

        NetworkSummary summary() {
            return new NetworkSummary(name, uuid, active, persistentXml != null);
        }
    }

    private record Volume(String name, String key, String xml) {}

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
        counter.count("CONNECT_GET_CAPABILITIES");
        return profile.capabilitiesXml();
    }

    @Override
    public NodeInfo nodeInfo() {
        counter.count("NODE_GET_INFO");
        return profile.nodeInfo();
    }

    @Override
    public String hostname() {
        counter.count("CONNECT_GET_HOSTNAME");
        return profile.hostname();
    }

    /** The libvirt release whose grammar and messages this host follows. */
    @Override
    public LibraryVersion libraryVersion() {
        counter.count("CONNECT_GET_LIB_VERSION");
        return LIBRARY_VERSION;
    }

    /** A minimal document: the emulator, virtualization type, machine and architecture asked for (or the machine's first). */
    @Override
    public String domainCapabilitiesXml(String emulator, String arch, String machine, String virtType) {
        counter.count("CONNECT_GET_DOMAIN_CAPABILITIES");
        String type = virtType != null
                ? virtType
                : profile.domainTypes().stream().findFirst().orElse("qemu");
        if (!profile.domainTypes().isEmpty() && !profile.domainTypes().contains(type)) {
            throw new LibvirtException(
                    ErrorCode.VIR_ERR_INVALID_ARG,
                    ErrorDomain.VIR_FROM_QEMU,
                    "invalid argument: virttype '" + type + "' is not supported by host '" + profile.hostname() + "'");
        }
        return "<domainCapabilities>\n"
                + "  <path>" + Objects.toString(emulator, "/usr/bin/qemu-system-x86_64") + "</path>\n"
                + "  <domain>" + type + "</domain>\n"
                + "  <machine>" + Objects.toString(machine, "pc") + "</machine>\n"
                + "  <arch>" + Objects.toString(arch, "x86_64") + "</arch>\n"
                + "</domainCapabilities>\n";
    }

    @Override
    public CallCounts calls() {
        return counter.snapshot();
    }

    // domains

    @Override
    public synchronized List<DomainSummary> listDomains() {
        counter.count("CONNECT_LIST_ALL_DOMAINS");
        return domains.values().stream().map(Domain::summary).toList();
    }

    @Override
    public synchronized DomainSummary lookupDomain(String name) {
        counter.count("DOMAIN_LOOKUP_BY_NAME");
        return domain(name).summary();
    }

    @Override
    public synchronized DomainSummary lookupDomain(UUID uuid) {
        counter.count("DOMAIN_LOOKUP_BY_UUID");
        Domain domain = domains.get(uuid);
        if (domain == null) {
            throw new LibvirtException(
                    ErrorCode.VIR_ERR_NO_DOMAIN,
                    ErrorDomain.VIR_FROM_DOMAIN,
                    "Domain not found: no domain with matching uuid '" + uuid + "'");
        }
        return domain.summary();
    }

    @Override
    public synchronized DomainSummary defineDomain(String xml) {
        counter.count("DOMAIN_DEFINE_XML");
        return define(XmlIdentity.parse(xml, "domain"));
    }

    @Override
    public synchronized DomainSummary defineDomain(String xml, boolean validate) {
        counter.count("DOMAIN_DEFINE_XML_FLAGS");
        XmlIdentity identity = XmlIdentity.parse(xml, "domain");
        if (validate) {
            identity.firstOutsideSchema().ifPresent(k -> {
                throw new LibvirtException(
                        ErrorCode.VIR_ERR_XML_INVALID_SCHEMA,
                        ErrorDomain.VIR_FROM_DOMAIN,
                        "XML document failed to validate against schema: " + (k.attribute() ? "attribute " : "element ")
                                + k.path() + " is not allowed");
            });
        }
        return define(identity);
    }

    private DomainSummary define(XmlIdentity identity) {
        String name = identity.name();
        Optional<UUID> given = identity.uuid();
        identity.type()
                .filter(type -> !profile.domainTypes().isEmpty()
                        && !profile.domainTypes().contains(type))
                .ifPresent(type -> {
                    throw new LibvirtException(
                            ErrorCode.VIR_ERR_CONFIG_UNSUPPORTED,
                            ErrorDomain.VIR_FROM_DOMAIN,
                            "unsupported configuration: virt type '" + type + "' is not offered by host '"
                                    + profile.hostname() + "' (its capabilities offer " + profile.domainTypes() + ")");
                });
        Domain existing =
                replaced(domains, given, name, e -> e.name, e -> e.uuid, ErrorDomain.VIR_FROM_DOMAIN, "domain");
        UUID uuid = given.orElseGet(UUID::randomUUID);
        Domain domain = existing != null ? existing : new Domain(uuid, name);
        domain.persistentXml = identity.withUuid(uuid);
        domains.put(uuid, domain);
        emit(domain, LifecycleEvent.Type.DEFINED);
        return domain.summary();
    }

    @Override
    public synchronized void startDomain(String name) {
        counter.count("DOMAIN_CREATE");
        Domain domain = domain(name);
        if (domain.active()) {
            throw invalid(ErrorDomain.VIR_FROM_DOMAIN, "domain is already running");
        }
        domain.id = nextDomainId++;
        domain.liveXml = XmlIdentity.parse(domain.persistentXml, "domain").withId(domain.id);
        emit(domain, LifecycleEvent.Type.STARTED);
    }

    @Override
    public synchronized void shutdownDomain(String name) {
        counter.count("DOMAIN_SHUTDOWN");
        stop(domain(name));
    }

    @Override
    public synchronized void destroyDomain(String name) {
        counter.count("DOMAIN_DESTROY");
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
        emit(domain, LifecycleEvent.Type.STOPPED);
    }

    @Override
    public synchronized void undefineDomain(String name) {
        counter.count("DOMAIN_UNDEFINE");
        undefine(domain(name));
    }

    /** Nothing runs here, so there is no NVRAM, snapshot or managed save to remove: the options change nothing. */
    @Override
    public synchronized void undefineDomain(String name, Set<UndefineOption> options) {
        counter.count("DOMAIN_UNDEFINE_FLAGS");
        undefine(domain(name));
    }

    private void undefine(Domain domain) {
        if (domain.persistentXml == null) {
            throw invalid(ErrorDomain.VIR_FROM_DOMAIN, "cannot undefine transient domain");
        }
        domain.persistentXml = null;
        if (!domain.active()) {
            domains.remove(domain.uuid);
        }
        emit(domain, LifecycleEvent.Type.UNDEFINED);
    }

    /** Events are delivered on the thread that changed the domain, after the change. */
    @Override
    public EventSubscription onLifecycle(Consumer<LifecycleEvent> listener) {
        lifecycleListeners.add(listener);
        return () -> lifecycleListeners.remove(listener);
    }

    private void emit(Domain domain, LifecycleEvent.Type type) {
        LifecycleEvent event = new LifecycleEvent(domain.name, domain.uuid, type, 0);
        lifecycleListeners.forEach(listener -> listener.accept(event));
    }

    @Override
    public synchronized String domainXml(String name, XmlFlavor flavor) {
        counter.count("DOMAIN_GET_XML_DESC");
        Domain domain = domain(name);
        if (flavor == XmlFlavor.LIVE && domain.active() || domain.persistentXml == null) {
            return domain.liveXml;
        }
        return domain.persistentXml;
    }

    @Override
    public synchronized boolean domainAutostart(String name) {
        counter.count("DOMAIN_GET_AUTOSTART");
        return domain(name).autostart;
    }

    @Override
    public synchronized void setDomainAutostart(String name, boolean autostart) {
        counter.count("DOMAIN_SET_AUTOSTART");
        Domain domain = domain(name);
        if (domain.persistentXml == null) {
            throw invalid(ErrorDomain.VIR_FROM_DOMAIN, "cannot set autostart for transient domain");
        }
        domain.autostart = autostart;
    }

    @Override
    public synchronized void attachDevice(String name, String deviceXml, Set<DeviceScope> scope) {
        counter.count("DOMAIN_ATTACH_DEVICE_FLAGS");
        changeDevices(domain(name), scope, xml -> DomainDevices.attach(xml, deviceXml));
    }

    @Override
    public synchronized void detachDevice(String name, String deviceXml, Set<DeviceScope> scope) {
        counter.count("DOMAIN_DETACH_DEVICE_FLAGS");
        changeDevices(domain(name), scope, xml -> DomainDevices.detach(xml, deviceXml));
    }

    @Override
    public synchronized void updateDevice(String name, String deviceXml, Set<DeviceScope> scope) {
        counter.count("DOMAIN_UPDATE_DEVICE_FLAGS");
        changeDevices(domain(name), scope, xml -> DomainDevices.update(xml, deviceXml));
    }

    /** Applies a device change to the states the scope names (none: the current one), all or nothing. */
    private static void changeDevices(Domain domain, Set<DeviceScope> scope, UnaryOperator<String> change) {
        boolean live = scope.contains(DeviceScope.LIVE) || scope.isEmpty() && domain.active();
        boolean config = scope.contains(DeviceScope.CONFIG) || scope.isEmpty() && !domain.active();
        if (live && !domain.active()) {
            throw invalid(ErrorDomain.VIR_FROM_DOMAIN, "domain is not running");
        }
        if (config && domain.persistentXml == null) {
            throw invalid(ErrorDomain.VIR_FROM_DOMAIN, "cannot modify device on transient domain");
        }
        String newLive = live ? change.apply(domain.liveXml) : domain.liveXml;
        String newConfig = config ? change.apply(domain.persistentXml) : domain.persistentXml;
        domain.liveXml = newLive;
        domain.persistentXml = newConfig;
    }

    private Domain domain(String name) {
        return find(domains, d -> d.name.equals(name))
                .orElseThrow(() -> new LibvirtException(
                        ErrorCode.VIR_ERR_NO_DOMAIN,
                        ErrorDomain.VIR_FROM_DOMAIN,
                        "Domain not found: no domain with matching name '" + name + "'"));
    }

    // storage pools

    @Override
    public synchronized List<StoragePoolSummary> listStoragePools() {
        counter.count("CONNECT_LIST_ALL_STORAGE_POOLS");
        return pools.values().stream().map(Pool::summary).toList();
    }

    @Override
    public synchronized StoragePoolSummary lookupStoragePool(String name) {
        counter.count("STORAGE_POOL_LOOKUP_BY_NAME");
        return pool(name).summary();
    }

    @Override
    public synchronized StoragePoolSummary defineStoragePool(String xml) {
        counter.count("STORAGE_POOL_DEFINE_XML");
        XmlIdentity identity = XmlIdentity.parse(xml, "pool");
        String name = identity.name();
        Optional<UUID> given = identity.uuid();
        Pool existing = replaced(pools, given, name, e -> e.name, e -> e.uuid, ErrorDomain.VIR_FROM_STORAGE, "pool");
        UUID uuid = given.orElseGet(UUID::randomUUID);
        Pool pool = existing != null ? existing : new Pool(uuid, name);
        pool.targetPath = identity.grandchildText("target", "path").orElse(null);
        pool.xml = identity.withUuid(uuid);
        pools.put(uuid, pool);
        return pool.summary();
    }

    @Override
    public synchronized void buildStoragePool(String name) {
        counter.count("STORAGE_POOL_BUILD");
        Pool pool = pool(name);
        if (pool.active) {
            throw invalid(ErrorDomain.VIR_FROM_STORAGE, "storage pool '" + name + "' is already active");
        }
    }

    @Override
    public synchronized void startStoragePool(String name) {
        counter.count("STORAGE_POOL_CREATE");
        Pool pool = pool(name);
        if (pool.active) {
            throw invalid(ErrorDomain.VIR_FROM_STORAGE, "storage pool '" + name + "' is already active");
        }
        pool.active = true;
    }

    @Override
    public synchronized void stopStoragePool(String name) {
        counter.count("STORAGE_POOL_DESTROY");
        activePool(name).active = false;
    }

    @Override
    public synchronized void undefineStoragePool(String name) {
        counter.count("STORAGE_POOL_UNDEFINE");
        Pool pool = pool(name);
        if (pool.active) {
            throw invalid(ErrorDomain.VIR_FROM_STORAGE, "storage pool '" + name + "' is still active");
        }
        pools.remove(pool.uuid);
    }

    @Override
    public synchronized String storagePoolXml(String name) {
        counter.count("STORAGE_POOL_GET_XML_DESC");
        return pool(name).xml;
    }

    @Override
    public synchronized boolean storagePoolAutostart(String name) {
        counter.count("STORAGE_POOL_GET_AUTOSTART");
        return pool(name).autostart;
    }

    @Override
    public synchronized void setStoragePoolAutostart(String name, boolean autostart) {
        counter.count("STORAGE_POOL_SET_AUTOSTART");
        pool(name).autostart = autostart;
    }

    private Pool pool(String name) {
        return find(pools, p -> p.name.equals(name))
                .orElseThrow(() -> new LibvirtException(
                        ErrorCode.VIR_ERR_NO_STORAGE_POOL,
                        ErrorDomain.VIR_FROM_STORAGE,
                        "Storage pool not found: no storage pool with matching name '" + name + "'"));
    }

    private Pool activePool(String name) {
        Pool pool = pool(name);
        if (!pool.active) {
            throw invalid(ErrorDomain.VIR_FROM_STORAGE, "storage pool '" + name + "' is not active");
        }
        return pool;
    }

    // networks

    @Override
    public synchronized List<NetworkSummary> listNetworks() {
        counter.count("CONNECT_LIST_ALL_NETWORKS");
        return networks.values().stream().map(Network::summary).toList();
    }

    @Override
    public synchronized NetworkSummary lookupNetwork(String name) {
        counter.count("NETWORK_LOOKUP_BY_NAME");
        return network(name).summary();
    }

    @Override
    public synchronized NetworkSummary defineNetwork(String xml) {
        counter.count("NETWORK_DEFINE_XML");
        XmlIdentity identity = XmlIdentity.parse(xml, "network");
        String name = identity.name();
        Optional<UUID> given = identity.uuid();
        Network existing =
                replaced(networks, given, name, e -> e.name, e -> e.uuid, ErrorDomain.VIR_FROM_NETWORK, "network");
        UUID uuid = given.orElseGet(UUID::randomUUID);
        Network network = existing != null ? existing : new Network(uuid, name);
        network.persistentXml = identity.withUuid(uuid);
        networks.put(uuid, network);
        return network.summary();
    }

    @Override
    public synchronized void startNetwork(String name) {
        counter.count("NETWORK_CREATE");
        Network network = network(name);
        if (network.active) {
            throw invalid(ErrorDomain.VIR_FROM_NETWORK, "network is already active");
        }
        network.active = true;
    }

    @Override
    public synchronized void stopNetwork(String name) {
        counter.count("NETWORK_DESTROY");
        Network network = network(name);
        if (!network.active) {
            throw invalid(ErrorDomain.VIR_FROM_NETWORK, "network '" + name + "' is not active");
        }
        network.active = false;
        if (network.persistentXml == null) {
            networks.remove(network.uuid);
        }
    }

    @Override
    public synchronized void undefineNetwork(String name) {
        counter.count("NETWORK_UNDEFINE");
        Network network = network(name);
        if (network.persistentXml == null) {
            throw invalid(ErrorDomain.VIR_FROM_NETWORK, "network '" + name + "' is not persistent");
        }
        network.persistentXml = null;
        network.autostart = false;
        if (!network.active) {
            networks.remove(network.uuid);
        }
    }

    @Override
    public synchronized String networkXml(String name, XmlFlavor flavor) {
        counter.count("NETWORK_GET_XML_DESC");
        return network(name).persistentXml;
    }

    @Override
    public synchronized boolean networkAutostart(String name) {
        counter.count("NETWORK_GET_AUTOSTART");
        return network(name).autostart;
    }

    @Override
    public synchronized void setNetworkAutostart(String name, boolean autostart) {
        counter.count("NETWORK_SET_AUTOSTART");
        Network network = network(name);
        if (network.persistentXml == null) {
            throw invalid(ErrorDomain.VIR_FROM_NETWORK, "cannot set autostart for transient network");
        }
        network.autostart = autostart;
    }

    private Network network(String name) {
        return find(networks, n -> n.name.equals(name))
                .orElseThrow(() -> new LibvirtException(
                        ErrorCode.VIR_ERR_NO_NETWORK,
                        ErrorDomain.VIR_FROM_NETWORK,
                        "Network not found: no network with matching name '" + name + "'"));
    }

    // volumes

    @Override
    public synchronized List<VolumeSummary> listVolumes(String poolName) {
        counter.count("STORAGE_POOL_LIST_ALL_VOLUMES");
        Pool pool = activePool(poolName);
        List<VolumeSummary> volumes = new ArrayList<>();
        for (Volume volume : pool.volumes.values()) {
            volumes.add(new VolumeSummary(pool.name, volume.name(), volume.key()));
        }
        return List.copyOf(volumes);
    }

    @Override
    public synchronized VolumeSummary createVolume(String poolName, String xml) {
        counter.count("STORAGE_VOL_CREATE_XML");
        return create(activePool(poolName), xml);
    }

    private static VolumeSummary create(Pool pool, String xml) {
        XmlIdentity identity = XmlIdentity.parse(xml, "volume");
        String name = identity.name();
        if (pool.volumes.containsKey(name)) {
            throw new LibvirtException(
                    ErrorCode.VIR_ERR_STORAGE_VOL_EXIST,
                    ErrorDomain.VIR_FROM_STORAGE,
                    "storage volume '" + name + "' exists already");
        }
        String key = pool.targetPath != null ? pool.targetPath + "/" + name : pool.name + "/" + name;
        pool.volumes.put(name, new Volume(name, key, xml));
        return new VolumeSummary(pool.name, name, key);
    }

    /** The in-memory host keeps no volume data: the copy is a new volume, its source checked to exist. */
    @Override
    public synchronized VolumeSummary cloneVolume(String poolName, String xml, String sourcePool, String sourceVolume) {
        counter.count("STORAGE_VOL_CREATE_XML_FROM");
        volume(activePool(sourcePool), sourceVolume);
        return create(activePool(poolName), xml);
    }

    @Override
    public synchronized void deleteVolume(String poolName, String name) {
        counter.count("STORAGE_VOL_DELETE");
        Pool pool = activePool(poolName);
        volume(pool, name);
        pool.volumes.remove(name);
    }

    @Override
    public synchronized String volumeXml(String poolName, String name) {
        counter.count("STORAGE_VOL_GET_XML_DESC");
        return volume(activePool(poolName), name).xml();
    }

    private static Volume volume(Pool pool, String name) {
        Volume volume = pool.volumes.get(name);
        if (volume == null) {
            throw new LibvirtException(
                    ErrorCode.VIR_ERR_NO_STORAGE_VOL,
                    ErrorDomain.VIR_FROM_STORAGE,
                    "Storage volume not found: no storage vol with matching name '" + name + "'");
        }
        return volume;
    }

    // plumbing

    private static LibvirtException invalid(ErrorDomain domain, String what) {
        return new LibvirtException(
                ErrorCode.VIR_ERR_OPERATION_INVALID, domain, "Requested operation is not valid: " + what);
    }

    /**
     * The definition a define with this UUID and name replaces, or null for a new one; libvirt's
     * refusal when the UUID is another's name or the name another's UUID.
     */
    private static <T> T replaced(
            Map<UUID, T> map,
            Optional<UUID> given,
            String name,
            Function<T, String> nameOf,
            Function<T, UUID> uuidOf,
            ErrorDomain from,
            String kind) {
        T existing = given.map(map::get).orElse(null);
        if (existing != null && !nameOf.apply(existing).equals(name)) {
            throw new LibvirtException(
                    ErrorCode.VIR_ERR_OPERATION_FAILED,
                    from,
                    "operation failed: " + kind + " '" + nameOf.apply(existing) + "' is already defined with uuid "
                            + uuidOf.apply(existing));
        }
        if (existing == null) {
            Optional<T> sameName = find(map, e -> nameOf.apply(e).equals(name));
            if (sameName.isPresent()) {
                throw new LibvirtException(
                        ErrorCode.VIR_ERR_OPERATION_FAILED,
                        from,
                        "operation failed: " + kind + " '" + name + "' already exists with uuid "
                                + uuidOf.apply(sameName.get()));
            }
        }
        return existing;
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
