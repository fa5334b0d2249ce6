// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.misp.mapping;

import java.util.Optional;

/**
 * The {@code action} of a MISP attribute notification, as MISP's ZeroMQ and Kafka publishers send it
 * ({@code MispAttribute::afterSave} and {@code beforeDelete}).
 */
public enum MispAction {
    /** {@code "add"}: the attribute was created. */
    ADD("add"),
    /** {@code "edit"}: the attribute changed, including its tags or its {@code to_ids} flag. */
    EDIT("edit"),
    /** {@code "soft-delete"}: the attribute was flagged {@code deleted}; the message still has Event and tags. */
    SOFT_DELETE("soft-delete"),
    /** {@code "delete"}: the attribute row was removed; the message has only the raw row, no Event, no tags. */
    DELETE("delete");

    private final String wireName;

    MispAction(String wireName) {
        this.wireName = wireName;
    }

    /** The string MISP sends. */
    public String wireName() {
        return wireName;
    }

    /** The action for a string MISP sends; matched exactly, as MISP writes them in lower case. */
    public static Optional<MispAction> fromWireName(String name) {
        for (MispAction action : values()) {
            if (action.wireName.equals(name)) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }
}
