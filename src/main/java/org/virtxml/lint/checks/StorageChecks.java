package org.virtxml.lint.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import org.virtxml.model.IntegerLeaf;
import org.virtxml.model.Leaf;
import org.virtxml.model.ModelElement;
import org.virtxml.model.Unit;
import org.virtxml.model.pool.Pool;
import org.virtxml.model.pool.PoolSource;
import org.virtxml.model.volume.TargetFormat;
import org.virtxml.model.volume.Volume;

/** Storage pool and volume rules (rules.md "Storage"). */
final class StorageChecks {

    static final Set<String> POOL_TYPES = Set.of(
            "dir",
            "fs",
            "netfs",
            "logical",
            "disk",
            "iscsi",
            "iscsi-direct",
            "scsi",
            "mpath",
            "rbd",
            "sheepdog",
            "gluster",
            "zfs",
            "vstorage");
    /** Pool types whose {@code <target><path>} libvirt requires. */
    static final Set<String> TARGET_PATH_TYPES =
            Set.of("dir", "fs", "netfs", "disk", "iscsi", "scsi", "mpath", "vstorage");
    /** Volume target formats of every pool type (file formats and disk partition types). */
    static final Set<String> VOLUME_FORMATS = Set.of(
            "raw",
            "dir",
            "bochs",
            "cloop",
            "dmg",
            "iso",
            "vpc",
            "vdi",
            "fat",
            "vhd",
            "ploop",
            "cow",
            "qcow",
            "qcow2",
            "qed",
            "vmdk",
            "none",
            "linux",
            "fat16",
            "fat32",
            "linux-swap",
            "linux-lvm",
            "linux-raid",
            "extended");

    private StorageChecks() {}

    static List<RuleCheck<?>> entries() {
        return List.of(
                RuleCheck.of("pool-source-missing", Pool.class, StorageChecks::poolSource),
                RuleCheck.of("pool-target-missing", Pool.class, StorageChecks::poolTarget),
                RuleCheck.of("output-only", Pool.class, StorageChecks::poolOutputOnly),
                RuleCheck.of("output-only", Volume.class, StorageChecks::volumeOutputOnly),
                RuleCheck.of("volume-capacity-missing", Volume.class, StorageChecks::capacityMissing),
                RuleCheck.of("volume-allocation-exceeds-capacity", Volume.class, StorageChecks::allocationExceeds),
                RuleCheck.of("volume-format-invalid", TargetFormat.class, StorageChecks::volumeFormat),
                RuleCheck.of(
                        "permissions-invalid",
                        org.virtxml.model.pool.TargetPermissions.class,
                        (p, out) -> permissions(p.getMode(), p.getOwner(), p.getGroup(), out)),
                RuleCheck.of(
                        "permissions-invalid",
                        org.virtxml.model.volume.TargetPermissions.class,
                        (p, out) -> permissions(p.getMode(), p.getOwner(), p.getGroup(), out)));
    }

    private static void poolSource(Pool p, Consumer<Finding> out) {
        String type = p.getType();
        if (type == null || !POOL_TYPES.contains(type)) {
            return;
        }
        PoolSource s = p.getSource();
        boolean host = s != null && Model.list(s.getHost()).stream().anyMatch(h -> h.getName() != null);
        boolean device = s != null && Model.list(s.getDevice()).stream().anyMatch(d -> d.getPath() != null);
        boolean dir = s != null && s.getDir() != null && s.getDir().getPath() != null;
        boolean name = s != null && Model.list(s.getName()).stream().anyMatch(n -> !Model.blank(n));
        boolean adapter = s != null && s.getAdapter() != null;
        boolean iqn = s != null
                && s.getInitiator() != null
                && s.getInitiator().getIqn() != null
                && s.getInitiator().getIqn().getName() != null;
        List<String> missing = new ArrayList<>();
        switch (type) {
            case "fs", "disk" -> require(device, "<device path>", missing);
            case "netfs" -> {
                require(host, "<host name>", missing);
                require(dir, "<dir path>", missing);
            }
            case "iscsi" -> {
                require(host, "<host name>", missing);
                require(device, "<device path> (the target IQN)", missing);
            }
            case "iscsi-direct" -> {
                require(host, "<host name>", missing);
                require(iqn, "<initiator><iqn name>", missing);
            }
            case "scsi" -> require(adapter, "<adapter>", missing);
            case "rbd" -> {
                require(host, "<host name>", missing);
                require(name, "<name>", missing);
            }
            case "sheepdog", "gluster" -> require(host, "<host name>", missing);
            default -> {}
        }
        if (!missing.isEmpty()) {
            ModelElement at = s == null ? p : s;
            out.accept(Finding.at(
                    at,
                    "a " + type + " pool needs " + String.join(" and ", missing) + " in <source>"
                            + (s == null ? ", and the pool has no <source>" : "")));
        }
    }

