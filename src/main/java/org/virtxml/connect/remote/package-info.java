/**
 * The connector speaking libvirt's remote protocol over a UNIX or TCP socket: the procedures of {@code remote_protocol.x} as typed calls.
 */
package org.virtxml.connect.remote;
