package org.virtxml.apply;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.virtxml.connect.Connector;
import org.virtxml.connect.ConnectorException;
import org.virtxml.connect.LibvirtException;
import org.virtxml.io.DocumentReadException;
import org.virtxml.io.LibvirtDocument;
import org.virtxml.io.LibvirtXml;
import org.virtxml.lint.LintReport;
import org.virtxml.lint.Linter;
import org.virtxml.lint.Severity;
import org.virtxml.lint.host.HostProfile;
import org.virtxml.lint.host.HostProfileException;
import org.virtxml.model.DocumentKind;
import org.virtxml.model.domain.Domain;
import org.virtxml.model.network.Network;
import org.virtxml.model.pool.Pool;
import org.virtxml.model.volume.Volume;

/**
 * Takes checked definitions to a host: lints them with the connection's host profile and the
 * domains already defined there, refuses on errors unless forced, then applies networks, pools,
 * volumes and domains in that order (a guest after the network and pool it uses), each defined,
 * read back and compared with what was asked (libvirt's defaults).
 *
 * <p>The host is read once ({@link HostInventory}): applying N documents costs O(N) calls plus
 * O(guests on the host). A document the host already has is not written at all. When the host
 * refuses a document or one of its steps (define, start, autostart, attach), the failure is
 * reported with libvirt's message and the other documents are still applied; when the connection
 * ends, the run stops and every document after it is reported as not tried. Every document gets an
 * outcome, so a guest defined before a later step failed is never left unreported.
 */
public final class Applier {
    private static final List<DocumentKind> ORDER =
            List.of(DocumentKind.NETWORK, DocumentKind.POOL, DocumentKind.VOLUME, DocumentKind.DOMAIN);

    private final Connector connector;
    private final ApplyOptions options;

    private Applier(Connector connector, ApplyOptions options) {
        this.connector = connector;
        this.options = options;
    }

    /** An applier for this connection: not forced, defining without starting. */
    public static Applier to(Connector connector) {
        return new Applier(connector, ApplyOptions.DEFAULTS);
    }

    /** Defines even when lint reports errors. */
    public Applier forced(boolean force) {
        return new Applier(
                connector,
                new ApplyOptions(force, options.start(), options.live(), options.autostart(), options.pool()));
    }

    /** Starts each domain, network and pool after defining it, when it is not running yet. */
    public Applier starting(boolean start) {
        return new Applier(
                connector,
                new ApplyOptions(options.force(), start, options.live(), options.autostart(), options.pool()));
    }

    /** For a running domain, attaches and detaches the disks and interfaces its new definition adds or removes. */
    public Applier live(boolean live) {
        return new Applier(
                connector,
                new ApplyOptions(options.force(), options.start(), live, options.autostart(), options.pool()));
    }

    /** Marks each domain, network and pool to start with the host. */
    public Applier autostarting(boolean autostart) {
        return new Applier(
                connector,
                new ApplyOptions(options.force(), options.start(), options.live(), autostart, options.pool()));
    }

    /** Creates volume documents in this pool (without one, volume documents fail). */
    public Applier intoPool(String pool) {
        return new Applier(
                connector,
                new ApplyOptions(
                        options.force(), options.start(), options.live(), options.autostart(), Optional.of(pool)));
    }

    /**
     * Applies the documents; the lint gate covers all of them together.
     *
     * @throws ConnectorException when the host cannot be read before anything is done
     */
    public ApplyReport apply(List<Path> files) throws IOException, HostProfileException {
        List<Read> documents = files.stream()
                .map(Read::of)
                .sorted(Comparator.comparingInt(Read::rank))
                .toList();
        boolean networks = documents.stream().anyMatch(d -> d.is(DocumentKind.NETWORK));
        boolean pools = documents.stream().anyMatch(d -> d.is(DocumentKind.POOL));
        HostProfile host = ConnectionProfile.of(connector);
        HostInventory inventory = HostInventory.read(connector, networks, pools);
        LintReport lint =
                Linter.builder().host(host).defined(inventory.guests()).build().lint(files);
        if (!lint.atOrAbove(Severity.ERROR).isEmpty() && !options.force()) {
            return new ApplyReport(
                    lint,
                    ApplyReport.Status.REFUSED,
                    lint.errors().size() + " lint error(s): nothing was defined",
                    List.of());
        }
        DomainApply domains = new DomainApply(connector, inventory, options);
        PoolApply poolApply = new PoolApply(connector, inventory, options);
        NetworkApply networkApply = new NetworkApply(connector, inventory, options);
        Optional<VolumeApply> volumes = options.pool().map(p -> new VolumeApply(connector, p));
        List<ApplyOutcome> outcomes = new ArrayList<>();
        boolean failed = false;
        for (int i = 0; i < documents.size(); i++) {
            Read read = documents.get(i);
            Progress progress = new Progress(read.file().toString(), read.kindName());
            try {
                apply(progress, read, domains, poolApply, networkApply, volumes);
                outcomes.add(progress.done());
            } catch (LibvirtException | RefusedDocument e) {
                outcomes.add(progress.failed(e.getMessage()));
                failed = true;
            } catch (ConnectorException e) {
                // the connection ended, a call timed out, or the daemon broke the protocol: nothing more can be trusted
                outcomes.add(progress.lost(e.getMessage()));
                String why = "not tried: the connection failed while applying " + read.file();
                for (Read rest : documents.subList(i + 1, documents.size())) {
                    outcomes.add(ApplyOutcome.notTried(rest.file().toString(), rest.kindName(), "", why));
                }
                return new ApplyReport(
                        lint,
                        ApplyReport.Status.CONNECTION_LOST,
                        "the connection failed while applying " + read.file() + ": " + e.getMessage(),
                        outcomes);
            }
        }
        return failed
                ? new ApplyReport(lint, ApplyReport.Status.FAILED, "the host refused some documents or steps", outcomes)
                : new ApplyReport(lint, ApplyReport.Status.APPLIED, "", outcomes);
    }

    private void apply(
            Progress progress,
            Read read,
            DomainApply domains,
            PoolApply pools,
            NetworkApply networks,
            Optional<VolumeApply> volumes) {
        if (read.failure() != null) {
            throw new RefusedDocument(read.failure());
        }
        LibvirtDocument<?> doc = read.document();
        if (doc.root() instanceof Domain d) {
            domains.apply(progress, doc, d);
        } else if (doc.root() instanceof Network n) {
            networks.apply(progress, doc, n);
        } else if (doc.root() instanceof Pool p) {
            pools.apply(progress, doc, p);
        } else if (doc.root() instanceof Volume v) {
            volumes.orElseThrow(() -> new RefusedDocument("a volume document is created in a pool: give --pool NAME"))
                    .apply(progress, doc, v);
        } else {
            throw new RefusedDocument("a " + doc.kind().rootElement()
                    + " document cannot be applied (domains, networks, pools and, with --pool, volumes can)");
        }
    }

    /** A document read before anything is applied: its typed form, or why it cannot be read. */
    private record Read(Path file, LibvirtDocument<?> document, String failure) {
        static Read of(Path file) {
            try {
                return new Read(file, LibvirtXml.defaults().read(file), null);
            } catch (DocumentReadException e) {
                return new Read(file, null, e.problem().toString());
            }
        }

        boolean is(DocumentKind kind) {
            return document != null && document.kind() == kind;
        }

        int rank() {
            int i = document == null ? -1 : ORDER.indexOf(document.kind());
            return i < 0 ? ORDER.size() : i;
        }

        String kindName() {
            return document == null ? "document" : document.kind().rootElement();
        }
    }
}
