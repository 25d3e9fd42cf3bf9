package org.virtxml.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.virtxml.tools.RngVocabulary.Category;
import org.virtxml.tools.RngVocabulary.Child;
import org.virtxml.tools.RngVocabulary.ElementType;

/**
 * Writes the project's binding schemas ({@code schema/*.xsd}) from libvirt's RELAX NG grammars.
 *
 * <p>The XSDs are binding schemas, not validating ones: every child is optional, every value is
 * text (bound to value types that keep the exact text), and each generated class extends the
 * hand-written {@code org.virtxml.model.ModelElement}, which keeps whatever the schema does not
 * declare. Run with the corpus schema folder and the output folder:
 * {@code SchemaGenerator ../shared/corpus/libvirt-11.3.0/schemas schema}.
 */
public final class SchemaGenerator {

    private static final String MODEL = "org.virtxml.model.";
    private static final String MODEL_DOMAIN = MODEL + "domain.Domain";

    /**
     * A document kind: its grammar file, root element, and Java package; {@code embedded} names the
     * child elements that are documents of another kind (element name → that kind's root class).
     */
    record Kind(String id, String rngFile, String rootElement, String javaPackage, Map<String, String> embedded) {
        Kind(String id, String rngFile, String rootElement, String javaPackage) {
            this(id, rngFile, rootElement, javaPackage, Map.of());
        }
    }

    /** A snapshot's or checkpoint's whole domain: libvirt includes domain.rng; typed by the domain's own class. */
    private static final Map<String, String> EMBEDDED_DOMAIN =
            Map.of("domain", MODEL_DOMAIN, "inactiveDomain", MODEL_DOMAIN);

    /** Root classes named in libvirt's words where the element name runs words together. */
    private static final Map<String, String> ROOT_CLASS_NAMES = Map.of(
            "domainsnapshot",
            "DomainSnapshot",
            "domaincheckpoint",
            "DomainCheckpoint",
            "domainbackup",
            "DomainBackup",
            "networkport",
            "NetworkPort",
            "filterbinding",
            "FilterBinding",
            "device",
            "NodeDevice",
            "storagepoolCapabilities",
            "StoragePoolCapabilities");

    static final List<Kind> KINDS = List.of(
            new Kind("domain", "domain.rng", "domain", "org.virtxml.model.domain"),
            new Kind("pool", "storagepool.rng", "pool", "org.virtxml.model.pool"),
            new Kind("volume", "storagevol.rng", "volume", "org.virtxml.model.volume"),
            new Kind("capabilities", "capability.rng", "capabilities", "org.virtxml.model.capabilities"),
            new Kind("network", "network.rng", "network", "org.virtxml.model.network"),
            new Kind("networkport", "networkport.rng", "networkport", "org.virtxml.model.networkport"),
            new Kind("nwfilter", "nwfilter.rng", "filter", "org.virtxml.model.nwfilter"),
            new Kind("nwfilterbinding", "nwfilterbinding.rng", "filterbinding", "org.virtxml.model.nwfilterbinding"),
            new Kind("nodedev", "nodedev.rng", "device", "org.virtxml.model.nodedev"),
            new Kind("secret", "secret.rng", "secret", "org.virtxml.model.secret"),
            new Kind(
                    "domainsnapshot",
                    "domainsnapshot.rng",
                    "domainsnapshot",
                    "org.virtxml.model.snapshot",
                    EMBEDDED_DOMAIN),
            new Kind(
                    "domaincheckpoint",
                    "domaincheckpoint.rng",
                    "domaincheckpoint",
                    "org.virtxml.model.checkpoint",
                    EMBEDDED_DOMAIN),
            new Kind("domainbackup", "domainbackup.rng", "domainbackup", "org.virtxml.model.backup", EMBEDDED_DOMAIN),
            new Kind("interface", "interface.rng", "interface", "org.virtxml.model.hostinterface"),
            new Kind("domaincapabilities", "domaincaps.rng", "domainCapabilities", "org.virtxml.model.domaincaps"),
            new Kind(
                    "storagepoolcapabilities",
                    "storagepoolcaps.rng",
                    "storagepoolCapabilities",
                    "org.virtxml.model.poolcaps"));

