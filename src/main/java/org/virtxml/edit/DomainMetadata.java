package org.virtxml.edit;

import java.util.List;
import java.util.Objects;
import org.virtxml.model.Leaf;
import org.virtxml.model.domain.Domain;
import org.w3c.dom.Element;

/**
 * A domain's descriptive data (KVM guide chapter 23): {@code <title>} (one line),
 * {@code <description>} and the application elements of {@code <metadata>}, one per namespace as
 * libvirt keeps them ({@code virsh metadata --uri}). The domain is changed in place.
 */
public final class DomainMetadata {
    private DomainMetadata() {}

    /** Sets the title; refused when it spans lines (libvirt refuses a title with a newline). */
    public static EditResult<Domain> setTitle(Domain domain, String title) throws EditRefusedException {
        Objects.requireNonNull(title, "title");
        if (title.contains("\n") || title.contains("\r")) {
            throw new EditRefusedException(
                    "a title is one line (libvirt refuses a newline in it): use the description");
        }
        String old = domain.getTitle() == null ? null : domain.getTitle().getText();
        domain.setTitle(Leaf.of(title));
        return changed(domain, "/domain/title", old, title);
    }

    /** Sets the description (any text). */
    public static EditResult<Domain> setDescription(Domain domain, String description) {
        Objects.requireNonNull(description, "description");
        String old =
                domain.getDescription() == null ? null : domain.getDescription().getText();
        domain.setDescription(Leaf.of(description));
        return changed(domain, "/domain/description", old == null ? null : oneLine(old), oneLine(description));
    }

    /**
     * Puts {@code element} into {@code <metadata>} in place of the element of its namespace, as
     * libvirt does; refused when the element's namespace is not {@code namespace}.
     */
    public static EditResult<Domain> setMetadata(Domain domain, String namespace, Element element)
            throws EditRefusedException {
        Objects.requireNonNull(namespace, "namespace");
        if (namespace.isBlank()) {
            throw new EditRefusedException("metadata needs a namespace URI");
        }
        if (!namespace.equals(element.getNamespaceURI())) {
            throw new EditRefusedException("the metadata element <" + element.getTagName() + "> is in namespace '"
                    + (element.getNamespaceURI() == null ? "(none)" : element.getNamespaceURI()) + "', not '"
                    + namespace + "': libvirt keeps one element per namespace, named by it");
        }
        if (domain.getMetadata() == null) {
            domain.setMetadata(new Leaf());
        }
        Leaf metadata = domain.getMetadata();
        String what = "added <" + element.getTagName() + "> in " + namespace;
        for (Element e : List.copyOf(metadata.keptElements())) {
            if (namespace.equals(e.getNamespaceURI())) {
                metadata.removeKeptElement(e);
                what = "replaced <" + e.getTagName() + "> in " + namespace + " by <" + element.getTagName() + ">";
            }
        }
        metadata.addKeptElement(element);
        return new EditResult<>(domain, List.of(new Change("/domain/metadata", what)));
    }

    private static EditResult<Domain> changed(Domain domain, String path, String old, String now) {
        Changes c = new Changes();
        c.changed(path, old == null ? null : "'" + old + "'", "'" + now + "'");
        return new EditResult<>(domain, c.list());
    }

    private static String oneLine(String text) {
        String first = text.strip().lines().findFirst().orElse("");
        return text.strip().contains("\n") ? first + " ..." : first;
    }
}
