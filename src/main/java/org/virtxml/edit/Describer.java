package org.virtxml.edit;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.virtxml.model.DataSize;
import org.virtxml.model.ModelElement;
import org.virtxml.model.SizedElement;
import org.virtxml.model.Sizes;
import org.virtxml.model.Unit;
import org.virtxml.model.domain.Disk;
import org.virtxml.model.domain.DiskSourceVariant;
import org.virtxml.model.domain.Domain;
import org.virtxml.model.domain.Hostdev;
import org.virtxml.model.domain.Interface;
import org.virtxml.model.domain.InterfaceSourceVariant;
import org.virtxml.model.domain.OsBoot;
import org.virtxml.model.pool.Pool;
import org.virtxml.model.pool.PoolSource;
import org.virtxml.model.volume.Volume;

/**
 * A readable summary of a domain (vCPUs, memory, disks with bus, format and size, NICs with type,
 * MAC and model, boot order), a storage pool or a storage volume. A disk's size is the virtual
 * size of its image when the image can be read on this machine, otherwise unknown.
 */
public final class Describer {
    private Describer() {}

    public static Summary describe(ModelElement root) {
        if (root instanceof Domain d) {
            return domain(d);
        }
        if (root instanceof Pool p) {
            return pool(p);
        }
        if (root instanceof Volume v) {
            return volume(v);
        }
        if (root instanceof org.virtxml.model.network.Network n) {
            return network(n);
        }
        return identity(root);
    }

