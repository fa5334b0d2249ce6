// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zmq;

/** Where frames for apps go; implemented by {@link PubSocket}. */
interface FrameSink {

    /** Whether an app subscribed to a prefix of {@code topic}, so that a frame on it reaches someone. */
    boolean wanted(String topic);

    /** Sends a frame without waiting; false if the app it is for cannot take it now. */
    boolean trySend(byte[] frame);
}
