package org.virtxml.bench;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.virtxml.io.LibvirtDocument;
import org.virtxml.io.LibvirtXml;
import org.virtxml.model.ModelElement;
import org.virtxml.model.ModelProperty;

/**
 * Deterministic companions of {@link CorpusBenchmark}: bytes allocated per input byte by one
 * read pass and one read + write pass over the corpus domain documents (the thread's allocation
 * counter, after warm-up passes), and the heap the documents read keep (live heap after a full
 * collection with every document held, less the live heap with only their bytes held), and of
 * that the model alone (a deep copy of each root, its locations let go); and the
 * thread's CPU time per pass of read + write, read, no-op write and the StAX baseline, best of
 * 10 rounds: on a loaded machine a steadier comparison than wall time.
 */
public final class Footprint {
    private Footprint() {}

    public static void main(String[] args) throws Exception {
        DomainCorpus corpus = DomainCorpus.load();
        List<byte[]> docs = corpus.documents();
        double bytes = corpus.totalBytes();
        LibvirtXml xml = LibvirtXml.defaults();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        for (int warm = 0; warm < 5; warm++) {
            for (byte[] d : docs) {
                xml.read(new ByteArrayInputStream(d), "bench").write();
            }
        }
        org.xml.sax.XMLReader sax = org.virtxml.io.SafeXml.newReader();
        org.xml.sax.helpers.DefaultHandler nothing = new org.xml.sax.helpers.DefaultHandler();
        sax.setContentHandler(nothing);
        for (int warm = 0; warm < 3; warm++) {
            for (byte[] d : docs) {
                sax.parse(new org.xml.sax.InputSource(new ByteArrayInputStream(d)));
            }
        }
        long before = threads.getThreadAllocatedBytes(tid);
        for (byte[] d : docs) {
            sax.parse(new org.xml.sax.InputSource(new ByteArrayInputStream(d)));
        }
        long saxOnly = threads.getThreadAllocatedBytes(tid) - before;
        before = threads.getThreadAllocatedBytes(tid);
        for (byte[] d : docs) {
            xml.read(new ByteArrayInputStream(d), "bench");
        }
        long read = threads.getThreadAllocatedBytes(tid) - before;
        before = threads.getThreadAllocatedBytes(tid);
        for (byte[] d : docs) {
            xml.read(new ByteArrayInputStream(d), "bench").write();
        }
        long readWrite = threads.getThreadAllocatedBytes(tid) - before;
        // CPU time of this thread per pass (best of 10): far less disturbed than wall time on a shared machine
        javax.xml.stream.XMLInputFactory stax = javax.xml.stream.XMLInputFactory.newDefaultFactory();
        stax.setProperty(javax.xml.stream.XMLInputFactory.SUPPORT_DTD, false);
        stax.setProperty(javax.xml.stream.XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        List<LibvirtDocument<?>> once = new ArrayList<>();
        for (byte[] d : docs) {
            once.add(xml.read(new ByteArrayInputStream(d), "bench"));
        }
        long[] best = {Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE};
        for (int round = 0; round < 10; round++) {
            long c0 = threads.getCurrentThreadCpuTime();
            for (byte[] d : docs) {
                xml.read(new ByteArrayInputStream(d), "bench").write();
            }
            long c1 = threads.getCurrentThreadCpuTime();
            for (byte[] d : docs) {
                xml.read(new ByteArrayInputStream(d), "bench");
            }
            long c2 = threads.getCurrentThreadCpuTime();
            for (LibvirtDocument<?> d : once) {
                d.write();
            }
            long c3 = threads.getCurrentThreadCpuTime();
            for (byte[] d : docs) {
                javax.xml.stream.XMLStreamReader r = stax.createXMLStreamReader(new ByteArrayInputStream(d));
                while (r.hasNext()) {
                    r.next();
                }
                r.close();
            }
            long c4 = threads.getCurrentThreadCpuTime();
            best[0] = Math.min(best[0], c1 - c0);
            best[1] = Math.min(best[1], c2 - c1);
            best[2] = Math.min(best[2], c3 - c2);
            best[3] = Math.min(best[3], c4 - c3);
        }
        List<LibvirtDocument<?>> held = new ArrayList<>();
        long base = liveHeap();
        for (byte[] d : docs) {
            held.add(xml.read(new ByteArrayInputStream(d), "bench"));
        }
        long kept = liveHeap() - base;
        // the model alone: a deep copy of each root with the reader's records let go (the copy
        // otherwise reaches the original's records through its locations), the source text not held
        held.clear();
        List<ModelElement> models = new ArrayList<>();
        long base2 = liveHeap();
        for (byte[] d : docs) {
            ModelElement copy = ModelElement.copyOf(
                    xml.read(new ByteArrayInputStream(d), "bench").root());
            forgetLocations(copy);
            models.add(copy);
        }
        long modelOnly = liveHeap() - base2;
        System.out.printf(Locale.ROOT, "%d corpus domain documents, %.0f bytes%n", docs.size(), bytes);
        System.out.printf(
                Locale.ROOT,
                "| baseline: the JDK's SAX parser alone (same safe settings, empty handler), bytes allocated per input byte | %.1f |%n",
                saxOnly / bytes);
        System.out.printf(Locale.ROOT, "| read: bytes allocated per input byte | %.1f |%n", read / bytes);
        System.out.printf(Locale.ROOT, "| read + write: bytes allocated per input byte | %.1f |%n", readWrite / bytes);
        System.out.printf(
                Locale.ROOT,
                "| documents read, kept in memory, per input byte | %.2f (%d bytes per document) |%n",
                kept / bytes,
                kept / docs.size());
        System.out.printf(
                Locale.ROOT,
                "| of which the model alone (typed elements, kept content, their values), per input byte | %.2f (%d bytes per document) |%n",
                modelOnly / bytes,
                modelOnly / docs.size());
        String[] names = {
            "read + write (byte-stable, no change)",
            "read",
            "no-op write (documents already read)",
            "JDK StAX tokenize only (baseline)"
        };
        System.out.println();
        System.out.println("| pass over the corpus domains | CPU ms (best of 10) | MB per CPU second | × StAX |");
        System.out.println("|---|---:|---:|---:|");
        for (int i = 0; i < 4; i++) {
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %.1f | %.1f | %.2f |%n",
                    names[i],
                    best[i] / 1e6,
                    bytes / 1e6 / (best[i] / 1e9),
                    (double) best[3] / best[i]);
        }
        System.out.printf(Locale.ROOT, "no-op write: %.1f× read + write%n", (double) best[0] / best[2]);
        if (Boolean.getBoolean("footprint.histogram")) {
            // the classes of what the documents keep, largest first (the corpus bytes and the JDK's own are in it too)
            new ProcessBuilder("jcmd", String.valueOf(ProcessHandle.current().pid()), "GC.class_histogram")
                    .inheritIO()
                    .start()
                    .waitFor();
        }
        if (models.size() != docs.size()) {
            throw new IllegalStateException();
        }
    }

    /** Lets go of the reader's records under {@code e}; the same as ReadRetentionTest's (a test source, not visible here). */
    private static void forgetLocations(ModelElement e) {
        e.attachLocations(null);
        for (ModelProperty p : ModelProperty.of(e.getClass())) {
            if (!p.isAttribute()) {
                for (Object v : p.values(e)) {
                    if (v instanceof ModelElement child) {
                        forgetLocations(child);
                    }
                }
            }
        }
    }

    private static long liveHeap() {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }
}
