package io.slipway.stdlib.docker;

import io.slipway.netsim.BlockadeFile;
import io.slipway.value.SlipObject;
import java.util.Map;

/** A {@code Blockade}: the containers a Blockade file started, on their private network. */
record BlockadeValue(BlockadeFile file, NetworkValue network, Map<String, ContainerValue> containers)
    implements SlipObject {
  @Override
  public String typeName() {
    return "Blockade";
  }

  @Override
  public String toString() {
    return "Blockade(" + String.join(", ", containers.keySet()) + ")";
  }
}
