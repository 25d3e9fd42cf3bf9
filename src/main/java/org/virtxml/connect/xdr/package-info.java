/**
 * XDR (RFC 4506) encoding and decoding, as libvirt's RPC messages use it.
 */
package org.virtxml.connect.xdr;
