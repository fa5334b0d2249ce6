// SPDX-License-Identifier: BSD-3-Clause
/**
 * MISP's REST API: sightings and attribute searches. Private to this bundle.
 *
 * <p>On the wire (headers {@code Authorization: <raw key>}, {@code Accept} and {@code Content-Type}
 * {@code application/json}):
 * <ul>
 * <li>{@code POST /sightings/add}
 *     {@code {"uuid":"<attribute uuid>","type":"0","source":"<source>","timestamp":"<epoch s>"}};
 *     success is the new row {@code {"Sighting":{…}}} (or {@code {"message":"Sighting added"}} in older MISP),
 *     failure mostly HTTP 200 {@code {"message":"Could not add the Sighting. Reason: …"}}.</li>
 * <li>{@code POST /attributes/restSearch} {@code {"returnFormat":"json","to_ids":true,"timestamp":"<epoch s>",
 *     ["org":…,] ["type":…,] ["tags":[…],] "page":n,"limit":m}} answered by
 *     {@code {"response":{"Attribute":[…]}}}.</li>
 * <li>Errors otherwise: {@code {"name","message","url"}} with 403 (authentication), 404, 405, 5xx.</li>
 * </ul>
 */
package threatbus.app.misp.rest;
