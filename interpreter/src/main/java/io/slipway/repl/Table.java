package io.slipway.repl;

import java.util.List;

/** Left-aligned columns separated by two spaces, as {@code docker ps} prints them. */
final class Table {
  private Table() {}

  static String render(List<String[]> rows) {
    int cols = rows.get(0).length;
    int[] width = new int[cols];
    for (String[] r : rows) {
      for (int i = 0; i < cols; i++) {
        width[i] = Math.max(width[i], r[i].length());
      }
    }
    var sb = new StringBuilder();
    for (String[] r : rows) {
      var line = new StringBuilder();
      for (int i = 0; i < cols; i++) {
        line.append(r[i]);
        if (i < cols - 1) {
          line.append(" ".repeat(width[i] - r[i].length() + 2));
        }
      }
      sb.append(line.toString().stripTrailing()).append('\n');
    }
    return sb.toString();
  }
}
