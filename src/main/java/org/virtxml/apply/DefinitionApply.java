package org.virtxml.apply;

import java.util.Optional;
import java.util.UUID;
import org.virtxml.connect.Connector;
import org.virtxml.diff.LibvirtDiff;
import org.virtxml.io.LibvirtDocument;
import org.virtxml.model.Leaf;
import org.virtxml.model.ModelElement;
import org.virtxml.model.Uuid;
import org.virtxml.model.UuidLeaf;

/**
 * Applies one document of a kind libvirt keeps no mark in (networks, pools): writes nothing when
 * the host's definition already says all the document says ({@link StoredDefinition#covers});
 * otherwise defines it and reads back what libvirt stored; then starts it and sets autostart when
 * asked. Subclasses name the kind's calls.
 *
 * @param <S> the kind's summary (e.g. {@code NetworkSummary})
 * @param <R> the kind's document root (e.g. {@code Network})
 */
abstract class DefinitionApply<S, R extends ModelElement> {
    protected final Connector connector;
    private final ApplyOptions options;

    DefinitionApply(Connector connector, ApplyOptions options) {
        this.connector = connector;
        this.options = options;
    }

    /** network, pool. */
    abstract String kind();

    abstract Leaf name(R root);

    abstract UuidLeaf uuid(R root);

    abstract void setUuid(R root, UuidLeaf uuid);

    /** The host's definition of that name, as the inventory found it. */
    abstract Optional<S> existing(Optional<UUID> uuid, String name);

    abstract String name(S summary);

    abstract UUID uuid(S summary);

    abstract boolean active(S summary);

    abstract LibvirtDocument<R> stored(String name);

    /** Defines and tells the inventory. */
    abstract S define(String xml);

    abstract void start(String name);

    abstract boolean autostart(String name);

    abstract void setAutostart(String name);

    @SuppressWarnings("unchecked")
    final void apply(Progress progress, LibvirtDocument<?> document, R intent) {
        String name = PoolApply.text(name(intent));
        progress.name(name);
        Optional<UUID> uuid = DomainApply.uuidOf(uuid(intent));
        Optional<S> existing = existing(uuid, name);
        S current;
        LibvirtDocument<R> before = existing.map(e -> stored(name(e))).orElse(null);
        if (before != null && StoredDefinition.covers(LibvirtDiff.between(document.root(), before.root()))) {
            progress.action(ApplyOutcome.Action.UNCHANGED);
            progress.stored(LibvirtDiff.between(document.root(), before.root()));
            current = existing.get();
        } else {
            LibvirtDocument<?> toDefine = document.copy();
            if (existing.isPresent() && uuid.isEmpty()) {
                setUuid((R) toDefine.root(), UuidLeaf.of(Uuid.of(uuid(existing.get()))));
                progress.note(
                        "the document has no UUID: the defined " + kind() + "'s " + uuid(existing.get()) + " was kept");
            }
            progress.step("define");
            current = define(toDefine.write());
            progress.action(before == null ? ApplyOutcome.Action.DEFINED : ApplyOutcome.Action.REDEFINED);
            progress.step("read back");
            progress.stored(
                    LibvirtDiff.between(document.root(), stored(name(current)).root()));
            if (before != null && active(current)) {
                progress.note("the " + kind()
                        + " is running: the new definition takes effect after it is stopped and started again");
            }
        }
        if (options.start() && !active(current)) {
            progress.step("start");
            start(name(current));
            progress.started();
        }
        if (options.autostart()) {
            progress.step("autostart");
            if (!autostart(name(current))) {
                setAutostart(name(current));
                progress.note("autostart set");
            }
        }
    }
}
