/**
 * Typed classes of libvirt's storage volume XML, generated from {@code schema/volume.xsd}; the root is {@code Volume}.
 */
package org.virtxml.model.volume;
