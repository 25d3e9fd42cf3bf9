package org.virtxml.lint.host;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A machine made of a few files, for tests. */
public final class FakeHostEnvironment implements HostEnvironment {

    private final Map<String, String> files = new HashMap<>();
    private final Set<String> devices = new HashSet<>();
    private final Set<String> accessible = new HashSet<>();

    public FakeHostEnvironment file(String path, String text) {
        files.put(path, text);
        return this;
    }

    public FakeHostEnvironment device(String path, boolean canAccess) {
        devices.add(path);
        if (canAccess) {
            accessible.add(path);
        }
        return this;
    }

    @Override
    public boolean exists(String path) {
        return files.containsKey(path) || devices.contains(path);
    }

    @Override
    public boolean isAccessible(String path) {
        return accessible.contains(path);
    }

    @Override
    public Optional<String> readText(String path) {
        return Optional.ofNullable(files.get(path));
    }
}
