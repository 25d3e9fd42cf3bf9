package org.virtxml.edit;

/** The guest operating system family, which decides clock, Hyper-V features and default buses. */
public enum OsFamily {
    LINUX, WINDOWS
}
