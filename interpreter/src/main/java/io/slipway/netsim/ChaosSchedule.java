package io.slipway.netsim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The events of {@code chaos(..)}, drawn from the seed before anything happens: one every
 * {@code every} (at every, 2·every, ... up to {@code duration}), each a target index and an
 * action drawn from {@code actions}; a {@code PARTITION} also draws which targets go to the
 * second group. The same seed, targets and actions give the same sequence, on any machine
 * ({@link SplittableRandom} is specified bit for bit).
 */
public final class ChaosSchedule {
  /** One event: when (from the start), the target index, the action, and for a partition the split. */
  public record Event(Duration at, int target, String action, List<Integer> secondGroup) {
    public Event {
      secondGroup = List.copyOf(secondGroup);
    }
  }

  private ChaosSchedule() {}

  public static List<Event> draw(int targets, List<String> actions, Duration every, Duration duration, long seed) {
    if (targets < 1) {
      throw new NetsimException("chaos needs at least one target");
    }
    if (actions.isEmpty()) {
      throw new NetsimException("chaos needs an action (action = Chaos.KILL) or actions");
    }
    if (every.isNegative() || every.isZero() || duration.compareTo(every) < 0) {
      throw new NetsimException("chaos needs 0 < every <= duration");
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    List<Event> events = new ArrayList<>();
    long n = duration.toMillis() / every.toMillis();
    for (long k = 1; k <= n; k++) {
      int target = rnd.nextInt(targets);
      String action = actions.get(rnd.nextInt(actions.size()));
      List<Integer> second = new ArrayList<>();
      if (action.equals("PARTITION")) {
        if (targets < 2) {
          throw new NetsimException("chaos PARTITION needs at least two targets");
        }
        for (int i = 0; i < targets; i++) {
          if (i != target && rnd.nextBoolean()) {
            second.add(i);
          }
        }
        if (second.isEmpty()) {
          second.add((target + 1) % targets);
        }
      }
      events.add(new Event(every.multipliedBy(k), target, action, second));
    }
    return events;
  }
}
