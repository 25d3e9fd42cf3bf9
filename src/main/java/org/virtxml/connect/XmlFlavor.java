package org.virtxml.connect;

/** Which definition of a domain to read: the stored one or the running one. */
public enum XmlFlavor {
    /** The persistent definition, as the next start will use it (VIR_DOMAIN_XML_INACTIVE). */
    INACTIVE,
    /** The running definition when the domain runs, else the persistent one. */
    LIVE
}
