package org.virtxml.connect.mem;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.virtxml.connect.NodeInfo;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * What the in-memory host is, read from a capabilities document: node info (CPUs, memory, topology)
 * and the virtualization types ({@code <guest><arch><domain type=...>}) it accepts.
 */
public record HostProfile(String hostname, String capabilitiesXml, NodeInfo nodeInfo, Set<String> domainTypes) {

    public HostProfile {
        domainTypes = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(domainTypes)); // capabilities order
    }

    /** A profile from a capabilities document (libvirt's {@code virsh capabilities} output). */
    public static HostProfile fromCapabilities(String hostname, String capabilitiesXml) {
        Document document = parse(capabilitiesXml);
        Element root = document.getDocumentElement();
        if (!root.getTagName().equals("capabilities")) {
            throw new IllegalArgumentException("not a capabilities document: root element <" + root.getTagName() + ">");
        }
        Element host = first(root, "host");
        Element cpu = host == null ? null : first(host, "cpu");
        String model = cpu == null || first(cpu, "model") == null ? "" : first(cpu, "model").getTextContent().trim();
        Element topology = cpu == null ? null : first(cpu, "topology");
        int sockets = intAttribute(topology, "sockets", 1);
        int cores = intAttribute(topology, "cores", 1);
        int threads = intAttribute(topology, "threads", 1);
        int dies = intAttribute(topology, "dies", 1);
        long memoryKiB = 0;
        int cpus = 0;
        int nodes = 0;
        Element cells = host == null || first(host, "topology") == null ? null : first(first(host, "topology"), "cells");
        if (cells != null) {
            for (Element cell : children(cells, "cell")) {
                nodes++;
                Element memory = first(cell, "memory");
                if (memory != null) {
                    memoryKiB += toKiB(Long.parseLong(memory.getTextContent().trim()), memory.getAttribute("unit"));
                }
                Element cellCpus = first(cell, "cpus");
                if (cellCpus != null) {
                    cpus += intAttribute(cellCpus, "num", children(cellCpus, "cpu").size());
                }
            }
        }
        if (cpus == 0) {
            cpus = sockets * dies * cores * threads * Math.max(1, nodes);
        }
        Set<String> types = new LinkedHashSet<>();
        for (Element guest : children(root, "guest")) {
            for (Element arch : children(guest, "arch")) {
                for (Element domain : children(arch, "domain")) {
                    types.add(domain.getAttribute("type"));
                }
            }
        }
        NodeInfo info = new NodeInfo(model, memoryKiB, cpus, 0, Math.max(1, nodes), sockets, cores, threads);
        return new HostProfile(hostname, capabilitiesXml, info, types);
    }

    /** A plausible x86_64 KVM host: 1 NUMA cell, 8 logical CPUs (1 socket, 4 cores, 2 threads), 16 GiB. */
    public static HostProfile defaultProfile(String hostname) {
        StringBuilder cpus = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            cpus.append("          <cpu id='").append(i).append("' socket_id='0' core_id='").append(i / 2)
                    .append("' siblings='").append(i - i % 2).append('-').append(i - i % 2 + 1).append("'/>\n");
        }
        String xml = "<capabilities>\n"
                + "  <host>\n"
                + "    <uuid>00000000-0000-4000-8000-000000000001</uuid>\n"
                + "    <cpu>\n"
                + "      <arch>x86_64</arch>\n"
                + "      <model>Skylake-Client-IBRS</model>\n"
                + "      <vendor>Intel</vendor>\n"
                + "      <topology sockets='1' dies='1' cores='4' threads='2'/>\n"
                + "    </cpu>\n"
                + "    <topology>\n"
                + "      <cells num='1'>\n"
                + "        <cell id='0'>\n"
                + "          <memory unit='KiB'>16777216</memory>\n"
                + "          <cpus num='8'>\n"
                + cpus
                + "          </cpus>\n"
                + "        </cell>\n"
                + "      </cells>\n"
                + "    </topology>\n"
                + "  </host>\n"
                + "  <guest>\n"
                + "    <os_type>hvm</os_type>\n"
                + "    <arch name='x86_64'>\n"
                + "      <wordsize>64</wordsize>\n"
                + "      <emulator>/usr/bin/qemu-system-x86_64</emulator>\n"
                + "      <machine maxCpus='255'>pc</machine>\n"
                + "      <machine maxCpus='288'>q35</machine>\n"
                + "      <domain type='qemu'/>\n"
                + "      <domain type='kvm'/>\n"
                + "    </arch>\n"
                + "  </guest>\n"
                + "</capabilities>\n";
        return fromCapabilities(hostname, xml);
    }

    private static long toKiB(long value, String unit) {
        switch (unit == null ? "" : unit.toLowerCase(Locale.ROOT)) {
            case "", "kib", "k": return value;
            case "b", "bytes": return value / 1024;
            case "mib", "m": return value * 1024;
            case "gib", "g": return value * 1024 * 1024;
            default: throw new IllegalArgumentException("unknown memory unit '" + unit + "' in capabilities");
        }
    }

    private static int intAttribute(Element element, String name, int fallback) {
        if (element == null || element.getAttribute(name).isEmpty()) {
            return fallback;
        }
        return Integer.parseInt(element.getAttribute(name).trim());
    }

    private static Element first(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element && element.getTagName().equals(name)) {
                found.add(element);
            }
        }
        return found;
    }

    private static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setExpandEntityReferences(false);
            var builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new InputSource(new StringReader(xml)));
        } catch (SAXException | IOException e) {
            throw new IllegalArgumentException("capabilities document is not well-formed XML: " + e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser cannot be configured safely", e);
        }
    }
}
