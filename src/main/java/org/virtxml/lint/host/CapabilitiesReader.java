package org.virtxml.lint.host;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads a {@link HostProfile} from libvirt capabilities XML with a safe DOM parser (no DOCTYPE,
 * no external entities). Threads and physical cores come from the NUMA cells' {@code <cpus>}
 * (distinct socket/die/cluster/core ids; sibling groups when ids are absent), otherwise from
 * {@code <host><cpu><topology>}; memory is the sum of the cells' {@code <memory>}; domain types
 * from {@code <guest><arch><domain type>}. Capabilities do not report swap.
 */
final class CapabilitiesReader {

    private static final Map<String, Long> UNITS = units();

    private CapabilitiesReader() {
    }

    static HostProfile read(String xml) throws HostProfileException {
        Element root = parse(xml).getDocumentElement();
        if (!"capabilities".equals(root.getNodeName())) {
            throw new HostProfileException("not libvirt capabilities XML: root element is <"
                    + root.getNodeName() + ">, expected <capabilities>");
        }
        HostProfile.Builder b = HostProfile.builder().source("capabilities");
        Optional<Element> host = child(root, "host");
        Optional<Element> cpu = host.flatMap(h -> child(h, "cpu"));
        Topology topology = cpu.flatMap(c -> child(c, "topology")).map(Topology::of).orElse(null);

        List<Element> cells = host.flatMap(h -> child(h, "topology")).flatMap(t -> child(t, "cells"))
                .map(c -> children(c, "cell")).orElse(List.of());
        List<Element> cellCpus = new ArrayList<>();
        for (Element cell : cells) {
            child(cell, "cpus").ifPresent(cs -> cellCpus.addAll(children(cs, "cpu")));
        }
        if (!cellCpus.isEmpty()) {
            cpusFromCells(cellCpus, topology, b);
        } else if (topology != null && topology.threadsTotal() > 0) {
            b.threads(topology.threadsTotal()).cpuCount(topology.threadsTotal());
            b.physicalCores(topology.threadsTotal() / Math.max(1, topology.threadsPerCore));
        }
        memoryFromCells(cells).ifPresent(b::memoryBytes);

        Set<String> domainTypes = new TreeSet<>();
        for (Element guest : children(root, "guest")) {
            for (Element arch : children(guest, "arch")) {
                for (Element domain : children(arch, "domain")) {
                    String type = domain.getAttribute("type");
                    if (!type.isEmpty()) {
                        domainTypes.add(type);
                    }
                }
            }
        }
        b.domainTypes(domainTypes);
        boolean kvmOffered = domainTypes.contains("kvm");
        b.kvm(kvmOffered ? Support.PRESENT : domainTypes.isEmpty() ? Support.UNKNOWN : Support.ABSENT);

        Set<String> features = new HashSet<>();
        cpu.ifPresent(c -> children(c, "feature").forEach(f -> features.add(f.getAttribute("name"))));
        if (features.contains("vmx") || features.contains("svm") || kvmOffered) {
            b.hardwareVirtualization(Support.PRESENT);
        } else if (!features.isEmpty() && isX86(cpu)) {
            b.hardwareVirtualization(Support.ABSENT);
        }
        return b.build();
    }

    private static void cpusFromCells(List<Element> cpus, Topology topology, HostProfile.Builder b)
            throws HostProfileException {
        int maxId = -1;
        Set<String> coreKeys = new HashSet<>();
        Set<String> siblingGroups = new HashSet<>();
        boolean allHaveIds = true;
        boolean allHaveSiblings = true;
        for (Element cpu : cpus) {
            maxId = Math.max(maxId, nonNegativeInt(cpu, "id"));
            if (cpu.hasAttribute("socket_id") && cpu.hasAttribute("core_id")) {
                coreKeys.add(cpu.getAttribute("socket_id") + "/" + cpu.getAttribute("die_id") + "/"
                        + cpu.getAttribute("cluster_id") + "/" + cpu.getAttribute("core_id"));
            } else {
                allHaveIds = false;
            }
            if (cpu.hasAttribute("siblings")) {
                siblingGroups.add(cpu.getAttribute("siblings"));
            } else {
                allHaveSiblings = false;
            }
        }
        int threads = cpus.size();
        b.threads(threads).cpuCount(maxId + 1);
        if (allHaveIds) {
            b.physicalCores(coreKeys.size());
        } else if (allHaveSiblings) {
            b.physicalCores(siblingGroups.size());
        } else {
            int perCore = topology == null ? 1 : Math.max(1, topology.threadsPerCore);
            b.physicalCores(Math.max(1, threads / perCore));
        }
    }

