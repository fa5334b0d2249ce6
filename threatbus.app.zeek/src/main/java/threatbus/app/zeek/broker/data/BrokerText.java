// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek.broker.data;

import java.util.List;
import java.util.stream.Collectors;

/** Broker's text form of containers ({@code format/txt.hh}): elements separated by {@code ", "}. */
final class BrokerText {

    private BrokerText() {
    }

    static String join(List<?> items, String open, String close) {
        return items.stream().map(Object::toString).collect(Collectors.joining(", ", open, close));
    }
}
