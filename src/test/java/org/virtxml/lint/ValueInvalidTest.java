package org.virtxml.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * value-invalid (issue 15): the typos libvirt refuses are errors by default, in libvirt's words,
 * naming the grammar's version and the nearest allowed value; their corrected forms are silent.
 */
class ValueInvalidTest {

    record Case(String what, String firing, String clean, String message) {
        @Override
        public String toString() {
            return what;
        }
    }

    private static final String SRC =
            "<source file='/var/lib/libvirt/images/a.qcow2'/><target dev='vda' bus='virtio'/>";

    static Stream<Case> cases() {
        return Stream.of(
                new Case(
                        "interface type",
                        RuleCasesTest.dev("<interface type='netwrok'><source network='default'/></interface>"),
                        RuleCasesTest.dev("<interface type='network'><source network='default'/></interface>"),
                        "Invalid value for attribute 'type' in element 'interface': 'netwrok'."),
                new Case(
                        "disk device",
                        RuleCasesTest.disk("device='dsik'", SRC),
                        RuleCasesTest.disk("device='disk'", SRC),
                        "Invalid value for attribute 'device' in element 'disk': 'dsik'."),
                new Case(
                        "disk type",
                        RuleCasesTest.dev("<disk type='fiel' device='disk'>" + SRC + "</disk>"),
                        RuleCasesTest.dev("<disk type='file' device='disk'>" + SRC + "</disk>"),
                        "Invalid value for attribute 'type' in element 'disk': 'fiel'."),
                new Case(
                        "disk cache",
                        RuleCasesTest.disk("device='disk'", "<driver name='qemu' type='qcow2' cache='nnone'/>" + SRC),
                        RuleCasesTest.disk("device='disk'", "<driver name='qemu' type='qcow2' cache='none'/>" + SRC),
                        "Invalid value for attribute 'cache' in element 'driver': 'nnone'."),
                new Case(
                        "graphics type",
                        RuleCasesTest.dev("<graphics type='vcn'/>"),
                        RuleCasesTest.dev("<graphics type='vnc'/>"),
                        "Invalid value for attribute 'type' in element 'graphics': 'vcn'."),
                new Case(
                        "disk bus",
                        RuleCasesTest.disk("device='disk'", SRC.replace("bus='virtio'", "bus='virtoi'")),
                        RuleCasesTest.disk("device='disk'", SRC),
                        "Invalid value for attribute 'bus' in element 'target': 'virtoi'."),
                new Case(
                        "smbios mode",
                        RuleCasesTest.domain("<sysinfo type='smbios'/>", "<boot dev='hd'/><smbios mode='bogus'/>", ""),
                        RuleCasesTest.domain(
                                "<sysinfo type='smbios'/>", "<boot dev='hd'/><smbios mode='sysinfo'/>", ""),
                        "Invalid value for attribute 'mode' in element 'smbios': 'bogus'."),
                new Case(
                        "bootmenu enable",
                        RuleCasesTest.domain("", "<boot dev='hd'/><bootmenu enable='maybe'/>", ""),
                        RuleCasesTest.domain("", "<boot dev='hd'/><bootmenu enable='yes'/>", ""),
                        "Invalid value for attribute 'enable' in element 'bootmenu': 'maybe'."),
                new Case(
                        "bios rebootTimeout",
                        RuleCasesTest.domain("", "<boot dev='hd'/><bios rebootTimeout='70000'/>", ""),
                        RuleCasesTest.domain("", "<boot dev='hd'/><bios rebootTimeout='7000'/>", ""),
                        "Invalid value for attribute 'rebootTimeout' in element 'bios': '70000'."),
                new Case(
                        "pool format",
                        RuleCasesTest.pool(
                                "fs",
                                "<source><device path='/dev/sdb1'/><format type='bogusfs'/></source>"
                                        + "<target><path>/mnt</path></target>"),
                        RuleCasesTest.pool(
                                "fs",
                                "<source><device path='/dev/sdb1'/><format type='ext4'/></source>"
                                        + "<target><path>/mnt</path></target>"),
                        "Invalid value for attribute 'type' in element 'format': 'bogusfs'."),
                new Case(
                        "timer frequency",
                        RuleCasesTest.domain("<clock offset='utc'><timer name='tsc' frequency='abc'/></clock>"),
                        RuleCasesTest.domain("<clock offset='utc'><timer name='tsc' frequency='1000000'/></clock>"),
                        "Invalid value for attribute 'frequency' in element 'timer': 'abc'."));
    }

    private static List<Diagnostic> valueInvalid(String xml) {
        return Linter.defaults().lintText("t.xml", xml).diagnostics().stream()
                .filter(d -> d.rule().equals("value-invalid"))
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void typoIsAnErrorAndItsCorrectionIsNot(Case c) {
        List<Diagnostic> found = valueInvalid(c.firing());
        assertThat(found).hasSize(1);
        Diagnostic d = found.get(0);
        assertThat(d.severity()).isEqualTo(Severity.ERROR);
        assertThat(d.message()).startsWith(c.message()).contains("libvirt 11.3.0's grammar");
        assertThat(d.line()).isPositive();
        assertThat(d.xpath()).contains("/@");
        assertThat(valueInvalid(c.clean())).isEmpty();
    }

    @Test
    void suggestsTheNearestAllowedValue() {
        Diagnostic d = valueInvalid(
                        RuleCasesTest.dev("<interface type='netwrok'><source network='default'/></interface>"))
                .get(0);
        assertThat(d.message()).endsWith("did you mean 'network'?");
        assertThat(valueInvalid(RuleCasesTest.disk("device='disk'", SRC.replace("bus='virtio'", "bus='virtoi'")))
                        .get(0)
                        .message())
                .endsWith("did you mean 'virtio'?");
    }

    @Test
    void rangeIsNamed() {
        Diagnostic d = valueInvalid(RuleCasesTest.domain("", "<boot dev='hd'/><bios rebootTimeout='70000'/>", ""))
                .get(0);
        // libvirt's parser takes -1 to 65535 (its grammar only a short): the table says what the parser takes
        assertThat(d.message()).contains("an integer from -1 to 65535");
        assertThat(valueInvalid(RuleCasesTest.domain("", "<boot dev='hd'/><bios rebootTimeout='40000'/>", "")))
                .isEmpty();
    }

    @Test
    void aBootEntryLibvirtNeverReadsIsNotJudged() {
        String five = "<boot dev='hd'/><boot dev='cdrom'/><boot dev='network'/><boot dev='fd'/><boot dev='floppy'/>";
        assertThat(valueInvalid(RuleCasesTest.domain("", five, ""))).isEmpty();
    }

    @Test
    void canBeTurnedOff() {
        assertThat(Linter.builder()
                        .disable("value-invalid")
                        .build()
                        .lintText("t.xml", RuleCasesTest.dev("<graphics type='vcn'/>"))
                        .diagnostics())
                .noneMatch(d -> d.rule().equals("value-invalid"));
    }
}
