package org.virtxml.lint;

/**
 * Whether schema checking can run: Jing, which checks documents against libvirt's RELAX NG schemas,
 * is an optional dependency, looked for only when schema checking is asked for.
 */
final class SchemaCheckAvailability {

    /** What a user reads when schema checking is asked for without Jing. */
    static final String MISSING = "schema checking needs Jing on the class path, an optional dependency of "
            + "virtxml: add org.relaxng:jing:20241231 to your build (the virtxml command-line jar has it)";

    private static final String ENTRY_CLASS = "com.thaiopensource.validate.rng.SAXSchemaReader";

    private SchemaCheckAvailability() {}

    static boolean jingPresent() {
        try {
            Class.forName(ENTRY_CLASS, false, SchemaCheckAvailability.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
