package org.virtxml.lint.host;

import java.util.Objects;

/**
 * One host check, as virt-host-validate prints them.
 *
 * @param name   what was checked, e.g. {@code hardware virtualization}
 * @param status PASS, WARN or FAIL
 * @param detail what was found, naming the values
 * @param hint   what to do about a WARN or FAIL; empty for PASS
 */
public record HostCheck(String name, Status status, String detail, String hint) {

    public enum Status {
        PASS,
        WARN,
        FAIL
    }

    public HostCheck {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(hint, "hint");
    }

    static HostCheck pass(String name, String detail) {
        return new HostCheck(name, Status.PASS, detail, "");
    }

    static HostCheck warn(String name, String detail, String hint) {
        return new HostCheck(name, Status.WARN, detail, hint);
    }

    static HostCheck fail(String name, String detail, String hint) {
        return new HostCheck(name, Status.FAIL, detail, hint);
    }
}
