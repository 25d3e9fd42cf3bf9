package org.virtxml.lint;

/** The sections of the rule catalogue (spec/rules.md, then docs/rules-kinds.md and docs/rules-domain.md), in their order. */
public enum RuleCategory {
    DOCUMENT("Document"),
    IDENTITY("Identity"),
    MEMORY("Memory and units"),
    OS_BOOT("OS and boot"),
    VCPU("vCPUs"),
    HOST_CAPACITY("Host capacity"),
    DEVICES("Devices"),
    CLOCK("Clock"),
    STORAGE("Storage"),
    NETWORKS("Networks"),
    OTHER_KINDS("Other kinds"),
    VALUES("Values"),
    HOST_CAPABILITIES("Host capabilities"),
    PCI_USB("PCI and USB"),
    CHARDEV("Character devices"),
    NUMA_TUNING("NUMA and tuning"),
    HOSTDEV_DRIVES("Host devices and drives"),
    PLATFORM("Platform devices and firmware");

    private final String title;

    RuleCategory(String title) {
        this.title = title;
    }

    /** The section title as rules.md spells it. */
    public String title() {
        return title;
    }
}
