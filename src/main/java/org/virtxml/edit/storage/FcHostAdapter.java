package org.virtxml.edit.storage;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A vHBA for an {@code scsi} pool (KVM guide chapter 13): libvirt creates an NPIV virtual HBA with
 * these world wide names, on the HBA {@code parent} ({@code scsi_host5}) or, without one, on any
 * capable HBA. Written as {@code <adapter type='fc_host' parent='...' wwnn='...' wwpn='...'/>}.
 *
 * @param parent the parent HBA's name; null to let libvirt choose
 * @param wwnn   the vHBA's world wide node name, 16 hex digits
 * @param wwpn   the vHBA's world wide port name, 16 hex digits
 */
public record FcHostAdapter(String parent, String wwnn, String wwpn) {
    private static final Pattern WWN = Pattern.compile("(0x)?[0-9a-fA-F]{16}");

    public FcHostAdapter {
        requireWwn(wwnn, "wwnn");
        requireWwn(wwpn, "wwpn");
        if (parent != null && parent.isBlank()) {
            throw new IllegalArgumentException("the parent HBA name must not be empty");
        }
    }

    /**
     * Reads {@code parent=scsi_host5,wwnn=20000000c9831b4b,wwpn=10000000c9831b4b} (parent optional,
     * in any order), the part after {@code fc_host:} on the command line.
     */
    public static FcHostAdapter parse(String text) {
        String parent = null;
        String wwnn = null;
        String wwpn = null;
        for (String part : text.split(",")) {
            int eq = part.indexOf('=');
            String key = eq < 0 ? part : part.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String value = eq < 0 ? "" : part.substring(eq + 1).strip();
            switch (key) {
                case "parent" -> parent = value;
                case "wwnn" -> wwnn = value;
                case "wwpn" -> wwpn = value;
                default ->
                    throw new IllegalArgumentException(
                            "fc_host adapter: unknown part '" + part + "': expected parent=HBA, wwnn=WWN, wwpn=WWN");
            }
        }
        return new FcHostAdapter(parent, wwnn, wwpn);
    }

    private static void requireWwn(String value, String what) {
        if (value == null || !WWN.matcher(value).matches()) {
            throw new IllegalArgumentException("fc_host adapter: " + what + " must be 16 hex digits, got "
                    + (value == null ? "none" : "'" + value + "'"));
        }
    }
}
