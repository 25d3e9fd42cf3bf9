/**
 * Host profiles (from {@code virsh capabilities}, the local machine or explicit values) and the KVM host checks.
 */
package org.virtxml.lint.host;
