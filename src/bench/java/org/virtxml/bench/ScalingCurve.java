package org.virtxml.bench;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.virtxml.io.LibvirtXml;
import org.virtxml.lint.Linter;

/**
 * The companion of {@link ScalingBenchmark} on a shared machine: the CPU time (best of 5, after 5
 * warm-up runs; the thread's for reading and writing, the process's for lint, which also runs on
 * the common pool and counts the JIT's and collector's threads) to read, read and write back, and
 * lint a domain with 1,000, 5,000 and 20,000 disks, and the time per disk. Linear scaling shows as
 * a time per disk that does not grow.
 */
public final class ScalingCurve {
    private ScalingCurve() {}

    private interface Step {
        void run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Linter linter = Linter.defaults();
        System.out.println("| operation | disks | CPU ms (best of 5) | µs per disk |");
        System.out.println("|---|---:|---:|---:|");
        for (int disks : new int[] {1000, 5000, 20000}) {
            String xml = ManyDisks.domain(disks);
            Step[] steps = {
                () -> LibvirtXml.defaults().parse(xml),
                () -> LibvirtXml.defaults().parse(xml).write(),
                () -> linter.lintText("many-disks.xml", xml),
            };
            String[] names = {"read", "read + write", "lint"};
            for (int i = 0; i < steps.length; i++) {
                long best = Long.MAX_VALUE;
                boolean alone = i < 2; // reading and writing run on this thread; lint also on the common pool
                for (int round = 0; round < 10; round++) {
                    long before = alone ? threads.getCurrentThreadCpuTime() : os.getProcessCpuTime();
                    steps[i].run();
                    long used = (alone ? threads.getCurrentThreadCpuTime() : os.getProcessCpuTime()) - before;
                    if (round >= 5) {
                        best = Math.min(best, used);
                    }
                }
                System.out.printf(
                        Locale.ROOT, "| %s | %d | %.0f | %.1f |%n", names[i], disks, best / 1e6, best / 1e3 / disks);
            }
        }
    }
}
