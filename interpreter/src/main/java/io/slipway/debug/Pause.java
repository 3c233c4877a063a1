package io.slipway.debug;

import io.slipway.value.SlipException;

/**
 * A thread held by a {@link StepController}: where it is, why it stopped ({@code breakpoint 1:
 * stage build}, {@code step}, {@code failed: ...}), and for a failure the error about to end the
 * stage. Valid until it is resumed.
 *
 * @param id increasing number of the pause within the controller
 * @param failure the unhandled error for an on-failure pause, else null
 */
public record Pause(int id, DebugPoint point, String reason, SlipException failure) {}
