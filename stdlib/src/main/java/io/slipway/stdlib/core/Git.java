package io.slipway.stdlib.core;

import io.slipway.builtin.Declarations;
import io.slipway.stdlib.Library;

/** The {@code git} global and its {@code Git} type. */
public final class Git implements Library {
  @Override
  public void declare(Declarations d) {
    d.category("Build");
    d.type("Git", "Commit and branch of the repository holding the pipeline's directory; every field is null outside a repository.", GitInfo.class, "Any");
    d.property(null, "git").type("Git").doc("The repository of `build.dir`: `git.commit`, `git.shortCommit`, `git.branch`.")
        .get((cx, r) -> GitInfo.of(Files.baseDir(cx)));
    d.property("Git", "commit").type("String?").doc("The full id of the checked-out commit, or null.")
        .get((cx, r) -> ((GitInfo) r).commit());
    d.property("Git", "shortCommit").type("String?").doc("The first 7 characters of `commit`, or null.")
        .get((cx, r) -> ((GitInfo) r).shortCommit());
    d.property("Git", "branch").type("String?").doc("The checked-out branch, or null (detached HEAD, no repository).")
        .get((cx, r) -> ((GitInfo) r).branch());
  }
}
