package io.slipway.compose.yaml;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.Construct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * snakeyaml's own YAML 1.1 scalar constructors (ints with {@code _}, octal, hex and base 60,
 * floats with {@code .inf}, the {@code yes}/{@code off} booleans, nulls), reused so that scalars
 * resolve exactly as PyYAML resolves them in docker-compose.
 */
final class ScalarValues extends SafeConstructor {
  ScalarValues(LoaderOptions options) {
    super(options);
  }

  Object value(ScalarNode node) {
    Construct c = yamlConstructors.get(node.getTag());
    return c == null ? node.getValue() : c.construct(node);
  }
}
