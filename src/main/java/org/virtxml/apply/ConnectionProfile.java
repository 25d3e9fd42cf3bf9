package org.virtxml.apply;

import org.virtxml.connect.Connector;
import org.virtxml.connect.NodeInfo;
import org.virtxml.lint.host.HostProfile;
import org.virtxml.lint.host.HostProfileException;

/**
 * The host profile of a libvirt connection: its capabilities (domain types, CPU topology) with the
 * node's own figures (memory, cores, threads) taking precedence, as the lint host profile wants.
 */
public final class ConnectionProfile {
    private ConnectionProfile() {}

    public static HostProfile of(Connector connector) throws HostProfileException {
        HostProfile fromCaps = HostProfile.fromCapabilitiesXml(connector.capabilitiesXml());
        NodeInfo node = connector.nodeInfo();
        HostProfile.Builder explicit = HostProfile.builder().source("connection " + connector.uri());
        if (node.memoryKiB() > 0) {
            explicit.memoryBytes(node.memoryKiB() * 1024);
        }
        int cores = Math.max(1, node.nodes()) * node.sockets() * node.cores();
        if (cores > 0) {
            explicit.physicalCores(cores);
        }
        if (node.cpus() > 0) {
            explicit.threads(node.cpus()).cpuCount(node.cpus());
        }
        return fromCaps.overriddenBy(explicit.build());
    }
}