    /** Class names that a generated class must not take. */
    private static final Set<String> RESERVED = Set.of(
            "Boolean",
            "Byte",
            "Character",
            "Class",
            "Double",
            "Enum",
            "Error",
            "Float",
            "Integer",
            "Long",
            "Math",
            "Module",
            "Number",
            "Object",
            "Override",
            "Package",
            "Process",
            "Record",
            "Runtime",
            "Short",
            "String",
            "System",
            "Thread",
            "Void",
            "Iterable",
            "Exception",
            "Leaf",
            "IntegerLeaf",
            "UuidLeaf",
            "ModelElement",
            "DiskView",
            "DiskSourceVariant",
            "DiskTypes",
            "DiskDevices",
            "DiskBuses",
            "DiskCaches",
            "DiskTargetNames",
            "InterfaceView",
            "InterfaceSourceVariant",
            "InterfaceTypes",
            "GraphicsTypes",
            "HostdevView",
            "HostdevSourceVariant",
            "ChardevView",
            "ChardevSourceVariant",
            "WithPciAddress",
            "WithText",
            "WithSize",
            "WithValue",
            "SizedElement",
            "IntegerElement",
            "PciAddressElement",
            "ObjectFactory",
            "Text",
            "Element",
            "Location");

    /** Element names too generic to stand alone as a class name: always named after their parent. */
    private static final Set<String> GENERIC = Set.of(
            "type",
            "source",
            "target",
            "driver",
            "model",
            "address",
            "alias",
            "boot",
            "name",
            "entry",
            "feature",
            "device",
            "backend",
            "format",
            "host",
            "auth",
            "secret",
            "protocol",
            "reservations",
            "permissions",
            "timestamps",
            "encryption",
            "features",
            "cache",
            "mode",
            "option",
            "config",
            "path",
            "size",
            "node",
            "label",
            "link");

    /** A type under at least this many differently named parents is named on its own. */
    private static final int SHARED_PARENTS = 3;

    /** Parents to name shared types after, most familiar first. */
    private static final List<String> PREFERRED_PARENTS = List.of(
            "disk",
            "interface",
            "hostdev",
            "controller",
            "graphics",
            "video",
            "filesystem",
            "serial",
            "console",
            "channel",
            "rng",
            "tpm",
            "memory",
            "cpu",
            "host",
            "guest",
            "pool",
            "volume",
            "os");

    /** The hand-written value type each value category is bound to (keeping the exact text). */
    private static final Map<Category, String> VALUE_TYPES = Map.of(
            Category.INTEGER,
            "IntegerText",
            Category.UUID,
            "Uuid",
            Category.MAC,
            "MacAddress",
            Category.CPUSET,
            "CpuSet",
            Category.IP,
            "IpAddress",
            Category.VLAN,
            "VlanId");

    /**
     * The kinds whose IP addresses and VLAN ids are bound to {@code IpAddress} and {@code VlanId};
     * elsewhere (the domain, storage, backups) they stay text and integers.
     */
    private static final Set<String> NETWORK_VALUE_KINDS =
            Set.of("network", "networkport", "nwfilter", "nwfilterbinding", "interface", "nodedev");

    /** libvirt's formatter order (virDomainDefFormat) for the elements where written order matters most to readers. */
    private static final Map<String, List<String>> OUTPUT_ORDER = Map.of(
            "domain",
                    List.of(
                            "name",
                            "uuid",
                            "genid",
                            "title",
                            "description",
                            "metadata",
                            "maxMemory",
                            "memory",
                            "currentMemory",
                            "blkiotune",
                            "memtune",
                            "memoryBacking",
                            "vcpu",
                            "vcpus",
                            "iothreads",
                            "iothreadids",
                            "defaultiothread",
                            "cputune",
                            "numatune",
                            "resource",
                            "sysinfo",
                            "bootloader",
                            "bootloader_args",
                            "os",
                            "idmap",
                            "features",
                            "cpu",
                            "clock",
                            "on_poweroff",
                            "on_reboot",
                            "on_crash",
                            "on_lockfailure",
                            "pm",
                            "perf",
                            "devices",
                            "seclabel",
                            "keywrap",
                            "launchSecurity",
                            "throttlegroups"),
            "devices",
                    List.of(
                            "emulator",
                            "disk",
                            "controller",
                            "lease",
                            "filesystem",
                            "interface",
                            "smartcard",
                            "serial",
                            "parallel",
                            "console",
                            "channel",
                            "input",
                            "tpm",
                            "graphics",
                            "sound",
                            "audio",
                            "video",
                            "hostdev",
                            "redirdev",
                            "redirfilter",
                            "hub",
                            "watchdog",
                            "memballoon",
                            "rng",
                            "panic",
                            "shmem",
                            "memory",
                            "iommu",
                            "vsock",
                            "crypto",
                            "pstore"));

