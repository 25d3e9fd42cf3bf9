/**
 * Typed classes of libvirt's host capabilities XML ({@code virsh capabilities}), generated from {@code schema/capabilities.xsd}; the root is {@code Capabilities}.
 */
package org.virtxml.model.capabilities;
