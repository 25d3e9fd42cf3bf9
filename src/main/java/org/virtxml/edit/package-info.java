/**
 * Authoring: creating guests ({@code GuestFactory}), cloning, virtio conversion, network interface and PCI device edits; each operation returns the changes it made.
 */
package org.virtxml.edit;
