package org.virtxml.lint.host;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import javax.xml.parsers.ParserConfigurationException;
import org.virtxml.io.SafeXml;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * What one hypervisor binary offers for one machine type, as libvirt's domain capabilities
 * document says ({@code virsh domcapabilities}): the emulator, virtualization type, machine, arch,
 * vCPU limit, and for each part (os, cpu modes, devices, features) whether it is supported and
 * the values of its {@code <enum>}s. Parts and enums the document does not name are unknown, not
 * refused. Immutable.
 *
 * <p>Keys are slash-separated element paths under the root: {@code devices/disk} (supported),
 * {@code devices/disk/bus} (an enum), {@code cpu/mode/custom} (a CPU mode by name).
 */
public final class DomainCapabilities implements GuestCapabilities {

    private final String source;
    private final String path;
    private final String domainType;
    private final String machine;
    private final String arch;
    private final Integer vcpuMax;
    private final Map<String, Boolean> supported;
    private final Map<String, Set<String>> enums;
    private final Set<String> cpuModels;

    private DomainCapabilities(String source, Element root) {
        this.source = source;
        this.path = childText(root, "path");
        this.domainType = childText(root, "domain");
        this.machine = childText(root, "machine");
        this.arch = childText(root, "arch");
        Element vcpu = child(root, "vcpu");
        Integer max = null;
        if (vcpu != null) {
            try {
                max = Integer.valueOf(vcpu.getAttribute("max"));
            } catch (NumberFormatException e) {
                max = null;
            }
        }
        this.vcpuMax = max;
        Map<String, Boolean> sup = new HashMap<>();
        Map<String, Set<String>> en = new HashMap<>();
        Set<String> models = new LinkedHashSet<>();
        collect(root, "", sup, en, models);
        this.supported = Map.copyOf(sup);
        this.enums = Map.copyOf(en);
        this.cpuModels = Set.copyOf(models);
    }

    /** Reads a domain capabilities document ({@code virsh domcapabilities} output). */
    public static DomainCapabilities parse(String xml, String source) throws HostProfileException {
        org.w3c.dom.Document doc;
        try {
            javax.xml.parsers.DocumentBuilder builder = SafeXml.newDocumentBuilder();
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler()); // throws on fatal errors, prints nothing
            doc = builder.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (SAXParseException e) {
            throw new HostProfileException(
                    source + ":" + e.getLineNumber() + ":" + e.getColumnNumber()
                            + ": not well-formed domain capabilities XML: " + e.getMessage(),
                    e);
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new HostProfileException(source + ": cannot read domain capabilities XML: " + e.getMessage(), e);
        }
        Element root = doc.getDocumentElement();
        if (!"domainCapabilities".equals(root.getLocalName() == null ? root.getTagName() : root.getLocalName())) {
            throw new HostProfileException(
                    source + ": not a domain capabilities document (root <" + root.getTagName()
                            + ">, expected <domainCapabilities>, as virsh domcapabilities prints it)",
                    null);
        }
        return new DomainCapabilities(source, root);
    }

    /** Reads a domain capabilities file. */
    public static DomainCapabilities read(java.nio.file.Path file) throws IOException, HostProfileException {
        return parse(java.nio.file.Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    static DomainCapabilities resource(String name) {
        try (InputStream in = DomainCapabilities.class.getResourceAsStream("qemu/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing QEMU profile resource qemu/" + name);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "qemu/" + name);
        } catch (IOException | HostProfileException e) {
            throw new IllegalStateException("unreadable QEMU profile resource qemu/" + name + ": " + e.getMessage(), e);
        }
    }

    private static void collect(
            Element e, String prefix, Map<String, Boolean> sup, Map<String, Set<String>> en, Set<String> models) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element c)) {
                continue;
            }
            String name = c.getTagName();
            if (name.equals("enum")) {
                Set<String> values = new LinkedHashSet<>();
                for (Element v : children(c, "value")) {
                    values.add(v.getTextContent().trim());
                }
                en.put(prefix + c.getAttribute("name"), Set.copyOf(values));
                continue;
            }
            String key =
                    prefix + name + (name.equals("mode") && c.hasAttribute("name") ? "/" + c.getAttribute("name") : "");
            if (c.hasAttribute("supported")) {
                sup.put(key, "yes".equals(c.getAttribute("supported")));
            }
            if (key.equals("cpu/mode/custom")) {
                for (Element m : children(c, "model")) {
                    models.add(m.getTextContent().trim());
                }
            }
            collect(c, key + "/", sup, en, models);
        }
    }

    private static List<Element> children(Element e, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && c.getTagName().equals(name)) {
                out.add(c);
            }
        }
        return out;
    }

    private static Element child(Element e, String name) {
        List<Element> l = children(e, name);
        return l.isEmpty() ? null : l.get(0);
    }

    private static String childText(Element e, String name) {
        Element c = child(e, name);
        return c == null ? null : c.getTextContent().trim();
    }

    /** Where the document came from: a file, or {@code qemu/qemu_9.2.0-q35.x86_64.xml} for a shipped profile. */
    public String source() {
        return source;
    }

    /** The emulator binary ({@code /usr/bin/qemu-system-x86_64}), if named. */
    public Optional<String> emulator() {
        return Optional.ofNullable(path);
    }

    /** The virtualization type the document is for ({@code kvm}, {@code qemu}), if named. */
    public Optional<String> domainType() {
        return Optional.ofNullable(domainType);
    }

    /** The machine type the document is for ({@code pc-q35-9.2}), if named. */
    public Optional<String> machine() {
        return Optional.ofNullable(machine);
    }

    public Optional<String> arch() {
        return Optional.ofNullable(arch);
    }

    public OptionalInt vcpuMax() {
        return vcpuMax == null ? OptionalInt.empty() : OptionalInt.of(vcpuMax);
    }

    /** Whether the part at {@code key} ({@code devices/disk}, {@code features/sev}, {@code cpu/mode/custom}) is supported; empty when not said. */
    public Optional<Boolean> supported(String key) {
        return Optional.ofNullable(supported.get(key));
    }

    /** The values of the enum at {@code key} ({@code devices/disk/bus}); empty when the document has no such enum. */
    public Optional<Set<String>> values(String key) {
        return Optional.ofNullable(enums.get(key));
    }

    /**
     * This document, for a guest it describes: of its arch (or none given), its virtualization type
     * (kvm and qemu count as one: their device lists agree; the CPU rules compare the type
     * themselves) and its machine family ({@link GuestCapabilities#machineFamily}).
     */
    @Override
    public Optional<DomainCapabilities> forGuest(String type, String guestArch, String guestMachine) {
        boolean archOk = guestArch == null || arch == null || guestArch.equals(arch);
        boolean typeOk = type != null
                && (type.equals(domainType)
                        || java.util.Set.of("kvm", "qemu").containsAll(java.util.Arrays.asList(type, domainType)));
        boolean machineOk = machine == null
                || GuestCapabilities.machineFamily(guestMachine).equals(GuestCapabilities.machineFamily(machine));
        return archOk && typeOk && machineOk ? Optional.of(this) : Optional.empty();
    }

    @Override
    public String describe() {
        return "domain capabilities " + source;
    }

    /** The CPU models of the custom mode (usable or not). */
    public Set<String> cpuModels() {
        return cpuModels;
    }
}
