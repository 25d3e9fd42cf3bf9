package org.virtxml.connect;

/**
 * The version of the libvirt library a daemon runs ({@code virConnectGetLibVersion}).
 *
 * @param major e.g. 11 of 11.3.0
 * @param minor e.g. 3 of 11.3.0
 * @param release e.g. 0 of 11.3.0
 */
public record LibraryVersion(int major, int minor, int release) {
    /** From libvirt's encoding, major * 1,000,000 + minor * 1,000 + release. */
    public static LibraryVersion of(long encoded) {
        return new LibraryVersion(
                (int) (encoded / 1_000_000), (int) (encoded / 1_000 % 1_000), (int) (encoded % 1_000));
    }

    /** libvirt's encoding. */
    public long encoded() {
        return major * 1_000_000L + minor * 1_000L + release;
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + release;
    }
}
