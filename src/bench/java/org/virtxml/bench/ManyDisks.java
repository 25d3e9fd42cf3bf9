package org.virtxml.bench;

/** A KVM domain with many disks, each with its own target and image: the input of the scaling benchmark. */
final class ManyDisks {
    private ManyDisks() {}

    static String domain(int disks) {
        StringBuilder sb = new StringBuilder(200 * disks + 1000);
        sb.append("<domain type='kvm'>\n")
                .append("  <name>many-disks-")
                .append(disks)
                .append("</name>\n")
                .append("  <uuid>")
                .append(String.format("%08x-0000-4000-8000-000000000001", disks))
                .append("</uuid>\n")
                .append("  <memory unit='GiB'>4</memory>\n")
                .append("  <vcpu placement='static'>2</vcpu>\n")
                .append("  <os>\n    <type arch='x86_64' machine='q35'>hvm</type>\n  </os>\n")
                .append("  <devices>\n")
                .append("    <emulator>/usr/bin/qemu-system-x86_64</emulator>\n");
        for (int i = 0; i < disks; i++) {
            sb.append("    <disk type='file' device='disk'>\n")
                    .append("      <driver name='qemu' type='qcow2'/>\n")
                    .append("      <source file='/var/lib/libvirt/images/disk-")
                    .append(i)
                    .append(".qcow2'/>\n")
                    .append("      <target dev='")
                    .append(target(i))
                    .append("' bus='virtio'/>\n")
                    .append("    </disk>\n");
        }
        sb.append("  </devices>\n</domain>\n");
        return sb.toString();
    }

    /** vda, vdb, ..., vdz, vdaa, ...: a distinct target for each disk. */
    static String target(int index) {
        StringBuilder letters = new StringBuilder();
        int n = index;
        do {
            letters.insert(0, (char) ('a' + n % 26));
            n = n / 26 - 1;
        } while (n >= 0);
        return "vd" + letters;
    }
}
