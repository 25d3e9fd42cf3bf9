package org.virtxml.connect.remote;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.virtxml.connect.ConnectionFailedException;

/**
 * PEM files as libvirt's TLS set-up writes them (certtool or openssl): certificates, and private keys
 * in PKCS#8 ({@code PRIVATE KEY}), PKCS#1 ({@code RSA PRIVATE KEY}) or SEC1 ({@code EC PRIVATE KEY})
 * form, read with the JDK alone. Text around the PEM blocks (certtool's description) is ignored.
 */
final class PemFiles {
    private static final Pattern BLOCK =
            Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]*?)-----END \\1-----");
    /** rsaEncryption, 1.2.840.113549.1.1.1, DER. */
    private static final byte[] RSA_OID = {
        0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01
    };
    /** id-ecPublicKey, 1.2.840.10045.2.1, DER. */
    private static final byte[] EC_OID = {0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01};

    private static final int SEQUENCE = 0x30;
    private static final int INTEGER = 0x02;
    private static final int OCTET_STRING = 0x04;
    private static final int NULL = 0x05;
    private static final int OID = 0x06;
    private static final int CONTEXT_0 = 0xa0;

    private PemFiles() {}

    private record Block(String label, byte[] der) {}

    /** Every certificate in the file, in order. */
    static List<X509Certificate> certificates(Path file, String role) {
        List<X509Certificate> certificates = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (Block block : blocks(file, role)) {
                if (block.label().equals("CERTIFICATE") || block.label().equals("X509 CERTIFICATE")) {
                    certificates.add(
                            (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(block.der())));
                }
            }
        } catch (CertificateException e) {
            throw new ConnectionFailedException(
                    "the " + role + " " + file + " holds a certificate the JDK cannot read: " + e.getMessage(), e);
        }
        if (certificates.isEmpty()) {
            throw new ConnectionFailedException(
                    "the " + role + " " + file + " holds no PEM certificate" + " (-----BEGIN CERTIFICATE-----)");
        }
        return List.copyOf(certificates);
    }

    /** The first private key in the file. */
    static PrivateKey privateKey(Path file, String role) {
        for (Block block : blocks(file, role)) {
            try {
                switch (block.label()) {
                    case "PRIVATE KEY":
                        return pkcs8(block.der());
                    case "RSA PRIVATE KEY":
                        return KeyFactory.getInstance("RSA")
                                .generatePrivate(new PKCS8EncodedKeySpec(pkcs8(
                                        0,
                                        concat(
                                                tlv(SEQUENCE, concat(RSA_OID, new byte[] {NULL, 0})),
                                                tlv(OCTET_STRING, block.der())))));
                    case "EC PRIVATE KEY":
                        byte[] curve = sec1Curve(block.der(), file, role);
                        return KeyFactory.getInstance("EC")
                                .generatePrivate(new PKCS8EncodedKeySpec(pkcs8(
                                        0,
                                        concat(tlv(SEQUENCE, concat(EC_OID, curve)), tlv(OCTET_STRING, block.der())))));
                    case "ENCRYPTED PRIVATE KEY":
                        throw new ConnectionFailedException(
                                "the " + role + " " + file + " is encrypted; libvirt's clients"
                                        + " read only unencrypted keys (decrypt it, e.g. openssl pkey -in KEY -out KEY)");
                    default:
                        break;
                }
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                throw new ConnectionFailedException(
                        "the " + role + " " + file + " holds a " + block.label() + " the JDK cannot read: "
                                + e.getMessage(),
                        e);
            }
        }
        throw new ConnectionFailedException("the " + role + " " + file + " holds no PEM private key (PRIVATE KEY,"
                + " RSA PRIVATE KEY or EC PRIVATE KEY)");
    }

    private static PrivateKey pkcs8(byte[] der) throws GeneralSecurityException {
        GeneralSecurityException last = null;
        for (String algorithm : List.of("RSA", "EC", "Ed25519", "Ed448")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                last = e;
            }
        }
        throw last;
    }

    /** The named curve's OID (DER, tag included) from SEC1's ECPrivateKey: SEQUENCE { version, key, [0] curve, ... }. */
    private static byte[] sec1Curve(byte[] der, Path file, String role) {
        Der in = new Der(der);
        Der sequence = in.enter(SEQUENCE);
        sequence.skip(INTEGER);
        sequence.skip(OCTET_STRING);
        if (sequence.hasMore() && sequence.peekTag() == CONTEXT_0) {
            Der parameters = sequence.enter(CONTEXT_0);
            if (parameters.peekTag() == OID) {
                return parameters.raw();
            }
        }
        throw new ConnectionFailedException("the " + role + " " + file + " is an EC key without a named curve");
    }

    private static byte[] pkcs8(int version, byte[] algorithmAndKey) {
        return tlv(SEQUENCE, concat(tlv(INTEGER, new byte[] {(byte) version}), algorithmAndKey));
    }

    private static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = value.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = (Integer.SIZE - Integer.numberOfLeadingZeros(length) + 7) / 8;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(value);
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static List<Block> blocks(Path file, String role) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new ConnectionFailedException(
                    "cannot read the " + role + " " + file + ": "
                            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()),
                    e);
        }
        List<Block> blocks = new ArrayList<>();
        Matcher matcher = BLOCK.matcher(text);
        while (matcher.find()) {
            try {
                blocks.add(new Block(matcher.group(1), Base64.getMimeDecoder().decode(matcher.group(2))));
            } catch (IllegalArgumentException e) {
                throw new ConnectionFailedException(
                        "the " + role + " " + file + " has a " + matcher.group(1) + " block that is not base64: "
                                + e.getMessage(),
                        e);
            }
        }
        return blocks;
    }

    /** Just enough DER reading to find an EC key's curve. */
    private static final class Der {
        private final byte[] bytes;
        private int position;
        private final int end;

        Der(byte[] bytes) {
            this(bytes, 0, bytes.length);
        }

        private Der(byte[] bytes, int start, int end) {
            this.bytes = bytes;
            this.position = start;
            this.end = end;
        }

        boolean hasMore() {
            return position < end;
        }

        int peekTag() {
            require(1);
            return bytes[position] & 0xFF;
        }

        /** The contents of the next element, which must have {@code tag}. */
        Der enter(int tag) {
            int[] header = header(tag);
            position = header[0] + header[1];
            return new Der(bytes, header[0], header[0] + header[1]);
        }

        void skip(int tag) {
            enter(tag);
        }

        /** The next element whole (tag, length and contents). */
        byte[] raw() {
            int start = position;
            int[] header = header(peekTag());
            position = header[0] + header[1];
            byte[] element = new byte[position - start];
            System.arraycopy(bytes, start, element, 0, element.length);
            return element;
        }

        /** {contents start, contents length} of the next element. */
        private int[] header(int tag) {
            require(2);
            if ((bytes[position] & 0xFF) != tag) {
                throw new IllegalArgumentException("DER: expected tag " + Integer.toHexString(tag) + ", found "
                        + Integer.toHexString(bytes[position] & 0xFF));
            }
            int at = position + 1;
            int length = bytes[at++] & 0xFF;
            if (length >= 0x80) {
                int count = length & 0x7F;
                if (count == 0 || count > 3) {
                    throw new IllegalArgumentException("DER: unsupported length form");
                }
                length = 0;
                for (int i = 0; i < count; i++) {
                    require(at - position + 1);
                    length = (length << 8) | (bytes[at++] & 0xFF);
                }
            }
            if (at + length > end) {
                throw new IllegalArgumentException("DER: element longer than its container");
            }
            return new int[] {at, length};
        }

        private void require(int count) {
            if (position + count > end) {
                throw new IllegalArgumentException("DER: truncated");
            }
        }
    }
}
