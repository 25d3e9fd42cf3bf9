/**
 * Typed classes of libvirt's domain (virtual machine) XML, generated from {@code schema/domain.xsd}; the root is {@code Domain}.
 */
package org.virtxml.model.domain;
