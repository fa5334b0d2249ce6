// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.misp.feed;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every document it is handed, as text, in order. */
final class RecordingHandler implements FeedHandler {

    private final List<String> documents = new CopyOnWriteArrayList<>();

    @Override
    public void onMessage(byte[] json) {
        documents.add(new String(json, StandardCharsets.UTF_8));
    }

    List<String> documents() {
        return List.copyOf(documents);
    }

    int count() {
        return documents.size();
    }
}
