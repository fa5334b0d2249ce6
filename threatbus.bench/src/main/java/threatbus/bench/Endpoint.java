// SPDX-License-Identifier: BSD-3-Clause
package threatbus.bench;

/** A {@code tcp://host:port} address; the host may be a bracketed IPv6 literal. */
record Endpoint(String host, int port) {

    static Endpoint parse(String text) {
        if (!text.startsWith("tcp://")) {
            throw new UsageException("endpoint must look like tcp://host:port, not '" + text + "'");
        }
        String rest = text.substring("tcp://".length());
        int colon = rest.lastIndexOf(':');
        if (colon <= 0) {
            throw new UsageException("endpoint must look like tcp://host:port, not '" + text + "'");
        }
        try {
            int port = Integer.parseInt(rest.substring(colon + 1));
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return new Endpoint(rest.substring(0, colon), port);
        } catch (NumberFormatException e) {
            throw new UsageException("bad port in endpoint '" + text + "'");
        }
    }

    /** The same host with another port: the pub and sub sockets live on the manage host. */
    Endpoint withPort(int otherPort) {
        return new Endpoint(host, otherPort);
    }

    @Override
    public String toString() {
        return "tcp://" + host + ":" + port;
    }
}
