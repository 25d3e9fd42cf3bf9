package org.virtxml.edit.storage;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.virtxml.model.IntegerLeaf;
import org.virtxml.model.IntegerText;
import org.virtxml.model.Leaf;
import org.virtxml.model.Names;
import org.virtxml.model.Uuid;
import org.virtxml.model.UuidLeaf;
import org.virtxml.model.pool.Adapter;
import org.virtxml.model.pool.Dir;
import org.virtxml.model.pool.Initiator;
import org.virtxml.model.pool.Iqn;
import org.virtxml.model.pool.Pool;
import org.virtxml.model.pool.PoolSource;
import org.virtxml.model.pool.PoolTarget;
import org.virtxml.model.pool.SourceDevice;
import org.virtxml.model.pool.SourceFormat;
import org.virtxml.model.pool.SourceHost;
import org.virtxml.model.pool.TargetPermissions;

/**
 * Builds a storage pool definition (KVM guide chapter 13) of one {@link PoolType}, and refuses to
 * build one that lacks a part its type requires:
 * <pre>{@code
 * Pool p = PoolBuilder.of(PoolType.NETFS, "iso")
 *         .host("nas.example.org").sourceDir("/export/iso").format("nfs")
 *         .targetPath("/var/lib/libvirt/iso").build();
 * }</pre>
 * A logical pool without a target path gets {@code /dev/VG}, as libvirt derives it.
 */
public final class PoolBuilder {
    private final PoolType type;
    private final String name;
    private Uuid uuid;
    private String targetPath;
    private Permissions permissions;
    private final List<String> hosts = new ArrayList<>();
    private final List<Integer> ports = new ArrayList<>();
    private final List<String> devices = new ArrayList<>();
    private String sourceDir;
    private String sourceName;
    private String format;
    private String initiatorIqn;
    private String adapterName;
    private FcHostAdapter fcHost;

    private PoolBuilder(PoolType type, String name) {
        this.type = Objects.requireNonNull(type, "type");
        this.name = Objects.requireNonNull(name, "name");
        Names.requireValid(name, "pool");
    }

    public static PoolBuilder of(PoolType type, String name) {
        return new PoolBuilder(type, name);
    }

    public PoolBuilder uuid(Uuid value) {
        this.uuid = value;
        return this;
    }

    public PoolBuilder targetPath(String path) {
        this.targetPath = path;
        return this;
    }

    public PoolBuilder permissions(Permissions value) {
        this.permissions = value;
        return this;
    }

    /** A source host; iSCSI listens on 3260, leave the port null for the default. */
    public PoolBuilder host(String hostName, Integer port) {
        hosts.add(Objects.requireNonNull(hostName, "hostName"));
        ports.add(port);
        return this;
    }

    public PoolBuilder host(String hostName) {
        return host(hostName, null);
    }

    /** A source device: a block device, or for iSCSI the target IQN. */
    public PoolBuilder device(String path) {
        devices.add(Objects.requireNonNull(path, "path"));
        return this;
    }

    public PoolBuilder sourceDir(String path) {
        this.sourceDir = path;
        return this;
    }

    /** The source name: volume group, RBD/gluster pool or volume, ZFS pool, vstorage cluster. */
    public PoolBuilder sourceName(String value) {
        this.sourceName = value;
        return this;
    }

    /** The source format ({@code nfs}, {@code ext4}, {@code gpt}, {@code lvm2}, ...). */
    public PoolBuilder format(String value) {
        this.format = value;
        return this;
    }

    public PoolBuilder initiatorIqn(String iqn) {
        this.initiatorIqn = iqn;
        return this;
    }

    /** A SCSI host adapter by name ({@code scsi_host2}). */
    public PoolBuilder adapterName(String value) {
        this.adapterName = value;
        return this;
    }

    /** A vHBA on a Fibre Channel host adapter (KVM guide chapter 13): {@code <adapter type='fc_host'>}. */
    public PoolBuilder fcHostAdapter(FcHostAdapter value) {
        this.fcHost = value;
        return this;
    }

