package org.virtxml.lint.checks;

import java.util.ArrayList;
import java.util.List;

/** Every class-level rule of the linter, in catalogue order of sections. */
public final class AllChecks {

    private AllChecks() {}

    public static List<RuleCheck<?>> entries() {
        List<RuleCheck<?>> all = new ArrayList<>();
        all.addAll(IdentityChecks.entries());
        all.addAll(MemoryChecks.entries());
        all.addAll(BootChecks.entries());
        all.addAll(VcpuChecks.entries());
        all.addAll(DiskChecks.entries());
        all.addAll(NetworkChecks.entries());
        all.addAll(ClockChecks.entries());
        all.addAll(StorageChecks.entries());
        all.addAll(VirtualNetworkChecks.entries());
        all.addAll(SecretChecks.entries());
        all.addAll(SnapshotChecks.entries());
        all.addAll(PciChecks.entries());
        all.addAll(UsbChecks.entries());
        all.addAll(ChardevChecks.entries());
        all.addAll(NumaChecks.entries());
        all.addAll(CputuneChecks.entries());
        all.addAll(HostdevChecks.entries());
        all.addAll(DiskSemanticsChecks.entries());
        all.addAll(FirmwareChecks.entries());
        all.addAll(DeviceChecks.entries());
        all.addAll(MiscDeviceChecks.entries());
        return List.copyOf(all);
    }

    /** Accepted values of enumerated attributes, for the field constraints. */
    public static final class Values {
        public static final List<String> DISK_FORMATS =
                DiskChecks.DISK_FORMATS.stream().sorted().toList();
        public static final List<String> POOL_TYPES =
                StorageChecks.POOL_TYPES.stream().sorted().toList();

        private Values() {}
    }
}
