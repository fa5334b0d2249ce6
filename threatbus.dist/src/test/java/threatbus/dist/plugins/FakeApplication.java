// SPDX-License-Identifier: BSD-3-Clause
package threatbus.dist.plugins;

import threatbus.api.Application;

/** The smallest application plugin: it only exists. */
public final class FakeApplication implements Application {
}
