/**
 * libvirt's VMware namespace ({@code http://libvirt.org/schemas/domain/vmware/1.0}): its one element, {@code <vmware:datacenterpath>}, carries only text and is read as a {@code Leaf}.
 */
package org.virtxml.model.domain.vmware;
