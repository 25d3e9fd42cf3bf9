package org.virtxml.bench;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.virtxml.io.DocumentReadException;
import org.virtxml.io.LibvirtDocument;
import org.virtxml.io.LibvirtXml;

/**
 * Deterministic companions of {@link CorpusBenchmark}: bytes allocated per input byte by one
 * read pass and one read + write pass over the corpus domain documents (the thread's allocation
 * counter, after warm-up passes), and the heap the documents read keep (live heap after a full
 * collection with every document held, less the live heap with only their bytes held).
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
        List<LibvirtDocument<?>> held = new ArrayList<>();
        long base = liveHeap();
        for (byte[] d : docs) {
            held.add(xml.read(new ByteArrayInputStream(d), "bench"));
        }
        long kept = liveHeap() - base;
        System.out.printf(Locale.ROOT, "%d corpus domain documents, %.0f bytes%n", docs.size(), bytes);
        System.out.printf(Locale.ROOT, "| baseline: the JDK's SAX parser alone (same safe settings, empty handler), bytes allocated per input byte | %.1f |%n", saxOnly / bytes);
        System.out.printf(Locale.ROOT, "| read: bytes allocated per input byte | %.1f |%n", read / bytes);
        System.out.printf(Locale.ROOT, "| read + write: bytes allocated per input byte | %.1f |%n", readWrite / bytes);
        System.out.printf(Locale.ROOT, "| documents read, kept in memory, per input byte | %.2f (%d bytes per document) |%n",
                kept / bytes, kept / docs.size());
        if (Boolean.getBoolean("footprint.histogram")) {
            // the classes of what the documents keep, largest first (the corpus bytes and the JDK's own are in it too)
            new ProcessBuilder("jcmd", String.valueOf(ProcessHandle.current().pid()), "GC.class_histogram")
                    .inheritIO().start().waitFor();
        }
        if (held.size() != docs.size()) {
            throw new IllegalStateException();
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
