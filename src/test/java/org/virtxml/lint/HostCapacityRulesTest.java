package org.virtxml.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.virtxml.lint.facts.CpusetFact;
import org.virtxml.lint.facts.GuestFacts;
import org.virtxml.lint.facts.Origin;
import org.virtxml.lint.host.HostProfile;
import org.virtxml.lint.host.Support;
import org.virtxml.model.Location;
import org.virtxml.model.Sizes;

class HostCapacityRulesTest {

    private static final long GIB = Sizes.GIB;

    private static HostProfile host(int cores, long ramGib, long swapGib) {
        return HostProfile.builder()
                .physicalCores(cores)
                .threads(cores * 2)
                .cpuCount(cores * 2)
                .memoryBytes(ramGib * GIB)
                .swapBytes(swapGib * GIB)
                .hardwareVirtualization(Support.PRESENT)
                .kvm(Support.PRESENT)
                .domainTypes(Set.of("kvm", "qemu"))
                .build();
    }

    private static GuestFacts guest(String file, long vcpus, long memoryGib) {
        return GuestFacts.builder(file, "domain")
                .name(file.replace(".xml", ""))
                .domainType("kvm")
                .at(Origin.of(new Location(1, 1), "/domain"))
                .vcpus(vcpus, Origin.of(new Location(5, 3), "/domain/vcpu"))
                .memoryBytes(memoryGib * GIB, Origin.of(new Location(4, 3), "/domain/memory"))
                .build();
    }

    private static List<Diagnostic> rule(List<Diagnostic> all, String id) {
        return all.stream().filter(d -> d.rule().equals(id)).toList();
    }

    @Test
    void vcpuExceedsHostCoresAboveCoresOnly() {
        HostProfile h = host(4, 64, 8);
        assertThat(rule(HostCapacityRules.check(h, List.of(guest("a.xml", 4, 1))), "vcpu-exceeds-host-cores"))
                .isEmpty();
        List<Diagnostic> d = rule(HostCapacityRules.check(h, List.of(guest("a.xml", 5, 1))), "vcpu-exceeds-host-cores");
        assertThat(d).singleElement().satisfies(x -> {
            assertThat(x.message()).isEqualTo("guest has 5 vCPUs, more than the host's 4 physical cores");
            assertThat(x.severity()).isEqualTo(Severity.WARNING);
            assertThat(x.file()).isEqualTo("a.xml");
            assertThat(x.line()).isEqualTo(5);
            assertThat(x.xpath()).isEqualTo("/domain/vcpu");
        });
    }

    @Test
    void vcpuOvercommitAboveTenPerCore() {
        HostProfile h = host(2, 64, 8);
        List<GuestFacts> at = List.of(
                guest("a.xml", 2, 1),
                guest("b.xml", 2, 1),
                guest("c.xml", 2, 1),
                guest("d.xml", 2, 1),
                guest("e.xml", 2, 1),
                guest("f.xml", 2, 1),
                guest("g.xml", 2, 1),
                guest("h.xml", 2, 1),
                guest("i.xml", 2, 1),
                guest("j.xml", 2, 1));
        assertThat(rule(HostCapacityRules.check(h, at), "vcpu-overcommit")).isEmpty();
        List<GuestFacts> over = new ArrayList<>(at);
        over.add(guest("k.xml", 1, 1));
        over.add(guest("l.xml", 2, 1));
        assertThat(rule(HostCapacityRules.check(h, over), "vcpu-overcommit"))
                .singleElement()
                .satisfies(x -> {
                    assertThat(x.file()).as("the guest that crosses the limit").isEqualTo("k.xml");
                    assertThat(x.message())
                            .isEqualTo("the 12 guests on the host have 23 vCPUs in all, more than 10 per"
                                    + " physical core (20 for the host's 2 cores)");
                });
    }

    @Test
    void alreadyDefinedGuestsCountUnlessReplaced() {
        HostProfile h = host(1, 64, 8);
        GuestFacts definedBig = GuestFacts.builder("qemu:///system", "domain")
                .name("old")
                .uuid("11111111-2222-3333-4444-555555555555")
                .vcpus(9)
                .memoryBytes(GIB)
                .build();
        GuestFacts doc = guest("a.xml", 1, 1);
        assertThat(rule(HostCapacityRules.check(h, List.of(doc), List.of(definedBig)), "vcpu-overcommit"))
                .isEmpty();
        GuestFacts doc2 = guest("b.xml", 1, 1);
        assertThat(rule(HostCapacityRules.check(h, List.of(doc, doc2), List.of(definedBig)), "vcpu-overcommit"))
                .singleElement()
                .satisfies(x -> {
                    assertThat(x.file()).isEqualTo("b.xml");
                    assertThat(x.message()).startsWith("the 3 guests on the host (1 already defined) have 11 vCPUs");
                });
        GuestFacts replacing = GuestFacts.builder("b.xml", "domain")
                .name("b")
                .uuid("11111111222233334444555555555555")
                .vcpus(1)
                .memoryBytes(GIB)
                .build();
        assertThat(rule(HostCapacityRules.check(h, List.of(doc, replacing), List.of(definedBig)), "vcpu-overcommit"))
                .as("b.xml replaces the defined guest with the same UUID")
                .isEmpty();
    }

