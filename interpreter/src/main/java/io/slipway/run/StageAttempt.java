package io.slipway.run;

import io.slipway.scope.ResourceScope;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One attempt of one stage (or of the {@code post} blocks, as stage {@code "post"}): its name
 * and number, its cleanup scope (a child of the stage's scope, itself a child of the run's),
 * and its step counter. This is all the evaluator knows of a stage; the pipeline area's
 * {@code StageContext} (agent, environment, options, deadline) is a service of the attempt's
 * scope.
 */
public final class StageAttempt {
  private final Run run;
  private final String stage;
  private final int number;
  private final ResourceScope scope;
  private final AtomicInteger steps = new AtomicInteger();
  private volatile int maxAttempts = 1;

  /** @param stageScope the stage's scope; the attempt's scope is made inside it */
  public StageAttempt(Run run, String stage, int number, ResourceScope stageScope) {
    this.run = run;
    this.stage = stage;
    this.number = number;
    this.scope = stageScope.child(ResourceScope.Kind.ATTEMPT, stage + "#" + number);
  }

  public Run run() {
    return run;
  }

  /** The stage's name. */
  public String stage() {
    return stage;
  }

  /** 1 for the first attempt. */
  public int number() {
    return number;
  }

  public ResourceScope scope() {
    return scope;
  }

  /** The next step number of this attempt, starting at 1. */
  public int nextStep() {
    return steps.incrementAndGet();
  }

  /** How many steps have started. */
  public int steps() {
    return steps.get();
  }

  /** How many attempts the stage may make in all ({@code options(retries = n)} + 1). */
  public int maxAttempts() {
    return maxAttempts;
  }

  public void maxAttempts(int n) {
    this.maxAttempts = n;
  }

  /** True when a failure of this attempt will be followed by another attempt. */
  public boolean willRetry() {
    return number < maxAttempts;
  }
}
