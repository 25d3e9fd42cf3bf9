package org.virtxml.connect.mem;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.Objects;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.virtxml.connect.ErrorCode;
import org.virtxml.connect.ErrorDomain;
import org.virtxml.connect.LibvirtException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The in-memory host's device changes on a domain document: add a device under {@code <devices>},
 * or find one the way libvirt matches a device given for detach or update (a disk by its target,
 * an interface by its MAC, anything else by its whole content) and remove or replace it.
 */
final class DomainDevices {
    private DomainDevices() {
    }

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
        for (Node n = devices(domain).getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(wanted.getTagName())
                    && (key.isPresent() ? key.equals(key(e)) : e.isEqualNode(wanted))) {
                return e;
            }
        }
        throw new LibvirtException(ErrorCode.VIR_ERR_DEVICE_MISSING, ErrorDomain.VIR_FROM_DOMAIN,
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
        for (Node n = device.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(child) && e.hasAttribute(attribute)) {
                return Optional.of(child + " " + attribute + "='" + e.getAttribute(attribute) + "'");
            }
        }
        return Optional.empty();
    }

    private static Element devices(Document domain) {
        for (Node n = domain.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals("devices")) {
                return e;
            }
        }
        Element devices = domain.createElement("devices");
        domain.getDocumentElement().appendChild(devices);
        return devices;
    }

    private static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(Objects.requireNonNull(xml, "xml"))));
        } catch (SAXException e) {
            throw new LibvirtException(ErrorCode.VIR_ERR_XML_ERROR, ErrorDomain.VIR_FROM_XML, "XML error: " + e.getMessage());
        } catch (ParserConfigurationException | java.io.IOException e) {
            throw new IllegalStateException("the JDK's XML parser is unusable", e);
        }
    }

    private static String write(Document document) {
        try {
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("the JDK's XML writer is unusable", e);
        }
    }
}
