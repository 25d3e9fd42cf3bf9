package org.virtxml.cli;

import java.util.ArrayList;
import java.util.List;
import org.virtxml.apply.LiveDevices;
import org.virtxml.connect.Connector;
import org.virtxml.diff.Difference;
import org.virtxml.edit.Change;
import org.virtxml.io.LibvirtDocument;
import org.virtxml.model.domain.Domain;

/**
 * {@code edit --connect URI --live} on a running guest: the disks and interfaces the edit adds are
 * attached to it and those it removes detached (the running guest only: the file the edit writes
 * is the definition, for {@code apply}); every other change is reported as waiting for the guest
 * to shut down.
 */
final class LiveEdit {
    private LiveEdit() {}

    /** Applies what can change live, and says per change what was done and what waits. */
    static List<Change> apply(
            Connector host, String name, LibvirtDocument<Domain> before, LibvirtDocument<Domain> after) {
        LiveDevices plan = LiveDevices.between(before, after);
        List<Change> done = new ArrayList<>();
        for (LiveDevices.Change c : plan.changes()) {
            c.applyTo(host, name);
            done.add(new Change("/domain/devices", c.done() + " on the running guest " + name));
        }
        for (Difference waiting : plan.waiting()) {
            done.add(new Change(waiting.path(), "the guest is running: this change takes effect after it shuts down"));
        }
        return done;
    }
}
