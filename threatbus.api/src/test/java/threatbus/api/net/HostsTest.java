// SPDX-License-Identifier: BSD-3-Clause
package threatbus.api.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostsTest {

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "LocalHost", "127.0.0.1", "127.1.2.3", "::1", "[::1]", "0:0:0:0:0:0:0:1",
            " 127.0.0.1 "})
    void loopbackAddressesAreLoopback(String host) {
        assertThat(Hosts.isLoopback(host)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "*", "::", "[::]", "10.0.0.1", "128.0.0.1", "localhost.example.org",
            "threatbus.example.org", "127.example.org", "", "fe80::1"})
    void everythingElseIsNot(String host) {
        assertThat(Hosts.isLoopback(host)).isFalse();
    }
}
