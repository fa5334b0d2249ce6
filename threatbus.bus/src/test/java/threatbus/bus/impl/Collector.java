// SPDX-License-Identifier: BSD-3-Clause
package threatbus.bus.impl;

import java.util.ArrayList;
import java.util.List;

import threatbus.api.Subscriber;
import threatbus.api.message.Message;

/** A subscriber that keeps what it receives. */
final class Collector implements Subscriber {

    private final List<Message> received = new ArrayList<>();

    @Override
    public synchronized void onMessage(Message message) {
        received.add(message);
    }

    synchronized List<Message> received() {
        return new ArrayList<>(received);
    }

    synchronized int count() {
        return received.size();
    }
}
