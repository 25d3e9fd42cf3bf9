package org.virtxml.lint.checks;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.virtxml.model.Leaf;
import org.virtxml.model.ModelElement;
import org.virtxml.model.Uuid;
import org.virtxml.model.UuidLeaf;
import org.virtxml.model.domain.Domain;
import org.virtxml.model.domain.Sysinfo;
import org.virtxml.model.domain.SystemEntry;
import org.virtxml.model.pool.Pool;
import org.virtxml.model.volume.Volume;

/** Identity rules: UUID form, names, title (rules.md "Identity"). */
final class IdentityChecks {

    /** Drivers that allow '/' in names (VIR_DOMAIN_DEF_FEATURE_NAME_SLASH). */
    private static final Set<String> NAME_SLASH_TYPES = Set.of("vbox", "vmware", "openvz");

    private IdentityChecks() {}

    static List<RuleCheck<?>> entries() {
        return List.of(
                RuleCheck.of("uuid-noncanonical", Domain.class, (d, out) -> uuidForm(d.getUuid(), out)),
                RuleCheck.of("uuid-noncanonical", Pool.class, (p, out) -> uuidForm(p.getUuid(), out)),
                RuleCheck.of("uuid-not-rfc4122", Domain.class, (d, out) -> uuidRfc(d.getUuid(), out)),
                RuleCheck.of("uuid-not-rfc4122", Pool.class, (p, out) -> uuidRfc(p.getUuid(), out)),
                RuleCheck.of("uuid-sysinfo-mismatch", Domain.class, IdentityChecks::sysinfoUuid),
                RuleCheck.of("name-missing", Domain.class, (d, out) -> nameMissing(d, d.getName(), "domain", out)),
                RuleCheck.of("name-missing", Pool.class, IdentityChecks::poolNameMissing),
                RuleCheck.of("name-missing", Volume.class, (v, out) -> nameMissing(v, v.getName(), "volume", out)),
                RuleCheck.of(
                        "name-invalid",
                        Domain.class,
                        (d, out) -> nameInvalid(
                                d.getName(), d.getType() == null || !NAME_SLASH_TYPES.contains(d.getType()), out)),
                RuleCheck.of("name-invalid", Pool.class, (p, out) -> nameInvalid(p.getName(), true, out)),
                RuleCheck.of("name-invalid", Volume.class, (v, out) -> nameInvalid(v.getName(), true, out)),
                RuleCheck.of("name-unportable", Domain.class, (d, out) -> nameUnportable(d.getName(), out)),
                RuleCheck.of("name-unportable", Pool.class, (p, out) -> nameUnportable(p.getName(), out)),
                RuleCheck.of("name-unportable", Volume.class, (v, out) -> nameUnportable(v.getName(), out)),
                RuleCheck.of("title-newline", Domain.class, IdentityChecks::titleNewline),
                // other kinds (issue 9): networks as libvirt's virNetworkDefParseXML, snapshots and checkpoints
                RuleCheck.of(
                        "uuid-noncanonical",
                        org.virtxml.model.network.Network.class,
                        (n, out) -> uuidForm(n.getUuid(), out)),
                RuleCheck.of(
                        "name-missing",
                        org.virtxml.model.network.Network.class,
                        (n, out) -> nameMissing(n, n.getName(), "network", out)),
                RuleCheck.of(
                        "name-invalid",
                        org.virtxml.model.network.Network.class,
                        (n, out) -> nameInvalid(n.getName(), true, out)),
                RuleCheck.of(
                        "name-invalid",
                        org.virtxml.model.snapshot.DomainSnapshot.class,
                        (s, out) -> nameInvalid(s.getName(), true, out)),
                RuleCheck.of(
                        "name-invalid",
                        org.virtxml.model.checkpoint.DomainCheckpoint.class,
                        (c, out) -> nameInvalid(c.getName(), true, out)));
    }

    private static void uuidForm(UuidLeaf leaf, Consumer<Finding> out) {
        Uuid u = leaf == null ? null : leaf.uuid();
        if (u != null && u.isValid() && !u.isCanonical()) {
            out.accept(Finding.at(
                    leaf,
                    "UUID '" + u.text() + "' is not in the canonical form libvirt writes back: " + u.canonical()));
        }
    }

