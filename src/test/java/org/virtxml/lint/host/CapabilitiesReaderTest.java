package org.virtxml.lint.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class CapabilitiesReaderTest {

    static final String TWO_CELLS = """
            <capabilities>
              <host>
                <cpu>
                  <arch>x86_64</arch>
                  <topology sockets='1' dies='1' cores='2' threads='2'/>
                  <feature name='vme'/>
                  <feature name='vmx'/>
                </cpu>
                <topology>
                  <cells num='2'>
                    <cell id='0'>
                      <memory unit='KiB'>4194304</memory>
                      <cpus num='4'>
                        <cpu id='0' socket_id='0' die_id='0' core_id='0' siblings='0,4'/>
                        <cpu id='4' socket_id='0' die_id='0' core_id='0' siblings='0,4'/>
                        <cpu id='1' socket_id='0' die_id='0' core_id='1' siblings='1,5'/>
                        <cpu id='5' socket_id='0' die_id='0' core_id='1' siblings='1,5'/>
                      </cpus>
                    </cell>
                    <cell id='1'>
                      <memory unit='GiB'>2</memory>
                      <cpus num='4'>
                        <cpu id='2' socket_id='1' die_id='0' core_id='0' siblings='2,6'/>
                        <cpu id='6' socket_id='1' die_id='0' core_id='0' siblings='2,6'/>
                        <cpu id='3' socket_id='1' die_id='0' core_id='1' siblings='3,7'/>
                        <cpu id='7' socket_id='1' die_id='0' core_id='1' siblings='3,7'/>
                      </cpus>
                    </cell>
                  </cells>
                </topology>
              </host>
              <guest>
                <os_type>hvm</os_type>
                <arch name='x86_64'>
                  <domain type='qemu'/>
                  <domain type='kvm'/>
                </arch>
              </guest>
              <guest>
                <os_type>hvm</os_type>
                <arch name='i686'><domain type='qemu'/></arch>
              </guest>
            </capabilities>
            """;

    @Test
    void cellsGiveCoresThreadsCpusAndMemory() throws Exception {
        HostProfile p = HostProfile.fromCapabilitiesXml(TWO_CELLS);
        assertThat(p.source()).isEqualTo("capabilities");
        assertThat(p.threads()).hasValue(8);
        assertThat(p.physicalCores()).hasValue(4);
        assertThat(p.cpuCount()).hasValue(8);
        assertThat(p.memoryBytes()).hasValue(6L * 1024 * 1024 * 1024);
        assertThat(p.swapBytes()).isEmpty();
        assertThat(p.domainTypes()).containsExactly("kvm", "qemu");
        assertThat(p.kvm()).isEqualTo(Support.PRESENT);
        assertThat(p.hardwareVirtualization()).isEqualTo(Support.PRESENT);
    }

    @Test
    void siblingsGiveCoresWhenIdsAreAbsent() throws Exception {
        String xml = TWO_CELLS.replaceAll(" socket_id='\\d' die_id='\\d' core_id='\\d'", "");
        assertThat(HostProfile.fromCapabilitiesXml(xml).physicalCores()).hasValue(4);
    }

    @Test
    void topologyAloneWithoutCells() throws Exception {
        String xml = "<capabilities><host><cpu><arch>x86_64</arch>"
                + "<topology sockets='2' dies='1' cores='4' threads='2'/><feature name='sse2'/></cpu></host>"
                + "<guest><arch name='x86_64'><domain type='qemu'/></arch></guest></capabilities>";
        HostProfile p = HostProfile.fromCapabilitiesXml(xml);
        assertThat(p.threads()).hasValue(16);
        assertThat(p.physicalCores()).hasValue(8);
        assertThat(p.memoryBytes()).isEmpty();
        assertThat(p.kvm()).isEqualTo(Support.ABSENT);
        assertThat(p.hardwareVirtualization()).isEqualTo(Support.ABSENT);
    }

    @Test
    void bareCapabilitiesKnowNothing() throws Exception {
        HostProfile p = HostProfile.fromCapabilitiesXml("<capabilities/>");
        assertThat(p.threads()).isEmpty();
        assertThat(p.kvm()).isEqualTo(Support.UNKNOWN);
        assertThat(p.hardwareVirtualization()).isEqualTo(Support.UNKNOWN);
    }

    @Test
    void refusesDoctypeWrongRootAndBadValues() {
        assertThatThrownBy(
                        () -> HostProfile.fromCapabilitiesXml(
                                "<!DOCTYPE capabilities [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><capabilities>&x;</capabilities>"))
                .isInstanceOf(HostProfileException.class)
                .hasMessageContaining("DOCTYPE");
        assertThatThrownBy(() -> HostProfile.fromCapabilitiesXml("<domain type='kvm'/>"))
                .isInstanceOf(HostProfileException.class)
                .hasMessageContaining("<domain>");
        assertThatThrownBy(() -> HostProfile.fromCapabilitiesXml("<capabilities><host>"))
                .isInstanceOf(HostProfileException.class)
                .hasMessageContaining("line 1");
        assertThatThrownBy(() -> HostProfile.fromCapabilitiesXml(TWO_CELLS.replace("unit='GiB'", "unit='GB2'")))
                .isInstanceOf(HostProfileException.class)
                .hasMessageContaining("unit 'GB2'");
        assertThatThrownBy(() -> HostProfile.fromCapabilitiesXml(TWO_CELLS.replace(">2</memory>", ">-2</memory>")))
                .isInstanceOf(HostProfileException.class)
                .hasMessageContaining("'-2'");
        assertThatThrownBy(() -> HostProfile.fromCapabilitiesXml(TWO_CELLS.replace("cpu id='7'", "cpu id='x'")))
                .isInstanceOf(HostProfileException.class)
                .hasMessageContaining("id='x'");
    }

    @Test
    void libvirtTestDataQemuKvm() throws Exception {
        HostProfile p = HostProfile.fromCapabilitiesXml(corpusFile("capabilityschemadata/caps-qemu-kvm.xml"));
        assertThat(p.threads()).hasValue(16);
        assertThat(p.physicalCores()).hasValue(16);
        assertThat(p.cpuCount()).hasValue(16);
        assertThat(p.memoryBytes()).hasValue((16175540L + 16510060L) * 1024);
        assertThat(p.domainTypes()).contains("kvm", "qemu");
        assertThat(p.hardwareVirtualization()).isEqualTo(Support.PRESENT);
    }

    @Test
    void libvirtTestDataTestDriver() throws Exception {
        HostProfile p = HostProfile.fromCapabilitiesXml(corpusFile("capabilityschemadata/caps-test.xml"));
        assertThat(p.threads()).hasValue(16);
        assertThat(p.memoryBytes()).isEmpty();
        assertThat(p.domainTypes()).contains("test").doesNotContain("kvm");
        assertThat(p.kvm()).isEqualTo(Support.ABSENT);
    }

    @Test
    void everyCorpusCapabilitiesFileReads() throws Exception {
        Path dir = corpusTests().resolve("vircaps2xmldata");
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(x -> x.toString().endsWith(".xml")).toList()) {
                HostProfile p = HostProfile.fromCapabilitiesXml(Files.readString(f));
                assertThat(p.threads()).as(f.toString()).isPresent();
                assertThat(p.physicalCores().getAsInt())
                        .as(f.toString())
                        .isBetween(1, p.threads().getAsInt());
            }
        }
    }

    @Test
    void explicitValuesOverride() throws Exception {
        HostProfile caps = HostProfile.fromCapabilitiesXml(TWO_CELLS);
        HostProfile explicit =
                HostProfile.builder().physicalCores(32).swapBytes(0).build();
        HostProfile merged = caps.overriddenBy(explicit);
        assertThat(merged.physicalCores()).hasValue(32);
        assertThat(merged.swapBytes()).hasValue(0);
        assertThat(merged.threads()).hasValue(8);
        assertThat(merged.memoryBytes()).isEqualTo(caps.memoryBytes());
        assertThat(merged.domainTypes()).isEqualTo(Set.of("kvm", "qemu"));
        assertThat(merged.source()).isEqualTo("capabilities+explicit");
        assertThat(caps.physicalCores()).hasValue(4);
    }

    private static Path corpusTests() {
        String corpus = System.getProperty("virtxml.corpus", "");
        Path tests = corpus.isBlank() ? null : Path.of(corpus, "libvirt-11.3.0", "tests");
        if (tests == null || !Files.isDirectory(tests)) {
            String msg = "SKIPPED: corpus not available (set -Dvirtxml.corpus=...)";
            System.err.println(msg);
            Assumptions.abort(msg);
        }
        return tests;
    }

    private static String corpusFile(String relative) throws IOException {
        return Files.readString(corpusTests().resolve(relative));
    }
}
