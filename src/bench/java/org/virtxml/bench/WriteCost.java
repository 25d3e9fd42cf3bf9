package org.virtxml.bench;

import com.sun.management.ThreadMXBean;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.virtxml.io.LibvirtDocument;
import org.virtxml.io.LibvirtXml;
import org.virtxml.model.domain.Disk;
import org.virtxml.model.domain.Domain;

/**
 * The byte-stable writer's cost alone, beside {@link Footprint}'s no-op write: the thread's CPU
 * time per pass, best of the passes made in {@code -Dwrite.seconds} (default 10) seconds after
 * {@code -Dwrite.warmup} (default 5) seconds of passes not counted, over the
 * corpus domain documents read once and held. Writing each document ten times in a row (its model
 * in the cache: the cost of the work itself), once each (the model read back from memory, as
 * {@code Footprint} measures), and two changed writes: every root's {@code type} attribute
 * changed, and the {@code dev} of the last disk's target changed (in the documents that have one),
 * with the same documents unchanged as their baseline. The changed outputs' summed hash codes are
 * printed, to compare two builds' outputs.
 */
public final class WriteCost {
    private WriteCost() {}

    public static void main(String[] args) throws Exception {
        List<byte[]> docs = DomainCorpus.load().documents();
        LibvirtXml xml = LibvirtXml.defaults();
        List<LibvirtDocument<?>> unchanged = new ArrayList<>();
        List<LibvirtDocument<?>> rootChanged = new ArrayList<>();
        List<LibvirtDocument<?>> diskChanged = new ArrayList<>();
        List<LibvirtDocument<?>> diskUnchanged = new ArrayList<>();
        for (byte[] d : docs) {
            unchanged.add(xml.read(new ByteArrayInputStream(d), "bench"));
            LibvirtDocument<?> r = xml.read(new ByteArrayInputStream(d), "bench");
            Domain root = (Domain) r.root();
            root.setType(root.getType() + "x");
            rootChanged.add(r);
            LibvirtDocument<?> q = xml.read(new ByteArrayInputStream(d), "bench");
            Domain dq = (Domain) q.root();
            if (dq.getDevices() != null && !dq.getDevices().getDisk().isEmpty()) {
                Disk disk =
                        dq.getDevices().getDisk().get(dq.getDevices().getDisk().size() - 1);
                if (disk.getTarget() != null && disk.getTarget().getDev() != null) {
                    disk.getTarget().setDev(disk.getTarget().getDev() + "x");
                    diskChanged.add(q);
                    diskUnchanged.add(xml.read(new ByteArrayInputStream(d), "bench"));
                }
            }
        }
        long hash = 0;
        for (LibvirtDocument<?> d : rootChanged) {
            hash += d.write().hashCode();
        }
        for (LibvirtDocument<?> d : diskChanged) {
            hash += d.write().hashCode();
        }
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] best = {Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE};
        long counted = System.nanoTime() + Long.getLong("write.warmup", 5) * 1_000_000_000L;
        long end = counted + Long.getLong("write.seconds", 10) * 1_000_000_000L;
        int passes = 0;
        while (System.nanoTime() < end || passes < 3) {
            if (System.nanoTime() < counted) {
                Arrays.fill(best, Long.MAX_VALUE);
                passes = 0;
            }
            best[0] = Math.min(best[0], cpuTime(threads, unchanged, 10) / 10);
            best[1] = Math.min(best[1], cpuTime(threads, unchanged, 1));
            best[2] = Math.min(best[2], cpuTime(threads, rootChanged, 1));
            best[3] = Math.min(best[3], cpuTime(threads, diskChanged, 1));
            best[4] = Math.min(best[4], cpuTime(threads, diskUnchanged, 1));
            passes++;
        }
        System.out.printf(
                Locale.ROOT,
                "%d corpus domain documents (%d with a disk target), %d passes; changed outputs' hash %d%n",
                docs.size(),
                diskChanged.size(),
                passes,
                hash);
        String[] names = {
            "no-op write, each document 10 times in a row (per pass)",
            "no-op write, each document once",
            "every root's type attribute changed",
            "last disk's target dev changed",
            "the same documents, unchanged"
        };
        System.out.println("| write pass | CPU ms (best) |");
        System.out.println("|---|---:|");
        for (int i = 0; i < names.length; i++) {
            System.out.printf(Locale.ROOT, "| %s | %.2f |%n", names[i], best[i] / 1e6);
        }
    }

    /** The thread's CPU time to write each document {@code times} times in a row. */
    private static long cpuTime(ThreadMXBean threads, List<LibvirtDocument<?>> documents, int times) {
        long start = threads.getCurrentThreadCpuTime();
        for (LibvirtDocument<?> d : documents) {
            for (int k = 0; k < times; k++) {
                d.write();
            }
        }
        return threads.getCurrentThreadCpuTime() - start;
    }
}
