// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek.broker.data;

/**
 * Input that is not valid Broker data; says what is wrong and, for bytes, at which offset. Also used for decoded
 * data that has the wrong shape (for example a vector that is not a Zeek event), where no offset applies.
 */
public final class BrokerDataException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int offset;

    public BrokerDataException(String what, int offset) {
        super(what + " (at byte " + offset + ")");
        this.offset = offset;
    }

    /** A problem with the structure of already decoded data; {@link #offset()} is -1. */
    public BrokerDataException(String what) {
        super(what);
        this.offset = -1;
    }

    /** Offset in the decoded input where the problem was found, or -1 if it is not about bytes. */
    public int offset() {
        return offset;
    }
}
