package org.virtxml.connect.rpc;

import java.util.Optional;
import org.virtxml.connect.LibvirtException;
import org.virtxml.connect.ProtocolViolationException;
import org.virtxml.connect.xdr.XdrDecoder;
import org.virtxml.connect.xdr.XdrException;

/** Decodes remote_error (virNetMessageError), the payload of a reply whose status is ERROR. */
public final class RemoteErrors {
    private static final int UUID_LENGTH = 16;

    private RemoteErrors() {}

    public static LibvirtException decode(XdrDecoder in) {
        try {
            int code = in.readInt();
            int domain = in.readInt();
            Optional<String> message = in.readOptional(d -> d.readString(Frames.STRING_MAX));
            in.readInt(); // level
            in.readOptional(
                    d -> { // dom: name, uuid, id (unused by libvirt)
                        d.readString(Frames.STRING_MAX);
                        d.readFixedOpaque(UUID_LENGTH);
                        return d.readInt();
                    });
            in.readOptional(d -> d.readString(Frames.STRING_MAX)); // str1
            in.readOptional(d -> d.readString(Frames.STRING_MAX)); // str2
            in.readOptional(d -> d.readString(Frames.STRING_MAX)); // str3
            in.readInt(); // int1
            in.readInt(); // int2
            in.readOptional(
                    d -> { // net: name, uuid (unused by libvirt)
                        d.readString(Frames.STRING_MAX);
                        return d.readFixedOpaque(UUID_LENGTH);
                    });
            in.requireFullyConsumed();
            return new LibvirtException(code, domain, message.orElse("unknown libvirt error"));
        } catch (XdrException e) {
            throw new ProtocolViolationException("undecodable libvirt error reply: " + e.getMessage(), e);
        }
    }
}
