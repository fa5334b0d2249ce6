// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.misp;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import threatbus.api.BusOverloadedException;
import threatbus.api.SnapshotSink;
import threatbus.api.message.SnapshotRequest;
import threatbus.app.misp.mapping.IndicatorMapper;
import threatbus.app.misp.mapping.MispFilter;
import threatbus.app.misp.mapping.MispMessage;
import threatbus.app.misp.mapping.MispMessageException;
import threatbus.app.misp.rest.MispApiException;
import threatbus.app.misp.rest.MispRestClient;
import threatbus.app.misp.rest.SearchQuery;

/**
 * Answers indicator snapshot requests from MISP: attributes marked for detection whose timestamp is within the
 * requested time, one restSearch per filter, page by page, each mapped and put into the snapshot sink. Runs on
 * its own thread (the bus calls {@link #answer} on its dispatcher), one request at a time.
 */
final class MispSnapshots {

    private static final Logger LOG = LoggerFactory.getLogger(MispSnapshots.class);
    private static final long BUS_RETRY_MILLIS = 10;

    private final MispRestClient client;
    private final IndicatorMapper mapper;
    private final List<MispFilter> filters;
    private final int pageSize;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "threatbus-misp-snapshots");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong items = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    MispSnapshots(MispRestClient client, IndicatorMapper mapper, List<MispFilter> filters, int pageSize) {
        this(client, mapper, filters, pageSize, Clock.systemUTC());
    }

    MispSnapshots(MispRestClient client, IndicatorMapper mapper, List<MispFilter> filters, int pageSize, Clock clock) {
        this.client = client;
        this.mapper = mapper;
        this.filters = List.copyOf(filters);
        this.pageSize = pageSize;
        this.clock = clock;
    }

    void answer(SnapshotRequest request, SnapshotSink sink) {
        worker.execute(() -> run(request, sink));
    }

    private void run(SnapshotRequest request, SnapshotSink sink) {
        Instant since = clock.instant().minus(request.snapshot());
        List<SearchQuery> queries = filters.isEmpty()
                ? List.of(new SearchQuery(since, List.of(), List.of(), List.of()))
                : filters.stream().map(f -> new SearchQuery(since, List.copyOf(f.orgs()), List.copyOf(f.types()),
                        List.copyOf(f.tags()))).toList();
        long before = items.get();
        try {
            for (SearchQuery query : queries) {
                client.searchAttributes(query, pageSize, page -> page.forEach(attribute -> add(attribute, sink)));
            }
            answered.incrementAndGet();
            LOG.info("Answered snapshot {} from MISP with {} indicators", request.snapshotId(), items.get() - before);
        } catch (MispApiException e) {
            failed.incrementAndGet();
            LOG.warn("Snapshot {} from MISP failed after {} indicators: {}", request.snapshotId(),
                    items.get() - before, e.getMessage());
        }
    }

    private void add(JsonNode attribute, SnapshotSink sink) {
        try {
            mapper.map(MispMessage.fromAttribute(attribute)).ifPresent(indicator -> {
                // a large snapshot fills the bus: wait for room rather than answer with holes
                while (!Thread.currentThread().isInterrupted()) {
                    try {
                        sink.add(indicator);
                        items.incrementAndGet();
                        return;
                    } catch (BusOverloadedException e) {
                        pauseForRoom();
                    }
                }
            });
        } catch (MispMessageException e) {
            LOG.debug("Snapshot attribute skipped: {}", e.getMessage());
        }
    }

    private static void pauseForRoom() {
        try {
            TimeUnit.MILLISECONDS.sleep(BUS_RETRY_MILLIS);
        } catch (InterruptedException e) {
            // closing: the loop sees the flag and gives up the snapshot
            Thread.currentThread().interrupt();
        }
    }

    long answeredCount() {
        return answered.get();
    }

    long itemCount() {
        return items.get();
    }

    long failedCount() {
        return failed.get();
    }

    void close() {
        worker.shutdownNow();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
