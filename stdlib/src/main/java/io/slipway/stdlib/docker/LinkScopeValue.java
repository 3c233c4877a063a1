package io.slipway.stdlib.docker;

import io.slipway.netsim.Link;

/** The receiver of a {@code link(..) { }} block: collects the link's faults as its calls run. */
public final class LinkScopeValue {
  private Link link;

  LinkScopeValue(Link link) {
    this.link = link;
  }

  Link link() {
    return link;
  }

  void set(Link l) {
    link = l;
  }

  @Override
  public String toString() {
    return link.describe();
  }
}
