package org.virtxml.edit.storage;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * libvirt's storage pool types, each with the parts its definition requires (libvirt's
 * {@code poolTypeInfo} and the stricter storagepool.rng grammar).
 */
public enum PoolType {
    DIR("dir", Part.TARGET),
    FS("fs", Part.DEVICE, Part.TARGET),
    NETFS("netfs", Part.HOST, Part.SOURCE_DIR, Part.TARGET),
    LOGICAL("logical"),
    DISK("disk", Part.DEVICE, Part.TARGET),
    ISCSI("iscsi", Part.HOST, Part.DEVICE, Part.TARGET),
    ISCSI_DIRECT("iscsi-direct", Part.HOST, Part.DEVICE, Part.INITIATOR),
    SCSI("scsi", Part.ADAPTER, Part.TARGET),
    MPATH("mpath", Part.TARGET),
    RBD("rbd", Part.HOST, Part.SOURCE_NAME),
    SHEEPDOG("sheepdog", Part.HOST, Part.SOURCE_NAME),
    GLUSTER("gluster", Part.HOST, Part.SOURCE_NAME),
    ZFS("zfs", Part.SOURCE_NAME),
    VSTORAGE("vstorage", Part.SOURCE_NAME, Part.TARGET);

    /** The parts of a pool definition a type may require. */
    public enum Part {
        TARGET("<target><path>"),
        HOST("<source><host name>"),
        DEVICE("<source><device path>"),
        SOURCE_DIR("<source><dir path>"),
        SOURCE_NAME("<source><name>"),
        INITIATOR("<source><initiator><iqn name>"),
        ADAPTER("<source><adapter>");

        private final String xml;

        Part(String xml) {
            this.xml = xml;
        }

        /** How the part is written in the pool XML. */
        public String xml() {
            return xml;
        }
    }

    private final String xmlValue;
    private final EnumSet<Part> required;

    PoolType(String xmlValue, Part... required) {
        this.xmlValue = xmlValue;
        this.required = required.length == 0 ? EnumSet.noneOf(Part.class) : EnumSet.of(required[0], required);
    }

    /** The value of {@code <pool type>}. */
    public String xmlValue() {
        return xmlValue;
    }

    /** The parts a definition of this type must have. */
    public Set<Part> required() {
        return EnumSet.copyOf(required);
    }

    /** The type for a {@code <pool type>} value. */
    public static Optional<PoolType> of(String xmlValue) {
        for (PoolType t : values()) {
            if (t.xmlValue.equals(xmlValue.toLowerCase(Locale.ROOT))) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
