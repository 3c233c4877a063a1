package io.slipway.stdlib.docker;

import io.slipway.netsim.Measurement;
import io.slipway.value.SlipObject;

/** A {@code NetMeasurement}: what {@code net.measure(from, to)} observed. */
record MeasurementValue(String from, String to, Measurement m) implements SlipObject {
  @Override
  public String typeName() {
    return "NetMeasurement";
  }

  @Override
  public String toString() {
    return "NetMeasurement(" + from + " -> " + to + ": " + m.describe() + ")";
  }
}
