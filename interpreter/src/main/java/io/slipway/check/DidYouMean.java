package io.slipway.check;

import java.util.Collection;

/**
 * Suggests the closest known name for a misspelt one: edit distance with transpositions
 * (optimal string alignment), within 1 edit for names up to 3 characters, 2 up to 6, else 3,
 * and for names up to 4 characters the same first letter, so that only a likely typo is
 * suggested ({@code versoin} → {@code version}, never {@code repeat} → {@code Regex},
 * {@code Int} → {@code env} or {@code let} → {@code get}).
 */
public final class DidYouMean {
  private DidYouMean() {}

  /** The closest candidate within a distance that still looks like a typo, or null. */
  public static String closest(String wrong, Collection<String> candidates) {
    String best = null;
    int bestDist = Integer.MAX_VALUE;
    int limit = wrong.length() <= 3 ? 1 : wrong.length() <= 6 ? 2 : 3;
    for (String c : candidates) {
      if (c.equals(wrong) || Math.abs(c.length() - wrong.length()) > limit
          || wrong.length() <= 4 && !c.isEmpty() && !wrong.isEmpty()
              && Character.toLowerCase(c.charAt(0)) != Character.toLowerCase(wrong.charAt(0))) {
        continue; // a short name with another first letter is another word (`let` is not `get`)
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
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i][j - 1] + 1, d[i - 1][j] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
