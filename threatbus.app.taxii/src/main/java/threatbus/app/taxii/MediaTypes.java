// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.taxii;

import java.util.Locale;

/** The media types of TAXII 2.1 (section 1.6.8) and how requests are matched against them. */
final class MediaTypes {

    static final String TAXII = "application/taxii+json;version=2.1";
    static final String STIX = "application/stix+json;version=2.1";

    private MediaTypes() {
    }

    /** Whether an {@code Accept} header admits a TAXII answer; no header admits anything. */
    static boolean acceptsTaxii(String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        for (String range : accept.split(",")) {
            String type = range.split(";q=")[0].trim();
            if (type.equals("*/*") || type.equals("application/*") || isTaxii(type)) {
                return true;
            }
        }
        return false;
    }

    /** {@code application/taxii+json}, unversioned or of version 2.1, spaces and case aside. */
    static boolean isTaxii(String mediaType) {
        if (mediaType == null) {
            return false;
        }
        String compact = mediaType.replace(" ", "").toLowerCase(Locale.ROOT);
        return compact.equals("application/taxii+json") || compact.equals(TAXII);
    }
}
