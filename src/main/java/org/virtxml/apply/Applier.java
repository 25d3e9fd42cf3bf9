package org.virtxml.apply;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.virtxml.connect.Connector;
import org.virtxml.connect.ConnectorException;
import org.virtxml.connect.DomainState;
import org.virtxml.connect.DomainSummary;
import org.virtxml.connect.StoragePoolSummary;
import org.virtxml.connect.XmlFlavor;
import org.virtxml.diff.Difference;
import org.virtxml.diff.LibvirtDiff;
import org.virtxml.io.DocumentReadException;
import org.virtxml.io.LibvirtDocument;
import org.virtxml.io.LibvirtXml;
import org.virtxml.lint.GuestFactsReader;
import org.virtxml.lint.LintReport;
import org.virtxml.lint.Linter;
import org.virtxml.lint.Severity;
import org.virtxml.lint.facts.GuestFacts;
import org.virtxml.lint.host.HostProfile;
import org.virtxml.lint.host.HostProfileException;
import org.virtxml.model.ModelElement;
import org.virtxml.model.Uuid;
import org.virtxml.model.UuidLeaf;
import org.virtxml.model.domain.Domain;
import org.virtxml.model.pool.Pool;

/**
 * Takes checked definitions to a host: lints them with the connection's host profile and the
 * domains already defined there, refuses on errors unless forced, defines them, reads back what
 * libvirt stored and reports how it differs from what was asked (libvirt's defaults). Applying the
 * same document twice changes nothing the second time and says so.
 */
public final class Applier {
    private final Connector connector;
    private final boolean force;
    private final boolean start;

    private Applier(Connector connector, boolean force, boolean start) {
        this.connector = connector;
        this.force = force;
        this.start = start;
    }

    /** An applier for this connection: not forced, defining without starting. */
    public static Applier to(Connector connector) {
        return new Applier(connector, false, false);
    }

    /** Defines even when lint reports errors. */
    public Applier forced(boolean force) {
        return new Applier(connector, force, start);
    }

    /** Starts each domain (and pool) after defining it, when it is not running yet. */
    public Applier starting(boolean start) {
        return new Applier(connector, force, start);
    }

    /** Applies the documents in order; the lint gate covers all of them together. */
    public ApplyReport apply(List<Path> files) throws IOException, HostProfileException {
        HostProfile host = ConnectionProfile.of(connector);
        List<GuestFacts> defined = new ArrayList<>();
        for (DomainSummary d : connector.listDomains()) {
            LibvirtDocument<Domain> doc = connector.domainDocument(d.name(), XmlFlavor.INACTIVE);
            defined.add(GuestFactsReader.of(doc, "defined:" + d.name()));
        }
        Linter linter = Linter.builder().host(host).defined(defined).build();
        LintReport lint = linter.lint(files);
        if (!lint.atOrAbove(Severity.ERROR).isEmpty() && !force) {
            return new ApplyReport(lint, true, lint.errors().size() + " lint error(s): nothing was defined", List.of());
        }
        List<ApplyOutcome> outcomes = new ArrayList<>();
        for (Path f : files) {
            LibvirtDocument<?> doc;
            try {
                doc = LibvirtXml.defaults().read(f);
            } catch (DocumentReadException e) {
                return new ApplyReport(lint, true, e.problem().toString(), outcomes);
            }
            try {
                if (doc.root() instanceof Domain d) {
                    outcomes.add(applyDomain(f.toString(), doc, d));
                } else if (doc.root() instanceof Pool p) {
                    outcomes.add(applyPool(f.toString(), doc, p));
                } else {
                    return new ApplyReport(lint, true, f + ": a " + doc.kind().rootElement()
                            + " document cannot be applied (domains and pools can)", outcomes);
                }
            } catch (ConnectorException e) {
                return new ApplyReport(lint, true, f + ": " + e.getMessage(), outcomes);
            }
        }
        return new ApplyReport(lint, false, "", outcomes);
    }

