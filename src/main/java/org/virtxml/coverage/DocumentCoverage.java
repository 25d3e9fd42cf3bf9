package org.virtxml.coverage;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.namespace.QName;
import org.virtxml.io.LibvirtDocument;
import org.virtxml.model.DocumentKind;
import org.virtxml.model.ModelElement;
import org.virtxml.model.ModelProperty;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * How much of one document landed in typed properties and how much the model kept as-is: element
 * and attribute occurrences, with the kept ones by path ({@code /domain/devices/foo/@bar}, no
 * indexes). Content that libvirt's grammar leaves open ({@code <metadata>}, a snapshot's
 * {@code <cookie>}: {@link org.virtxml.model.OpenContent}) counts as typed.
 *
 * @param kind  the document's kind
 * @param typed element and attribute occurrences held by typed properties
 * @param kept  occurrences kept as-is
 * @param keptPaths kept occurrences by path
 */
public record DocumentCoverage(DocumentKind kind, long typed, long kept, Map<String, Long> keptPaths) {

    public DocumentCoverage {
        keptPaths = Map.copyOf(keptPaths);
    }

    /** Counts one document. */
    public static DocumentCoverage of(LibvirtDocument<?> doc) {
        Counter c = new Counter();
        c.element(doc.root(), "/" + doc.kind().rootElement());
        return new DocumentCoverage(doc.kind(), c.typed, c.kept, c.keptPaths);
    }

    private static final class Counter {
        long typed;
        long kept;
        final Map<String, Long> keptPaths = new TreeMap<>();

        void element(ModelElement root, String rootPath) {
            Deque<Object[]> todo = new ArrayDeque<>();
            todo.push(new Object[] {root, rootPath});
            while (!todo.isEmpty()) {
                Object[] item = todo.pop();
                ModelElement e = (ModelElement) item[0];
                String path = (String) item[1];
                typed++;
                for (Map.Entry<QName, String> a : e.keptAttributes().entrySet()) {
                    keep(path + "/@"
                            + name(
                                    a.getKey().getNamespaceURI(),
                                    a.getKey().getPrefix(),
                                    a.getKey().getLocalPart()));
                }
                boolean userContent = org.virtxml.model.OpenContent.holdsOpenContent(path);
                for (Element k : e.keptElements()) {
                    domTree(k, path, userContent);
                }
                for (ModelProperty p : ModelProperty.of(e.getClass())) {
                    List<Object> values = p.values(e);
                    if (p.isAttribute()) {
                        typed += values.size();
                        continue;
                    }
                    for (Object v : values) {
                        if (v instanceof ModelElement child) {
                            todo.push(new Object[] {child, path + "/" + p.xmlName()});
                        }
                    }
                }
            }
        }

        private void domTree(Element top, String parentPath, boolean userContent) {
            Deque<Object[]> todo = new ArrayDeque<>();
            todo.push(new Object[] {top, parentPath});
            while (!todo.isEmpty()) {
                Object[] item = todo.pop();
                Element el = (Element) item[0];
                String path = item[1] + "/" + name(el.getNamespaceURI(), el.getPrefix(), el.getLocalName());
                count(userContent, path);
                NamedNodeMap attrs = el.getAttributes();
                for (int i = 0; i < attrs.getLength(); i++) {
                    Attr a = (Attr) attrs.item(i);
                    if (!"http://www.w3.org/2000/xmlns/".equals(a.getNamespaceURI())) {
                        count(userContent, path + "/@" + name(a.getNamespaceURI(), a.getPrefix(), a.getLocalName()));
                    }
                }
                for (Node n = el.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element child) {
                        todo.push(new Object[] {child, path});
                    }
                }
            }
        }

        private void count(boolean userContent, String path) {
            if (userContent) {
                typed++;
            } else {
                keep(path);
            }
        }

        private void keep(String path) {
            kept++;
            keptPaths.merge(path, 1L, Long::sum);
        }

        private static String name(String ns, String prefix, String local) {
            if (ns == null || ns.isEmpty()) {
                return local;
            }
            return prefix != null && !prefix.isEmpty() ? prefix + ":" + local : "{" + ns + "}" + local;
        }
    }
}
