package io.musicsync.songtext;

/**
 * Normalised Indel similarity: {@code 1 - (insertions + deletions) / (len(a) + len(b))}, i.e.
 * {@code 2 * LCS / (len(a) + len(b))} with LCS the longest common subsequence. The original system's measure.
 */
public final class IndelRatio {

    private IndelRatio() {}

    /** 1.0 for equal strings (also both empty), 0.0 when nothing is shared. */
    public static double of(String a, String b) {
        int total = a.length() + b.length();
        if (total == 0) {
            return 1.0;
        }
        return 2.0 * longestCommonSubsequence(a, b) / total;
    }

    static int longestCommonSubsequence(String a, String b) {
        if (a.length() < b.length()) {
            return longestCommonSubsequence(b, a);
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int i = 1; i <= a.length(); i++) {
            char ca = a.charAt(i - 1);
            for (int j = 1; j <= b.length(); j++) {
                current[j] = ca == b.charAt(j - 1) ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