    private ApplyOutcome applyDomain(String file, LibvirtDocument<?> doc, Domain intent) {
        Optional<DomainSummary> existing = existingDomain(intent);
        LibvirtDocument<Domain> before = existing.map(e -> connector.domainDocument(e.name(), XmlFlavor.INACTIVE)).orElse(null);
        List<String> notes = new ArrayList<>();
        String xml = doc.write();
        if (existing.isPresent() && !hasUuid(intent.getUuid())) {
            // libvirt refuses a same-named definition with another (generated) UUID: replace, keeping the host's UUID
            LibvirtDocument<?> withUuid = doc.copy();
            ((Domain) withUuid.root()).setUuid(UuidLeaf.of(Uuid.of(existing.get().uuid())));
            xml = withUuid.write();
            notes.add("the document has no UUID: the defined domain's " + existing.get().uuid() + " was kept");
        }
        DomainSummary defined = connector.defineDomain(xml);
        LibvirtDocument<Domain> after = connector.domainDocument(defined.name(), XmlFlavor.INACTIVE);
        ApplyOutcome.Action action;
        if (before == null) {
            action = ApplyOutcome.Action.DEFINED;
        } else if (LibvirtDiff.between(before, after).isEmpty()) {
            action = ApplyOutcome.Action.UNCHANGED;
        } else {
            action = ApplyOutcome.Action.REDEFINED;
            if (existing.get().state() == DomainState.RUNNING) {
                notes.add("the domain is running: the new definition takes effect after it is shut down and started again");
            }
        }
        DomainSummary now = connector.lookupDomain(defined.name());
        if (start && now.state() != DomainState.RUNNING) {
            connector.startDomain(defined.name());
            notes.add("started");
        }
        List<Difference> stored = LibvirtDiff.between(doc.root(), after.root());
        return new ApplyOutcome(file, "domain", defined.name(), action, stored, notes);
    }

    private static boolean hasUuid(UuidLeaf uuid) {
        return uuid != null && uuid.uuid() != null && uuid.uuid().isValid();
    }

    private Optional<DomainSummary> existingDomain(Domain intent) {
        UuidLeaf uuid = intent.getUuid();
        if (hasUuid(uuid)) {
            java.util.UUID u = uuid.uuid().toJavaUuid();
            for (DomainSummary d : connector.listDomains()) {
                if (u.equals(d.uuid())) {
                    return Optional.of(d);
                }
            }
            return Optional.empty();
        }
        String name = intent.getName() == null ? null : intent.getName().getText();
        return name == null ? Optional.empty() : connector.findDomain(name);
    }

    private ApplyOutcome applyPool(String file, LibvirtDocument<?> doc, Pool intent) {
        String name = intent.getName() == null ? null : intent.getName().getText();
        Optional<StoragePoolSummary> existing = connector.listStoragePools().stream()
                .filter(p -> p.name().equals(name)).findFirst();
        LibvirtDocument<Pool> before = existing.map(p -> connector.storagePoolDocument(p.name())).orElse(null);
        List<String> notes = new ArrayList<>();
        String xml = doc.write();
        if (existing.isPresent() && !hasUuid(intent.getUuid())) {
            LibvirtDocument<?> withUuid = doc.copy();
            ((Pool) withUuid.root()).setUuid(UuidLeaf.of(Uuid.of(existing.get().uuid())));
            xml = withUuid.write();
            notes.add("the document has no UUID: the defined pool's " + existing.get().uuid() + " was kept");
        }
        StoragePoolSummary defined = connector.defineStoragePool(xml);
        LibvirtDocument<Pool> after = connector.storagePoolDocument(defined.name());
        ApplyOutcome.Action action = before == null ? ApplyOutcome.Action.DEFINED
                : LibvirtDiff.between(before, after).isEmpty() ? ApplyOutcome.Action.UNCHANGED : ApplyOutcome.Action.REDEFINED;
        if (start && connector.lookupStoragePool(defined.name()).state() != org.virtxml.connect.StoragePoolState.RUNNING) {
            connector.startStoragePool(defined.name());
            notes.add("started");
        }
        return new ApplyOutcome(file, "pool", defined.name(), action, LibvirtDiff.between((ModelElement) intent, after.root()), notes);
    }
}
