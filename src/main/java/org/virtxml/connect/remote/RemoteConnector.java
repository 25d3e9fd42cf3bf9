package org.virtxml.connect.remote;

import static org.virtxml.connect.remote.RemoteTypes.writeDomain;
import static org.virtxml.connect.remote.RemoteTypes.writeNetwork;
import static org.virtxml.connect.remote.RemoteTypes.writePool;
import static org.virtxml.connect.remote.RemoteTypes.writeString;
import static org.virtxml.connect.remote.RemoteTypes.writeUuid;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.virtxml.connect.CallCounter;
import org.virtxml.connect.CallCounts;
import org.virtxml.connect.ConnectOptions;
import org.virtxml.connect.ConnectionFailedException;
import org.virtxml.connect.Connector;
import org.virtxml.connect.ConnectorException;
import org.virtxml.connect.DeviceScope;
import org.virtxml.connect.DomainState;
import org.virtxml.connect.DomainSummary;
import org.virtxml.connect.ErrorCode;
import org.virtxml.connect.EventSubscription;
import org.virtxml.connect.LibraryVersion;
import org.virtxml.connect.LibvirtException;
import org.virtxml.connect.LifecycleEvent;
import org.virtxml.connect.NetworkSummary;
import org.virtxml.connect.NodeInfo;
import org.virtxml.connect.ProtocolViolationException;
import org.virtxml.connect.StoragePoolState;
import org.virtxml.connect.StoragePoolSummary;
import org.virtxml.connect.UndefineOption;
import org.virtxml.connect.VolumeSummary;
import org.virtxml.connect.XmlFlavor;
import org.virtxml.connect.remote.RemoteTypes.DomainRef;
import org.virtxml.connect.remote.RemoteTypes.NetworkRef;
import org.virtxml.connect.remote.RemoteTypes.PoolRef;
import org.virtxml.connect.remote.RemoteTypes.VolumeRef;
import org.virtxml.connect.rpc.RemoteProcedure;
import org.virtxml.connect.rpc.RpcConnection;
import org.virtxml.connect.rpc.Wire;
import org.virtxml.connect.xdr.XdrDecoder;
import org.virtxml.connect.xdr.XdrEncoder;
import org.virtxml.connect.xdr.XdrException;

/** A {@link Connector} that speaks libvirt's RPC protocol to a libvirt daemon, in pure Java. */
public final class RemoteConnector implements Connector {
    /** remote_auth_type. */
    private static final int AUTH_NONE = 0;

    private static final int AUTH_SASL = 1;
    private static final int AUTH_POLKIT = 2;
    /** VIR_DRV_FEATURE_PROGRAM_KEEPALIVE: asking for it makes the daemon send keepalive PINGs. */
    private static final int FEATURE_PROGRAM_KEEPALIVE = 10;
    /** VIR_DOMAIN_XML_INACTIVE. */
    private static final int DOMAIN_XML_INACTIVE = 2;
    /** Length of remote_node_get_info_ret's char model[32] (each char is an XDR int). */
    private static final int NODE_MODEL_LENGTH = 32;

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(2);
    /** VIR_DOMAIN_EVENT_ID_LIFECYCLE. */
    private static final int EVENT_ID_LIFECYCLE = 0;

    /** VIR_DOMAIN_DEFINE_VALIDATE. */
    private static final int DEFINE_VALIDATE = 1;
    /** VIR_NETWORK_XML_INACTIVE. */
    private static final int NETWORK_XML_INACTIVE = 1;

    private final LibvirtUri uri;
    private final RpcConnection rpc;
    private final CallCounter counter = new CallCounter();
    private final DomainEventHub events;
    /** Held while registering or deregistering with the daemon (never the hub's own lock: see {@link DomainEventHub}). */
    private final Object subscribing = new Object();

    private RemoteConnector(LibvirtUri uri, RpcConnection rpc, DomainEventHub events) {
        this.uri = uri;
        this.rpc = rpc;
        this.events = events;
    }

