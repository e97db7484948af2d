package dk.vum.barometer.core.report;

import dk.vum.barometer.content.Item;

/** Leaders' and staff's means on a pair of parallel statements ({@link Item#parallelItem()}). */
public record ItemGap(Item leaderItem, Item staffItem, Gap gap) {
}
