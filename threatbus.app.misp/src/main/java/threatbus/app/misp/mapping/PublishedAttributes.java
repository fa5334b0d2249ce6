// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.misp.mapping;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The uuids of MISP attributes recently published to the bus as additions, so that a later hard delete, which
 * says nothing about the attribute's organisation or tags, can be withdrawn only if it was published.
 *
 * <p>Bounded: beyond {@link #capacity()} uuids, the least recently added or looked-up one is forgotten (its
 * delete is then not propagated). In memory only: the set starts empty after a restart, so hard deletes of
 * attributes published before it are not propagated either; soft deletes and edits that clear {@code to_ids}
 * still are (see {@link IndicatorMapper}). At the default capacity it takes about 8 MB.
 *
 * <p>Thread-safe: all access is serialised on one lock; each operation is a hash-map step.
 */
public final class PublishedAttributes {

    /** Default number of uuids remembered. */
    public static final int DEFAULT_CAPACITY = 100_000;

    private final int capacity;
    /** Access-ordered, so that the eldest entry is the least recently used. Guarded by {@code this}. */
    private final LinkedHashMap<UUID, Boolean> uuids;

    /** A memory of {@link #DEFAULT_CAPACITY} uuids. */
    public PublishedAttributes() {
        this(DEFAULT_CAPACITY);
    }

    /**
     * A memory of {@code capacity} uuids.
     *
     * @throws IllegalArgumentException if {@code capacity} is less than 1
     */
    public PublishedAttributes(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
        this.uuids = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, Boolean> eldest) {
                return size() > PublishedAttributes.this.capacity;
            }
        };
    }

    /** Remembers an attribute as published. @throws IllegalArgumentException if {@code uuid} is not a UUID */
    public synchronized void add(String uuid) {
        uuids.put(UUID.fromString(uuid), Boolean.TRUE);
    }

    /** Forgets an attribute; returns whether it was remembered. */
    public synchronized boolean remove(String uuid) {
        return uuids.remove(UUID.fromString(uuid)) != null;
    }

    /** Whether an attribute is remembered as published. */
    public synchronized boolean contains(String uuid) {
        return uuids.get(UUID.fromString(uuid)) != null;
    }

    /** Number of uuids remembered. */
    public synchronized int size() {
        return uuids.size();
    }

    /** The most uuids remembered. */
    public int capacity() {
        return capacity;
    }
}
