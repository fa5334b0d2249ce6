// SPDX-License-Identifier: BSD-3-Clause
package threatbus.api.stix;

/**
 * One token: its kind and its {@code [start, end)} character range in the pattern. Error tokens
 * carry the description of the lexical problem.
 */
record Token(TokenKind kind, int start, int end, String problem) {

    Token(TokenKind kind, int start, int end) {
        this(kind, start, end, null);
    }
}