    private static void uuidRfc(UuidLeaf leaf, Consumer<Finding> out) {
        Uuid u = leaf == null ? null : leaf.uuid();
        if (u != null && u.isValid() && !u.isRfc4122()) {
            byte[] b = u.bytes();
            out.accept(Finding.at(
                    leaf,
                    "UUID '" + u.text().trim() + "' is not an RFC 4122 UUID (version "
                            + ((b[6] >> 4) & 0x0F) + ", variant bits "
                            + Integer.toBinaryString(((b[8] >> 6) & 0x03) | 4).substring(1)
                            + "); libvirt generates version 4"));
        }
    }

    private static void sysinfoUuid(Domain d, Consumer<Finding> out) {
        Uuid own = d.getUuid() == null ? null : d.getUuid().uuid();
        if (own == null || !own.isValid()) {
            return;
        }
        for (Sysinfo s : Model.list(d.getSysinfo())) {
            if (!"smbios".equals(s.getType()) || s.getSystem() == null) {
                continue;
            }
            for (SystemEntry e : Model.list(s.getSystem().getEntry())) {
                String text = e.getText();
                if ("uuid".equals(e.getName()) && text != null && !text.isEmpty()) {
                    Uuid other = Uuid.of(text);
                    if (!other.sameValueAs(own)) {
                        out.accept(Finding.at(
                                e,
                                "UUID mismatch between <uuid> and <sysinfo>: "
                                        + own.text().trim() + " versus " + text.trim()));
                    }
                }
            }
        }
    }

    private static void nameMissing(ModelElement root, Leaf name, String kind, Consumer<Finding> out) {
        if (Model.blank(name)) {
            out.accept(Finding.at(
                    name == null ? root : name,
                    "missing name information: the " + kind + " has no "
                            + (name == null ? "<name>" : "text in <name>")));
        }
    }

    /** Pools of the types that fall back to the source name may omit {@code <name>}. */
    private static void poolNameMissing(Pool p, Consumer<Finding> out) {
        boolean sourceName = p.getSource() != null
                && Model.list(p.getSource().getName()).stream().anyMatch(n -> !Model.blank(n));
        if (Model.blank(p.getName())
                && !(sourceName
                        && p.getType() != null
                        && Set.of("logical", "sheepdog", "gluster", "zfs", "vstorage", "rbd")
                                .contains(p.getType()))) {
            out.accept(Finding.at(
                    p.getName() == null ? p : p.getName(),
                    "missing pool source name element: the pool" + " has no <name>"));
        }
    }

    private static void nameInvalid(Leaf name, boolean slashRefused, Consumer<Finding> out) {
        String n = Model.text(name);
        if (n == null) {
            return;
        }
        if (n.indexOf('\n') >= 0) {
            out.accept(Finding.at(name, "invalid char in name: <LF> ('" + n.replace("\n", "\\n") + "')"));
        } else if (slashRefused && n.indexOf('/') >= 0) {
            out.accept(Finding.at(name, "name " + n + " cannot contain '/'"));
        }
    }

    private static void nameUnportable(Leaf name, Consumer<Finding> out) {
        String n = Model.text(name);
        if (n == null || n.isEmpty() || n.indexOf('\n') >= 0 || n.indexOf('/') >= 0 || portable(n)) {
            return;
        }
        StringBuilder bad = new StringBuilder();
        n.codePoints()
                .filter(c -> !portable(c))
                .distinct()
                .forEach(c -> bad.append(bad.length() == 0 ? "" : ", ")
                        .append('\'')
                        .appendCodePoint(c)
                        .append('\''));
        out.accept(Finding.at(
                name,
                "name '" + n + "' has characters other than letters, digits, '-', '_' and '.' (" + bad
                        + "); names become file names"));
    }

    /** Whether every character is {@link #portable(int) portable} (the usual name: nothing to list). */
    private static boolean portable(String n) {
        for (int i = 0; i < n.length(); i++) {
            if (!portable(n.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code c} is an ASCII letter or digit, '-', '_' or '.'. */
    private static boolean portable(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.';
    }

    private static void titleNewline(Domain d, Consumer<Finding> out) {
        String t = Model.text(d.getTitle());
        if (t != null && t.indexOf('\n') >= 0) {
            out.accept(Finding.at(d.getTitle(), "Domain title can't contain newlines"));
        }
    }
}
