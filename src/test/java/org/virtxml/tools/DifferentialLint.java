package org.virtxml.tools;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.virtxml.lint.Diagnostic;
import org.virtxml.lint.Linter;
import org.virtxml.lint.Severity;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Differential test of lint against libvirt, run on demand (never by the test command): takes
 * documents libvirt wrote and accepts (the corpus's qemuxmlconfdata x86_64 outputs), applies each
 * mutation kind (a mistake libvirt checks for, or a control change it accepts), asks libvirt and
 * lint about every mutant, and prints per kind how often they agree, with precision and recall of
 * lint's errors against libvirt's refusals.
 *
 * <p>libvirt is asked in two steps: {@code virsh -c test:///default define} first (the generic
 * parser, in-process: a document it refuses is refused), then, for what it accepts, the QEMU
 * driver: {@code virsh -c qemu:///system define --validate} and {@code undefine} right after. The
 * base documents are screened the same way: a base libvirt refuses unmutated is dropped.
 * {@code hostdev-scsi-vhost-rawio-invalid.xml} is never sent (libvirt 9.0's daemon segfaults on it).
 *
 * <p>Usage: {@code java -cp target/classes:target/test-classes:DEPS org.virtxml.tools.DifferentialLint
 * CORPUS_TESTS_DIR [SAMPLE=100] [SEED=1] [--no-daemon]}
 */
public final class DifferentialLint {

    private static final String EXCLUDED = "hostdev-scsi-vhost-rawio-invalid";

    /** One mutation kind: its name and the change, which answers false when it does not apply to a document. */
    record Kind(String name, Function<Document, Boolean> apply) {}

    private DifferentialLint() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: DifferentialLint CORPUS_TESTS_DIR [SAMPLE] [SEED] [--no-daemon]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]).resolve("qemuxmlconfdata");
        int sample = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        boolean daemon = !List.of(args).contains("--no-daemon");
        List<Path> bases;
        try (Stream<Path> s = Files.list(dir)) {
            bases = new ArrayList<>(s.filter(p -> p.getFileName().toString().endsWith(".x86_64-latest.xml"))
                    .filter(p -> !p.getFileName().toString().startsWith(EXCLUDED))
                    .sorted()
                    .toList());
        }
        Collections.shuffle(bases, new Random(seed));
        Linter linter = Linter.defaults();
        Path work = Files.createTempDirectory("virtxml-diff");
        Map<String, long[]> counts = new LinkedHashMap<>();
        int used = 0;
        int n = 0;
        for (Path base : bases) {
            if (used >= sample) {
                break;
            }
            String text = Files.readString(base, StandardCharsets.UTF_8);
            Document plain = parse(text);
            rename(plain, n++);
            String baseXml = write(plain);
            if (!libvirtAccepts(work, baseXml, daemon) || errors(linter, baseXml) > 0) {
                continue;
            }
            used++;
            for (Kind k : kinds()) {
                Document d = parse(baseXml);
                if (!Boolean.TRUE.equals(k.apply().apply(d))) {
                    continue;
                }
                rename(d, n++);
                String mutant = write(d);
                boolean libvirtRefuses = !libvirtAccepts(work, mutant, daemon);
                boolean lintRefuses = errors(linter, mutant) > 0;
                long[] c = counts.computeIfAbsent(k.name(), x -> new long[4]);
                c[(libvirtRefuses ? 0 : 2) + (lintRefuses ? 0 : 1)]++;
            }
        }
        print(used, seed, daemon, counts);
    }

    private static void print(int used, long seed, boolean daemon, Map<String, long[]> counts) {
        System.out.printf(
                "%d base documents (seed %d), libvirt asked through %s%n%n",
                used, seed, daemon ? "test:///default then qemu:///system" : "test:///default only");
        System.out.println("| mutation kind | both refuse | lint misses | lint errs, libvirt accepts | both accept |");
        System.out.println("|---|---:|---:|---:|---:|");
        long[] total = new long[4];
        counts.forEach((k, c) -> {
            System.out.printf("| %s | %d | %d | %d | %d |%n", k, c[0], c[1], c[2], c[3]);
            for (int i = 0; i < 4; i++) {
                total[i] += c[i];
            }
        });
        double precision = total[0] + total[2] == 0 ? 1 : (double) total[0] / (total[0] + total[2]);
        double recall = total[0] + total[1] == 0 ? 1 : (double) total[0] / (total[0] + total[1]);
        System.out.printf(
                "| total | %d | %d | %d | %d |%n%nprecision %.2f%%, recall %.2f%%%n",
                total[0], total[1], total[2], total[3], 100 * precision, 100 * recall);
    }

    private static long errors(Linter linter, String xml) {
        return linter.lintText("mutant.xml", xml).diagnostics().stream()
                .filter(d -> d.severity() == Severity.ERROR)
                .map(Diagnostic::rule)
                .count();
    }

    // ---- libvirt ----

    private static boolean libvirtAccepts(Path work, String xml, boolean daemon) throws Exception {
        Path f = work.resolve("mutant.xml");
        Files.writeString(f, xml, StandardCharsets.UTF_8);
        if (!virsh("test:///default", "define", f.toString())) {
            return false;
        }
        if (!daemon) {
            return true;
        }
        String name = name(xml);
        boolean ok = virsh("qemu:///system", "define", "--validate", f.toString());
        if (ok) {
            virsh("qemu:///system", "undefine", "--nvram", name);
        }
        return ok;
    }

    private static boolean virsh(String uri, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("virsh", "-q", "-c", uri));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return false;
        }
        return p.exitValue() == 0;
    }

    // ---- documents ----

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private static String write(Document d) throws Exception {
        var t = TransformerFactory.newInstance().newTransformer();
        t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
        StringWriter w = new StringWriter();
        t.transform(new DOMSource(d), new StreamResult(w));
        return w.toString();
    }

    private static String name(String xml) throws Exception {
        return first(parse(xml).getDocumentElement(), "name").getTextContent();
    }

    /** A unique name, no UUID (libvirt makes one), so that mutants never collide on the host. */
    private static void rename(Document d, int n) {
        Element root = d.getDocumentElement();
        Element name = first(root, "name");
        if (name != null) {
            name.setTextContent("vxdiff-" + ProcessHandle.current().pid() + "-" + n);
        }
        Element uuid = first(root, "uuid");
        if (uuid != null) {
            root.removeChild(uuid);
        }
    }

    static Element first(Element parent, String tag) {
        for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e && e.getTagName().equals(tag)) {
                return e;
            }
        }
        return null;
    }

    static List<Element> children(Element parent, String tag) {
        List<Element> out = new ArrayList<>();
        for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e && e.getTagName().equals(tag)) {
                out.add(e);
            }
        }
        return out;
    }

    static Element child(Document d, Element parent, String tag) {
        Element e = first(parent, tag);
        if (e == null) {
            e = d.createElement(tag);
            parent.appendChild(e);
        }
        return e;
    }

    static Element devices(Document d) {
        return first(d.getDocumentElement(), "devices");
    }

    static Element fragment(Document d, String xml) {
        try {
            Document f = parse(xml);
            return (Element) d.importNode(f.getDocumentElement(), true);
        } catch (Exception e) {
            throw new IllegalArgumentException(xml, e);
        }
    }

    static boolean add(Document d, String xml) {
        Element devs = devices(d);
        if (devs == null) {
            return false;
        }
        devs.appendChild(fragment(d, xml));
        return true;
    }

    /** Insert a top-level element after {@code after} (or at the end). */
    static void top(Document d, String xml, String after) {
        Element root = d.getDocumentElement();
        Element a = first(root, after);
        Element e = fragment(d, xml);
        if (a == null) {
            root.appendChild(e);
        } else {
            root.insertBefore(e, a.getNextSibling());
        }
    }

    static String machine(Document d) {
        Element os = first(d.getDocumentElement(), "os");
        Element type = os == null ? null : first(os, "type");
        return type == null ? "" : type.getAttribute("machine");
    }

    static int vcpus(Document d) {
        Element v = first(d.getDocumentElement(), "vcpu");
        return v == null ? 1 : Integer.parseInt(v.getTextContent().trim());
    }

    static boolean i440fx(Document d) {
        String m = machine(d);
        return m.equals("pc") || m.startsWith("pc-i440fx");
    }

    static boolean hasNuma(Document d) {
        Element cpu = first(d.getDocumentElement(), "cpu");
        return cpu != null && first(cpu, "numa") != null;
    }

    static long memoryKib(Document d) {
        Element m = first(d.getDocumentElement(), "memory");
        return m == null || !"KiB".equals(m.getAttribute("unit"))
                ? -1
                : Long.parseLong(m.getTextContent().trim());
    }

    /** A single NUMA cell over every vCPU holding all the memory; {@code extraCpus} more vCPU ids than exist. */
    static Boolean numaCell(Document d, int extraCpus) {
        long kib = memoryKib(d);
        if (hasNuma(d) || kib <= 0 || first(d.getDocumentElement(), "maxMemory") != null) {
            return false;
        }
        Element cpu = child(d, d.getDocumentElement(), "cpu");
        cpu.appendChild(fragment(
                d,
                "<numa><cell id='0' cpus='0-" + (vcpus(d) - 1 + extraCpus) + "' memory='" + kib
                        + "' unit='KiB'/></numa>"));
        return true;
    }

    static List<Kind> kinds() {
        return List.of(
                new Kind("maxMemory below the NUMA total", d -> {
                    if (!numaCell(d, 0)) {
                        return false;
                    }
                    top(d, "<maxMemory slots='4' unit='KiB'>" + memoryKib(d) / 2 + "</maxMemory>", "name");
                    return true;
                }),
                new Kind("control: maxMemory above the NUMA total", d -> {
                    if (!numaCell(d, 0)) {
                        return false;
                    }
                    top(d, "<maxMemory slots='4' unit='KiB'>" + memoryKib(d) * 2 + "</maxMemory>", "name");
                    return true;
                }),
                new Kind("NUMA cell cpus beyond the vCPUs", d -> numaCell(d, 2)),
                new Kind("control: NUMA cell over the vCPUs", d -> numaCell(d, 0)),
                new Kind("iothreadpin naming a missing iothread", d -> {
                    Element root = d.getDocumentElement();
                    if (first(root, "iothreads") != null || first(root, "cputune") != null) {
                        return false;
                    }
                    top(d, "<cputune><iothreadpin iothread='5' cpuset='0'/></cputune>", "vcpu");
                    top(d, "<iothreads>1</iothreads>", "vcpu");
                    return true;
                }),
                new Kind("control: iothreadpin of an existing iothread", d -> {
                    Element root = d.getDocumentElement();
                    if (first(root, "iothreads") != null || first(root, "cputune") != null) {
                        return false;
                    }
                    top(d, "<cputune><iothreadpin iothread='1' cpuset='0'/></cputune>", "vcpu");
                    top(d, "<iothreads>1</iothreads>", "vcpu");
                    return true;
                }),
                new Kind("USB port behind a missing hub", d -> usbTablet(d, "1.9")),
                new Kind(
                        "unix chardev without a path",
                        d -> add(d, "<serial type='unix'><source mode='bind'/></serial>")),
                new Kind(
                        "control: unix chardev with a path",
                        d -> add(d, "<serial type='unix'><source mode='bind' path='/tmp/vxdiff.sock'/></serial>")),
                new Kind(
                        "tcp chardev without a host",
                        d -> add(d, "<serial type='tcp'><source mode='bind' service='5999'/></serial>")),
                new Kind("duplicate controller index", d -> {
                    Element devs = devices(d);
                    if (devs == null) {
                        return false;
                    }
                    for (Element c : children(devs, "controller")) {
                        if (!c.getAttribute("index").isEmpty()
                                && !c.getAttribute("type").equals("usb")
                                && !c.getAttribute("model").endsWith("-root")
                                && !c.getAttribute("type").equals("pci")) {
                            Element copy = (Element) c.cloneNode(true);
                            NodeList addr = copy.getElementsByTagName("address");
                            for (int i = addr.getLength() - 1; i >= 0; i--) {
                                addr.item(i).getParentNode().removeChild(addr.item(i));
                            }
                            devs.appendChild(copy);
                            return true;
                        }
                    }
                    return false;
                }),
                new Kind("pcie-root on i440fx", d -> {
                    if (!i440fx(d) || devices(d) == null) {
                        return false;
                    }
                    for (Element c : children(devices(d), "controller")) {
                        if ("pci-root".equals(c.getAttribute("model"))) {
                            c.setAttribute("model", "pcie-root");
                            return true;
                        }
                    }
                    return false;
                }),
                new Kind("300 vCPUs and no machine attribute", d -> {
                    Element os = first(d.getDocumentElement(), "os");
                    Element type = os == null ? null : first(os, "type");
                    Element vcpu = first(d.getDocumentElement(), "vcpu");
                    Element cpu = first(d.getDocumentElement(), "cpu");
                    if (type == null
                            || vcpu == null
                            || !"x86_64".equals(type.getAttribute("arch"))
                            || cpu != null && (first(cpu, "topology") != null || first(cpu, "numa") != null)
                            || first(d.getDocumentElement(), "vcpus") != null
                            || first(d.getDocumentElement(), "cputune") != null) {
                        return false;
                    }
                    type.removeAttribute("machine");
                    vcpu.setTextContent("300");
                    vcpu.removeAttribute("current");
                    return true;
                }),
                new Kind("one PCI host device twice", d -> add(d, HOSTDEV) && add(d, HOSTDEV)),
                new Kind("control: one PCI host device", d -> add(d, HOSTDEV)),
                new Kind(
                        "two primary videos",
                        d -> add(d, "<video><model type='vga' primary='yes'/></video>")
                                && add(d, "<video><model type='qxl' primary='yes'/></video>")
                                && children(devices(d), "video").size() == 2),
                new Kind(
                        "intel IOMMU on i440fx",
                        d -> i440fx(d) && first(devices(d), "iommu") == null && add(d, "<iommu model='intel'/>")),
                new Kind("hugepages for a missing NUMA node", d -> {
                    if (hasNuma(d) || first(d.getDocumentElement(), "memoryBacking") != null) {
                        return false;
                    }
                    top(
                            d,
                            "<memoryBacking><hugepages><page size='2048' unit='KiB' nodeset='1'/></hugepages>"
                                    + "</memoryBacking>",
                            "currentMemory");
                    return true;
                }),
                new Kind(
                        "SATA disk with a PCI address",
                        d -> add(
                                d,
                                "<disk type='file' device='disk'><source"
                                        + " file='/var/lib/libvirt/images/vxdiff.img'/><target dev='sdz' bus='sata'/><address"
                                        + " type='pci' domain='0' bus='0' slot='0x1d' function='0'/></disk>")),
                new Kind("control: vcpupin beyond the vCPUs (libvirt drops it)", d -> {
                    if (first(d.getDocumentElement(), "cputune") != null) {
                        return false;
                    }
                    top(d, "<cputune><vcpupin vcpu='" + (vcpus(d) + 3) + "' cpuset='0'/></cputune>", "vcpu");
                    return true;
                }));
    }

    private static final String HOSTDEV = "<hostdev mode='subsystem' type='pci' managed='yes'><source><address"
            + " domain='0x0000' bus='0x06' slot='0x12' function='0x5'/></source></hostdev>";

    private static boolean usbTablet(Document d, String port) {
        Element devs = devices(d);
        if (devs == null) {
            return false;
        }
        for (Element c : children(devs, "controller")) {
            if ("usb".equals(c.getAttribute("type"))
                    && !"none".equals(c.getAttribute("model"))
                    && "0".equals(c.getAttribute("index"))) {
                return add(
                        d, "<input type='tablet' bus='usb'><address type='usb' bus='0' port='" + port + "'/></input>");
            }
        }
        return false;
    }
}