    private static Optional<Long> memoryFromCells(List<Element> cells) throws HostProfileException {
        if (cells.isEmpty()) {
            return Optional.empty();
        }
        long total = 0;
        for (Element cell : cells) {
            Optional<Element> memory = child(cell, "memory");
            if (memory.isEmpty()) {
                return Optional.empty();
            }
            try {
                total = Math.addExact(total, bytes(memory.get()));
            } catch (ArithmeticException e) {
                throw new HostProfileException("the cells' <memory> add up to more than 2^63 bytes");
            }
        }
        return Optional.of(total);
    }

    private static long bytes(Element memory) throws HostProfileException {
        String unit = memory.hasAttribute("unit") ? memory.getAttribute("unit") : "KiB";
        Long scale = UNITS.get(unit.toLowerCase(Locale.ROOT));
        String text = memory.getTextContent().trim();
        if (scale == null) {
            throw new HostProfileException("cell <memory> has an unknown unit '" + unit + "'");
        }
        if (!text.matches("\\d{1,19}")) {
            throw new HostProfileException("cell <memory> is not an unsigned integer: '" + text + "'");
        }
        try {
            return Math.multiplyExact(Long.parseLong(text), scale);
        } catch (ArithmeticException | NumberFormatException e) {
            throw new HostProfileException("cell <memory> is too large: " + text + " " + unit);
        }
    }

    private static boolean isX86(Optional<Element> cpu) {
        String arch = cpu.flatMap(c -> child(c, "arch")).map(a -> a.getTextContent().trim()).orElse("");
        return arch.equals("x86_64") || arch.matches("i[3-6]86");
    }

    private static int nonNegativeInt(Element e, String attribute) throws HostProfileException {
        String v = e.getAttribute(attribute);
        if (!v.matches("\\d{1,9}")) {
            throw new HostProfileException("<" + e.getNodeName() + " " + attribute + "='" + v
                    + "'> is not a CPU id");
        }
        return Integer.parseInt(v);
    }

    /** The host CPU topology: sockets × dies × clusters × cores × threads. */
    private record Topology(int sockets, int dies, int clusters, int cores, int threadsPerCore) {
        static Topology of(Element t) {
            return new Topology(attr(t, "sockets"), attr(t, "dies"), attr(t, "clusters"), attr(t, "cores"),
                    attr(t, "threads"));
        }

        int threadsTotal() {
            long n = (long) sockets * dies * clusters * cores * threadsPerCore;
            return n > Integer.MAX_VALUE ? 0 : (int) n;
        }

        private static int attr(Element e, String name) {
            String v = e.getAttribute(name);
            return v.matches("\\d{1,6}") ? Integer.parseInt(v) : 1;
        }
    }

    private static Document parse(String xml) throws HostProfileException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            f.setNamespaceAware(false);
            DocumentBuilder builder = f.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler());
            return builder.parse(new InputSource(new StringReader(xml)));
        } catch (SAXParseException e) {
            String what = e.getMessage() != null && e.getMessage().contains("DOCTYPE")
                    ? "refused: DOCTYPE declarations are not allowed" : e.getMessage();
            throw new HostProfileException("capabilities XML at line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() + ": " + what, e);
        } catch (SAXException | IOException e) {
            throw new HostProfileException("capabilities XML cannot be read: " + e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser lacks a required safety feature", e);
        }
    }

    private static Optional<Element> child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getNodeName().equals(name)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> list = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getNodeName().equals(name)) {
                list.add(e);
            }
        }
        return list;
    }

    /** libvirt's unit suffixes (virScaleInteger), lower-cased. */
    private static Map<String, Long> units() {
        java.util.HashMap<String, Long> m = new java.util.HashMap<>();
        m.put("b", 1L);
        m.put("bytes", 1L);
        String[] prefixes = {"k", "m", "g", "t", "p", "e"};
        long binary = 1;
        long decimal = 1;
        for (String p : prefixes) {
            binary *= 1024;
            decimal *= 1000;
            m.put(p, binary);
            m.put(p + "ib", binary);
            m.put(p + "b", decimal);
        }
        return Map.copyOf(m);
    }
}
