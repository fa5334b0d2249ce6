// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek.broker.data;

import java.util.HexFormat;

/** Hex dumps with free spacing, so that golden bytes can be laid out field by field. */
final class Hex {

    private Hex() {
    }

    static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replaceAll("\\s+", ""));
    }

    static String of(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
