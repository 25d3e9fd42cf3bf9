package org.virtxml.lint.host;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LocalHostReaderTest {

    /** Two sockets, two cores each, two threads per core: 8 processors, 4 cores. */
    static String cpuinfo(boolean vmx) {
        StringBuilder sb = new StringBuilder();
        int processor = 0;
        for (int socket = 0; socket < 2; socket++) {
            for (int thread = 0; thread < 2; thread++) {
                for (int core = 0; core < 2; core++) {
                    sb.append("processor\t: ")
                            .append(processor++)
                            .append('\n')
                            .append("vendor_id\t: GenuineIntel\n")
                            .append("physical id\t: ")
                            .append(socket)
                            .append('\n')
                            .append("core id\t\t: ")
                            .append(core)
                            .append('\n')
                            .append("flags\t\t: fpu vme de pse ")
                            .append(vmx ? "vmx " : "")
                            .append("sse2 ht\n")
                            .append('\n');
                }
            }
        }
        return sb.toString();
    }

    static final String MEMINFO = "MemTotal:       16318432 kB\nMemFree:         1000000 kB\n"
            + "SwapCached:            0 kB\nSwapTotal:       8388604 kB\nSwapFree:        8388604 kB\n";

    @Test
    void coresAreDistinctPhysicalAndCoreIdPairs() {
        HostProfile p = HostProfile.local(new FakeHostEnvironment()
                .file("/proc/cpuinfo", cpuinfo(true))
                .file("/proc/meminfo", MEMINFO)
                .device("/dev/kvm", true));
        assertThat(p.source()).isEqualTo("local");
        assertThat(p.threads()).hasValue(8);
        assertThat(p.physicalCores()).hasValue(4);
        assertThat(p.cpuCount()).hasValue(8);
        assertThat(p.memoryBytes()).hasValue(16318432L * 1024);
        assertThat(p.swapBytes()).hasValue(8388604L * 1024);
        assertThat(p.hardwareVirtualization()).isEqualTo(Support.PRESENT);
        assertThat(p.kvm()).isEqualTo(Support.PRESENT);
        assertThat(p.domainTypes()).isEmpty();
    }

    @Test
    void noVmxNoSvmAndInaccessibleKvm() {
        HostProfile p = HostProfile.local(new FakeHostEnvironment()
                .file("/proc/cpuinfo", cpuinfo(false).replace("sse2", "svmx sse2"))
                .device("/dev/kvm", false));
        assertThat(p.hardwareVirtualization()).isEqualTo(Support.ABSENT);
        assertThat(p.kvm()).isEqualTo(Support.ABSENT);
        assertThat(p.memoryBytes()).isEmpty();
    }

    @Test
    void svmCounts() {
        HostProfile p = HostProfile.local(
                new FakeHostEnvironment().file("/proc/cpuinfo", cpuinfo(false).replace("sse2", "svm sse2")));
        assertThat(p.hardwareVirtualization()).isEqualTo(Support.PRESENT);
        assertThat(p.kvm()).isEqualTo(Support.ABSENT);
    }

    @Test
    void withoutCoreIdsEveryProcessorIsACoreAndWithoutFlagsVirtualizationIsUnknown() {
        String arm = "processor\t: 0\nBogoMIPS\t: 50.00\nFeatures\t: fp asimd\n\n"
                + "processor\t: 1\nBogoMIPS\t: 50.00\nFeatures\t: fp asimd\n\n"
                + "processor\t: 3\nBogoMIPS\t: 50.00\nFeatures\t: fp asimd\n\nHardware\t: BCM2835\n";
        HostProfile p = HostProfile.local(new FakeHostEnvironment().file("/proc/cpuinfo", arm));
        assertThat(p.threads()).hasValue(3);
        assertThat(p.physicalCores()).hasValue(3);
        assertThat(p.cpuCount()).hasValue(4);
        assertThat(p.hardwareVirtualization()).isEqualTo(Support.UNKNOWN);
    }

    @Test
    void nothingReadableLeavesEverythingUnknown() {
        HostProfile p = HostProfile.local(new FakeHostEnvironment());
        assertThat(p.threads()).isEmpty();
        assertThat(p.physicalCores()).isEmpty();
        assertThat(p.memoryBytes()).isEmpty();
        assertThat(p.swapBytes()).isEmpty();
        assertThat(p.hardwareVirtualization()).isEqualTo(Support.UNKNOWN);
        assertThat(p.kvm()).isEqualTo(Support.ABSENT);
    }

    @Test
    void meminfoValues() {
        assertThat(LocalHostReader.meminfo(MEMINFO, "SwapTotal")).hasValue(8388604L * 1024);
        assertThat(LocalHostReader.meminfo(MEMINFO, "Swap")).isEmpty();
        assertThat(LocalHostReader.meminfo("MemTotal: 99999999999999999999 kB\n", "MemTotal"))
                .isEmpty();
    }

    @Test
    void realMachineReadsWithoutFailing() {
        HostProfile p = HostProfile.local();
        if (new java.io.File("/proc/cpuinfo").canRead()) {
            assertThat(p.threads()).isPresent();
            assertThat(p.physicalCores().getAsInt()).isBetween(1, p.threads().getAsInt());
        }
        assertThat(p.source()).isEqualTo("local");
    }
}
