// SPDX-License-Identifier: BSD-3-Clause
package threatbus.api.message;

/** STIX identifiers: {@code <object-type>--<uuid>}. */
final class StixIds {

    private StixIds() {
    }

    /** Whether {@code id} is a STIX 2.1 identifier: a lower-case object type, {@code --}, and an RFC 4122 UUID. */
    static boolean isValid(String id) {
        int separator = id.indexOf("--");
        if (separator < 3 || separator > 250 || id.length() != separator + 2 + 36) {
            return false;
        }
        for (int i = 0; i < separator; i++) {
            char c = id.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '-' && i > 0);
            if (!allowed) {
                return false;
            }
        }
        return isUuid(id, separator + 2);
    }

    private static boolean isUuid(String s, int from) {
        for (int i = 0; i < 36; i++) {
            char c = s.charAt(from + i);
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                if (c != '-') {
                    return false;
                }
            } else if (Character.digit(c, 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
