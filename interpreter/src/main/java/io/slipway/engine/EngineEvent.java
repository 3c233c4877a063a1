package io.slipway.engine;

import java.time.Instant;
import java.util.Map;

/**
 * An engine event ({@code docker events}): {@code type} is container/network/volume/image,
 * {@code action} start/die/destroy/..., {@code attributes} include the labels.
 */
public record EngineEvent(Instant time, String type, String action, String id,
    Map<String, String> attributes) {
  public EngineEvent {
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
  }
}
