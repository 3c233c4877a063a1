package io.slipway.stdlib.docker;

import io.slipway.value.SlipObject;

/** An {@code Image}: a reference, and the image id once known (built, pulled or inspected). */
record ImageValue(String ref, String id) implements SlipObject {
  @Override
  public String typeName() {
    return "Image";
  }

  @Override
  public String label() {
    return ref == null ? id : ref;
  }

  @Override
  public String toString() {
    return "Image(" + ref + ")";
  }
}
