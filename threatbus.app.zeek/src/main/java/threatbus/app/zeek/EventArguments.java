// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek;

import java.util.List;

import threatbus.app.zeek.broker.data.BrokerData;
import threatbus.app.zeek.broker.data.ZeekEvent;

/** Typed access to the arguments of a Zeek event, with errors that name the event, argument and types. */
final class EventArguments {

    private final ZeekEvent event;

    private EventArguments(ZeekEvent event) {
        this.event = event;
    }

    /** The arguments of {@code event}, which must have exactly {@code names.length} of them. */
    static EventArguments of(ZeekEvent event, String... names) throws InvalidEventException {
        if (event.args().size() != names.length) {
            throw new InvalidEventException(event.name() + " takes " + names.length + " argument"
                    + (names.length == 1 ? "" : "s") + " (" + String.join(", ", names) + "), got "
                    + event.args().size());
        }
        return new EventArguments(event);
    }

    <T extends BrokerData> T get(int index, String name, Class<T> type) throws InvalidEventException {
        BrokerData value = event.args().get(index);
        if (!type.isInstance(value)) {
            throw new InvalidEventException(event.name() + ": argument " + (index + 1) + " (" + name + ") must be "
                    + kind(type) + ", got " + kind(value.getClass()));
        }
        return type.cast(value);
    }

    /** The Zeek name of a Broker type, for messages a Zeek user understands. */
    static String kind(Class<?> type) {
        return switch (type.getSimpleName()) {
            case "Str" -> "a string";
            case "Timestamp" -> "a time";
            case "Timespan" -> "an interval";
            case "Count" -> "a count";
            case "Int" -> "an int";
            case "Real" -> "a double";
            case "Bool" -> "a bool";
            case "Address" -> "an addr";
            case "Subnet" -> "a subnet";
            case "Port" -> "a port";
            case "EnumValue" -> "an enum";
            case "Set" -> "a set";
            case "Table" -> "a table";
            case "Vector" -> "a vector or record";
            default -> "nothing";
        };
    }

    List<BrokerData> all() {
        return event.args();
    }
}