    /** The parts this pool's type requires that were not given. */
    public Set<PoolType.Part> missing() {
        Set<PoolType.Part> given = EnumSet.noneOf(PoolType.Part.class);
        if (targetPath != null) {
            given.add(PoolType.Part.TARGET);
        }
        if (!hosts.isEmpty()) {
            given.add(PoolType.Part.HOST);
        }
        if (!devices.isEmpty()) {
            given.add(PoolType.Part.DEVICE);
        }
        if (sourceDir != null) {
            given.add(PoolType.Part.SOURCE_DIR);
        }
        if (sourceName != null) {
            given.add(PoolType.Part.SOURCE_NAME);
        }
        if (initiatorIqn != null) {
            given.add(PoolType.Part.INITIATOR);
        }
        if (adapterName != null || fcHost != null) {
            given.add(PoolType.Part.ADAPTER);
        }
        Set<PoolType.Part> missing = type.required();
        missing.removeAll(given);
        return missing;
    }

    /** The pool; IllegalStateException naming every missing part when the type's requirements are not met. */
    public Pool build() {
        Set<PoolType.Part> missing = missing();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("a " + type.xmlValue() + " pool needs "
                    + missing.stream().map(PoolType.Part::xml).collect(Collectors.joining(", ")));
        }
        Pool pool = new Pool();
        pool.setType(type.xmlValue());
        pool.setName(Leaf.of(name));
        if (uuid != null) {
            pool.setUuid(UuidLeaf.of(uuid));
        }
        PoolSource source = new PoolSource();
        for (int i = 0; i < hosts.size(); i++) {
            SourceHost h = new SourceHost();
            h.setName(hosts.get(i));
            if (ports.get(i) != null) {
                h.setPort(IntegerText.of(ports.get(i)));
            }
            source.getHost().add(h);
        }
        for (String d : devices) {
            SourceDevice dev = new SourceDevice();
            dev.setPath(d);
            source.getDevice().add(dev);
        }
        if (sourceDir != null) {
            Dir dir = new Dir();
            dir.setPath(sourceDir);
            source.setDir(dir);
        }
        String effectiveSourceName = sourceName != null ? sourceName : (type == PoolType.LOGICAL ? name : null);
        if (effectiveSourceName != null) {
            source.getName().add(Leaf.of(effectiveSourceName));
        }
        if (format != null) {
            SourceFormat f = new SourceFormat();
            f.setType(format);
            source.setFormat(f);
        }
        if (initiatorIqn != null) {
            Initiator init = new Initiator();
            Iqn iqn = new Iqn();
            iqn.setName(initiatorIqn);
            init.setIqn(iqn);
            source.setInitiator(init);
        }
        if (adapterName != null) {
            Adapter a = new Adapter();
            a.setType("scsi_host");
            a.setName(adapterName);
            source.setAdapter(a);
        }
        if (fcHost != null) {
            Adapter a = new Adapter();
            a.setType("fc_host");
            a.setParent(fcHost.parent());
            a.setWwnn(fcHost.wwnn());
            a.setWwpn(fcHost.wwpn());
            source.setAdapter(a);
        }
        pool.setSource(source);
        String path = targetPath;
        if (path == null && type == PoolType.LOGICAL) {
            path = "/dev/" + effectiveSourceName;
        }
        if (path != null) {
            PoolTarget target = new PoolTarget();
            target.setPath(Leaf.of(path));
            if (permissions != null) {
                target.setPermissions(targetPermissions(permissions));
            }
            pool.setTarget(target);
        }
        return pool;
    }

    private static TargetPermissions targetPermissions(Permissions p) {
        TargetPermissions t = new TargetPermissions();
        if (p.mode() != null) {
            IntegerLeaf mode = new IntegerLeaf();
            mode.setText(p.mode());
            t.setMode(mode);
        }
        if (p.owner() != null) {
            t.setOwner(Leaf.of(p.owner().toString()));
        }
        if (p.group() != null) {
            t.setGroup(Leaf.of(p.group().toString()));
        }
        if (p.label() != null) {
            t.setLabel(Leaf.of(p.label()));
        }
        return t;
    }
}
