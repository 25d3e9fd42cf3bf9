package org.virtxml.edit.storage;

import org.virtxml.model.IntegerLeaf;
import org.virtxml.model.Leaf;
import org.virtxml.model.volume.Allocation;
import org.virtxml.model.volume.Capacity;
import org.virtxml.model.volume.TargetFormat;
import org.virtxml.model.volume.TargetPermissions;
import org.virtxml.model.volume.Volume;
import org.virtxml.model.volume.VolumeTarget;

/** Builds storage volume definitions. */
public final class Volumes {
    private Volumes() {}

    /** The volume; sizes are written as given (number and unit), a qcow2 volume with compat 1.1. */
    public static Volume build(VolumeSpec spec) {
        Volume v = new Volume();
        v.setType("file");
        v.setName(Leaf.of(spec.name()));
        Capacity c = new Capacity();
        c.setSize(spec.capacity());
        v.setCapacity(c);
        if (spec.allocation() != null) {
            Allocation a = new Allocation();
            a.setSize(spec.allocation());
            v.setAllocation(a);
        }
        if (spec.format() != null || spec.permissions() != null) {
            VolumeTarget t = new VolumeTarget();
            if (spec.format() != null) {
                TargetFormat f = new TargetFormat();
                f.setType(spec.format());
                t.setFormat(f);
                if (spec.format().equals("qcow2")) {
                    t.setCompat(Leaf.of("1.1"));
                }
            }
            if (spec.permissions() != null) {
                Permissions p = spec.permissions();
                TargetPermissions tp = new TargetPermissions();
                if (p.mode() != null) {
                    IntegerLeaf mode = new IntegerLeaf();
                    mode.setText(p.mode());
                    tp.setMode(mode);
                }
                if (p.owner() != null) {
                    tp.setOwner(Leaf.of(p.owner().toString()));
                }
                if (p.group() != null) {
                    tp.setGroup(Leaf.of(p.group().toString()));
                }
                if (p.label() != null) {
                    tp.setLabel(Leaf.of(p.label()));
                }
                t.setPermissions(tp);
            }
            v.setTarget(t);
        }
        return v;
    }
}
