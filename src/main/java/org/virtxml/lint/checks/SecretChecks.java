package org.virtxml.lint.checks;

import java.util.List;
import java.util.function.Consumer;
import org.virtxml.model.Leaf;
import org.virtxml.model.secret.Usage;

/** Secret rules from libvirt's virSecretDefParseUsage (rules "Other kinds"). */
final class SecretChecks {

    private SecretChecks() {}

    static List<RuleCheck<?>> entries() {
        return List.of(RuleCheck.of("secret-usage-incomplete", Usage.class, SecretChecks::usage));
    }

    private static void usage(Usage u, Consumer<Finding> out) {
        String type = u.getType();
        if (type == null) {
            return;
        }
        switch (type) {
            case "volume" -> require(u, u.getVolume(), "volume usage specified, but volume path is missing", out);
            case "ceph" -> require(u, u.getName(), "Ceph usage specified, but name is missing", out);
            case "iscsi" -> require(u, u.getTarget(), "iSCSI usage specified, but target is missing", out);
            case "tls" -> require(u, u.getName(), "TLS usage specified, but name is missing", out);
            case "vtpm" -> require(u, u.getName(), "vTPM usage specified, but name is missing", out);
            default -> {}
        }
    }

    private static void require(Usage u, Leaf part, String message, Consumer<Finding> out) {
        if (Model.blank(part)) {
            out.accept(Finding.at(u, message));
        }
    }
}
