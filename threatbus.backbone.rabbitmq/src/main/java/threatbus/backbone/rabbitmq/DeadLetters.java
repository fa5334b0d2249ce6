// SPDX-License-Identifier: BSD-3-Clause
package threatbus.backbone.rabbitmq;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;

/**
 * Parks undecodable messages, byte for byte, in the dead-letter exchange with why and where from in the
 * headers ({@code x-threatbus-error}, {@code x-threatbus-queue}), and waits for the broker's confirm: only
 * then may the original be acked. Poison messages are rare, so waiting here costs nothing in throughput.
 *
 * <p>Used by the consumer's delivery thread; {@link #attach} by the connection thread before consuming starts.
 */
final class DeadLetters {

    private static final long CONFIRM_TIMEOUT_MILLIS = 5_000;
    private static final int MAX_REASON_CHARS = 1_000;

    private final String exchange;
    private final String queue;
    private volatile Channel channel;

    DeadLetters(String exchange, String queue) {
        this.exchange = exchange;
        this.queue = queue;
    }

    void attach(Channel next) throws IOException {
        next.confirmSelect();
        channel = next;
    }

    /**
     * Publishes {@code body} to the dead-letter exchange and waits for the confirm.
     *
     * @throws IOException if it is not confirmed: the caller must not ack the original
     */
    void park(byte[] body, String reason) throws IOException {
        Channel current = channel;
        if (current == null) {
            throw new IOException("no channel to the dead-letter exchange");
        }
        String shortReason = reason.length() > MAX_REASON_CHARS ? reason.substring(0, MAX_REASON_CHARS) : reason;
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder().deliveryMode(2)
                .headers(Map.of("x-threatbus-error", shortReason, "x-threatbus-queue", queue)).build();
        try {
            current.basicPublish(exchange, "", false, properties, body);
            current.waitForConfirmsOrDie(CONFIRM_TIMEOUT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while dead-lettering", e);
        } catch (TimeoutException e) {
            throw new IOException("the dead-letter exchange did not confirm in " + CONFIRM_TIMEOUT_MILLIS + " ms", e);
        }
    }
}
