package org.virtxml.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.virtxml.lint.RuleCasesTest.Case;

/** The rules of docs/rules-kinds.md: each fires on a document of its own and not on the corrected one. */
class KindRuleCasesTest {

    /** A network named n1 on virbr1 with {@code body} inside. */
    static String network(String body) {
        return "<network>\n  <name>n1</name>\n  <uuid>3e3fce45-4f53-4fa7-bb32-11f34168b82b</uuid>\n" + body
                + "\n</network>\n";
    }

    static final String NAT = "<forward mode='nat'/><bridge name='virbr1'/>";
    static final String IP = "<ip address='192.168.100.1' netmask='255.255.255.0'>"
            + "<dhcp><range start='192.168.100.2' end='192.168.100.254'/></dhcp></ip>";

    /** An IPv6 network with a DHCPv6 range, as libvirt's networkxml2xmlin/nat-network.xml has it. */
    static final String IP6 = "<ip family='ipv6' address='2001:db8:ca2:2::1' prefix='64'>"
            + "<dhcp><range start='2001:db8:ca2:2:1::10' end='2001:db8:ca2:2:1::ff'/></dhcp></ip>";

    static String secret(String usage) {
        return "<secret ephemeral='no' private='yes'><uuid>8a3d5f2e-4c1b-4e6a-9d7f-2b1c0e9a8f63</uuid>" + usage
                + "</secret>";
    }

    static String snapshot(String disks) {
        return "<domainsnapshot><name>s1</name><disks>" + disks + "</disks>"
                + RuleCasesTest.domain(
                                "",
                                "<boot dev='hd'/>",
                                "<disk type='file' device='disk'>"
                                        + "<source file='/var/lib/libvirt/images/a.qcow2'/><target dev='vda' bus='virtio'/></disk>")
                        .replace("\n", "")
                + "</domainsnapshot>";
    }

    static Stream<Case> cases() {
        String hostdev = "<forward mode='hostdev' managed='yes'>%s</forward>";
        String vf = "<address type='pci' domain='0x0000' bus='0x03' slot='0x10' function='0x%s'/>";
        return Stream.of(
                new Case(
                        "network-dns-disabled-extra",
                        network(NAT + "<dns enable='no'><txt name='a' value='b'/></dns>" + IP),
                        network(NAT + "<dns enable='no'/>" + IP)),
                new Case("network-forward-ip-missing", network(NAT), network(NAT + IP)),
                new Case(
                        "network-forward-dev-invalid",
                        network("<forward mode='open' dev='eth0'/>" + IP),
                        network("<forward mode='open'/>" + IP)),
                new Case(
                        "network-bridge-not-allowed",
                        network("<forward mode='passthrough'><interface dev='eth1'/>"
                                + "</forward><bridge name='br9'/>"),
                        network("<forward mode='passthrough'>" + "<interface dev='eth1'/></forward>")),
                new Case(
                        "network-hostdev-pool-missing",
                        network(String.format(hostdev, "")),
                        network(String.format(hostdev, "<pf dev='enp3s0f0'/>"))),
                new Case(
                        "network-hostdev-duplicate",
                        network(String.format(hostdev, String.format(vf, "1") + String.format(vf, "1"))),
                        network(String.format(hostdev, String.format(vf, "1") + String.format(vf, "2")))),
                new Case(
                        "network-dhcp-range-outside",
                        network(NAT + IP.replace("192.168.100.254", "192.168.101.9")),
                        network(NAT + IP)),
                new Case(
                        "network-dhcp-range-outside",
                        network(NAT + IP + IP6.replace("2:1::ff'", "3:1::ff'")),
                        network(NAT + IP + IP6)),
                new Case(
                        "network-dhcp-range-outside",
                        network(NAT + IP + IP6.replace("2001:db8:ca2:2:1::10'", "192.168.100.7'")),
                        network(NAT + IP + IP6)),
                new Case(
                        "ip-address-invalid",
                        network(NAT + IP.replace("end='192.168.100.254'", "end='192.168.100.256'")),
                        network(NAT + IP)),
                new Case(
                        "ip-address-invalid",
                        network(NAT + IP + IP6.replace("2001:db8:ca2:2::1'", "2001:db8:ca2:2:::1'")),
                        network(NAT + IP + IP6)),
                new Case(
                        "vlan-id-invalid",
                        network(NAT + "<vlan><tag id='4096'/></vlan>" + IP),
                        network(NAT + "<vlan><tag id='4095'/></vlan>" + IP)),
                new Case(
                        "vlan-id-invalid",
                        "<networkport><uuid>5d744f21-ba4a-4d6e-bdb2-e7f5a8c8bc40</uuid>"
                                + "<owner><name>g</name><uuid>c7a5fdbd-edaf-9455-926a-d65c16db1809</uuid></owner>"
                                + "<mac address='52:54:00:7b:35:93'/><vlan><tag id='-1'/></vlan>"
                                + "<plug type='network' bridge='virbr0'/></networkport>",
                        "<networkport><uuid>5d744f21-ba4a-4d6e-bdb2-e7f5a8c8bc40</uuid>"
                                + "<owner><name>g</name><uuid>c7a5fdbd-edaf-9455-926a-d65c16db1809</uuid></owner>"
                                + "<mac address='52:54:00:7b:35:93'/><vlan><tag id='7'/></vlan>"
                                + "<plug type='network' bridge='virbr0'/></networkport>"),
                new Case("name-invalid", network(NAT + IP).replace("<name>n1", "<name>n/1"), network(NAT + IP)),
                new Case(
                        "secret-usage-incomplete",
                        secret("<usage type='ceph'/>"),
                        secret("<usage type='ceph'><name>client.libvirt secret</name></usage>")),
                new Case(
                        "snapshot-disk-unknown",
                        snapshot("<disk name='vdb' snapshot='external'/>"),
                        snapshot("<disk name='vda' snapshot='external'/>")));
    }

