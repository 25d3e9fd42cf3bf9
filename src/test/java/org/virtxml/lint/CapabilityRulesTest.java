package org.virtxml.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.virtxml.lint.host.DomainCapabilities;
import org.virtxml.lint.host.HostProfileException;
import org.virtxml.lint.host.QemuProfile;

/**
 * The host-capability rules (issue 15): per rule, a document that fires it against a shipped QEMU
 * profile and a corrected one that does not; profile choice by machine and type; a capabilities
 * document given as text.
 */
class CapabilityRulesTest {

    record Case(String rule, String qemu, String firing, String clean) {
        @Override
        public String toString() {
            return rule + " (QEMU " + qemu + ")";
        }
    }

    private static String domain(String type, String machine, String extra, String devices) {
        return "<domain type='" + type + "'><name>vm1</name><memory unit='MiB'>1024</memory><vcpu>2</vcpu>"
                + "<os><type arch='x86_64' machine='" + machine + "'>hvm</type></os>" + extra
                + "<devices>" + devices + "</devices></domain>";
    }

    private static String q35(String extra, String devices) {
        return domain("kvm", "pc-q35-9.2", extra, devices);
    }

    private static final String DISK = "<disk type='file' device='disk'><source file='/var/lib/libvirt/images/a.img'/>"
            + "<target dev='%s' bus='%s'/></disk>";

    static Stream<Case> cases() {
        return Stream.of(
                new Case(
                        "caps-virt-type-unsupported",
                        "9.2",
                        domain("hvf", "pc-q35-9.2", "", ""),
                        domain("kvm", "pc-q35-9.2", "", "")),
                new Case(
                        "caps-machine-unsupported",
                        "9.2",
                        domain("kvm", "pc-q35-10.0", "", ""),
                        domain("kvm", "pc-q35-9.2", "", "")),
                new Case(
                        "caps-vcpu-limit",
                        "9.2",
                        domain("kvm", "pc-i440fx-9.2", "", "").replace("<vcpu>2<", "<vcpu>300<"),
                        domain("kvm", "pc-q35-9.2", "", "").replace("<vcpu>2<", "<vcpu>300<")),
                new Case(
                        "caps-cpu-unsupported",
                        "9.2",
                        domain("qemu", "pc-i440fx-9.2", "<cpu mode='host-passthrough'/>", ""),
                        domain("kvm", "pc-i440fx-9.2", "<cpu mode='host-passthrough'/>", "")),
                new Case(
                        "caps-cpu-unsupported",
                        "9.2",
                        q35(
                                "<cpu mode='custom' match='exact'><model fallback='forbid'>Skylake-Server-v9</model></cpu>",
                                ""),
                        q35(
                                "<cpu mode='custom' match='exact'><model fallback='forbid'>Skylake-Server-v4</model></cpu>",
                                "")),
                new Case(
                        "caps-sev-unsupported",
                        "9.2",
                        q35("<launchSecurity type='sev'><policy>0x0003</policy></launchSecurity>", ""),
                        q35("", "")),
                new Case(
                        "caps-feature-unsupported",
                        "6.2",
                        domain("kvm", "pc-i440fx-6.2", "<features><ps2 state='off'/></features>", ""),
                        domain("kvm", "pc-i440fx-6.2", "<features><acpi/></features>", "")),
                new Case(
                        "caps-disk-unsupported",
                        "9.2",
                        q35("", String.format(DISK, "hda", "ide")),
                        domain("kvm", "pc-i440fx-9.2", "", String.format(DISK, "hda", "ide"))),
                new Case(
                        "caps-graphics-unsupported",
                        "9.2",
                        q35("", "<graphics type='desktop'/>"),
                        q35("", "<graphics type='vnc'/>")),
                new Case(
                        "caps-video-unsupported",
                        "9.2",
                        q35("", "<video><model type='vbox'/></video>"),
                        q35("", "<video><model type='virtio'/></video>")),
                new Case(
                        "caps-hostdev-unsupported",
                        "9.2",
                        q35(
                                "",
                                "<hostdev mode='capabilities' type='storage'>"
                                        + "<source><block>/dev/sdf1</block></source></hostdev>"),
                        q35(
                                "",
                                "<hostdev mode='subsystem' type='pci' managed='yes'><source>"
                                        + "<address domain='0x0000' bus='0x06' slot='0x02' function='0x0'/></source></hostdev>")),
                new Case(
                        "caps-device-unsupported",
                        "9.2",
                        q35("", "<tpm model='spapr-tpm-vio'><backend type='emulator' version='2.0'/></tpm>"),
                        q35("", "<tpm model='tpm-crb'><backend type='emulator' version='2.0'/></tpm>")));
    }

