// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zmq;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A frame sink that records frames and can pretend the app is not connected or busy. */
final class RecordingSink implements FrameSink {

    final List<String> frames = new CopyOnWriteArrayList<>();
    volatile boolean connected = true;
    volatile boolean busy;

    @Override
    public boolean wanted(String topic) {
        return connected;
    }

    @Override
    public boolean trySend(byte[] frame) {
        if (busy) {
            return false;
        }
        frames.add(new String(frame, StandardCharsets.UTF_8));
        return true;
    }
}
