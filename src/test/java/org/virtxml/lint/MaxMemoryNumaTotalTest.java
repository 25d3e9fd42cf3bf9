package org.virtxml.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * memory-max-below-current with NUMA cells (issue 15's held-back gap): libvirt takes the total
 * memory from the cells (plus the memory devices) on define, and refuses a {@code <maxMemory>}
 * below it, whatever {@code <memory>} says.
 */
class MaxMemoryNumaTotalTest {

    private static String domain(String maxMemory, String memory, String cells, String devices) {
        return "<domain type='kvm'><name>vm1</name>" + maxMemory + "<memory unit='MiB'>" + memory + "</memory>"
                + "<vcpu>4</vcpu><os><type arch='x86_64' machine='pc-q35-9.2'>hvm</type></os>"
                + "<cpu><numa>" + cells + "</numa></cpu><devices>" + devices + "</devices></domain>";
    }

    private static final String CELLS =
            "<cell id='0' cpus='0-1' memory='2' unit='GiB'/>" + "<cell id='1' cpus='2-3' memory='2' unit='GiB'/>";

    private static List<Diagnostic> found(String xml) {
        return Linter.defaults().lintText("t.xml", xml).diagnostics().stream()
                .filter(d -> d.rule().equals("memory-max-below-current"))
                .toList();
    }

    @Test
    void maxMemoryBelowTheCellsTotalIsAnError() {
        List<Diagnostic> d = found(domain("<maxMemory slots='16' unit='GiB'>3</maxMemory>", "1024", CELLS, ""));
        assertThat(d).hasSize(1);
        assertThat(d.get(0).message())
                .startsWith("maximum memory size must be equal or greater than the actual memory size")
                .contains("the NUMA cells' total 4194304 KiB");
    }

    @Test
    void maxMemoryAboveTheCellsTotalIsFineEvenBelowALargerMemoryElement() {
        // libvirt replaces <memory> by the cells' total: 8 GiB written, 4 GiB in the cells
        assertThat(found(domain("<maxMemory slots='16' unit='GiB'>6</maxMemory>", "8192", CELLS, "")))
                .isEmpty();
    }

    @Test
    void memoryDevicesCountInTheTotal() {
        String dimm = "<memory model='dimm'><target><size unit='GiB'>2</size><node>0</node></target></memory>";
        assertThat(found(domain("<maxMemory slots='16' unit='GiB'>5</maxMemory>", "1024", CELLS, dimm)))
                .hasSize(1);
        assertThat(found(domain("<maxMemory slots='16' unit='GiB'>6</maxMemory>", "1024", CELLS, dimm)))
                .isEmpty();
    }
}
