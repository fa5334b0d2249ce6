// SPDX-License-Identifier: BSD-3-Clause
package threatbus.config.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a {@code .env} file as python-dotenv did for the original: {@code KEY=value} lines, optionally
 * prefixed by {@code export}, {@code #} comments, values in single quotes (literal) or double quotes (with
 * {@code \n}, {@code \t}, {@code \"} and {@code \\} escapes), unquoted values ending at {@code " #"}.
 * Lines that are none of these are skipped, as python-dotenv skips them.
 */
public final class DotEnv {

    private DotEnv() {
    }

    public static Map<String, String> parse(String text) {
        Map<String, String> entries = new LinkedHashMap<>();
        for (String line : text.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (trimmed.startsWith("export ")) {
                trimmed = trimmed.substring("export ".length()).strip();
            }
            int equals = trimmed.indexOf('=');
            if (equals <= 0) {
                continue;
            }
            String key = trimmed.substring(0, equals).strip();
            if (!key.matches("[A-Za-z_][A-Za-z0-9_.]*")) {
                continue;
            }
            entries.put(key, value(trimmed.substring(equals + 1).strip()));
        }
        return entries;
    }

    private static String value(String raw) {
        if (raw.length() >= 2 && raw.charAt(0) == '\'' && raw.indexOf('\'', 1) > 0) {
            return raw.substring(1, raw.indexOf('\'', 1));
        }
        if (raw.length() >= 2 && raw.charAt(0) == '"') {
            StringBuilder out = new StringBuilder();
            for (int i = 1; i < raw.length(); i++) {
                char c = raw.charAt(i);
                if (c == '"') {
                    return out.toString();
                }
                if (c == '\\' && i + 1 < raw.length()) {
                    char next = raw.charAt(++i);
                    out.append(switch (next) {
                        case 'n' -> '\n';
                        case 't' -> '\t';
                        case 'r' -> '\r';
                        default -> next;
                    });
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }
        int comment = raw.indexOf(" #");
        return (comment >= 0 ? raw.substring(0, comment) : raw).strip();
    }
}
