package io.slipway.check;

import java.util.Collection;

/** Suggests the closest known name for a misspelt one (Levenshtein distance). */
public final class DidYouMean {
  private DidYouMean() {}

  /** The closest candidate within a distance that still looks like a typo, or null. */
  public static String closest(String wrong, Collection<String> candidates) {
    String best = null;
    int bestDist = Integer.MAX_VALUE;
    int limit = Math.max(1, Math.min(3, wrong.length() / 3 + 1));
    for (String c : candidates) {
      if (c.equals(wrong) || Math.abs(c.length() - wrong.length()) > limit) {
        continue;
      }
      int d = distance(wrong.toLowerCase(java.util.Locale.ROOT), c.toLowerCase(java.util.Locale.ROOT));
      if (d < bestDist || d == bestDist && best != null && c.compareTo(best) < 0) {
        bestDist = d;
        best = c;
      }
    }
    return bestDist <= limit ? best : null;
  }

  /** "did you mean `x`?" or null. */
  public static String hint(String wrong, Collection<String> candidates) {
    String c = closest(wrong, candidates);
    return c == null ? null : "did you mean `" + c + "`?";
  }

  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