    static Set<String> covered() {
        Set<String> rules = cases().map(Case::rule).collect(Collectors.toSet());
        rules.add("caps-firmware-unsupported"); // firmwareOutsideTheOsEnums: every shipped QEMU offers bios and efi
        return rules;
    }

    private static Set<String> fired(String qemu, String xml) {
        return Linter.builder().qemu(qemu).build().lintText("t.xml", xml).diagnostics().stream()
                .map(Diagnostic::rule)
                .collect(Collectors.toSet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void firesOnItsDocumentAndNotOnTheCorrectedOne(Case c) {
        assertThat(fired(c.qemu(), c.firing())).as("fires").contains(c.rule());
        assertThat(fired(c.qemu(), c.clean())).as("clean").doesNotContain(c.rule());
        assertThat(RuleCasesTest.fired(Linter.defaults().lintText("t.xml", c.firing())))
                .as("silent without capabilities")
                .doesNotContain(c.rule());
    }

    @Test
    void messageIsLibvirtsAndNamesTheProfile() {
        Diagnostic d = Linter.builder()
                .qemu("9.2")
                .build()
                .lintText("t.xml", domain("qemu", "pc-i440fx-9.2", "<cpu mode='host-passthrough'/>", ""))
                .diagnostics()
                .stream()
                .filter(x -> x.rule().equals("caps-cpu-unsupported"))
                .findFirst()
                .orElseThrow();
        assertThat(d.message())
                .startsWith("unsupported configuration: CPU mode 'host-passthrough' for x86_64 qemu"
                        + " domain on x86_64 host is not supported by hypervisor")
                .contains("QEMU 9.2 profile")
                .contains("qemu_9.2.0-tcg.x86_64.xml");
        assertThat(d.line()).isPositive();
    }

    @Test
    void anUnknownCpuModelIsJudgedOnlyWhenFallbackIsForbidden() {
        String allow = q35("<cpu mode='custom' match='exact'><model>Skylake-Server-v9</model></cpu>", "");
        assertThat(fired("9.2", allow)).doesNotContain("caps-cpu-unsupported");
        assertThat(fired("9.2", allow.replace("<model>", "<model fallback='forbid'>")))
                .contains("caps-cpu-unsupported");
    }

    @Test
    void sevHostProfileAcceptsSev() {
        String sev = q35("<launchSecurity type='sev'><policy>0x0003</policy></launchSecurity>", "");
        assertThat(fired("9.2+amdsev", sev)).doesNotContain("caps-sev-unsupported");
        assertThat(fired("9.2", sev)).contains("caps-sev-unsupported");
    }

    @Test
    void otherArchesAndDriversAreNotJudged() {
        String aarch64 = q35("", "<graphics type='desktop'/>")
                .replace("x86_64", "aarch64")
                .replace("pc-q35-9.2", "virt");
        assertThat(fired("9.2", aarch64)).noneMatch(r -> r.startsWith("caps-"));
        String xen = domain("xen", "xenfv", "", "<graphics type='desktop'/>");
        assertThat(fired("9.2", xen)).noneMatch(r -> r.startsWith("caps-"));
    }

    @Test
    void profileNames() {
        assertThat(QemuProfile.named("9.2.0").name()).isEqualTo("9.2");
        assertThat(QemuProfile.named("10.0+amdsev").name()).isEqualTo("10.0+amdsev");
        assertThatThrownBy(() -> QemuProfile.named("5.1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("6.2, 7.2, 8.2, 9.2, 10.0");
        assertThat(QemuProfile.VERSIONS)
                .allSatisfy(v -> assertThat(QemuProfile.named(v).forGuest("kvm", null, "q35"))
                        .hasValueSatisfying(c -> assertThat(c.machine()).hasValue("pc-q35-" + v)));
    }

    @Test
    void aCapabilitiesDocumentOfOneMachineFamily() throws Exception {
        String caps = "<domainCapabilities><path>/usr/bin/qemu-system-x86_64</path><domain>kvm</domain>"
                + "<machine>pc-q35-8.0</machine><arch>x86_64</arch><vcpu max='288'/><devices><graphics supported='yes'>"
                + "<enum name='type'><value>vnc</value></enum></graphics></devices></domainCapabilities>";
        Linter linter = Linter.builder()
                .domainCapabilities(DomainCapabilities.parse(caps, "caps.xml"))
                .build();
        List<Diagnostic> q35 =
                linter.lintText("t.xml", q35("", "<graphics type='spice'/>")).diagnostics();
        assertThat(q35).anySatisfy(d -> {
            assertThat(d.rule()).isEqualTo("caps-graphics-unsupported");
            assertThat(d.message())
                    .contains("graphics type 'spice' is not supported")
                    .contains("caps.xml");
        });
        // the document describes q35 machines only: an i440fx guest is not judged by it
        assertThat(linter.lintText("t.xml", domain("kvm", "pc-i440fx-8.0", "", "<graphics type='spice'/>"))
                        .diagnostics())
                .noneMatch(d -> d.rule().startsWith("caps-"));
    }

    @Test
    void firmwareOutsideTheOsEnums() throws Exception {
        String caps = "<domainCapabilities><domain>kvm</domain><machine>pc-q35-9.2</machine><arch>x86_64</arch>"
                + "<os supported='yes'><enum name='firmware'><value>bios</value></enum><loader supported='yes'>"
                + "<enum name='type'><value>rom</value></enum><enum name='secure'><value>no</value></enum></loader></os>"
                + "</domainCapabilities>";
        Linter linter = Linter.builder()
                .domainCapabilities(DomainCapabilities.parse(caps, "caps.xml"))
                .build();
        String efi = q35("", "").replace("<os>", "<os firmware='efi'>");
        String pflash = q35("", "")
                .replace("</type>", "</type><loader type='pflash' secure='yes'>/usr/share/OVMF/OVMF_CODE.fd</loader>");
        assertThat(linter.lintText("t.xml", efi).diagnostics())
                .filteredOn(d -> d.rule().equals("caps-firmware-unsupported"))
                .singleElement()
                .satisfies(d -> assertThat(d.message()).contains("firmware 'efi' is not supported"));
        assertThat(linter.lintText("t.xml", pflash).diagnostics())
                .filteredOn(d -> d.rule().equals("caps-firmware-unsupported"))
                .hasSize(2);
        assertThat(linter.lintText("t.xml", q35("", "")).diagnostics())
                .noneMatch(d -> d.rule().startsWith("caps-"));
    }

    @Test
    void unreadableCapabilitiesSayWhereAndWhy() {
        assertThatThrownBy(() -> DomainCapabilities.parse("<domainCapabilities><path>", "caps.xml"))
                .isInstanceOf(HostProfileException.class)
                .hasMessageStartingWith("caps.xml:1:");
        assertThatThrownBy(() -> DomainCapabilities.parse("<capabilities/>", "caps.xml"))
                .isInstanceOf(HostProfileException.class)
                .hasMessageContaining("virsh domcapabilities");
    }
}
