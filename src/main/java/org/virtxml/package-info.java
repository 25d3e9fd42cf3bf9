/** virtxml: typed, lossless libvirt XML for Java. */
package org.virtxml;
