package io.slipway.compose.yaml;

import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Writes plain Java values ({@code Map} with {@code String} keys, {@code List}, {@code String},
 * numbers, {@code Boolean}, null) as block-style YAML, two-space indentation, as
 * {@code docker-compose config} lays it out. Strings that would read back as something else
 * ({@code "yes"}, {@code "1"}, {@code "null"}) are quoted, so the text reads back to the same
 * values.
 */
public final class YamlWriter {
  private YamlWriter() {}

  public static String write(Map<String, ?> document) {
    DumperOptions o = new DumperOptions();
    o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    o.setIndent(2);
    o.setWidth(100);
    o.setAllowUnicode(true);
    o.setSplitLines(false);
    return new Yaml(new QuotingRepresenter(o), o).dump(document);
  }

  /**
   * Double-quotes {@code y}/{@code n} (any case): YAML 1.1 parsers such as the Docker CLI's read
   * them as booleans although snakeyaml does not; everything else as snakeyaml writes it.
   */
  private static final class QuotingRepresenter extends Representer {
    QuotingRepresenter(DumperOptions o) {
      super(o);
      var plain = representers.get(String.class);
      representers.put(String.class, data -> {
        String s = (String) data;
        return s.equalsIgnoreCase("y") || s.equalsIgnoreCase("n")
            ? representScalar(org.yaml.snakeyaml.nodes.Tag.STR, s, DumperOptions.ScalarStyle.DOUBLE_QUOTED)
            : plain.representData(data);
      });
    }
  }

  /** Writes a list document (for tests and tools). */
  public static String write(List<?> document) {
    DumperOptions o = new DumperOptions();
    o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    o.setIndent(2);
    return new Yaml(new Representer(o), o).dump(document);
  }
}
