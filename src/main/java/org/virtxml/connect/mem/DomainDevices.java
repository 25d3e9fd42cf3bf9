package org.virtxml.connect.mem;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.virtxml.connect.ErrorCode;
import org.virtxml.connect.ErrorDomain;
import org.virtxml.connect.LibvirtException;
import org.virtxml.io.XmlFragments;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * The in-memory host's device changes on a domain document: add a device under {@code <devices>},
 * or find one the way libvirt matches a device given for detach or update (a disk by its target,
 * an interface by its MAC, anything else by its whole content) and remove or replace it.
 */
final class DomainDevices {
    private DomainDevices() {}

    static String attach(String domainXml, String deviceXml) {
        Document domain = parse(domainXml);
        Element device = (Element) domain.importNode(parse(deviceXml).getDocumentElement(), true);
        devices(domain).appendChild(device);
        return write(domain);
    }

    static String detach(String domainXml, String deviceXml) {
        Document domain = parse(domainXml);
        Element found = match(domain, parse(deviceXml).getDocumentElement());
        found.getParentNode().removeChild(found);
        return write(domain);
    }

    static String update(String domainXml, String deviceXml) {
        Document domain = parse(domainXml);
        Element wanted = parse(deviceXml).getDocumentElement();
        Element found = match(domain, wanted);
        found.getParentNode().replaceChild(domain.importNode(wanted, true), found);
        return write(domain);
    }

    private static Element match(Document domain, Element wanted) {
        Optional<String> key = key(wanted);
        for (Element e : XmlFragments.children(devices(domain), wanted.getLocalName())) {
            if (key.isPresent() ? key.equals(key(e)) : e.isEqualNode(wanted)) {
                return e;
            }
        }
        throw new LibvirtException(
                ErrorCode.VIR_ERR_DEVICE_MISSING,
                ErrorDomain.VIR_FROM_DOMAIN,
                "device not found: no " + wanted.getTagName() + " device matching " + key.orElse("the one given"));
    }

    /** What identifies a device: a disk's target dev, an interface's MAC address. */
    private static Optional<String> key(Element device) {
        String child = switch (device.getTagName()) {
            case "disk" -> "target";
            case "interface" -> "mac";
            default -> null;
        };
        String attribute = "disk".equals(device.getTagName()) ? "dev" : "address";
        if (child == null) {
            return Optional.empty();
        }
        return XmlFragments.children(device, child).stream()
                .filter(e -> e.hasAttribute(attribute))
                .findFirst()
                .map(e -> child + " " + attribute + "='" + e.getAttribute(attribute) + "'");
    }

    private static Element devices(Document domain) {
        List<Element> found = XmlFragments.children(domain.getDocumentElement(), "devices");
        if (!found.isEmpty()) {
            return found.get(0);
        }
        Element devices = domain.createElement("devices");
        domain.getDocumentElement().appendChild(devices);
        return devices;
    }

    private static Document parse(String xml) {
        try {
            return XmlFragments.parse(Objects.requireNonNull(xml, "xml"));
        } catch (SAXException e) {
            throw new LibvirtException(
                    ErrorCode.VIR_ERR_XML_ERROR, ErrorDomain.VIR_FROM_XML, "XML error: " + e.getMessage());
        }
    }

    private static String write(Document document) {
        return XmlFragments.write(document);
    }
}