    private static void require(boolean present, String what, List<String> missing) {
        if (!present) {
            missing.add(what);
        }
    }

    private static void poolTarget(Pool p, Consumer<Finding> out) {
        if (p.getType() == null || !TARGET_PATH_TYPES.contains(p.getType())) {
            return;
        }
        if (p.getTarget() == null || Model.blank(p.getTarget().getPath())) {
            out.accept(Finding.at(
                    p.getTarget() == null ? p : p.getTarget(),
                    "missing storage pool target path: a " + p.getType() + " pool needs <target><path>"));
        }
    }

    private static void poolOutputOnly(Pool p, Consumer<Finding> out) {
        for (ModelElement e : new ModelElement[] {p.getAllocation(), p.getCapacity(), p.getAvailable()}) {
            if (e != null) {
                String name = e.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
                out.accept(Finding.at(e, "<" + name + "> is computed by libvirt and ignored on input"));
            }
        }
    }

    private static void volumeOutputOnly(Volume v, Consumer<Finding> out) {
        if (v.getKey() != null) {
            out.accept(Finding.at(v.getKey(), "<key> is assigned by the storage driver and ignored on input"));
        }
    }

    private static void capacityMissing(Volume v, Consumer<Finding> out) {
        if (v.getCapacity() == null || v.getCapacity().size() == null) {
            out.accept(Finding.at(v.getCapacity() == null ? v : v.getCapacity(), "missing capacity element"));
        }
    }

    private static void allocationExceeds(Volume v, Consumer<Finding> out) {
        OptionalLong cap = Model.bytes(v.getCapacity(), Unit.BYTES);
        OptionalLong alloc = Model.bytes(v.getAllocation(), Unit.BYTES);
        if (cap.isPresent() && alloc.isPresent() && alloc.getAsLong() > cap.getAsLong()) {
            out.accept(Finding.at(
                    v.getAllocation(),
                    "allocation (" + alloc.getAsLong() + " bytes) exceeds capacity (" + cap.getAsLong() + " bytes)"));
        }
    }

    private static void volumeFormat(TargetFormat f, Consumer<Finding> out) {
        if (f.getType() != null && !VOLUME_FORMATS.contains(f.getType())) {
            out.accept(Finding.at(f, "type", "unknown volume format type " + f.getType()));
        }
    }

    private static void permissions(IntegerLeaf mode, Leaf owner, Leaf group, Consumer<Finding> out) {
        String m = Model.text(mode);
        if (m != null && !validMode(m)) {
            out.accept(Finding.at(mode, "malformed octal mode '" + m + "' (octal, at most 0777)"));
        }
        String o = Model.text(owner);
        if (o != null && !validId(o)) {
            out.accept(Finding.at(owner, "malformed owner element '" + o + "' (a numeric uid, or -1)"));
        }
        String g = Model.text(group);
        if (g != null && !validId(g)) {
            out.accept(Finding.at(group, "malformed group element '" + g + "' (a numeric gid, or -1)"));
        }
    }

    /** virStrToLong_i(.., 8, ..) then (mode &amp; ~0777) == 0. */
    static boolean validMode(String s) {
        String t = s.stripLeading();
        if (t.startsWith("+")) {
            t = t.substring(1);
        }
        if (t.isEmpty() || !t.matches("[0-7]+") || t.length() > 11) {
            return false;
        }
        return Long.parseLong(t, 8) <= 0777;
    }

    /** XPath number() of the text, fitting a uid_t/gid_t, or -1. */
    static boolean validId(String s) {
        String t = s.strip();
        if (t.equals("-1")) {
            return true;
        }
        if (!t.matches("\\d+(\\.0*)?")) {
            return false;
        }
        String digits = t.contains(".") ? t.substring(0, t.indexOf('.')) : t;
        return digits.length() <= 10 && Long.parseLong(digits) <= 0xFFFF_FFFFL;
    }
}
