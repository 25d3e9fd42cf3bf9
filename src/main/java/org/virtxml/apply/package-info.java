/**
 * Applying documents to a host: lint with the host's profile and defined guests, define, and report what libvirt stored differently ({@code Applier}).
 */
package org.virtxml.apply;
