package org.virtxml.connect;

/**
 * libvirt's virNodeInfo: the host's processors and memory.
 *
 * @param memoryKiB total memory in KiB
 * @param cpus active logical CPUs
 * @param mhz expected CPU frequency, 0 when unknown
 * @param nodes NUMA nodes (1 when not NUMA)
 */
public record NodeInfo(
        String model, long memoryKiB, int cpus, int mhz, int nodes, int sockets, int cores, int threads) {}
