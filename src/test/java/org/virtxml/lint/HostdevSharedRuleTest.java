package org.virtxml.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** hostdev-shared: one host PCI device assigned to two guests of a run (issues 12 and 15). */
class HostdevSharedRuleTest {

    @TempDir
    Path dir;

    private Path guest(String name, String uuidTail, String devices) throws Exception {
        return Files.writeString(
                dir.resolve(name + ".xml"),
                "<domain type='kvm'>\n  <name>" + name + "</name>\n  <uuid>c7a5fdbd-edaf-9455-926a-d65c16db18"
                        + uuidTail + "</uuid>\n  <memory unit='MiB'>512</memory>\n  <vcpu>1</vcpu>\n"
                        + "  <os><type arch='x86_64' machine='q35'>hvm</type></os>\n  <devices>\n" + devices
                        + "  </devices>\n</domain>\n");
    }

    private static String hostdev(String bus, String slot, String function) {
        return "    <hostdev mode='subsystem' type='pci' managed='yes'>\n      <source>\n"
                + "        <address domain='0x0000' bus='" + bus + "' slot='" + slot + "' function='" + function
                + "'/>\n      </source>\n    </hostdev>\n";
    }

    private static String vf(String bus, String slot, String function) {
        return "    <interface type='hostdev' managed='yes'>\n      <source>\n"
                + "        <address type='pci' domain='0' bus='" + bus + "' slot='" + slot + "' function='"
                + function + "'/>\n      </source>\n    </interface>\n";
    }

    private List<Diagnostic> shared(Path... files) throws Exception {
        return Linter.defaults().lint(List.of(files)).files().stream()
                .flatMap(f -> f.diagnostics().stream())
                .filter(d -> d.rule().equals("hostdev-shared"))
                .toList();
    }

    @Test
    void onePciDeviceInTwoGuestsIsFlaggedOnTheSecond() throws Exception {
        Path a = guest("a", "01", hostdev("0x03", "0x00", "0x1"));
        // the same device spelled another way (decimal, no domain): libvirt's reading decides
        Path b = guest("b", "02", vf("3", "0", "1"));
        List<Diagnostic> found = shared(a, b);
        assertThat(found).hasSize(1);
        Diagnostic d = found.get(0);
        assertThat(d.file()).isEqualTo(b.toString());
        assertThat(d.line()).isEqualTo(8);
        assertThat(d.severity()).isEqualTo(Severity.WARNING);
        assertThat(d.message())
                .contains("host PCI device 0000:03:00.1 is also assigned to")
                .contains("a.xml");
    }

    @Test
    void distinctDevicesAndOneGuestAloneAreNotFlagged() throws Exception {
        Path a = guest("a", "01", hostdev("0x03", "0x00", "0x1"));
        Path b = guest("b", "02", hostdev("0x03", "0x00", "0x2") + vf("4", "0", "0"));
        assertThat(shared(a, b)).isEmpty();
        assertThat(shared(guest("c", "03", hostdev("0x05", "0x00", "0x0") + vf("6", "0", "0"))))
                .isEmpty();
    }
}
