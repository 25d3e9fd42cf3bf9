package org.virtxml.connect.remote;

import java.nio.ByteBuffer;
import java.util.UUID;
import org.virtxml.connect.rpc.Frames;
import org.virtxml.connect.xdr.XdrDecoder;
import org.virtxml.connect.xdr.XdrEncoder;

/** remote_protocol.x's object references (remote_nonnull_domain, _storage_pool, _storage_vol, _network) and UUIDs. */
final class RemoteTypes {
    /** VIR_UUID_BUFLEN. */
    static final int UUID_LENGTH = 16;
    /** REMOTE_DOMAIN_LIST_MAX. */
    static final int DOMAIN_LIST_MAX = 16384;
    /** REMOTE_STORAGE_POOL_LIST_MAX. */
    static final int STORAGE_POOL_LIST_MAX = 16384;
    /** REMOTE_STORAGE_VOL_LIST_MAX. */
    static final int STORAGE_VOL_LIST_MAX = 16384;
    /** REMOTE_NETWORK_LIST_MAX. */
    static final int NETWORK_LIST_MAX = 16384;
    /** REMOTE_AUTH_TYPE_LIST_MAX. */
    static final int AUTH_TYPE_LIST_MAX = 20;

    private RemoteTypes() {}

    record DomainRef(String name, UUID uuid, int id) {}

    record PoolRef(String name, UUID uuid) {}

    record NetworkRef(String name, UUID uuid) {}

    record VolumeRef(String pool, String name, String key) {}

    static void writeString(XdrEncoder out, String value) {
        out.writeString(value, Frames.STRING_MAX);
    }

    static String readString(XdrDecoder in) {
        return in.readString(Frames.STRING_MAX);
    }

    static void writeUuid(XdrEncoder out, UUID uuid) {
        out.writeFixedOpaque(
                ByteBuffer.allocate(UUID_LENGTH)
                        .putLong(uuid.getMostSignificantBits())
                        .putLong(uuid.getLeastSignificantBits())
                        .array(),
                UUID_LENGTH);
    }

    static UUID readUuid(XdrDecoder in) {
        ByteBuffer bytes = ByteBuffer.wrap(in.readFixedOpaque(UUID_LENGTH));
        return new UUID(bytes.getLong(), bytes.getLong());
    }

    static void writeDomain(XdrEncoder out, DomainRef domain) {
        writeString(out, domain.name());
        writeUuid(out, domain.uuid());
        out.writeInt(domain.id());
    }

    static DomainRef readDomain(XdrDecoder in) {
        return new DomainRef(readString(in), readUuid(in), in.readInt());
    }

    static void writePool(XdrEncoder out, PoolRef pool) {
        writeString(out, pool.name());
        writeUuid(out, pool.uuid());
    }

    static PoolRef readPool(XdrDecoder in) {
        return new PoolRef(readString(in), readUuid(in));
    }

    static void writeNetwork(XdrEncoder out, NetworkRef network) {
        writeString(out, network.name());
        writeUuid(out, network.uuid());
    }

    static NetworkRef readNetwork(XdrDecoder in) {
        return new NetworkRef(readString(in), readUuid(in));
    }

    /** A remote_string: an optional string (null when absent). */
    static void writeOptionalString(XdrEncoder out, String value) {
        out.writeOptional(java.util.Optional.ofNullable(value), RemoteTypes::writeString);
    }

    static void writeVolume(XdrEncoder out, VolumeRef volume) {
        writeString(out, volume.pool());
        writeString(out, volume.name());
        writeString(out, volume.key());
    }

    static VolumeRef readVolume(XdrDecoder in) {
        return new VolumeRef(readString(in), readString(in), readString(in));
    }
}
