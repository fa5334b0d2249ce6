// SPDX-License-Identifier: BSD-3-Clause
package threatbus.api.routing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Maps topic prefixes to targets, with the original Threat Bus's semantics (spec §1.7, §2.1):
 * <ul>
 * <li>a target registered under prefix {@code p} matches every topic that starts with {@code p}
 * ({@code ""} matches everything);</li>
 * <li>a target registered under two prefixes that both match a topic is returned twice (duplicates, as in
 * the original);</li>
 * <li>registering the same target twice under the same prefix has no effect;</li>
 * <li>no echo suppression: the table knows nothing of who published.</li>
 * </ul>
 *
 * <p>Thread-safe. Routing ({@link #route}) is lock-free and allocation-free: writers publish an immutable
 * snapshot, and each snapshot caches the targets per topic it has been asked for (topics are few: they
 * derive from message types).
 *
 * @param <T> the target type; identity is {@code equals}
 */
public final class TopicTable<T> {

    private volatile Snapshot<T> snapshot = new Snapshot<>(Map.of());

    /** Registers {@code target} under {@code prefix}. Returns false if it already was. */
    public synchronized boolean add(String prefix, T target) {
        Map<String, Set<T>> prefixes = copy(snapshot.prefixes);
        boolean added = prefixes.computeIfAbsent(prefix, p -> new LinkedHashSet<>()).add(target);
        if (added) {
            snapshot = new Snapshot<>(prefixes);
        }
        return added;
    }

    /** Removes {@code target} from exactly {@code prefix}. Returns false if it was not registered there. */
    public synchronized boolean remove(String prefix, T target) {
        Set<T> current = snapshot.prefixes.get(prefix);
        if (current == null || !current.contains(target)) {
            return false;
        }
        Map<String, Set<T>> prefixes = copy(snapshot.prefixes);
        Set<T> targets = prefixes.get(prefix);
        targets.remove(target);
        if (targets.isEmpty()) {
            prefixes.remove(prefix);
        }
        snapshot = new Snapshot<>(prefixes);
        return true;
    }

    /** Removes {@code target} from every prefix. */
    public synchronized void removeEverywhere(T target) {
        Map<String, Set<T>> prefixes = copy(snapshot.prefixes);
        prefixes.values().forEach(targets -> targets.remove(target));
        prefixes.values().removeIf(Set::isEmpty);
        snapshot = new Snapshot<>(prefixes);
    }

    /** Calls {@code action} once per (matching prefix, target) pair for {@code topic}, in registration order. */
    public void route(String topic, Consumer<? super T> action) {
        for (Object target : snapshot.targets(topic)) {
            @SuppressWarnings("unchecked")
            T t = (T) target;
            action.accept(t);
        }
    }

    /** The targets {@code topic} goes to, with duplicates for overlapping prefixes. */
    public List<T> match(String topic) {
        List<T> result = new ArrayList<>();
        route(topic, result::add);
        return result;
    }

    /** The registered prefixes and their targets. */
    public Map<String, Set<T>> prefixes() {
        Map<String, Set<T>> view = new LinkedHashMap<>();
        snapshot.prefixes.forEach((prefix, targets) -> view.put(prefix, Collections.unmodifiableSet(targets)));
        return Collections.unmodifiableMap(view);
    }

    /** Whether nothing is registered. */
    public boolean isEmpty() {
        return snapshot.prefixes.isEmpty();
    }

    private static <T> Map<String, Set<T>> copy(Map<String, Set<T>> prefixes) {
        Map<String, Set<T>> copy = new LinkedHashMap<>();
        prefixes.forEach((prefix, targets) -> copy.put(prefix, new LinkedHashSet<>(targets)));
        return copy;
    }

    /** An immutable registration state plus a lazily filled per-topic cache. */
    private static final class Snapshot<T> {
        private static final int MAX_CACHED_TOPICS = 64;

        final Map<String, Set<T>> prefixes;
        private final Map<String, Object[]> byTopic = new ConcurrentHashMap<>();

        Snapshot(Map<String, Set<T>> prefixes) {
            this.prefixes = prefixes;
        }

        Object[] targets(String topic) {
            Object[] cached = byTopic.get(topic);
            if (cached != null) {
                return cached;
            }
            List<Object> matched = new ArrayList<>();
            prefixes.forEach((prefix, targets) -> {
                if (topic.startsWith(prefix)) {
                    matched.addAll(targets);
                }
            });
            Object[] result = matched.toArray();
            if (byTopic.size() < MAX_CACHED_TOPICS) {
                byTopic.put(topic, result);
            }
            return result;
        }

        @Override
        public String toString() {
            return Arrays.toString(prefixes.keySet().toArray());
        }
    }
}
