// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek.broker.data;

/** Input that is not valid Broker data; says what is wrong and at which byte offset. */
public final class BrokerDataException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int offset;

    public BrokerDataException(String what, int offset) {
        super(what + " (at byte " + offset + ")");
        this.offset = offset;
    }

    /** Offset in the decoded input where the problem was found. */
    public int offset() {
        return offset;
    }
}
