package org.virtxml.io;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The lines a change touched, as {@code diff} shows them: a longest common subsequence of the two
 * texts' lines; lines of the old text outside it were removed, lines of the new text outside it added.
 */
public record LineDiff(SortedSet<Integer> removed, SortedSet<Integer> added) {

    /** 1-based line numbers of the old text's removed lines and of the new text's added lines. */
    public static LineDiff of(String before, String after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        int prefix = 0;
        while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.size() - prefix
                && suffix < b.size() - prefix
                && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
            suffix++;
        }
        int n = a.size() - prefix - suffix;
        int m = b.size() - prefix - suffix;
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(prefix + i).equals(b.get(prefix + j))
                        ? lcs[i + 1][j + 1] + 1
                        : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        SortedSet<Integer> removed = new TreeSet<>();
        SortedSet<Integer> added = new TreeSet<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(prefix + i).equals(b.get(prefix + j))) {
                i++;
                j++;
            } else if (j >= m || (i < n && lcs[i + 1][j] >= lcs[i][j + 1])) {
                removed.add(prefix + i + 1);
                i++;
            } else {
                added.add(prefix + j + 1);
                j++;
            }
        }
        return new LineDiff(removed, added);
    }

    /**
     * Whether {@code after} can be made from {@code before} by removing only lines numbered in
     * {@code mayRemove} and adding only lines numbered (in {@code after}) in {@code mayAdd}: the
     * question a diff answers, without its choice among equally long alignments.
     */
    public static boolean within(
            String before, String after, java.util.Set<Integer> mayRemove, java.util.Set<Integer> mayAdd) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        boolean[][] ok = new boolean[a.size() + 1][b.size() + 1];
        ok[a.size()][b.size()] = true;
        for (int i = a.size(); i >= 0; i--) {
            for (int j = b.size(); j >= 0; j--) {
                if (i == a.size() && j == b.size()) {
                    continue;
                }
                boolean r = i < a.size() && j < b.size() && a.get(i).equals(b.get(j)) && ok[i + 1][j + 1];
                r |= i < a.size() && mayRemove.contains(i + 1) && ok[i + 1][j];
                r |= j < b.size() && mayAdd.contains(j + 1) && ok[i][j + 1];
                ok[i][j] = r;
            }
        }
        return ok[0][0];
    }

    public int changedLines() {
        return Math.max(removed.size(), added.size());
    }

    public boolean isEmpty() {
        return removed.isEmpty() && added.isEmpty();
    }

    private static List<String> lines(String s) {
        List<String> out = new ArrayList<>(List.of(s.split("\n", -1)));
        return out;
    }
}