    /**
     * Connects over the URI's transport, authenticates (none or polkit), opens {@link LibvirtUri#daemonUri()}
     * on the daemon and, with {@link ConnectOptions#keepalive()}, asks it for keepalive.
     */
    public static RemoteConnector open(LibvirtUri uri, ConnectOptions options) {
        Wire wire = Transports.connect(uri, options);
        DomainEventHub events = new DomainEventHub();
        RpcConnection rpc = RpcConnection.start(wire, uri.peer(), options.callTimeout(), events);
        RemoteConnector connector = new RemoteConnector(uri, rpc, events);
        try {
            connector.authenticate();
            connector.call(
                    RemoteProcedure.CONNECT_OPEN,
                    out -> {
                        out.writeOptional(Optional.of(uri.daemonUri()), RemoteTypes::writeString);
                        out.writeUnsignedInt(0);
                    },
                    in -> null);
            if (options.keepalive()) {
                connector.call(
                        RemoteProcedure.CONNECT_SUPPORTS_FEATURE,
                        out -> out.writeInt(FEATURE_PROGRAM_KEEPALIVE),
                        XdrDecoder::readInt);
            }
            return connector;
        } catch (LibvirtException e) {
            rpc.close();
            throw new ConnectionFailedException(
                    "libvirt refused to open " + uri.daemonUri() + " on " + uri.peer() + ": " + e.getMessage(), e);
        } catch (ConnectionFailedException e) {
            rpc.close();
            throw e;
        } catch (ConnectorException e) {
            rpc.close();
            throw new ConnectionFailedException("cannot connect to " + uri.original() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            rpc.close();
            throw e;
        }
    }

    private void authenticate() {
        List<Integer> types = call(
                RemoteProcedure.AUTH_LIST,
                out -> {},
                in -> in.readArray(RemoteTypes.AUTH_TYPE_LIST_MAX, XdrDecoder::readInt));
        if (types.isEmpty() || types.contains(AUTH_NONE)) {
            return;
        }
        if (types.contains(AUTH_POLKIT)) {
            int complete = call(RemoteProcedure.AUTH_POLKIT, out -> {}, XdrDecoder::readInt);
            if (complete == 0) {
                throw new ConnectionFailedException("polkit authentication with " + uri.peer() + " did not complete");
            }
            return;
        }
        if (types.contains(AUTH_SASL)) {
            throw new ConnectionFailedException("the daemon at " + uri.peer() + " requires SASL authentication, which"
                    + " virtxml's pure-Java client does not support; allow auth \"none\" (e.g. auth_tcp=\"none\") or use the"
                    + " local UNIX socket as root");
        }
        throw new ConnectionFailedException("the daemon at " + uri.peer() + " offers only authentication types " + types
                + ", none of which virtxml supports");
    }

    /** The underlying RPC connection (for diagnostics such as keepalive counts). */
    public RpcConnection rpc() {
        return rpc;
    }

    @Override
    public URI uri() {
        return uri.original();
    }

    // host

    @Override
    public String capabilitiesXml() {
        return call(RemoteProcedure.CONNECT_GET_CAPABILITIES, out -> {}, RemoteTypes::readString);
    }

    @Override
    public NodeInfo nodeInfo() {
        return call(RemoteProcedure.NODE_GET_INFO, out -> {}, in -> {
            StringBuilder model = new StringBuilder();
            boolean ended = false;
            for (int i = 0; i < NODE_MODEL_LENGTH; i++) {
                int c = in.readInt() & 0xFF;
                ended |= c == 0;
                if (!ended) {
                    model.append((char) c);
                }
            }
            long memory = in.readUnsignedHyper();
            return new NodeInfo(
                    model.toString(),
                    memory,
                    in.readInt(),
                    in.readInt(),
                    in.readInt(),
                    in.readInt(),
                    in.readInt(),
                    in.readInt());
        });
    }

    @Override
    public String hostname() {
        return call(RemoteProcedure.CONNECT_GET_HOSTNAME, out -> {}, RemoteTypes::readString);
    }

    @Override
    public LibraryVersion libraryVersion() {
        return LibraryVersion.of(
                call(RemoteProcedure.CONNECT_GET_LIB_VERSION, out -> {}, XdrDecoder::readUnsignedHyper));
    }

    @Override
    public String domainCapabilitiesXml(String emulator, String arch, String machine, String virtType) {
        return call(
                RemoteProcedure.CONNECT_GET_DOMAIN_CAPABILITIES,
                out -> {
                    RemoteTypes.writeOptionalString(out, emulator);
                    RemoteTypes.writeOptionalString(out, arch);
                    RemoteTypes.writeOptionalString(out, machine);
                    RemoteTypes.writeOptionalString(out, virtType);
                    out.writeUnsignedInt(0);
                },
                RemoteTypes::readString);
    }

    @Override
    public CallCounts calls() {
        return counter.snapshot();
    }

    // domains

    @Override
    public List<DomainSummary> listDomains() {
        List<DomainRef> refs = call(
                RemoteProcedure.CONNECT_LIST_ALL_DOMAINS,
                out -> {
                    out.writeInt(1); // need_results
                    out.writeUnsignedInt(0); // flags: every domain
                },
                in -> {
                    List<DomainRef> domains = in.readArray(RemoteTypes.DOMAIN_LIST_MAX, RemoteTypes::readDomain);
                    in.readUnsignedInt(); // ret: the count
                    return domains;
                });
        List<DomainSummary> summaries = new ArrayList<>();
        for (DomainRef ref : refs) {
            try {
                summaries.add(summarize(ref));
            } catch (LibvirtException e) {
                if (!e.is(ErrorCode.VIR_ERR_NO_DOMAIN)) { // a transient domain may end between list and state
                    throw e;
                }
            }
        }
        return List.copyOf(summaries);
    }

    @Override
    public DomainSummary lookupDomain(String name) {
        return summarize(domainRef(name));
    }

    @Override
    public DomainSummary lookupDomain(UUID uuid) {
        return summarize(
                call(RemoteProcedure.DOMAIN_LOOKUP_BY_UUID, out -> writeUuid(out, uuid), RemoteTypes::readDomain));
    }

    @Override
    public DomainSummary defineDomain(String xml) {
        return summarize(
                call(RemoteProcedure.DOMAIN_DEFINE_XML, out -> writeString(out, xml), RemoteTypes::readDomain));
    }

    @Override
    public DomainSummary defineDomain(String xml, boolean validate) {
        return summarize(call(
                RemoteProcedure.DOMAIN_DEFINE_XML_FLAGS,
                out -> {
                    writeString(out, xml);
                    out.writeUnsignedInt(validate ? DEFINE_VALIDATE : 0);
                },
                RemoteTypes::readDomain));
    }

    @Override
    public void startDomain(String name) {
        DomainRef ref = domainRef(name);
        call(RemoteProcedure.DOMAIN_CREATE, out -> writeDomain(out, ref), in -> null);
    }

    @Override
    public void shutdownDomain(String name) {
        DomainRef ref = domainRef(name);
        call(RemoteProcedure.DOMAIN_SHUTDOWN, out -> writeDomain(out, ref), in -> null);
    }

    @Override
    public void destroyDomain(String name) {
        DomainRef ref = domainRef(name);
        call(RemoteProcedure.DOMAIN_DESTROY, out -> writeDomain(out, ref), in -> null);
    }

    @Override
    public void undefineDomain(String name) {
        DomainRef ref = domainRef(name);
        call(RemoteProcedure.DOMAIN_UNDEFINE, out -> writeDomain(out, ref), in -> null);
    }

    @Override
    public void undefineDomain(String name, Set<UndefineOption> options) {
        DomainRef ref = domainRef(name);
        call(
                RemoteProcedure.DOMAIN_UNDEFINE_FLAGS,
                out -> {
                    writeDomain(out, ref);
                    out.writeUnsignedInt(UndefineOption.flags(options));
                },
                in -> null);
    }

    @Override
    public boolean domainAutostart(String name) {
        DomainRef ref = domainRef(name);
        return call(RemoteProcedure.DOMAIN_GET_AUTOSTART, out -> writeDomain(out, ref), XdrDecoder::readInt) != 0;
    }

    @Override
    public void setDomainAutostart(String name, boolean autostart) {
        DomainRef ref = domainRef(name);
        call(
                RemoteProcedure.DOMAIN_SET_AUTOSTART,
                out -> {
                    writeDomain(out, ref);
                    out.writeInt(autostart ? 1 : 0);
                },
                in -> null);
    }

    @Override
    public void attachDevice(String domain, String deviceXml, Set<DeviceScope> scope) {
        deviceCall(RemoteProcedure.DOMAIN_ATTACH_DEVICE_FLAGS, domain, deviceXml, scope);
    }

    @Override
    public void detachDevice(String domain, String deviceXml, Set<DeviceScope> scope) {
        deviceCall(RemoteProcedure.DOMAIN_DETACH_DEVICE_FLAGS, domain, deviceXml, scope);
    }

    @Override
    public void updateDevice(String domain, String deviceXml, Set<DeviceScope> scope) {
        deviceCall(RemoteProcedure.DOMAIN_UPDATE_DEVICE_FLAGS, domain, deviceXml, scope);
    }

    private void deviceCall(RemoteProcedure procedure, String domain, String deviceXml, Set<DeviceScope> scope) {
        DomainRef ref = domainRef(domain);
        call(
                procedure,
                out -> {
                    writeDomain(out, ref);
                    writeString(out, deviceXml);
                    out.writeUnsignedInt(DeviceScope.flags(scope));
                },
                in -> null);
    }

    @Override
    public String domainXml(String name, XmlFlavor flavor) {
        DomainRef ref = domainRef(name);
        return call(
                RemoteProcedure.DOMAIN_GET_XML_DESC,
                out -> {
                    writeDomain(out, ref);
                    out.writeUnsignedInt(flavor == XmlFlavor.INACTIVE ? DOMAIN_XML_INACTIVE : 0);
                },
                RemoteTypes::readString);
    }

    private DomainRef domainRef(String name) {
        return call(RemoteProcedure.DOMAIN_LOOKUP_BY_NAME, out -> writeString(out, name), RemoteTypes::readDomain);
    }

    private DomainSummary summarize(DomainRef ref) {
        int state = call(
                RemoteProcedure.DOMAIN_GET_STATE,
                out -> {
                    writeDomain(out, ref);
                    out.writeUnsignedInt(0);
                },
                in -> {
                    int value = in.readInt();
                    in.readInt(); // reason
                    return value;
                });
        int persistent = call(RemoteProcedure.DOMAIN_IS_PERSISTENT, out -> writeDomain(out, ref), XdrDecoder::readInt);
        return new DomainSummary(ref.name(), ref.uuid(), ref.id(), DomainState.of(state), persistent == 1);
    }

    // storage pools

    @Override
    public List<StoragePoolSummary> listStoragePools() {
        List<PoolRef> refs = call(
                RemoteProcedure.CONNECT_LIST_ALL_STORAGE_POOLS,
                out -> {
                    out.writeInt(1);
                    out.writeUnsignedInt(0);
                },
                in -> {
                    List<PoolRef> pools = in.readArray(RemoteTypes.STORAGE_POOL_LIST_MAX, RemoteTypes::readPool);
                    in.readUnsignedInt();
                    return pools;
                });
        return refs.stream().map(this::summarize).toList();
    }

    @Override
    public StoragePoolSummary lookupStoragePool(String name) {
        return summarize(poolRef(name));
    }

    @Override
    public StoragePoolSummary defineStoragePool(String xml) {
        return summarize(call(
                RemoteProcedure.STORAGE_POOL_DEFINE_XML,
                out -> {
                    writeString(out, xml);
                    out.writeUnsignedInt(0);
                },
                RemoteTypes::readPool));
    }

    @Override
    public void buildStoragePool(String name) {
        PoolRef ref = poolRef(name);
        call(
                RemoteProcedure.STORAGE_POOL_BUILD,
                out -> {
                    writePool(out, ref);
                    out.writeUnsignedInt(0);
                },
                in -> null);
    }

    @Override
    public void startStoragePool(String name) {
        PoolRef ref = poolRef(name);
        call(
                RemoteProcedure.STORAGE_POOL_CREATE,
                out -> {
                    writePool(out, ref);
                    out.writeUnsignedInt(0);
                },
                in -> null);
    }

    @Override
    public void stopStoragePool(String name) {
        PoolRef ref = poolRef(name);
        call(RemoteProcedure.STORAGE_POOL_DESTROY, out -> writePool(out, ref), in -> null);
    }

    @Override
    public void undefineStoragePool(String name) {
        PoolRef ref = poolRef(name);
        call(RemoteProcedure.STORAGE_POOL_UNDEFINE, out -> writePool(out, ref), in -> null);
    }

    @Override
    public String storagePoolXml(String name) {
        PoolRef ref = poolRef(name);
        return call(
                RemoteProcedure.STORAGE_POOL_GET_XML_DESC,
                out -> {
                    writePool(out, ref);
                    out.writeUnsignedInt(0);
                },
                RemoteTypes::readString);
    }

    @Override
    public boolean storagePoolAutostart(String name) {
        PoolRef ref = poolRef(name);
        return call(RemoteProcedure.STORAGE_POOL_GET_AUTOSTART, out -> writePool(out, ref), XdrDecoder::readInt) != 0;
    }

    @Override
    public void setStoragePoolAutostart(String name, boolean autostart) {
        PoolRef ref = poolRef(name);
        call(
                RemoteProcedure.STORAGE_POOL_SET_AUTOSTART,
                out -> {
                    writePool(out, ref);
                    out.writeInt(autostart ? 1 : 0);
                },
                in -> null);
    }

    private PoolRef poolRef(String name) {
        return call(RemoteProcedure.STORAGE_POOL_LOOKUP_BY_NAME, out -> writeString(out, name), RemoteTypes::readPool);
    }

    private StoragePoolSummary summarize(PoolRef ref) {
        int state = call(RemoteProcedure.STORAGE_POOL_GET_INFO, out -> writePool(out, ref), in -> {
            int value = in.readInt(); // unsigned char state
            in.readUnsignedHyper(); // capacity
            in.readUnsignedHyper(); // allocation
            in.readUnsignedHyper(); // available
            return value;
        });
        return new StoragePoolSummary(ref.name(), ref.uuid(), StoragePoolState.of(state));
    }

    // networks

    @Override
    public List<NetworkSummary> listNetworks() {
        List<NetworkRef> refs = call(
                RemoteProcedure.CONNECT_LIST_ALL_NETWORKS,
                out -> {
                    out.writeInt(1);
                    out.writeUnsignedInt(0);
                },
                in -> {
                    List<NetworkRef> networks = in.readArray(RemoteTypes.NETWORK_LIST_MAX, RemoteTypes::readNetwork);
                    in.readUnsignedInt();
                    return networks;
                });
        List<NetworkSummary> summaries = new ArrayList<>();
        for (NetworkRef ref : refs) {
            try {
                summaries.add(summarize(ref));
            } catch (LibvirtException e) {
                if (!e.is(ErrorCode.VIR_ERR_NO_NETWORK)) { // a transient network may end between list and state
                    throw e;
                }
            }
        }
        return List.copyOf(summaries);
    }

    @Override
    public NetworkSummary lookupNetwork(String name) {
        return summarize(networkRef(name));
    }

    @Override
    public NetworkSummary defineNetwork(String xml) {
        return summarize(
                call(RemoteProcedure.NETWORK_DEFINE_XML, out -> writeString(out, xml), RemoteTypes::readNetwork));
    }

    @Override
    public void startNetwork(String name) {
        NetworkRef ref = networkRef(name);
        call(RemoteProcedure.NETWORK_CREATE, out -> writeNetwork(out, ref), in -> null);
    }

    @Override
    public void stopNetwork(String name) {
        NetworkRef ref = networkRef(name);
        call(RemoteProcedure.NETWORK_DESTROY, out -> writeNetwork(out, ref), in -> null);
    }

    @Override
    public void undefineNetwork(String name) {
        NetworkRef ref = networkRef(name);
        call(RemoteProcedure.NETWORK_UNDEFINE, out -> writeNetwork(out, ref), in -> null);
    }

    @Override
    public String networkXml(String name, XmlFlavor flavor) {
        NetworkRef ref = networkRef(name);
        return call(
                RemoteProcedure.NETWORK_GET_XML_DESC,
                out -> {
                    writeNetwork(out, ref);
                    out.writeUnsignedInt(flavor == XmlFlavor.INACTIVE ? NETWORK_XML_INACTIVE : 0);
                },
                RemoteTypes::readString);
    }

    @Override
    public boolean networkAutostart(String name) {
        NetworkRef ref = networkRef(name);
        return call(RemoteProcedure.NETWORK_GET_AUTOSTART, out -> writeNetwork(out, ref), XdrDecoder::readInt) != 0;
    }

    @Override
    public void setNetworkAutostart(String name, boolean autostart) {
        NetworkRef ref = networkRef(name);
        call(
                RemoteProcedure.NETWORK_SET_AUTOSTART,
                out -> {
                    writeNetwork(out, ref);
                    out.writeInt(autostart ? 1 : 0);
                },
                in -> null);
    }

    private NetworkRef networkRef(String name) {
        return call(RemoteProcedure.NETWORK_LOOKUP_BY_NAME, out -> writeString(out, name), RemoteTypes::readNetwork);
    }

    private NetworkSummary summarize(NetworkRef ref) {
        int active = call(RemoteProcedure.NETWORK_IS_ACTIVE, out -> writeNetwork(out, ref), XdrDecoder::readInt);
        int persistent =
                call(RemoteProcedure.NETWORK_IS_PERSISTENT, out -> writeNetwork(out, ref), XdrDecoder::readInt);
        return new NetworkSummary(ref.name(), ref.uuid(), active == 1, persistent == 1);
    }

    // volumes

    @Override
    public List<VolumeSummary> listVolumes(String pool) {
        PoolRef ref = poolRef(pool);
        List<VolumeRef> volumes = call(
                RemoteProcedure.STORAGE_POOL_LIST_ALL_VOLUMES,
                out -> {
                    writePool(out, ref);
                    out.writeInt(1);
                    out.writeUnsignedInt(0);
                },
                in -> {
                    List<VolumeRef> refs = in.readArray(RemoteTypes.STORAGE_VOL_LIST_MAX, RemoteTypes::readVolume);
                    in.readUnsignedInt();
                    return refs;
                });
        return volumes.stream().map(RemoteConnector::summarize).toList();
    }

    @Override
    public VolumeSummary createVolume(String pool, String xml) {
        PoolRef ref = poolRef(pool);
        return summarize(call(
                RemoteProcedure.STORAGE_VOL_CREATE_XML,
                out -> {
                    writePool(out, ref);
                    writeString(out, xml);
                    out.writeUnsignedInt(0);
                },
                RemoteTypes::readVolume));
    }

    @Override
    public VolumeSummary cloneVolume(String pool, String xml, String sourcePool, String sourceVolume) {
        VolumeRef source = volumeRef(sourcePool, sourceVolume);
        PoolRef ref = poolRef(pool);
        return summarize(call(
                RemoteProcedure.STORAGE_VOL_CREATE_XML_FROM,
                out -> {
                    writePool(out, ref);
                    writeString(out, xml);
                    RemoteTypes.writeVolume(out, source);
                    out.writeUnsignedInt(0);
                },
                RemoteTypes::readVolume));
    }

    @Override
    public void deleteVolume(String pool, String name) {
        VolumeRef ref = volumeRef(pool, name);
        call(
                RemoteProcedure.STORAGE_VOL_DELETE,
                out -> {
                    RemoteTypes.writeVolume(out, ref);
                    out.writeUnsignedInt(0);
                },
                in -> null);
    }

    @Override
    public String volumeXml(String pool, String name) {
        VolumeRef ref = volumeRef(pool, name);
        return call(
                RemoteProcedure.STORAGE_VOL_GET_XML_DESC,
                out -> {
                    RemoteTypes.writeVolume(out, ref);
                    out.writeUnsignedInt(0);
                },
                RemoteTypes::readString);
    }

    private VolumeRef volumeRef(String pool, String name) {
        PoolRef poolRef = poolRef(pool);
        return call(
                RemoteProcedure.STORAGE_VOL_LOOKUP_BY_NAME,
                out -> {
                    writePool(out, poolRef);
                    writeString(out, name);
                },
                RemoteTypes::readVolume);
    }

    private static VolumeSummary summarize(VolumeRef ref) {
        return new VolumeSummary(ref.pool(), ref.name(), ref.key());
    }

    // events

    @Override
    public EventSubscription onLifecycle(Consumer<LifecycleEvent> listener) {
        DomainEventHub.Listener registered;
        synchronized (subscribing) {
            if (events.callbackId().isEmpty()) {
                events.registering();
                int callbackId;
                try {
                    callbackId = call(
                            RemoteProcedure.CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY,
                            out -> {
                                out.writeInt(EVENT_ID_LIFECYCLE);
                                out.writeOptional(
                                        Optional.<DomainRef>empty(), RemoteTypes::writeDomain); // every domain
                            },
                            XdrDecoder::readInt);
                } catch (RuntimeException e) {
                    events.registrationFailed();
                    throw e;
                }
                registered = events.add(listener);
                events.registered(callbackId);
            } else {
                registered = events.add(listener);
            }
        }
        return () -> {
            synchronized (subscribing) {
                events.remove(registered).ifPresent(callbackId -> {
                    if (rpc.isOpen()) {
                        try {
                            call(
                                    RemoteProcedure.CONNECT_DOMAIN_EVENT_CALLBACK_DEREGISTER_ANY,
                                    out -> out.writeInt(callbackId),
                                    in -> null);
                        } catch (ConnectorException ignored) {
                            // the events stop either way: no listener is left for them
                        }
                    }
                });
            }
        };
    }

    // plumbing

    private <T> T call(RemoteProcedure procedure, Consumer<XdrEncoder> arguments, Function<XdrDecoder, T> result) {
        counter.count(procedure.name());
        XdrDecoder in = rpc.call(procedure, arguments);
        try {
            T value = result.apply(in);
            in.requireFullyConsumed();
            return value;
        } catch (XdrException e) {
            throw new ProtocolViolationException(
                    "undecodable reply to " + procedure.label() + " from " + uri.peer() + ": " + e.getMessage(), e);
        }
    }

    /** Tells the daemon the connection ends (CONNECT_CLOSE, best effort), then closes the socket and reader thread. */
    @Override
    public void close() {
        if (rpc.isOpen()) {
            try {
                rpc.call(RemoteProcedure.CONNECT_CLOSE, out -> {}, CLOSE_TIMEOUT);
            } catch (ConnectorException ignored) {
                // the connection ends either way
            }
        }
        rpc.close();
    }

    @Override
    public String toString() {
        return "RemoteConnector[" + uri.original() + " via " + uri.peer() + "]";
    }
}
