// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.taxii;

import java.util.Map;

/**
 * What the servlet read from an HTTP request, free of the servlet API.
 *
 * @param method        the HTTP method
 * @param path          the path below {@code /taxii2}
 * @param query         the TAXII query parameters given, by name
 * @param accept        the {@code Accept} header, or null
 * @param contentType   the {@code Content-Type} header, or null
 * @param authorization the {@code Authorization} header, or null
 * @param body          the body of a POST, empty otherwise
 * @param baseUrl       the URL of {@code /taxii2} as the client reached it
 */
record TaxiiRequest(String method, String path, Map<String, String> query, String accept, String contentType,
        String authorization, byte[] body, String baseUrl) {

    boolean isGet() {
        return method.equals("GET");
    }
}
