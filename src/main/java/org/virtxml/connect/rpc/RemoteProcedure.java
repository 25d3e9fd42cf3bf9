package org.virtxml.connect.rpc;

/** The procedures of libvirt's REMOTE_PROGRAM (remote_protocol.x) that this client calls. */
public enum RemoteProcedure implements Procedure {
    CONNECT_OPEN(1),
    CONNECT_CLOSE(2),
    NODE_GET_INFO(6),
    CONNECT_GET_CAPABILITIES(7),
    DOMAIN_CREATE(9),
    DOMAIN_DEFINE_XML(11),
    DOMAIN_DESTROY(12),
    DOMAIN_GET_XML_DESC(14),
    DOMAIN_LOOKUP_BY_NAME(23),
    DOMAIN_LOOKUP_BY_UUID(24),
    DOMAIN_SHUTDOWN(33),
    DOMAIN_UNDEFINE(35),
    CONNECT_GET_HOSTNAME(59),
    CONNECT_SUPPORTS_FEATURE(60),
    AUTH_LIST(66),
    AUTH_POLKIT(70),
    STORAGE_POOL_DEFINE_XML(77),
    STORAGE_POOL_CREATE(78),
    STORAGE_POOL_BUILD(79),
    STORAGE_POOL_DESTROY(80),
    STORAGE_POOL_UNDEFINE(82),
    STORAGE_POOL_LOOKUP_BY_NAME(84),
    STORAGE_POOL_GET_INFO(87),
    STORAGE_POOL_GET_XML_DESC(88),
    STORAGE_VOL_CREATE_XML(93),
    STORAGE_VOL_CREATE_XML_FROM(125),
    STORAGE_VOL_DELETE(94),
    STORAGE_VOL_LOOKUP_BY_NAME(95),
    STORAGE_VOL_GET_XML_DESC(99),
    DOMAIN_IS_PERSISTENT(151),
    DOMAIN_GET_STATE(212),
    CONNECT_LIST_ALL_DOMAINS(273),
    CONNECT_LIST_ALL_STORAGE_POOLS(281),
    STORAGE_POOL_LIST_ALL_VOLUMES(282);

    /** REMOTE_PROGRAM. */
    public static final int PROGRAM = 0x20008086;
    /** REMOTE_PROTOCOL_VERSION. */
    public static final int VERSION = 1;

    private final int number;

    RemoteProcedure(int number) {
        this.number = number;
    }

    @Override
    public int program() {
        return PROGRAM;
    }

    @Override
    public int version() {
        return VERSION;
    }

    @Override
    public int number() {
        return number;
    }

    @Override
    public String label() {
        return "REMOTE_PROC_" + name();
    }
}
