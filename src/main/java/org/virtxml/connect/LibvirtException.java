package org.virtxml.connect;

import java.util.Optional;

/**
 * An error reported by libvirt (or, for the in-memory host, one that libvirt would report), carrying
 * libvirt's numeric code, error domain and message. {@link #getMessage()} is libvirt's message followed
 * by the code's and domain's names, e.g.
 * {@code Domain not found: no domain with matching name 'x' [VIR_ERR_NO_DOMAIN from VIR_FROM_QEMU]}.
 */
public final class LibvirtException extends ConnectorException {
    private static final long serialVersionUID = 1L;

    private final int code;
    private final int domain;
    private final String libvirtMessage;

    public LibvirtException(int code, int domain, String libvirtMessage) {
        super(describe(code, domain, libvirtMessage));
        this.code = code;
        this.domain = domain;
        this.libvirtMessage = libvirtMessage;
    }

    public LibvirtException(ErrorCode code, ErrorDomain domain, String libvirtMessage) {
        this(code.number(), domain.number(), libvirtMessage);
    }

    /** libvirt's virErrorNumber. */
    public int code() {
        return code;
    }

    /** libvirt's virErrorDomain. */
    public int domain() {
        return domain;
    }

    /** The message exactly as libvirt wrote it. */
    public String libvirtMessage() {
        return libvirtMessage;
    }

    public Optional<ErrorCode> errorCode() {
        return ErrorCode.of(code);
    }

    public Optional<ErrorDomain> errorDomain() {
        return ErrorDomain.of(domain);
    }

    /** True when libvirt's code is {@code expected}. */
    public boolean is(ErrorCode expected) {
        return code == expected.number();
    }

    private static String describe(int code, int domain, String message) {
        String codeName = ErrorCode.of(code).map(Enum::name).orElse("error code " + code);
        String domainName = ErrorDomain.of(domain).map(Enum::name).orElse("error domain " + domain);
        return message + " [" + codeName + " from " + domainName + "]";
    }
}