    @Test
    void memoryExceedsHostRamPlusSwap() {
        HostProfile h = host(8, 16, 4);
        assertThat(rule(HostCapacityRules.check(h, List.of(guest("a.xml", 1, 20))), "memory-exceeds-host"))
                .isEmpty();
        assertThat(rule(HostCapacityRules.check(h, List.of(guest("a.xml", 1, 21))), "memory-exceeds-host"))
                .singleElement()
                .satisfies(x -> {
                    assertThat(x.severity()).isEqualTo(Severity.ERROR);
                    assertThat(x.line()).isEqualTo(4);
                    assertThat(x.message())
                            .isEqualTo("guest memory 21 GiB (22548578304 bytes) exceeds the host's"
                                    + " 16 GiB of RAM + 4 GiB of swap (20 GiB, 21474836480 bytes)");
                });
        HostProfile noSwapKnown = HostProfile.builder().memoryBytes(16 * GIB).build();
        assertThat(rule(HostCapacityRules.check(noSwapKnown, List.of(guest("a.xml", 1, 17))), "memory-exceeds-host"))
                .singleElement()
                .extracting(Diagnostic::message)
                .asString()
                .contains("swap not known");
    }

    @Test
    void memoryOvercommitAndSwapAtTheBoundaries() {
        // 32 GiB host: guests may have 28 GiB together (4 GiB for the host).
        HostProfile h = host(64, 32, 4);
        List<Diagnostic> at = HostCapacityRules.check(h, List.of(guest("a.xml", 1, 14), guest("b.xml", 1, 14)));
        assertThat(rule(at, "memory-overcommit")).isEmpty();
        assertThat(rule(at, "host-swap-insufficient")).isEmpty();

        List<Diagnostic> over = HostCapacityRules.check(h, List.of(guest("a.xml", 1, 14), guest("b.xml", 1, 15)));
        assertThat(rule(over, "memory-overcommit")).singleElement().satisfies(x -> {
            assertThat(x.file()).isEqualTo("b.xml");
            assertThat(x.message())
                    .isEqualTo(
                            "the 2 guests on the host have 29 GiB of memory; with 4 GiB for the"
                                    + " host that is 33 GiB (35433480192 bytes), more than the host's 32 GiB of RAM (34359738368 bytes)");
        });
        assertThat(rule(over, "host-swap-insufficient"))
                .as("4 GiB swap covers 1 GiB overcommit")
                .isEmpty();

        // 50 x 1 GiB guests on a 32 GiB host: the guide's example asks for 50 + 4 + 4 - 32 = 26 GiB of swap;
        // our rule: max(4 GiB, 50 + 4 - 32 = 22 GiB).
        List<GuestFacts> fifty = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            fifty.add(guest("g" + i + ".xml", 1, 1));
        }
        assertThat(rule(HostCapacityRules.check(host(64, 32, 22), fifty), "host-swap-insufficient"))
                .isEmpty();
        assertThat(rule(HostCapacityRules.check(host(64, 32, 21), fifty), "host-swap-insufficient"))
                .singleElement()
                .satisfies(x -> {
                    assertThat(x.file()).isEqualTo("g28.xml");
                    assertThat(x.message())
                            .isEqualTo("memory is overcommitted and the host has 21 GiB of swap"
                                    + " (22548578304 bytes); it needs at least 22 GiB (23622320128 bytes) = max(4 GiB,"
                                    + " guests 50 GiB + 4 GiB for the host - 32 GiB of RAM)");
                });
    }

    @Test
    void swapMinimumIsFourGibEvenForSmallOvercommit() {
        HostProfile h = host(64, 8, 3);
        List<Diagnostic> d = HostCapacityRules.check(h, List.of(guest("a.xml", 1, 5)));
        assertThat(rule(d, "memory-overcommit")).hasSize(1);
        assertThat(rule(d, "host-swap-insufficient"))
                .singleElement()
                .extracting(Diagnostic::message)
                .asString()
                .contains("it needs at least 4 GiB");
        assertThat(rule(
                        HostCapacityRules.check(host(64, 8, 4), List.of(guest("a.xml", 1, 5))),
                        "host-swap-insufficient"))
                .isEmpty();
    }

    @Test
    void kvmUnavailableForEachReason() {
        GuestFacts kvm = guest("a.xml", 1, 1);
        GuestFacts qemu = GuestFacts.builder("b.xml", "domain")
                .domainType("qemu")
                .vcpus(1)
                .build();
        HostProfile good = host(4, 16, 4);
        assertThat(rule(HostCapacityRules.check(good, List.of(kvm, qemu)), "kvm-unavailable"))
                .isEmpty();

        HostProfile flagsHiddenButKvmWorks = good.toBuilder()
                .hardwareVirtualization(Support.ABSENT)
                .domainTypes(Set.of())
                .build();
        assertThat(rule(HostCapacityRules.check(flagsHiddenButKvmWorks, List.of(kvm)), "kvm-unavailable"))
                .as("a usable /dev/kvm wins over missing CPU flags")
                .isEmpty();
        HostProfile noVmx = good.toBuilder()
                .hardwareVirtualization(Support.ABSENT)
                .kvm(Support.UNKNOWN)
                .domainTypes(Set.of())
                .build();
        assertThat(rule(HostCapacityRules.check(noVmx, List.of(kvm, qemu)), "kvm-unavailable"))
                .singleElement()
                .satisfies(x -> {
                    assertThat(x.file()).isEqualTo("a.xml");
                    assertThat(x.message()).contains("no VT-x/AMD-V");
                    assertThat(x.xpath()).isEqualTo("/domain");
                });
        HostProfile testOnly = good.toBuilder().domainTypes(Set.of("test")).build();
        assertThat(rule(HostCapacityRules.check(testOnly, List.of(kvm)), "kvm-unavailable"))
                .singleElement()
                .extracting(Diagnostic::message)
                .asString()
                .contains("offer domain types test but not kvm");
        HostProfile noDevice =
                good.toBuilder().kvm(Support.ABSENT).domainTypes(Set.of()).build();
        assertThat(rule(HostCapacityRules.check(noDevice, List.of(kvm)), "kvm-unavailable"))
                .singleElement()
                .extracting(Diagnostic::message)
                .asString()
                .contains("/dev/kvm");
        HostProfile unknown = HostProfile.builder().build();
        assertThat(HostCapacityRules.check(unknown, List.of(kvm)))
                .as("nothing known, nothing claimed")
                .isEmpty();
    }

    @Test
    void cpusetExceedsHostAtTheLastCpu() {
        HostProfile h = host(4, 16, 4); // 8 host CPUs: 0-7
        GuestFacts g = GuestFacts.builder("a.xml", "domain")
                .vcpus(1)
                .cpuset(new CpusetFact(
                        "<vcpu cpuset>", "0-7", 7, Origin.of(new Location(5, 9), "/domain/vcpu/@cpuset")))
                .cpuset(new CpusetFact(
                        "<vcpupin vcpu='0'>",
                        "2,8",
                        8,
                        Origin.of(new Location(8, 5), "/domain/cputune/vcpupin[1]/@cpuset")))
                .build();
        assertThat(rule(HostCapacityRules.check(h, List.of(g)), "cpuset-exceeds-host"))
                .singleElement()
                .satisfies(x -> {
                    assertThat(x.message())
                            .isEqualTo("<vcpupin vcpu='0'> '2,8' names host CPU 8, but the host has 8 CPUs (0-7)");
                    assertThat(x.line()).isEqualTo(8);
                    assertThat(x.column()).isEqualTo(5);
                    assertThat(x.severity()).isEqualTo(Severity.ERROR);
                });
    }

    @Test
    void onlyDomainsCountAndUnknownHostValuesDisableRules() {
        GuestFacts pool = GuestFacts.builder("p.xml", "pool")
                .vcpus(1000)
                .memoryBytes(1000 * GIB)
                .build();
        assertThat(HostCapacityRules.check(host(1, 1, 0), List.of(pool))).isEmpty();
        assertThat(HostCapacityRules.check(HostProfile.builder().build(), List.of(guest("a.xml", 1000, 1000))))
                .isEmpty();
    }

    @Test
    void vcpuOvercommitFiresExactlyWhenTheSumExceedsTenPerCore() {
        qt().forAll(
                        integers().between(1, 8),
                        lists().of(integers().between(0, 40)).ofSizeBetween(1, 12))
                .checkAssert((cores, vcpus) -> {
                    List<GuestFacts> guests = new ArrayList<>();
                    for (int i = 0; i < vcpus.size(); i++) {
                        guests.add(guest("g" + i + ".xml", vcpus.get(i), 0));
                    }
                    long sum = vcpus.stream().mapToLong(Integer::longValue).sum();
                    List<Diagnostic> d = rule(HostCapacityRules.check(host(cores, 64, 8), guests), "vcpu-overcommit");
                    assertThat(d).hasSize(sum > 10L * cores ? 1 : 0);
                    assertThat(rule(HostCapacityRules.check(host(cores, 64, 8), guests), "vcpu-exceeds-host-cores"))
                            .hasSize((int) vcpus.stream().filter(v -> v > cores).count());
                });
    }
}
