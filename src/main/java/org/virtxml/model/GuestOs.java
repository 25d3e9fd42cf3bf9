package org.virtxml.model;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.virtxml.model.domain.Domain;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What a domain document says of its guest's operating system, when it says anything: the
 * libosinfo metadata virt-install and virt-manager write ({@code <libosinfo:os id='...'/>} in
 * {@code <metadata>}), else a Hyper-V enlightenments block ({@code <features><hyperv>}), which only
 * Windows guests use.
 *
 * @param family   the family the document names
 * @param evidence where it says so, in words ({@code libosinfo os http://microsoft.com/win/10})
 */
public record GuestOs(Family family, String evidence) {

    /** The namespace of libosinfo's domain metadata. */
    public static final String LIBOSINFO_NS = "http://libosinfo.org/xmlns/libvirt/domain/1.0";

    /** Operating system families, as far as the guide's advice differs between them. */
    public enum Family {
        WINDOWS,
        LINUX,
        BSD
    }

    private static final List<String> LINUX_HOSTS = List.of(
            "redhat.com",
            "fedoraproject.org",
            "centos.org",
            "debian.org",
            "ubuntu.com",
            "opensuse.org",
            "suse.com",
            "archlinux.org",
            "alpinelinux.org",
            "almalinux.org",
            "rockylinux.org",
            "oracle.com",
            "libosinfo.org/linux",
            "gentoo.org",
            "mageia.org");

    public GuestOs {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(evidence, "evidence");
    }

    /** The family {@code domain} names, or empty when it names none. */
    public static Optional<GuestOs> of(Domain domain) {
        Optional<String> id = libosinfoId(domain);
        if (id.isPresent()) {
            String lower = id.get().toLowerCase(Locale.ROOT);
            String evidence = "libosinfo os " + id.get();
            if (lower.contains("microsoft.com/win")) {
                return Optional.of(new GuestOs(Family.WINDOWS, evidence));
            }
            if (lower.contains("freebsd.org") || lower.contains("openbsd.org") || lower.contains("netbsd.org")) {
                return Optional.of(new GuestOs(Family.BSD, evidence));
            }
            if (LINUX_HOSTS.stream().anyMatch(lower::contains)) {
                return Optional.of(new GuestOs(Family.LINUX, evidence));
            }
        }
        if (domain.getFeatures() != null && domain.getFeatures().getHyperv() != null) {
            return Optional.of(new GuestOs(Family.WINDOWS, "Hyper-V enlightenments"));
        }
        return Optional.empty();
    }

    /** Whether {@code domain} names a Windows guest. */
    public static boolean isWindows(Domain domain) {
        return of(domain).map(o -> o.family() == Family.WINDOWS).orElse(false);
    }

    /** The id of {@code <libosinfo:os>} in the domain's metadata, when there is one. */
    public static Optional<String> libosinfoId(Domain domain) {
        if (domain.getMetadata() == null) {
            return Optional.empty();
        }
        for (Element e : domain.getMetadata().keptElements()) {
            Optional<String> id = osId(e);
            if (id.isPresent()) {
                return id;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> osId(Element e) {
        if (LIBOSINFO_NS.equals(e.getNamespaceURI()) && "os".equals(e.getLocalName()) && e.hasAttribute("id")) {
            return Optional.of(e.getAttribute("id"));
        }
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                Optional<String> id = osId(child);
                if (id.isPresent()) {
                    return id;
                }
            }
        }
        return Optional.empty();
    }
}
