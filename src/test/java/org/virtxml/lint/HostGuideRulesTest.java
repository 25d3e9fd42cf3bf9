package org.virtxml.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtxml.lint.facts.CpusetFact;
import org.virtxml.lint.facts.GuestFacts;
import org.virtxml.lint.facts.Origin;
import org.virtxml.lint.host.HostEnvironment;
import org.virtxml.lint.host.HostProfile;
import org.virtxml.lint.host.Support;
import org.virtxml.model.Location;
import org.virtxml.model.Sizes;

/** Issue 12: the host checks of the KVM guide's chapters 1 and 6 that lint lacked. */
class HostGuideRulesTest {
    @TempDir
    Path root;

    private static List<Diagnostic> rule(List<Diagnostic> all, String id) {
        return all.stream().filter(d -> d.rule().equals(id)).toList();
    }

    private static GuestFacts guest(long memoryGib) {
        return GuestFacts.builder("g.xml", "domain")
                .name("g")
                .domainType("kvm")
                .at(Origin.of(new Location(1, 1), "/domain"))
                .vcpus(1)
                .memoryBytes(memoryGib * Sizes.GIB, Origin.of(new Location(4, 3), "/domain/memory"))
                .cpuset(new CpusetFact(
                        "<vcpupin vcpu='0'>",
                        "63",
                        63,
                        Origin.of(new Location(8, 5), "/domain/cputune/vcpupin[1]/@cpuset")))
                .build();
    }

    @Test
    void withOnlyTheCoreCountACpusetIsCheckedAtTwoThreadsPerCore() {
        HostProfile twoCores = HostProfile.builder().physicalCores(2).build();
        assertThat(rule(HostCapacityRules.check(twoCores, List.of(guest(1))), "cpuset-exceeds-host"))
                .singleElement()
                .extracting(Diagnostic::message)
                .isEqualTo("<vcpupin vcpu='0'> '63' names host CPU 63, but the host has"
                        + " 2 cores, so at most 4 CPUs (0-3, assuming at most 2 threads per core)");
        HostProfile manyCores = HostProfile.builder().physicalCores(32).build();
        assertThat(rule(HostCapacityRules.check(manyCores, List.of(guest(1))), "cpuset-exceeds-host"))
                .as("CPU 63 exists with 32 cores of 2 threads")
                .isEmpty();
    }

    @Test
    void theSwapFloorIsCheckedWheneverSwapIsKnown() {
        HostProfile smallSwap = HostProfile.builder().swapBytes(2 * Sizes.GIB).build();
        assertThat(rule(HostCapacityRules.check(smallSwap, List.of(guest(1))), "host-swap-insufficient"))
                .singleElement()
                .extracting(Diagnostic::message)
                .isEqualTo("the host has 2 GiB of swap (2147483648 bytes); the KVM guide"
                        + " asks for at least 4 GiB whatever the guests");
        HostProfile roomy = HostProfile.builder()
                .memoryBytes(64 * Sizes.GIB)
                .swapBytes(2 * Sizes.GIB)
                .build();
        assertThat(rule(HostCapacityRules.check(roomy, List.of(guest(1))), "host-swap-insufficient"))
                .as("not overcommitted, still below the floor")
                .hasSize(1);
        HostProfile enough = HostProfile.builder()
                .memoryBytes(64 * Sizes.GIB)
                .swapBytes(4 * Sizes.GIB)
                .build();
        assertThat(rule(HostCapacityRules.check(enough, List.of(guest(1))), "host-swap-insufficient"))
                .isEmpty();
        HostProfile overcommitted = HostProfile.builder()
                .memoryBytes(8 * Sizes.GIB)
                .swapBytes(2 * Sizes.GIB)
                .build();
        assertThat(rule(HostCapacityRules.check(overcommitted, List.of(guest(16))), "host-swap-insufficient"))
                .as("one finding, the overcommit's")
                .singleElement()
                .extracting(Diagnostic::message)
                .asString()
                .startsWith("memory is overcommitted");
    }

    @Test
    void theLocalHostsIommuAndArchitectureFromAnInjectedRoot() throws Exception {
        Files.createDirectories(root.resolve("sys/kernel"));
        HostProfile none = HostProfile.local(HostEnvironment.rootedAt(root, "aarch64"));
        assertThat(none.iommu()).as("iommu_groups missing").isEqualTo(Support.ABSENT);
        assertThat(none.arch()).contains("aarch64");

        Files.createDirectories(root.resolve("sys/kernel/iommu_groups"));
        assertThat(HostProfile.local(HostEnvironment.rootedAt(root, null)).iommu())
                .as("empty")
                .isEqualTo(Support.ABSENT);

        Files.createDirectories(root.resolve("sys/kernel/iommu_groups/0/devices"));
        HostProfile groups = HostProfile.local(HostEnvironment.rootedAt(root, "x86_64"));
        assertThat(groups.iommu()).isEqualTo(Support.PRESENT);
        assertThat(groups.arch()).contains("x86_64");

        Path bare = Files.createDirectories(root.resolve("elsewhere"));
        assertThat(HostProfile.local(HostEnvironment.rootedAt(bare, null)).iommu())
                .as("no /sys at all: unknown")
                .isEqualTo(Support.UNKNOWN);
    }

    @Test
    void capabilitiesNameTheArchitecture() throws Exception {
        HostProfile p = HostProfile.fromCapabilitiesXml("<capabilities><host><uuid>6f8b3c2a-1d4e-4f5a-9b6c-7d8e9f0a1b2c"
                + "</uuid><cpu><arch>aarch64</arch></cpu></host></capabilities>");
        assertThat(p.arch()).contains("aarch64");
    }
}