    private static Set<String> fired(LintReport report) {
        return RuleCasesTest.fired(report);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void firesOnItsDocumentAndNotOnTheCorrectedOne(Case c) {
        RuleCasesTest.firesOnlyWhereItShould(c);
    }

    @Test
    void networksOfOneRunOnOneBridgeOrOverlapping() throws Exception {
        Path dir = Files.createTempDirectory("lint-networks");
        Files.writeString(dir.resolve("a.xml"), network(NAT + IP));
        Files.writeString(
                dir.resolve("b.xml"),
                network(NAT + IP.replace("100", "100"))
                        .replace("<name>n1", "<name>n2")
                        .replace("3e3fce45", "4e3fce45"));
        Set<String> both = fired(Linter.defaults().lint(dir));
        assertThat(both).contains("network-bridge-duplicate", "network-overlap");
        Files.writeString(
                dir.resolve("b.xml"),
                network(NAT.replace("virbr1", "virbr2") + IP.replace("100", "101"))
                        .replace("<name>n1", "<name>n2")
                        .replace("3e3fce45", "4e3fce45"));
        assertThat(fired(Linter.defaults().lint(dir)))
                .doesNotContain("network-bridge-duplicate", "network-overlap", "name-duplicate", "uuid-duplicate");
    }

    @Test
    void ipv6NetworksOfOneRunOverlapping() throws Exception {
        Path dir = Files.createTempDirectory("lint-networks6");
        Files.writeString(dir.resolve("a.xml"), network(NAT + IP + IP6));
        Files.writeString(
                dir.resolve("b.xml"),
                network(NAT.replace("virbr1", "virbr2")
                                + IP.replace("100", "101")
                                + IP6.replace("prefix='64'", "prefix='48'").replace("ca2:2:", "ca2:7:"))
                        .replace("<name>n1", "<name>n2")
                        .replace("3e3fce45", "4e3fce45"));
        List<Diagnostic> overlaps = Linter.defaults().lint(dir).diagnostics().stream()
                .filter(d -> d.rule().equals("network-overlap"))
                .toList();
        assertThat(overlaps)
                .singleElement()
                .satisfies(d -> assertThat(d.message())
                        .contains("network 2001:db8:ca2::/48 overlaps 2001:db8:ca2:2::/64 of network 'n1'"));
        Files.writeString(
                dir.resolve("b.xml"),
                network(NAT.replace("virbr1", "virbr2") + IP.replace("100", "101") + IP6.replace("ca2:2:", "ca2:7:"))
                        .replace("<name>n1", "<name>n2")
                        .replace("3e3fce45", "4e3fce45"));
        assertThat(fired(Linter.defaults().lint(dir))).doesNotContain("network-overlap");
    }

    @Test
    void networkNamesAndUuidsAreUniqueInARun() throws Exception {
        Path dir = Files.createTempDirectory("lint-network-ids");
        Files.writeString(dir.resolve("a.xml"), network(NAT + IP));
        Files.writeString(dir.resolve("b.xml"), network(NAT.replace("virbr1", "virbr2") + IP.replace("100", "101")));
        assertThat(fired(Linter.defaults().lint(dir))).contains("name-duplicate", "uuid-duplicate");
    }

    @Test
    void aDomainOnANetworkOrPoolTheRunDoesNotDefine() throws Exception {
        Path dir = Files.createTempDirectory("lint-undefined");
        Files.writeString(dir.resolve("net.xml"), network(NAT + IP));
        Files.writeString(
                dir.resolve("pool.xml"),
                "<pool type='dir'><name>images</name><target><path>/srv/images" + "</path></target></pool>");
        String guest = RuleCasesTest.dev("<interface type='network'><mac address='52:54:00:01:02:03'/>"
                + "<source network='%s'/></interface><disk type='volume' device='disk'><source pool='%s' volume='a'/>"
                + "<target dev='vda' bus='virtio'/></disk>");
        Files.writeString(dir.resolve("vm.xml"), String.format(guest, "default", "other"));
        assertThat(fired(Linter.defaults().lint(dir))).contains("network-undefined", "pool-undefined");
        Files.writeString(dir.resolve("vm.xml"), String.format(guest, "n1", "images"));
        assertThat(fired(Linter.defaults().lint(dir))).doesNotContain("network-undefined", "pool-undefined");
        Files.delete(dir.resolve("net.xml"));
        Files.delete(dir.resolve("pool.xml"));
        Files.writeString(dir.resolve("vm.xml"), String.format(guest, "default", "other"));
        assertThat(fired(Linter.defaults().lint(dir)))
                .as("a lone domain says nothing about its host")
                .doesNotContain("network-undefined", "pool-undefined");
    }

    /** The rule ids these tests show firing and not firing. */
    static List<String> covered() {
        return Stream.concat(
                        cases().map(Case::rule),
                        Stream.of("network-bridge-duplicate", "network-overlap", "network-undefined", "pool-undefined"))
                .toList();
    }
}
