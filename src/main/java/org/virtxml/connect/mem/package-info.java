/**
 * The in-memory host ({@code mem:///NAME}): libvirt's rules for defining, starting and undefining domains, pools and volumes, without a daemon.
 */
package org.virtxml.connect.mem;
