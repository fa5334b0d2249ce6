// SPDX-License-Identifier: BSD-3-Clause
package threatbus.bus.impl;

/** How every outbox is bounded; replaced as a whole when the configuration changes. */
public record OutboxSettings(int capacity, OverflowPolicy policy, long blockMillis) {
}
