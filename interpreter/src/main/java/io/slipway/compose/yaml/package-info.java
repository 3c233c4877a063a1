/**
 * YAML in and out, the only place snakeyaml is used: {@link io.slipway.compose.yaml.YamlReader}
 * turns a document into positioned {@link io.slipway.compose.yaml.YamlNode}s (a small facade
 * other packages may use to read YAML with locations), {@link io.slipway.compose.yaml.YamlWriter}
 * writes plain values back.
 */
package io.slipway.compose.yaml;
