/**
 * Connecting to virtualization hosts. {@link org.virtxml.connect.Connectors#open(String)} finds a
 * {@link org.virtxml.connect.ConnectorProvider} for a URI through {@link java.util.ServiceLoader}:
 * libvirt URIs ({@code qemu:///system}, {@code test:///default}, {@code qemu+unix:///system?socket=PATH},
 * {@code qemu+tcp://HOST[:PORT]/system}) go to a pure-Java client of libvirt's RPC protocol
 * ({@code org.virtxml.connect.remote}, built on {@code .rpc} and {@code .xdr}); {@code mem:///NAME} is an
 * in-memory host that keeps libvirt's rules ({@code org.virtxml.connect.mem}). Errors that libvirt reports
 * are {@link org.virtxml.connect.LibvirtException}s with libvirt's code, domain and message; transport
 * failures are the other {@link org.virtxml.connect.ConnectorException}s.
 */
package org.virtxml.connect;
