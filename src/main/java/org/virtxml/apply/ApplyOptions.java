package org.virtxml.apply;

import java.util.Optional;

/**
 * How an apply goes.
 *
 * @param force     define even when lint reports errors
 * @param start     start each domain, network and pool that is not running
 * @param live      for a running domain, attach and detach added and removed disks and interfaces at once
 * @param autostart mark each domain, network and pool to start with the host
 * @param pool      the pool volume documents are created in; empty: volume documents fail
 */
record ApplyOptions(boolean force, boolean start, boolean live, boolean autostart, Optional<String> pool) {
    static final ApplyOptions DEFAULTS = new ApplyOptions(false, false, false, false, Optional.empty());
}
