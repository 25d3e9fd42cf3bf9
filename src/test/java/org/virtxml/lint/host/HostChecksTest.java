package org.virtxml.lint.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.virtxml.lint.host.HostCheck.Status.FAIL;
import static org.virtxml.lint.host.HostCheck.Status.PASS;
import static org.virtxml.lint.host.HostCheck.Status.WARN;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.virtxml.model.Sizes;

class HostChecksTest {

    private static HostCheck named(List<HostCheck> checks, String name) {
        return checks.stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " in " + checks));
    }

    private static HostProfile good() {
        return HostProfile.builder()
                .physicalCores(8)
                .threads(16)
                .memoryBytes(32 * Sizes.GIB)
                .swapBytes(8 * Sizes.GIB)
                .hardwareVirtualization(Support.PRESENT)
                .kvm(Support.PRESENT)
                .build();
    }

    @Test
    void healthyMachinePassesEverything() {
        FakeHostEnvironment env = new FakeHostEnvironment()
                .device("/dev/kvm", true)
                .device("/dev/vhost-net", true)
                .device("/dev/net/tun", true);
        List<HostCheck> checks = HostChecks.forMachine(good(), env);
        assertThat(checks)
                .extracting(HostCheck::name)
                .containsExactly(
                        "hardware virtualization",
                        "/dev/kvm exists",
                        "/dev/kvm accessible",
                        "/dev/vhost-net exists",
                        "/dev/net/tun exists",
                        "host memory",
                        "host swap",
                        "physical cores");
        assertThat(checks).allSatisfy(c -> {
            assertThat(c.status()).isEqualTo(PASS);
            assertThat(c.hint()).isEmpty();
        });
        assertThat(HostChecks.anyFailed(checks)).isFalse();
        assertThat(named(checks, "host memory").detail())
                .isEqualTo("32 GiB of RAM: 28 GiB for guests after 4 GiB for the host");
        assertThat(named(checks, "physical cores").detail())
                .isEqualTo("8 cores: at most 8 vCPUs per guest and 80 vCPUs in all (10 per core)");
    }

    @Test
    void missingDevicesFailOrWarnWithVirtHostValidateHints() {
        HostProfile noVirt = good().toBuilder()
                .hardwareVirtualization(Support.ABSENT)
                .kvm(Support.ABSENT)
                .build();
        List<HostCheck> checks = HostChecks.forMachine(noVirt, new FakeHostEnvironment());
        assertThat(named(checks, "hardware virtualization").status()).isEqualTo(FAIL);
        assertThat(named(checks, "hardware virtualization").hint()).startsWith("Host not compatible with KVM");
        assertThat(named(checks, "/dev/kvm exists").status()).isEqualTo(FAIL);
        assertThat(named(checks, "/dev/kvm exists").hint()).contains("'kvm-intel' or 'kvm-amd'");
        assertThat(checks).extracting(HostCheck::name).doesNotContain("/dev/kvm accessible");
        assertThat(named(checks, "/dev/vhost-net exists").status()).isEqualTo(WARN);
        assertThat(named(checks, "/dev/vhost-net exists").hint()).contains("vhost_net");
        assertThat(named(checks, "/dev/net/tun exists").status()).isEqualTo(FAIL);
        assertThat(named(checks, "/dev/net/tun exists").hint()).contains("'tun' module");
        assertThat(HostChecks.anyFailed(checks)).isTrue();
    }

    @Test
    void missingFlagsWithUsableKvmOnlyWarn() {
        HostProfile nested =
                good().toBuilder().hardwareVirtualization(Support.ABSENT).build();
        HostCheck c = named(HostChecks.forProfile(nested), "hardware virtualization");
        assertThat(c.status()).isEqualTo(WARN);
        assertThat(c.detail()).isEqualTo("no vmx or svm CPU flag, but KVM is usable");
    }

    @Test
    void inaccessibleKvmFails() {
        List<HostCheck> checks = HostChecks.forMachine(
                good(),
                new FakeHostEnvironment()
                        .device("/dev/kvm", false)
                        .device("/dev/vhost-net", true)
                        .device("/dev/net/tun", true));
        assertThat(named(checks, "/dev/kvm exists").status()).isEqualTo(PASS);
        assertThat(named(checks, "/dev/kvm accessible").status()).isEqualTo(FAIL);
        assertThat(named(checks, "/dev/kvm accessible").hint()).contains("world writable");
    }

    @Test
    void memoryAndSwapAtTheFourGibBoundary() {
        HostProfile at = good().toBuilder()
                .memoryBytes(4 * Sizes.GIB)
                .swapBytes(4 * Sizes.GIB)
                .build();
        List<HostCheck> checks = HostChecks.forProfile(at);
        assertThat(named(checks, "host memory").status()).isEqualTo(WARN);
        assertThat(named(checks, "host memory").detail()).contains("4 GiB of RAM");
        assertThat(named(checks, "host swap").status()).isEqualTo(PASS);

        HostProfile just = good().toBuilder()
                .memoryBytes(4 * Sizes.GIB + 1)
                .swapBytes(4 * Sizes.GIB - 1)
                .build();
        checks = HostChecks.forProfile(just);
        assertThat(named(checks, "host memory").status()).isEqualTo(PASS);
        assertThat(named(checks, "host swap").status()).isEqualTo(WARN);
        assertThat(named(checks, "host swap").detail()).isEqualTo("3.99 GiB of swap, less than 4 GiB");
    }

    @Test
    void unknownValuesWarn() {
        List<HostCheck> checks = HostChecks.forProfile(HostProfile.builder().build());
        assertThat(checks).extracting(HostCheck::status).containsOnly(WARN);
        assertThat(checks).allSatisfy(c -> assertThat(c.hint()).isNotBlank());
    }

    @Test
    void singleCoreWarns() {
        List<HostCheck> checks =
                HostChecks.forProfile(good().toBuilder().physicalCores(1).build());
        assertThat(named(checks, "physical cores").status()).isEqualTo(WARN);
        checks = HostChecks.forProfile(good().toBuilder().physicalCores(2).build());
        assertThat(named(checks, "physical cores").status()).isEqualTo(PASS);
    }

    @Test
    void profileWithoutKvmDomainTypeFails() {
        HostProfile testOnly = HostProfile.builder()
                .domainTypes(Set.of("test"))
                .kvm(Support.ABSENT)
                .build();
        List<HostCheck> checks = HostChecks.forProfile(testOnly);
        assertThat(named(checks, "KVM domain type offered").status()).isEqualTo(FAIL);
        assertThat(named(checks, "KVM domain type offered").detail()).contains("test");
        assertThat(HostChecks.anyFailed(checks)).isTrue();
        assertThat(checks).extracting(HostCheck::name).doesNotContain("/dev/kvm exists");
    }

    @Test
    void sizes() {
        assertThat(Sizes.human(0)).isEqualTo("0 bytes");
        assertThat(Sizes.human(1)).isEqualTo("1 byte");
        assertThat(Sizes.human(1023)).isEqualTo("1023 bytes");
        assertThat(Sizes.human(1024)).isEqualTo("1 KiB");
        assertThat(Sizes.human(1536 * Sizes.MIB)).isEqualTo("1.5 GiB");
        assertThat(Sizes.human(4 * Sizes.GIB - 1)).isEqualTo("3.99 GiB");
        assertThat(Sizes.human(3 * Sizes.TIB)).isEqualTo("3 TiB");
    }
}
