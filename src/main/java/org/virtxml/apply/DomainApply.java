package org.virtxml.apply;

import java.util.Optional;
import java.util.UUID;
import org.virtxml.connect.Connector;
import org.virtxml.connect.DomainSummary;
import org.virtxml.connect.XmlFlavor;
import org.virtxml.diff.Difference;
import org.virtxml.diff.LibvirtDiff;
import org.virtxml.io.LibvirtDocument;
import org.virtxml.model.Uuid;
import org.virtxml.model.UuidLeaf;
import org.virtxml.model.domain.Domain;

/**
 * Applies one domain document: writes nothing when the host's definition carries the mark of this
 * very document ({@link AppliedMark}); otherwise defines it with libvirt's schema validation, reads
 * back what libvirt stored, and, for a running guest, attaches and detaches devices live when asked;
 * then starts it and sets autostart when asked.
 */
final class DomainApply {
    private final Connector connector;
    private final HostInventory inventory;
    private final ApplyOptions options;

    DomainApply(Connector connector, HostInventory inventory, ApplyOptions options) {
        this.connector = connector;
        this.inventory = inventory;
        this.options = options;
    }

    void apply(Progress progress, LibvirtDocument<?> document, Domain intent) {
        String name = intent.getName() == null || intent.getName().getText() == null
                ? ""
                : intent.getName().getText().trim();
        progress.name(name);
        Optional<UUID> uuid = uuidOf(intent.getUuid());
        Optional<DomainSummary> existing = inventory.domain(uuid, name);
        LibvirtDocument<Domain> before =
                existing.flatMap(e -> inventory.definition(e.name())).orElse(null);
        String digest = AppliedMark.digest(document);
        DomainSummary current;
        if (before != null
                && existing.get().persistent()
                && AppliedMark.of(before.root()).equals(Optional.of(digest))) {
            progress.action(ApplyOutcome.Action.UNCHANGED);
            progress.stored(AppliedMark.withoutMark(LibvirtDiff.between(document.root(), before.root())));
            current = existing.get();
            if (uuid.isEmpty()) {
                progress.note("the document has no UUID: it is the defined domain " + current.uuid() + " of that name");
            }
        } else {
            current = define(progress, document, existing, before, digest);
        }
        if (options.start() && !current.state().isActive()) {
            progress.step("start");
            connector.startDomain(current.name());
            progress.started();
        }
        if (options.autostart()) {
            progress.step("autostart");
            if (!connector.domainAutostart(current.name())) {
                connector.setDomainAutostart(current.name(), true);
                progress.note("autostart set");
            }
        }
    }

    private DomainSummary define(
            Progress progress,
            LibvirtDocument<?> document,
            Optional<DomainSummary> existing,
            LibvirtDocument<Domain> before,
            String digest) {
        LibvirtDocument<?> toDefine = document.copy();
        Domain domain = (Domain) toDefine.root();
        if (existing.isPresent() && uuidOf(domain.getUuid()).isEmpty()) {
            // libvirt refuses a same-named definition with another (generated) UUID: keep the host's
            domain.setUuid(UuidLeaf.of(Uuid.of(existing.get().uuid())));
            progress.note("the document has no UUID: the defined domain's "
                    + existing.get().uuid() + " was kept");
        }
        AppliedMark.put(domain, digest);
        progress.step("define");
        DomainSummary defined = connector.defineDomain(toDefine.write(), true);
        progress.action(before == null ? ApplyOutcome.Action.DEFINED : ApplyOutcome.Action.REDEFINED);
        progress.name(defined.name());
        progress.step("read back");
        LibvirtDocument<Domain> after = connector.domainDocument(defined.name(), XmlFlavor.INACTIVE);
        inventory.defined(defined, after);
        progress.stored(AppliedMark.withoutMark(LibvirtDiff.between(document.root(), after.root())));
        if (before != null) {
            if (AppliedMark.withoutMark(LibvirtDiff.between(before, after)).isEmpty()) {
                progress.note(
                        "the host's definition was already this one; it now carries virtxml's mark of the applied document");
            } else if (defined.state().isActive()) {
                running(progress, defined.name(), before, after);
            }
        }
        return defined;
    }

    /** The guest runs: the new definition applies at its next start, except what can be changed live. */
    private void running(
            Progress progress, String name, LibvirtDocument<Domain> before, LibvirtDocument<Domain> after) {
        if (!options.live()) {
            progress.note(
                    "the domain is running: the new definition takes effect after it is shut down and started again"
                            + " (--live attaches and detaches disks and interfaces at once)");
            return;
        }
        LiveDevices plan = LiveDevices.between(before, after);
        for (LiveDevices.Change change : plan.changes()) {
            progress.step(change.attach() ? "attach " + change.label() : "detach " + change.label());
            change.applyTo(connector, name);
            progress.note("applied live: " + change.done());
        }
        for (Difference waiting : plan.waiting()) {
            progress.note("waits for a restart: " + waiting);
        }
    }

    static Optional<UUID> uuidOf(UuidLeaf uuid) {
        return uuid != null && uuid.uuid() != null && uuid.uuid().isValid()
                ? Optional.of(uuid.uuid().toJavaUuid())
                : Optional.empty();
    }
}