    /** Classes of libvirt's type-discriminated elements and the hand-written typed view each implements. */
    private static final Map<String, String> UNION_VIEWS = Map.of(
            "Disk",
            "org.virtxml.model.domain.DiskView",
            "Interface",
            "org.virtxml.model.domain.InterfaceView",
            "Hostdev",
            "org.virtxml.model.domain.HostdevView",
            "Serial",
            "org.virtxml.model.domain.ChardevView&lt;Serial&gt;",
            "Console",
            "org.virtxml.model.domain.ChardevView&lt;Console&gt;",
            "DevicesChannel",
            "org.virtxml.model.domain.ChardevView&lt;DevicesChannel&gt;",
            "Parallel",
            "org.virtxml.model.domain.ChardevView&lt;Parallel&gt;");

    private SchemaGenerator() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: SchemaGenerator RNG_DIR OUT_DIR");
            System.exit(2);
        }
        Map<String, String> out = generate(Path.of(args[0]));
        Path dir = Path.of(args[1]);
        Files.createDirectories(dir);
        for (Map.Entry<String, String> e : out.entrySet()) {
            Files.writeString(dir.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
            System.out.println("wrote " + dir.resolve(e.getKey()));
        }
    }

    /** File name → content of every schema file, generated from the grammars in rngDir. */
    static Map<String, String> generate(Path rngDir) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        FormatDomainDocs docs = FormatDomainDocs.load();
        for (Kind kind : KINDS) {
            RngVocabulary v = RngVocabulary.of(
                    RngGrammar.load(rngDir.resolve(kind.rngFile())), kind.rootElement(), kind.embedded());
            Map<String, List<ElementType>> byNamespace = new java.util.TreeMap<>();
            for (ElementType t : v.types()) {
                byNamespace
                        .computeIfAbsent(t.namespace, k -> new java.util.ArrayList<>())
                        .add(t);
                for (Child c : t.children.values()) {
                    byNamespace.computeIfAbsent(c.type.namespace, k -> new java.util.ArrayList<>()); // leaves too
                }
            }
            for (Map.Entry<String, List<ElementType>> e : byNamespace.entrySet()) {
                assignJavaNames(e.getValue());
                nameRootClass(v.root());
                String ns = e.getKey();
                String file = ns.isEmpty() ? kind.id() + ".xsd" : kind.id() + "-" + shortName(ns) + ".xsd";
                String pkg = ns.isEmpty() ? kind.javaPackage() : kind.javaPackage() + "." + shortName(ns);
                files.put(file, new XsdWriter(kind, v, ns, pkg, e.getValue(), byNamespace.keySet(), docs).write());
            }
        }
        return files;
    }

    /** The root's class name in libvirt's words ({@code DomainSnapshot}), where the element name runs words together. */
    private static void nameRootClass(ElementType root) {
        String name = ROOT_CLASS_NAMES.get(root.elementName);
        if (name != null && root.namespace.isEmpty()) {
            root.javaName = name;
        }
    }

    /** The short name of a libvirt hypervisor namespace: {@code qemu} for .../schemas/domain/qemu/1.0. */
    static String shortName(String namespace) {
        String[] parts = namespace.split("/");
        for (int i = parts.length - 1; i > 0; i--) {
            if (!parts[i].isEmpty() && !Character.isDigit(parts[i].charAt(0))) {
                return parts[i].toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
            }
        }
        throw new IllegalArgumentException("no short name for namespace " + namespace);
    }

    static String pascal(String xmlName) {
        StringBuilder sb = new StringBuilder();
        boolean up = true;
        for (char ch : xmlName.toCharArray()) {
            if (ch == '_' || ch == '-' || ch == '.') {
                up = true;
            } else {
                sb.append(up ? Character.toUpperCase(ch) : ch);
                up = false;
            }
        }
        return sb.toString();
    }

    /**
     * Short names where they are unique ({@code Disk}); the parent's element name in front where
     * several types share an element name ({@code DiskSource}, {@code InterfaceSource}); the
     * parent's full class name where that is still ambiguous.
     */
    static void assignJavaNames(List<ElementType> types) {
        Map<String, Integer> shortCount = new HashMap<>();
        for (ElementType t : types) {
            shortCount.merge(pascal(t.elementName), 1, Integer::sum);
        }
        Map<String, Integer> secondCount = new HashMap<>();
        for (ElementType t : types) {
            secondCount.merge(second(t), 1, Integer::sum);
        }
        Map<String, Integer> sharedCount = new HashMap<>();
        for (ElementType t : types) {
            if (t.parentNames.size() >= SHARED_PARENTS) {
                sharedCount.merge(pascal(t.elementName), 1, Integer::sum);
            }
        }
        Set<String> used = new HashSet<>();
        for (ElementType t : types) {
            String name = pascal(t.elementName);
            if (t.parentNames.size() >= SHARED_PARENTS && sharedCount.get(name) == 1 && !RESERVED.contains(name)) {
                t.javaName = name; // shared by many parents (a device <address>): the plain name
                used.add(name);
            }
        }
        for (ElementType t : types) {
            if (t.javaName != null) {
                continue;
            }
            String name = pascal(t.elementName);
            if (t.namingParent != null
                    && (shortCount.get(name) > 1 || RESERVED.contains(name) || GENERIC.contains(t.elementName))) {
                name = second(t);
                if (secondCount.get(name) > 1 || RESERVED.contains(name)) {
                    name = t.namingParent.javaName + pascal(t.elementName);
                }
            }
            String unique = name;
            for (int i = 2; used.contains(unique) || RESERVED.contains(unique); i++) {
                unique = name + i;
            }
            used.add(unique);
            t.javaName = unique;
        }
    }

    private static String second(ElementType t) {
        return t.namingParent == null ? pascal(t.elementName) : pascal(namingParentName(t)) + pascal(t.elementName);
    }

    /** The parent a shared type is named after: the most familiar one (a disk's over an nvram's). */
    private static String namingParentName(ElementType t) {
        for (String preferred : PREFERRED_PARENTS) {
            if (t.parentNames.contains(preferred)) {
                return preferred;
            }
        }
        return t.namingParent.elementName;
    }

    /** Writes one kind's XSD. */
    private static final class XsdWriter {
        private final Kind kind;
        private final RngVocabulary v;
        private final String namespace;
        private final String javaPackage;
        private final List<ElementType> types;
        private final Set<String> namespaces;
        private final FormatDomainDocs docs;
        private final StringBuilder sb = new StringBuilder();

        XsdWriter(
                Kind kind,
                RngVocabulary v,
                String namespace,
                String javaPackage,
                List<ElementType> types,
                Set<String> namespaces,
                FormatDomainDocs docs) {
            this.docs = docs;
            this.kind = kind;
            this.v = v;
            this.namespace = namespace;
            this.javaPackage = javaPackage;
            this.types = types;
            this.namespaces = namespaces;
        }

        /** A type name as referenced from this schema (qualified in a namespaced schema). */
        private String typeRef(String localTypeName) {
            return namespace.isEmpty() ? localTypeName : "tns:" + localTypeName;
        }

        String write() {
            sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
            sb.append("<!-- Generated by org.virtxml.tools.SchemaGenerator from libvirt's RELAX NG grammar (")
                    .append(kind.rngFile())
                    .append(").\n     A binding schema: it names libvirt's vocabulary for the typed model;"
                            + " it does not validate. Do not edit by hand. -->\n");
            sb.append("<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"\n"
                    + "    xmlns:jaxb=\"https://jakarta.ee/xml/ns/jaxb\"\n"
                    + "    xmlns:xjc=\"http://java.sun.com/xml/ns/jaxb/xjc\"\n"
                    + "    xmlns:inheritance=\"urn:jaxb.jvnet.org:plugin:inheritance\"\n"
                    + "    jaxb:version=\"3.0\" jaxb:extensionBindingPrefixes=\"xjc inheritance\"");
            for (String ns : namespaces) {
                if (!ns.isEmpty()) {
                    sb.append("\n    xmlns:")
                            .append(shortName(ns))
                            .append("=\"")
                            .append(ns)
                            .append('"');
                }
            }
            if (!namespace.isEmpty()) {
                sb.append("\n    xmlns:tns=\"")
                        .append(namespace)
                        .append("\" targetNamespace=\"")
                        .append(namespace)
                        .append("\" elementFormDefault=\"qualified\"");
            }
            sb.append(">\n");
            sb.append("  <xs:annotation><xs:appinfo>\n");
            sb.append("    <jaxb:schemaBindings><jaxb:package name=\"")
                    .append(javaPackage)
                    .append("\"/></jaxb:schemaBindings>\n");
            sb.append("  </xs:appinfo></xs:annotation>\n\n");
            for (String ns : namespaces) {
                if (!ns.isEmpty() && !ns.equals(namespace) && referencesNamespace(ns)) {
                    sb.append("  <xs:import namespace=\"")
                            .append(ns)
                            .append("\" schemaLocation=\"")
                            .append(kind.id())
                            .append('-')
                            .append(shortName(ns))
                            .append(".xsd\"/>\n\n");
                }
            }
            ElementType root = v.root();
            if (namespace.isEmpty()) {
                sb.append("  <xs:element name=\"").append(root.elementName).append("\">\n");
                sb.append("    <xs:annotation><xs:appinfo><jaxb:class name=\"")
                        .append(root.javaName)
                        .append("\"/><inheritance:extends>")
                        .append(MODEL)
                        .append(XsdWriter.baseClass(root))
                        .append("</inheritance:extends>")
                        .append(implementsClauses(root))
                        .append("</xs:appinfo></xs:annotation>\n");
                complexTypeBody(root, "    ", null);
                sb.append("  </xs:element>\n\n");
            } else {
                // elements of this namespace that stand under elements of another: global declarations
                Set<String> declared = new HashSet<>();
                for (ElementType t : v.types()) {
                    for (Child c : t.children.values()) {
                        if (c.type.namespace.equals(namespace)
                                && !t.namespace.equals(namespace)
                                && declared.add(c.type.elementName)) {
                            sb.append("  <xs:element name=\"")
                                    .append(c.type.elementName)
                                    .append("\" type=\"")
                                    .append(typeRef(c.type.isLeaf() ? leafClass(c.type) : c.type.javaName))
                                    .append("\"/>\n");
                        }
                    }
                }
                sb.append('\n');
            }
            for (String leaf : List.of("Leaf", "IntegerLeaf", "UuidLeaf")) {
                sb.append("  <xs:complexType name=\"")
                        .append(leaf)
                        .append("\">\n")
                        .append("    <xs:annotation><xs:appinfo><jaxb:class ref=\"")
                        .append(MODEL)
                        .append(leaf)
                        .append("\"/></xs:appinfo></xs:annotation>\n  </xs:complexType>\n");
            }
            sb.append('\n');
            for (Category c : Category.values()) {
                if (c != Category.STRING && attributeCategory(v.root(), "", c) == c) {
                    String type = VALUE_TYPES.get(c);
                    sb.append("  <xs:simpleType name=\"")
                            .append(simpleTypeName(c))
                            .append("\">\n")
                            .append("    <xs:annotation><xs:appinfo><xjc:javaType name=\"")
                            .append(MODEL)
                            .append(type)
                            .append("\" adapter=\"")
                            .append(MODEL)
                            .append("bind.")
                            .append(type)
                            .append("Adapter\"/>")
                            .append("</xs:appinfo></xs:annotation>\n")
                            .append("    <xs:restriction base=\"xs:string\"/>\n  </xs:simpleType>\n");
                }
            }
            sb.append('\n');
            for (ElementType t : types) {
                if (t.boundTo != null) {
                    boundType(t);
                } else if (t != root) {
                    complexTypeBody(t, "  ", t.javaName);
                    sb.append('\n');
                }
            }
            sb.append("</xs:schema>\n");
            return sb.toString();
        }

        /** An element typed by another kind's class (a snapshot's {@code <domain>}): a reference, no new class. */
        private void boundType(ElementType t) {
            sb.append("  <xs:complexType name=\"")
                    .append(t.javaName)
                    .append("\">\n")
                    .append("    <xs:annotation><xs:appinfo><jaxb:class ref=\"")
                    .append(t.boundTo)
                    .append("\"/></xs:appinfo></xs:annotation>\n  </xs:complexType>\n");
        }

        /**
         * Whether a domain element gets formatdomain.rst's sentence: a child of {@code <domain>}, or an
         * element name that stands for one type only, so the rst entry cannot be another element's.
         */
        private boolean documented(ElementType parent, String local) {
            if (!kind.id().equals("domain") || !namespace.isEmpty()) {
                return false;
            }
            return parent.elementName.equals("domain")
                    || types.stream().filter(x -> x.elementName.equals(local)).count() == 1;
        }

        private void complexTypeBody(ElementType t, String indent, String name) {
            sb.append(indent).append("<xs:complexType");
            if (name != null) {
                sb.append(" name=\"").append(name).append('"');
            }
            sb.append(">\n");
            if (name != null) {
                sb.append(indent)
                        .append("  <xs:annotation><xs:appinfo><inheritance:extends>")
                        .append(MODEL)
                        .append(baseClass(t))
                        .append("</inheritance:extends>")
                        .append(implementsClauses(t))
                        .append("</xs:appinfo></xs:annotation>\n");
            }
            Set<String> propertyNames = new HashSet<>();
            if (!t.children.isEmpty()) {
                sb.append(indent).append("  <xs:sequence>\n");
                for (Child c : ordered(t)) {
                    boolean foreign = !c.type.namespace.equals(namespace);
                    String local = c.type.elementName;
                    String wanted = c.type.namespace.isEmpty() ? local : shortName(c.type.namespace) + "_" + local;
                    String property = uniqueProperty(propertyNames, wanted, "");
                    if (foreign) {
                        if (c.type.namespace.isEmpty()) {
                            throw new IllegalStateException("a no-namespace element under a namespaced one: " + c.name);
                        }
                        sb.append(indent)
                                .append("    <xs:element ref=\"")
                                .append(shortName(c.type.namespace))
                                .append(':')
                                .append(local)
                                .append("\" minOccurs=\"0\"");
                    } else {
                        sb.append(indent)
                                .append("    <xs:element name=\"")
                                .append(local)
                                .append("\" type=\"")
                                .append(typeRef(c.type.isLeaf() ? leafClass(c.type) : c.type.javaName))
                                .append("\" minOccurs=\"0\"");
                    }
                    if (c.many) {
                        sb.append(" maxOccurs=\"unbounded\"");
                    }
                    sb.append(">\n").append(indent).append("      <xs:annotation>");
                    if (!foreign) {
                        sb.append(docs.element(local, t.elementName, documented(t, local)));
                    }
                    if (foreign || !property.equals(javaProperty(local))) {
                        sb.append("<xs:appinfo><jaxb:property name=\"")
                                .append(property)
                                .append("\"/></xs:appinfo>");
                    }
                    sb.append("</xs:annotation>\n").append(indent).append("    </xs:element>\n");
                }
                sb.append(indent).append("  </xs:sequence>\n");
            }
            for (Map.Entry<String, Category> a : t.attributes.entrySet()) {
                String property = uniqueProperty(propertyNames, a.getKey(), "Attribute");
                Category category = attributeCategory(t, a.getKey(), a.getValue());
                sb.append(indent)
                        .append("  <xs:attribute name=\"")
                        .append(a.getKey())
                        .append("\" type=\"")
                        .append(category == Category.STRING ? "xs:string" : typeRef(simpleTypeName(category)))
                        .append('"');
                sb.append(">\n")
                        .append(indent)
                        .append("    <xs:annotation>")
                        .append(docs.attribute(a.getKey(), t.elementName));
                if (!property.equals(javaProperty(a.getKey()))) {
                    sb.append("<xs:appinfo><jaxb:property name=\"")
                            .append(property)
                            .append("\"/></xs:appinfo>");
                }
                sb.append("</xs:annotation>\n").append(indent).append("  </xs:attribute>\n");
            }
            sb.append(indent).append("</xs:complexType>\n");
        }

        /**
         * An attribute's value category for this kind: IP addresses and VLAN ids typed only in the
         * network kinds; a VLAN {@code <tag id>} (an inline integer in libvirt's grammar) is a VLAN id.
         */
        private Category attributeCategory(ElementType t, String attribute, Category category) {
            boolean network = NETWORK_VALUE_KINDS.contains(kind.id());
            if (network
                    && category == Category.INTEGER
                    && t.elementName.equals("tag")
                    && attribute.equals("id")
                    && t.parentNames.contains("vlan")) {
                return Category.VLAN;
            }
            if (!network && category == Category.IP) {
                return Category.STRING;
            }
            if (!network && category == Category.VLAN) {
                return Category.INTEGER;
            }
            return category;
        }

        private boolean referencesNamespace(String ns) {
            for (ElementType t : types) {
                for (Child c : t.children.values()) {
                    if (c.type.namespace.equals(ns)) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** Children in libvirt's own output order where the grammar's order differs from it. */
        private static List<Child> ordered(ElementType t) {
            List<Child> children = new java.util.ArrayList<>(t.children.values());
            List<String> order = t.namespace.isEmpty() ? OUTPUT_ORDER.get(t.elementName) : null;
            if (order != null) {
                children.sort(java.util.Comparator.comparingInt(c -> {
                    int i = order.indexOf(c.name);
                    return i < 0 ? order.size() : i;
                }));
            }
            return children;
        }

        /** The hand-written base: the text category decides which typed text accessors it adds. */
        private static String baseClass(ElementType t) {
            if (List.of("domain", "bus", "slot", "function").stream()
                    .allMatch(a -> t.attributes.get(a) == Category.STRING)) {
                return "PciAddressElement";
            }
            if (t.textCategory == Category.INTEGER) {
                return t.attributes.get("unit") == Category.STRING ? "SizedElement" : "IntegerElement";
            }
            return "ModelElement";
        }

        /**
         * The hand-written interfaces a class implements: the fluent form of its text accessors
         * ({@code withText}, {@code withSize}, {@code withValue}, {@code withPciAddress}) and, for libvirt's unions, the typed view.
         */
        private String implementsClauses(ElementType t) {
            StringBuilder out = new StringBuilder();
            String fluent = switch (baseClass(t)) {
                case "SizedElement" -> "WithSize";
                case "IntegerElement" -> "WithValue";
                case "PciAddressElement" -> "WithPciAddress";
                default -> t.text ? "WithText" : null;
            };
            if (fluent != null) {
                out.append("<inheritance:implements>")
                        .append(MODEL)
                        .append(fluent)
                        .append("&lt;")
                        .append(t.javaName)
                        .append("&gt;</inheritance:implements>");
            }
            String view = t.namespace.isEmpty() && kind.id().equals("domain") ? UNION_VIEWS.get(t.javaName) : null;
            if (view != null) {
                out.append("<inheritance:implements>").append(view).append("</inheritance:implements>");
            }
            return out.toString();
        }

        /** The shared hand-written class of an element with no attributes and no children. */
        static String leafClass(ElementType t) {
            if (t.textCategory == Category.INTEGER) {
                return "IntegerLeaf";
            }
            if (t.textCategory == Category.UUID) {
                return "UuidLeaf";
            }
            return "Leaf";
        }

        private static String simpleTypeName(Category c) {
            return c.name().toLowerCase(Locale.ROOT) + "Text";
        }

        /** Properties the base class or Java already uses, or that collide after xjc's renaming. */
        private static final Set<String> BASE_PROPERTIES =
                Set.of("kept", "keptAttributes", "text", "location", "class");

        private static String uniqueProperty(Set<String> used, String xmlName, String suffix) {
            String p = javaProperty(xmlName);
            if (used.contains(p.toLowerCase(Locale.ROOT)) || BASE_PROPERTIES.contains(p)) {
                p = p + (suffix.isEmpty() ? "Element" : suffix);
            }
            for (int i = 2; used.contains(p.toLowerCase(Locale.ROOT)); i++) {
                p = javaProperty(xmlName) + suffix + i;
            }
            used.add(p.toLowerCase(Locale.ROOT));
            return p;
        }

        /** xjc's default property name for an XML name (camel case, separators dropped). */
        static String javaProperty(String xmlName) {
            String p = pascal(xmlName);
            return Character.toLowerCase(p.charAt(0)) + p.substring(1);
        }
    }
}
