package org.virtxml.connect.rpc;

import org.virtxml.connect.ProtocolViolationException;
import org.virtxml.connect.xdr.XdrDecoder;
import org.virtxml.connect.xdr.XdrEncoder;
import org.virtxml.connect.xdr.XdrException;

/**
 * libvirt's message framing (virnetprotocol.x): a four-byte big-endian length that counts itself,
 * the 24-byte header, then the payload; with the size limits libvirt enforces.
 */
public final class Frames {
    /** VIR_NET_MESSAGE_LEN_MAX: bytes of the length word. */
    public static final int LENGTH_WORD = 4;
    /** VIR_NET_MESSAGE_HEADER_MAX. */
    public static final int HEADER_SIZE = 24;
    /** VIR_NET_MESSAGE_MAX: largest message after the length word. */
    public static final int MESSAGE_MAX = 33_554_432;
    /** VIR_NET_MESSAGE_PAYLOAD_MAX. */
    public static final int PAYLOAD_MAX = 33_554_408;
    /** VIR_NET_MESSAGE_STRING_MAX (and REMOTE_STRING_MAX). */
    public static final int STRING_MAX = 4_194_304;

    private Frames() {}

    /** The whole message as sent: length word, header, payload. */
    public static byte[] encode(MessageHeader header, byte[] payload) {
        if (payload.length > PAYLOAD_MAX) {
            throw new ProtocolViolationException(
                    "message payload of " + payload.length + " bytes exceeds libvirt's limit of " + PAYLOAD_MAX);
        }
        XdrEncoder out = new XdrEncoder(LENGTH_WORD + HEADER_SIZE + payload.length);
        out.writeInt(LENGTH_WORD + HEADER_SIZE + payload.length);
        out.writeUnsignedInt(Integer.toUnsignedLong(header.program()));
        out.writeUnsignedInt(Integer.toUnsignedLong(header.version()));
        out.writeInt(header.procedure());
        out.writeInt(header.type().number());
        out.writeUnsignedInt(Integer.toUnsignedLong(header.serial()));
        out.writeInt(header.status().number());
        byte[] bytes = out.toByteArray();
        byte[] message = new byte[bytes.length + payload.length];
        System.arraycopy(bytes, 0, message, 0, bytes.length);
        System.arraycopy(payload, 0, message, bytes.length, payload.length);
        return message;
    }

    /**
     * Checks a received length word and returns how many bytes follow it.
     *
     * @throws ProtocolViolationException when the length cannot be a libvirt message
     */
    public static int bodyLength(int lengthWord) {
        long length = Integer.toUnsignedLong(lengthWord);
        if (length < LENGTH_WORD + HEADER_SIZE) {
            throw new ProtocolViolationException("message length " + length + " is smaller than libvirt's "
                    + (LENGTH_WORD + HEADER_SIZE) + "-byte minimum: the peer does not speak libvirt's RPC protocol");
        }
        if (length - LENGTH_WORD > MESSAGE_MAX) {
            throw new ProtocolViolationException("message length " + length + " exceeds libvirt's limit of "
                    + (MESSAGE_MAX + LENGTH_WORD) + " bytes: the peer does not speak libvirt's RPC protocol");
        }
        return (int) (length - LENGTH_WORD);
    }

    /** Decodes the bytes after the length word. */
    public static Message decodeBody(byte[] body) {
        if (body.length < HEADER_SIZE) {
            throw new ProtocolViolationException("message of " + body.length + " bytes has no room for its header");
        }
        try {
            XdrDecoder in = new XdrDecoder(body, 0, HEADER_SIZE);
            int program = in.readInt();
            int version = in.readInt();
            int procedure = in.readInt();
            int typeNumber = in.readInt();
            int serial = in.readInt();
            int statusNumber = in.readInt();
            MessageType type = MessageType.of(typeNumber)
                    .orElseThrow(() -> new ProtocolViolationException("unknown message type " + typeNumber));
            MessageStatus status = MessageStatus.of(statusNumber)
                    .orElseThrow(() -> new ProtocolViolationException("unknown message status " + statusNumber));
            byte[] payload = new byte[body.length - HEADER_SIZE];
            System.arraycopy(body, HEADER_SIZE, payload, 0, payload.length);
            return new Message(new MessageHeader(program, version, procedure, type, serial, status), payload);
        } catch (XdrException e) {
            throw new ProtocolViolationException("undecodable message header: " + e.getMessage(), e);
        }
    }
}
