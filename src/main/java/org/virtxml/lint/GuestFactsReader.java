package org.virtxml.lint;

import java.util.Optional;
import java.util.OptionalLong;
import org.virtxml.io.LibvirtDocument;
import org.virtxml.lint.facts.CpusetFact;
import org.virtxml.lint.facts.GuestFacts;
import org.virtxml.lint.facts.MacFact;
import org.virtxml.lint.facts.Origin;
import org.virtxml.lint.facts.PciAssignment;
import org.virtxml.model.CpuSet;
import org.virtxml.model.Leaf;
import org.virtxml.model.Location;
import org.virtxml.model.ModelElement;
import org.virtxml.model.PciAddress;
import org.virtxml.model.PciAddressElement;
import org.virtxml.model.Unit;
import org.virtxml.model.UuidLeaf;
import org.virtxml.model.domain.Domain;
import org.virtxml.model.domain.Hostdev;
import org.virtxml.model.domain.Interface;
import org.virtxml.model.domain.Iothreadpin;
import org.virtxml.model.domain.Vcpupin;
import org.virtxml.model.pool.Pool;
import org.virtxml.model.volume.Volume;

/** Fills {@link GuestFacts} from the typed model, for the set and host-capacity rules. */
public final class GuestFactsReader {

    private GuestFactsReader() {}

    /**
     * The facts of a document that is not linted itself: a guest already defined on a host, which
     * the set and capacity rules count ({@code Linter.Builder#defined}).
     */
    public static GuestFacts of(LibvirtDocument<?> doc, String name) {
        return read(doc, name, DocumentLinter.paths(doc));
    }

    static GuestFacts read(LibvirtDocument<?> doc, String file, DocumentLinter.Paths paths) {
        String kind = doc.kind().rootElement();
        GuestFacts.Builder b = GuestFacts.builder(file, kind).at(loc(doc.root(), null, paths));
        if (doc.root() instanceof Domain d) {
            domain(d, b, paths);
        } else if (doc.root() instanceof Pool p) {
            identity(p.getName(), p.getUuid(), b, paths);
        } else if (doc.root() instanceof Volume v) {
            identity(v.getName(), null, b, paths);
        } else if (doc.root() instanceof org.virtxml.model.network.Network n) {
            identity(n.getName(), n.getUuid(), b, paths);
        }
        return b.build();
    }

    /** Where an element (or one of its attributes) stands, with its path. */
    static Origin loc(ModelElement e, String attribute, DocumentLinter.Paths paths) {
        if (e == null) {
            return Origin.UNKNOWN;
        }
        Location l = (attribute == null ? e.location() : e.attributeLocation(attribute)).orElse(null);
        String xpath = paths.of(e);
        if (xpath != null && attribute != null) {
            xpath += "/@" + attribute;
        }
        return Origin.of(l, xpath);
    }

    private static void identity(Leaf name, UuidLeaf uuid, GuestFacts.Builder b, DocumentLinter.Paths paths) {
        if (name != null && name.getText() != null) {
            b.name(name.getText(), loc(name, null, paths));
        }
        if (uuid != null && uuid.getText() != null) {
            b.uuid(uuid.getText(), loc(uuid, null, paths));
        }
    }

    private static void domain(Domain d, GuestFacts.Builder b, DocumentLinter.Paths paths) {
        identity(d.getName(), d.getUuid(), b, paths);
        b.domainType(d.getType());
        if (d.getVcpu() != null) {
            String text = d.getVcpu().getText();
            OptionalLong n = text == null ? OptionalLong.empty() : parse(text);
            b.vcpus(n.orElse(0), loc(d.getVcpu(), null, paths));
            cpuset(b, "<vcpu cpuset>", d.getVcpu().getCpuset(), loc(d.getVcpu(), "cpuset", paths));
        }
        if (d.getMemory() != null && d.getMemory().size() != null) {
            OptionalLong bytes = d.getMemory().size().bytes(Unit.KIB);
            b.memoryBytes(bytes.orElse(0), loc(d.getMemory(), null, paths));
        }
        if (d.getCputune() != null) {
            for (Vcpupin p : d.getCputune().getVcpupin()) {
                cpuset(b, "<vcpupin vcpu='" + p.getVcpu() + "'>", p.getCpuset(), loc(p, "cpuset", paths));
            }
            if (d.getCputune().getEmulatorpin() != null) {
                cpuset(
                        b,
                        "<emulatorpin>",
                        d.getCputune().getEmulatorpin().getCpuset(),
                        loc(d.getCputune().getEmulatorpin(), "cpuset", paths));
            }
            for (Iothreadpin p : d.getCputune().getIothreadpin()) {
                cpuset(b, "<iothreadpin iothread='" + p.getIothread() + "'>", p.getCpuset(), loc(p, "cpuset", paths));
            }
        }
        if (d.getDevices() != null) {
            for (Interface i : d.getDevices().getInterface()) {
                if (i.getMac() != null && i.getMac().getAddress() != null) {
                    b.mac(new MacFact(i.getMac().getAddress().text(), loc(i.getMac(), "address", paths)));
                }
                if ("hostdev".equals(i.getType())) {
                    b.pciAssignment(new PciAssignment(
                            pciAddress(
                                    i.getSource() == null ? null : i.getSource().getAddress()),
                            loc(i, null, paths)));
                }
            }
            for (Hostdev h : d.getDevices().getHostdev()) {
                if ("pci".equals(h.getType()) && !"capabilities".equals(h.getMode())) {
                    b.pciAssignment(new PciAssignment(
                            pciAddress(
                                    h.getSource() == null ? null : h.getSource().getAddress()),
                            loc(h, null, paths)));
                }
            }
        }
    }

    /** The canonical host PCI address an assignment's source names, when it names a readable one. */
    private static Optional<String> pciAddress(PciAddressElement source) {
        if (source == null) {
            return Optional.empty();
        }
        PciAddress a = source.pciAddress();
        return a.isValid() && !a.isEmpty() ? Optional.of(a.canonical()) : Optional.empty();
    }

    private static OptionalLong parse(String text) {
        String t = text.stripLeading();
        return t.matches("\\+?\\d{1,10}") ? OptionalLong.of(Long.parseLong(t.replace("+", ""))) : OptionalLong.empty();
    }

    private static void cpuset(GuestFacts.Builder b, String where, CpuSet set, Origin at) {
        if (set != null && set.isValid()) {
            b.cpuset(new CpusetFact(where, set.text(), set.maxCpu(), at));
        }
    }
}
