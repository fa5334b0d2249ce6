// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.misp.mapping;

import static threatbus.app.misp.mapping.MispMessageException.Cause.INVALID_VALUE;
import static threatbus.app.misp.mapping.MispMessageException.Cause.MISSING_FIELD;
import static threatbus.app.misp.mapping.MispMessageException.Cause.UNMAPPABLE_TYPE;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import threatbus.api.message.Indicator;
import threatbus.api.message.Operation;

/**
 * Turns MISP attribute notifications into STIX 2.1 indicators, or into nothing.
 *
 * <table>
 * <caption>Action rules (REMOVE = indicator with {@code x_threatbus_update: "REMOVE"})</caption>
 * <tr><th>action</th><th>to_ids</th><th>result</th></tr>
 * <tr><td>add, edit</td><td>true</td><td>indicator; uuid remembered as published</td></tr>
 * <tr><td>add</td><td>false</td><td>nothing</td></tr>
 * <tr><td>edit</td><td>false</td><td>REMOVE, whether or not the uuid is remembered: the original did so, it
 *     survives restarts, and consumers ignore removals of what they do not hold</td></tr>
 * <tr><td>soft-delete (or add/edit of an attribute flagged {@code deleted})</td><td>any</td><td>REMOVE if
 *     to_ids is true or the uuid is remembered, else nothing (a to_ids=false attribute was either never
 *     published or already withdrawn by the edit that cleared the flag)</td></tr>
 * <tr><td>delete (hard)</td><td>any</td><td>REMOVE only if the uuid is remembered: the message has no Event
 *     and no tags, so filters cannot be applied, and a removal of a filtered-out attribute would leak its
 *     value</td></tr>
 * </table>
 *
 * <p>The original Python plugin dropped soft deletes and hard deletes and turned a delete with to_ids=true
 * into an addition; that is fixed here. Removals of attributes whose type or value has no pattern give nothing,
 * since they cannot have been published.
 *
 * <p>{@code created}, {@code modified} and {@code valid_from} are the attribute timestamp in UTC (the original
 * read it as local time). A hard delete's row still carries the timestamp of the last edit, so its REMOVE is
 * stamped {@code modified} = the time it is mapped, to be newer than the indicator it withdraws. The
 * indicator's {@code name} is {@code "<type>: <value>"}, which keeps what a point pattern drops (a file name,
 * a port).
 *
 * <p>Thread-safe if its clock is.
 */
public final class IndicatorMapper {

    private static final int MAX_NAME_CHARS = 256;

    private final PublishedAttributes published;
    private final Clock clock;

    public IndicatorMapper(PublishedAttributes published) {
        this(published, Clock.systemUTC());
    }

    /** With a clock for the {@code modified} time of hard deletes; for tests. */
    public IndicatorMapper(PublishedAttributes published, Clock clock) {
        this.published = Objects.requireNonNull(published, "published");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The indicator for a message, or empty if the action rules say nothing is to be published.
     *
     * @throws MispMessageException {@code MISSING_FIELD} if an add or edit has no {@code to_ids},
     *         {@code UNMAPPABLE_TYPE} or {@code INVALID_VALUE} if an indicator is due but no pattern can be made
     */
    public Optional<Indicator> map(MispMessage message) throws MispMessageException {
        MispAction action = message.action();
        if ((action == MispAction.ADD || action == MispAction.EDIT) && message.deleted()) {
            action = MispAction.SOFT_DELETE;
        }
        return switch (action) {
            case ADD, EDIT -> addOrEdit(message, action);
            case SOFT_DELETE -> {
                boolean known = published.remove(message.uuid());
                yield known || Boolean.TRUE.equals(message.toIds())
                        ? removal(message, message.timestamp()) : Optional.empty();
            }
            case DELETE -> published.remove(message.uuid())
                    ? removal(message, latest(message.timestamp(), clock.instant())) : Optional.empty();
        };
    }

    private Optional<Indicator> addOrEdit(MispMessage message, MispAction action) throws MispMessageException {
        if (message.toIds() == null) {
            throw new MispMessageException(MISSING_FIELD, "Attribute.to_ids is missing; needed for " + action.wireName());
        }
        if (message.toIds()) {
            Indicator indicator = build(message, requiredPattern(message), message.timestamp(), null);
            published.add(message.uuid());
            return Optional.of(indicator);
        }
        if (action == MispAction.EDIT) {
            published.remove(message.uuid());
            return removal(message, message.timestamp());
        }
        return Optional.empty();
    }

    private Optional<Indicator> removal(MispMessage message, Instant modified) {
        Optional<String> pattern;
        try {
            pattern = AttributePatterns.pattern(message.type(), message.value());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return pattern.map(p -> build(message, p, modified, Operation.REMOVE));
    }

    private static String requiredPattern(MispMessage message) throws MispMessageException {
        try {
            return AttributePatterns.pattern(message.type(), message.value())
                    .orElseThrow(() -> new MispMessageException(UNMAPPABLE_TYPE, "attribute type "
                            + MispJson.quote(message.type()) + " has no STIX pattern mapping"));
        } catch (IllegalArgumentException e) {
            throw new MispMessageException(INVALID_VALUE, e.getMessage(), e);
        }
    }

    private static Indicator build(MispMessage message, String pattern, Instant modified, Operation update) {
        return Indicator.builder()
                .id("indicator--" + message.uuid())
                .created(message.timestamp())
                .modified(modified)
                .name(name(message))
                .pattern(pattern)
                .patternType("stix")
                .validFrom(message.timestamp())
                .update(update)
                .build();
    }

    private static String name(MispMessage message) {
        String name = message.type() + ": " + message.value();
        return name.length() > MAX_NAME_CHARS ? name.substring(0, MAX_NAME_CHARS - 3) + "..." : name;
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
