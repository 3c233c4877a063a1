package io.slipway.compose.load;

import io.slipway.compose.yaml.YamlNode;

/**
 * How the value of one compose key is checked and brought into its canonical form (the form
 * {@code docker-compose config} writes: environment lists become mappings, short port syntax
 * becomes long syntax, relative paths become absolute), and how two canonical values of the key
 * merge when several files define it.
 */
interface Kind {
  /**
   * The canonical form of {@code node}, or null when it is invalid (the problem is reported to
   * {@code cx}). {@code path} names the key for messages ({@code services.web.ports}).
   */
  YamlNode normalize(YamlNode node, String path, Ctx cx);

  /** Merges canonical values: by default the later file's value replaces the earlier one. */
  default YamlNode merge(YamlNode base, YamlNode override) {
    return override;
  }

  /** This kind with another merge rule. */
  default Kind merging(Merge rule) {
    Kind self = this;
    return new Kind() {
      @Override
      public YamlNode normalize(YamlNode node, String path, Ctx cx) {
        return self.normalize(node, path, cx);
      }

      @Override
      public YamlNode merge(YamlNode base, YamlNode override) {
        return rule.merge(base, override);
      }
    };
  }

  /** A merge rule. */
  @FunctionalInterface
  interface Merge {
    YamlNode merge(YamlNode base, YamlNode override);
  }
}