    /** Any other kind: its root element, and its name and UUID where it has them. */
    static Summary identity(ModelElement root) {
        Summary s = new Summary()
                .put(
                        "kind",
                        org.virtxml.model.DocumentKind.forRootClass(root.getClass())
                                .map(org.virtxml.model.DocumentKind::rootElement)
                                .orElse(root.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT)));
        for (String part : new String[] {"name", "uuid"}) {
            for (org.virtxml.model.ModelProperty p : org.virtxml.model.ModelProperty.of(root.getClass())) {
                if (!p.isAttribute() && p.xmlName().equals(part) && p.get(root) instanceof ModelElement e) {
                    s.put(part, text(e));
                }
            }
        }
        return s;
    }

    static Summary network(org.virtxml.model.network.Network n) {
        Summary s = new Summary()
                .put("kind", "network")
                .put("name", text(n.getName()))
                .put("uuid", n.getUuid() == null ? null : n.getUuid().getText());
        var f = n.getForward();
        s.put(
                "forward",
                f == null
                        ? "none (isolated)"
                        : join(
                                f.getMode() == null ? "nat" : f.getMode(),
                                f.getDev() == null ? null : "dev " + f.getDev(),
                                f.getPf() == null ? null : "pf " + f.getPf().getDev()));
        if (f != null && !f.getAddress().isEmpty()) {
            s.put("devices", f.getAddress().size() + " PCI address(es)");
        }
        s.put("bridge", n.getBridge() == null ? null : n.getBridge().getName());
        for (var ip : n.getIp()) {
            Summary item = new Summary()
                    .put(
                            "address",
                            ip.getAddress() == null ? null : ip.getAddress().text())
                    .put(
                            "netmask",
                            ip.getNetmask() == null ? null : ip.getNetmask().text())
                    .put(
                            "prefix",
                            ip.getPrefix() == null ? null : ip.getPrefix().text())
                    .put("family", ip.getFamily());
            if (ip.getDhcp() != null && !ip.getDhcp().getRange().isEmpty()) {
                item.put(
                        "dhcp",
                        String.join(
                                ", ",
                                ip.getDhcp().getRange().stream()
                                        .map(r -> r.getStart() + " - " + r.getEnd())
                                        .toList()));
            }
            s.add("ips", item);
        }
        return s;
    }

    static Summary domain(Domain d) {
        Summary s = new Summary()
                .put("kind", "domain")
                .put("name", text(d.getName()))
                .put("uuid", d.getUuid() == null ? null : d.getUuid().getText())
                .put("type", d.getType());
        if (d.getId() != null) {
            s.put("state", "running (id " + d.getId().text() + ")");
        }
        if (d.getVcpu() != null && d.getVcpu().value() != null) {
            String v = d.getVcpu().value().text();
            if (d.getVcpu().getCurrent() != null) {
                v += " (" + d.getVcpu().getCurrent().text() + " online)";
            }
            s.put("vcpus", v);
        }
        s.put("memory", size(d.getMemory(), Unit.KIB));
        if (d.getCurrentMemory() != null
                && d.getCurrentMemory().size() != null
                && !d.getCurrentMemory()
                        .size()
                        .sameValueAs(
                                d.getMemory() == null ? null : d.getMemory().size(), Unit.KIB)) {
            s.put("current memory", size(d.getCurrentMemory(), Unit.KIB));
        }
        if (d.getOs() != null && d.getOs().getType() != null) {
            s.put(
                    "os",
                    join(
                            text(d.getOs().getType()),
                            d.getOs().getType().getArch(),
                            d.getOs().getType().getMachine()));
        }
        s.put("boot order", bootOrder(d));
        s.list("disks").list("nics");
        if (d.getDevices() != null) {
            for (Disk disk : d.getDevices().getDisk()) {
                s.add("disks", disk(disk));
            }
            for (Interface nic : d.getDevices().getInterface()) {
                s.add("nics", nic(nic));
            }
            for (Hostdev h : d.getDevices().getHostdev()) {
                Networks.pciOf(h)
                        .ifPresent(a -> s.add(
                                "hostdevs",
                                new Summary()
                                        .put("pci", a.canonical())
                                        .put("managed", h.getManaged() == null ? "no" : h.getManaged())));
            }
            List<String> graphics = new ArrayList<>();
            d.getDevices().getGraphics().forEach(g -> graphics.add(g.getType()));
            if (!graphics.isEmpty()) {
                s.put("graphics", String.join(", ", graphics));
            }
        }
        return s;
    }

    private static Summary disk(Disk disk) {
        Summary s = new Summary();
        if (disk.getTarget() != null) {
            s.put("target", disk.getTarget().getDev())
                    .put("bus", disk.getTarget().getBus());
        }
        s.put("device", disk.effectiveDevice());
        s.put("format", disk.getDriver() == null ? null : disk.getDriver().getType());
        DiskSourceVariant variant = disk.source();
        String source = variant.where();
        s.put("source", source == null ? "(empty)" : source);
        OptionalLong size = variant instanceof DiskSourceVariant.File f ? ImageSize.of(f.file()) : OptionalLong.empty();
        s.put("size", size.isPresent() ? Sizes.human(size.getAsLong()) : "unknown (image not readable here)");
        if (disk.getBoot() != null && disk.getBoot().getOrder() != null) {
            s.put("boot", disk.getBoot().getOrder().text());
        }
        if (disk.getReadonly() != null) {
            s.put("readonly", "yes");
        }
        if (disk.getShareable() != null) {
            s.put("shareable", "yes");
        }
        return s;
    }

    private static Summary nic(Interface nic) {
        Summary s = new Summary().put("type", nic.getType());
        if (nic.getSource() != null) {
            InterfaceSourceVariant variant = nic.source();
            String source = variant instanceof InterfaceSourceVariant.Network n && n.network() != null
                    ? "network " + n.network()
                    : variant instanceof InterfaceSourceVariant.Bridge b && b.bridge() != null
                            ? "bridge " + b.bridge()
                            : variant instanceof InterfaceSourceVariant.Direct d && d.dev() != null
                                    ? "dev " + d.dev() + (d.mode() == null ? "" : " (" + d.mode() + ")")
                                    : null;
            if (source == null) {
                source = Networks.pciOf(nic).map(a -> "pci " + a.canonical()).orElse(null);
            }
            s.put("source", source);
        }
        s.put(
                "mac",
                nic.getMac() == null || nic.getMac().getAddress() == null
                        ? "(generated by libvirt)"
                        : nic.getMac().getAddress().text());
        s.put(
                "model",
                nic.getModel() == null
                        ? ("hostdev".equals(nic.getType()) ? "(VF driver)" : "(hypervisor default)")
                        : nic.getModel().getType());
        if (nic.getBoot() != null && nic.getBoot().getOrder() != null) {
            s.put("boot", nic.getBoot().getOrder().text());
        }
        return s;
    }

    private static String bootOrder(Domain d) {
        List<String> order = new ArrayList<>();
        if (d.getOs() != null) {
            for (OsBoot b : d.getOs().getBoot()) {
                order.add(b.getDev());
            }
        }
        if (!order.isEmpty() || d.getDevices() == null) {
            return order.isEmpty() ? "(hypervisor default)" : String.join(", ", order);
        }
        record Entry(long order, String name) {}
        List<Entry> entries = new ArrayList<>();
        for (Disk disk : d.getDevices().getDisk()) {
            if (disk.getBoot() != null
                    && disk.getBoot().getOrder() != null
                    && disk.getBoot().getOrder().value().isPresent()) {
                entries.add(new Entry(
                        disk.getBoot().getOrder().value().getAsLong(),
                        disk.getTarget() == null ? "disk" : disk.getTarget().getDev()));
            }
        }
        for (Interface nic : d.getDevices().getInterface()) {
            if (nic.getBoot() != null
                    && nic.getBoot().getOrder() != null
                    && nic.getBoot().getOrder().value().isPresent()) {
                entries.add(new Entry(
                        nic.getBoot().getOrder().value().getAsLong(),
                        "nic "
                                + (nic.getMac() == null || nic.getMac().getAddress() == null
                                        ? ""
                                        : nic.getMac().getAddress().text())));
            }
        }
        entries.sort(java.util.Comparator.comparingLong(Entry::order));
        return entries.isEmpty()
                ? "(hypervisor default)"
                : String.join(", ", entries.stream().map(Entry::name).toList());
    }

    static Summary pool(Pool p) {
        Summary s = new Summary()
                .put("kind", "pool")
                .put("name", text(p.getName()))
                .put("uuid", p.getUuid() == null ? null : p.getUuid().getText())
                .put("type", p.getType());
        PoolSource src = p.getSource();
        if (src != null) {
            src.getHost()
                    .forEach(h -> s.add(
                            "source hosts",
                            new Summary()
                                    .put("name", h.getName())
                                    .put(
                                            "port",
                                            h.getPort() == null
                                                    ? null
                                                    : h.getPort().text())));
            src.getDevice().forEach(dev -> s.add("source devices", new Summary().put("path", dev.getPath())));
            if (src.getDir() != null) {
                s.put("source dir", src.getDir().getPath());
            }
            if (!src.getName().isEmpty()) {
                s.put("source name", text(src.getName().get(0)));
            }
            if (src.getFormat() != null) {
                s.put("source format", src.getFormat().getType());
            }
            if (src.getInitiator() != null && src.getInitiator().getIqn() != null) {
                s.put("initiator", src.getInitiator().getIqn().getName());
            }
            if (src.getAdapter() != null) {
                s.put(
                        "adapter",
                        join(src.getAdapter().getType(), src.getAdapter().getName(), null));
            }
        }
        if (p.getTarget() != null) {
            s.put("target", text(p.getTarget().getPath()));
            if (p.getTarget().getPermissions() != null) {
                var perm = p.getTarget().getPermissions();
                s.put("permissions", permissions(text(perm.getMode()), text(perm.getOwner()), text(perm.getGroup())));
            }
        }
        s.put("capacity", p.getCapacity() == null ? null : size(p.getCapacity(), Unit.BYTES));
        return s;
    }

    static Summary volume(Volume v) {
        Summary s = new Summary()
                .put("kind", "volume")
                .put("name", text(v.getName()))
                .put("type", v.getType());
        s.put("capacity", size(v.getCapacity(), Unit.BYTES));
        s.put("allocation", v.getAllocation() == null ? null : size(v.getAllocation(), Unit.BYTES));
        if (v.getTarget() != null) {
            s.put("path", text(v.getTarget().getPath()));
            s.put(
                    "format",
                    v.getTarget().getFormat() == null
                            ? null
                            : v.getTarget().getFormat().getType());
            if (v.getTarget().getPermissions() != null) {
                var perm = v.getTarget().getPermissions();
                s.put("permissions", permissions(text(perm.getMode()), text(perm.getOwner()), text(perm.getGroup())));
            }
        }
        if (v.getBackingStore() != null) {
            s.put("backing store", text(v.getBackingStore().getPath()));
        }
        return s;
    }

    private static String permissions(String mode, String owner, String group) {
        return "mode " + (mode == null ? "(inherited)" : mode) + ", owner " + (owner == null ? "(inherited)" : owner)
                + ", group " + (group == null ? "(inherited)" : group);
    }

    private static String size(SizedElement e, Unit defaultUnit) {
        if (e == null || e.size() == null) {
            return null;
        }
        DataSize size = e.size();
        OptionalLong bytes = size.bytes(defaultUnit);
        if (bytes.isEmpty()) {
            return size.number() + size.unit().map(u -> " " + u).orElse("") + " (not a size libvirt reads)";
        }
        return Sizes.human(bytes.getAsLong());
    }

    private static String text(ModelElement e) {
        return e == null || e.getText() == null ? null : e.getText().trim();
    }

    private static String join(String a, String b, String c) {
        StringBuilder sb = new StringBuilder(a == null ? "" : a);
        for (String x : new String[] {b, c}) {
            if (x != null) {
                sb.append(sb.length() == 0 ? "" : " ").append(x);
            }
        }
        return sb.length() == 0 ? null : sb.toString();
    }
}
