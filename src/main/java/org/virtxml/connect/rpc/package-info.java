/**
 * libvirt's RPC layer: message framing, serial numbers, one reader thread per connection, keepalive and per-call timeouts.
 */
package org.virtxml.connect.rpc;
