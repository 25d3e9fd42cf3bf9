package org.virtxml.apply;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.virtxml.connect.Connector;
import org.virtxml.connect.DeviceScope;
import org.virtxml.diff.Difference;
import org.virtxml.diff.LibvirtDiff;
import org.virtxml.io.LibvirtDocument;
import org.virtxml.io.XmlFragments;
import org.virtxml.model.domain.Domain;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * Which changes between a running domain's old and new definition can be made to the running
 * guest (disks and interfaces added or removed: libvirt's attach and detach), and which wait for
 * the next start (everything else, including a disk or interface changed in place). Disks are
 * matched by target device, interfaces by MAC address, as libvirt matches them.
 *
 * @param changes the attaches and detaches, in order (detaches first)
 * @param waiting the differences that take effect only when the guest is started again
 */
public record LiveDevices(List<Change> changes, List<Difference> waiting) {

    public LiveDevices {
        changes = List.copyOf(changes);
        waiting = List.copyOf(waiting);
    }

    /**
     * One device to attach or detach.
     *
     * @param attach true to attach, false to detach
     * @param label  e.g. "disk vdb", "interface 52:54:00:12:34:56"
     * @param xml    the device's XML
     */
    public record Change(boolean attach, String label, String xml) {

        /** Attaches or detaches the device on the running guest {@code domain} (its live state only). */
        public void applyTo(Connector connector, String domain) {
            if (attach) {
                connector.attachDevice(domain, xml, EnumSet.of(DeviceScope.LIVE));
            } else {
                connector.detachDevice(domain, xml, EnumSet.of(DeviceScope.LIVE));
            }
        }

        /** What was done, e.g. "attached disk vdb". */
        public String done() {
            return (attach ? "attached " : "detached ") + label;
        }
    }

    /** The plan for a running guest whose definition {@code before} becomes {@code after}. */
    public static LiveDevices between(LibvirtDocument<Domain> before, LibvirtDocument<Domain> after) {
        Map<String, Element> old = devices(before);
        Map<String, Element> now = devices(after);
        List<Change> changes = new ArrayList<>();
        List<String> changedInPlace = new ArrayList<>();
        old.forEach((key, device) -> {
            if (!now.containsKey(key)) {
                changes.add(new Change(false, key, XmlFragments.write(device)));
            } else if (!device.isEqualNode(now.get(key))) {
                changedInPlace.add(key);
            }
        });
        now.forEach((key, device) -> {
            if (!old.containsKey(key)) {
                changes.add(new Change(true, key, XmlFragments.write(device)));
            }
        });
        List<Difference> waiting = new ArrayList<>();
        for (Difference d : AppliedMark.withoutMark(LibvirtDiff.between(before, after))) {
            if (!d.path().startsWith("/domain/devices/disk") && !d.path().startsWith("/domain/devices/interface")) {
                waiting.add(d);
            }
        }
        for (String key : changedInPlace) {
            waiting.add(new Difference("/domain/devices: " + key + " changed in place", null, null));
        }
        return new LiveDevices(changes, waiting);
    }

    /** Disks by target device and interfaces by MAC; a device without its key cannot be matched and is left out. */
    private static Map<String, Element> devices(LibvirtDocument<Domain> document) {
        Map<String, Element> out = new LinkedHashMap<>();
        try {
            Element root = XmlFragments.parse(document.write()).getDocumentElement();
            for (Element devices : XmlFragments.children(root, "devices")) {
                for (Element disk : XmlFragments.children(devices, "disk")) {
                    key(disk, "target", "dev").ifPresent(k -> out.put("disk " + k, disk));
                }
                for (Element nic : XmlFragments.children(devices, "interface")) {
                    key(nic, "mac", "address").ifPresent(k -> out.put("interface " + k, nic));
                }
            }
        } catch (SAXException e) {
            throw new IllegalStateException(
                    "a definition the host sent is not well-formed after reading: " + e.getMessage(), e);
        }
        return out;
    }

    private static Optional<String> key(Element device, String child, String attribute) {
        return XmlFragments.children(device, child).stream()
                .map(e -> e.getAttribute(attribute))
                .filter(s -> !s.isEmpty())
                .findFirst();
    }
}
