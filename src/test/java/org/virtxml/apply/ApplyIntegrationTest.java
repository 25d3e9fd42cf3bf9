package org.virtxml.apply;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtxml.connect.Connector;
import org.virtxml.connect.Connectors;
import org.virtxml.connect.remote.LibvirtDaemon;
import org.virtxml.lint.Diagnostic;

/** apply against the real daemon (needs -Dvirtxml.libvirt=true and libvirtd running: .ci/libvirt-up.sh). */
class ApplyIntegrationTest {

    @Test
    void onTheTestDriverAKvmGuestIsRefusedAndATestGuestIsDefinedOnce(@TempDir Path dir) throws Exception {
        LibvirtDaemon.require();
        Path kvm = Files.writeString(
                dir.resolve("kvm.xml"),
                ApplierTest.domain("virtxml-kvm", "7d1e2f3a-4b5c-4d6e-8f7a-9b0c1d2e3f4a", "256", ""));
        Path test = Files.writeString(dir.resolve("test.xml"), """
                <domain type='test'>
                  <name>virtxml-apply-test</name>
                  <uuid>7d1e2f3a-4b5c-4d6e-8f7a-9b0c1d2e3f4b</uuid>
                  <memory unit='MiB'>256</memory>
                  <vcpu>1</vcpu>
                  <os><type arch='x86_64'>hvm</type></os>
                </domain>
                """);
        try (Connector c = Connectors.open("test:///default")) {
            ApplyReport refused = Applier.to(c).apply(List.of(kvm));
            assertThat(refused.refused()).isTrue();
            assertThat(refused.lint().errors()).extracting(Diagnostic::rule).contains("kvm-unavailable");
            assertThat(c.findDomain("virtxml-kvm")).isEmpty();

            ApplyReport first = Applier.to(c).apply(List.of(test));
            assertThat(first.refused()).as(first.reason()).isFalse();
            assertThat(first.outcomes()).singleElement().satisfies(o -> {
                assertThat(o.action()).isEqualTo(ApplyOutcome.Action.DEFINED);
                assertThat(o.stored()).as("libvirt's defaults are reported").isNotEmpty();
            });
            ApplyReport second = Applier.to(c).apply(List.of(test));
            assertThat(second.outcomes())
                    .singleElement()
                    .satisfies(o -> assertThat(o.action()).isEqualTo(ApplyOutcome.Action.UNCHANGED));
            c.undefineDomain("virtxml-apply-test");
        }
    }

    @Test
    void onQemuSystemTheSecondApplyOfTheSameFileIsANoOp(@TempDir Path dir) throws Exception {
        LibvirtDaemon.require();
        Path vm = Files.writeString(dir.resolve("vm.xml"), """
                <domain type='qemu'>
                  <name>virtxml-apply-qemu</name>
                  <uuid>6f1c2f52-8a7e-4b53-9d0e-2a4f8a1c9b32</uuid>
                  <memory unit='MiB'>128</memory>
                  <vcpu>1</vcpu>
                  <os><type arch='x86_64' machine='pc'>hvm</type></os>
                  <devices><emulator>/usr/bin/qemu-system-x86_64</emulator></devices>
                </domain>
                """);
        try (Connector c = Connectors.open("qemu:///system")) {
            c.findDomain("virtxml-apply-qemu").ifPresent(d -> c.undefineDomain(d.name()));
            try {
                ApplyReport first = Applier.to(c).apply(List.of(vm));
                assertThat(first.refused()).as(first.reason()).isFalse();
                assertThat(first.outcomes().get(0).action()).isEqualTo(ApplyOutcome.Action.DEFINED);
                assertThat(first.outcomes().get(0).stored())
                        .extracting(d -> d.path())
                        .contains("/domain/os/type/@machine");
                ApplyReport second = Applier.to(c).apply(List.of(vm));
                assertThat(second.outcomes().get(0).action()).isEqualTo(ApplyOutcome.Action.UNCHANGED);
            } finally {
                c.findDomain("virtxml-apply-qemu").ifPresent(d -> c.undefineDomain(d.name()));
            }
        }
    }

    @Test
    void onQemuSystemADocumentWithoutUuidIsAppliedTwiceKeepingTheHostsUuid(@TempDir Path dir) throws Exception {
        LibvirtDaemon.require();
        Path vm = Files.writeString(dir.resolve("vm.xml"), """
                <domain type='qemu'>
                  <name>virtxml-apply-nouuid</name>
                  <memory unit='MiB'>128</memory>
                  <vcpu>1</vcpu>
                  <os><type arch='x86_64' machine='pc'>hvm</type></os>
                </domain>
                """);
        try (Connector c = Connectors.open("qemu:///system")) {
            c.findDomain("virtxml-apply-nouuid").ifPresent(d -> c.undefineDomain(d.name()));
            try {
                ApplyReport first = Applier.to(c).apply(List.of(vm));
                assertThat(first.refused()).as(first.reason()).isFalse();
                java.util.UUID assigned = c.lookupDomain("virtxml-apply-nouuid").uuid();
                ApplyReport second = Applier.to(c).apply(List.of(vm));
                assertThat(second.refused()).as(second.reason()).isFalse();
                assertThat(second.outcomes()).singleElement().satisfies(o -> {
                    assertThat(o.action()).isEqualTo(ApplyOutcome.Action.UNCHANGED);
                    assertThat(o.notes()).anySatisfy(n -> assertThat(n).contains(assigned.toString()));
                });
                assertThat(c.lookupDomain("virtxml-apply-nouuid").uuid()).isEqualTo(assigned);
            } finally {
                c.findDomain("virtxml-apply-nouuid").ifPresent(d -> c.undefineDomain(d.name()));
            }
        }
    }
}
