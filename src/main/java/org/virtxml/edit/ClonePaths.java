package org.virtxml.edit;

import java.util.HashSet;
import java.util.Set;

/**
 * New paths for a clone's writable disks and nvram, unique among themselves and the source's paths.
 * Without a pattern a path is derived as virt-clone's automatic mode does: the old domain name in
 * the file name is replaced by the new one when present, otherwise {@code -NEW} is inserted before
 * the extension ({@code /img/vm.qcow2} → {@code /img/clone.qcow2}; {@code /img/data.qcow2} →
 * {@code /img/data-clone.qcow2}). A path already taken gets {@code -2}, {@code -3}, ... before
 * its extension.
 */
final class ClonePaths {
    private final String oldName;
    private final CloneOptions options;
    private final Set<String> taken = new HashSet<>();
    private int index;

    ClonePaths(String oldName, CloneOptions options, Set<String> sourcePaths) {
        this.oldName = oldName;
        this.options = options;
        this.taken.addAll(sourcePaths);
    }

    /** The new path for {@code oldPath}, whose device is {@code target} ({@code vda}, {@code nvram}). */
    String next(String oldPath, String target) throws EditRefusedException {
        index++;
        String candidate = options.diskPathPattern() == null
                ? derive(oldPath, oldName, options.newName())
                : expand(options.diskPathPattern(), oldPath, target);
        if (options.diskPathPattern() != null && taken.contains(candidate)) {
            throw new EditRefusedException("the disk path pattern gives '" + candidate + "' twice, or a path the source"
                    + " uses; put {target} or {index} in it");
        }
        return unique(candidate);
    }

    /**
     * The new path for the block device {@code oldDev}: derived from the old one whatever the
     * pattern (a pattern names files), unique like every other path.
     */
    String nextDevice(String oldDev) {
        index++;
        String candidate = derive(oldDev, oldName, options.newName());
        return unique(candidate);
    }

    private String unique(String candidate) {
        String unique = candidate;
        for (int n = 2; taken.contains(unique); n++) {
            unique = withSuffix(candidate, "-" + n);
        }
        taken.add(unique);
        return unique;
    }

    /** The virt-clone derivation of one path (without the uniqueness suffix). */
    static String derive(String oldPath, String oldName, String newName) {
        int slash = oldPath.lastIndexOf('/');
        String dir = oldPath.substring(0, slash + 1);
        String file = oldPath.substring(slash + 1);
        if (!oldName.isEmpty() && file.contains(oldName)) {
            return dir + file.replace(oldName, newName);
        }
        return withSuffix(oldPath, "-" + newName);
    }

    private String expand(String pattern, String oldPath, String target) {
        int slash = oldPath.lastIndexOf('/');
        String dir = slash < 0 ? "." : (slash == 0 ? "/" : oldPath.substring(0, slash));
        String file = oldPath.substring(slash + 1);
        int dot = file.lastIndexOf('.');
        String base = dot > 0 ? file.substring(0, dot) : file;
        String ext = dot > 0 ? file.substring(dot + 1) : "";
        return pattern.replace("{name}", options.newName())
                .replace("{dir}", dir)
                .replace("{file}", base)
                .replace("{ext}", ext)
                .replace("{target}", target == null ? "disk" + index : target)
                .replace("{index}", Integer.toString(index));
    }

    private static String withSuffix(String path, String suffix) {
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        if (dot > slash + 1) {
            return path.substring(0, dot) + suffix + path.substring(dot);
        }
        return path + suffix;
    }
}
