package org.virtxml.io;

import org.virtxml.model.ModelElement;

/**
 * The elements of one document found changed during one write (not as read), so that the writer
 * asking about them again does not walk them again. Keyed by where each element's record starts
 * in the source text (distinct for the records of one text), with the element itself to tell
 * apart two elements that claim one record: no identity hash is asked of the model's objects.
 */
final class ChangedElements {
    /** Start offset + 1 of each entry's record; 0 for a free slot. */
    private int[] keys = new int[8];

    private ModelElement[] elements = new ModelElement[8];
    private int size;

    boolean contains(int start, ModelElement e) {
        int mask = keys.length - 1;
        for (int i = slot(start, mask); keys[i] != 0; i = (i + 1) & mask) {
            if (keys[i] == start + 1 && elements[i] == e) {
                return true;
            }
        }
        return false;
    }

    void add(int start, ModelElement e) {
        if (contains(start, e)) {
            return;
        }
        if (2 * (size + 1) > keys.length) {
            int[] oldKeys = keys;
            ModelElement[] oldElements = elements;
            keys = new int[oldKeys.length * 2];
            elements = new ModelElement[keys.length];
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != 0) {
                    insert(oldKeys[i], oldElements[i]);
                }
            }
        }
        insert(start + 1, e);
        size++;
    }

    private void insert(int key, ModelElement e) {
        int mask = keys.length - 1;
        int i = slot(key - 1, mask);
        while (keys[i] != 0) {
            i = (i + 1) & mask;
        }
        keys[i] = key;
        elements[i] = e;
    }

    private static int slot(int start, int mask) {
        int h = start * 0x9E3779B9;
        return (h ^ (h >>> 16)) & mask;
    }
}
