// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.taxii;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import threatbus.api.Bus;
import threatbus.api.history.IntelHistory;

/**
 * The TAXII server on the OSGi servlet whiteboard at {@code /taxii2/}: reads the HTTP request, lets
 * {@link TaxiiApi} answer, writes the answer. Active only with a configuration and with the store running.
 */
@Component(name = TaxiiServlet.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, service = Servlet.class)
@HttpWhiteboardServletPattern("/taxii2/*")
@Designate(ocd = TaxiiConfig.class)
public final class TaxiiServlet extends HttpServlet {

    public static final String PID = "threatbus.app.taxii";
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(TaxiiServlet.class);
    private static final List<String> PARAMETERS = List.of("added_after", "limit", "next", "match[id]",
            "match[type]", "match[version]", "match[spec_version]");

    private final transient TaxiiApi api;

    @Activate
    public TaxiiServlet(@Reference IntelHistory history, @Reference Bus bus, TaxiiConfig config) {
        Access access;
        try {
            access = Access.of(config);
        } catch (IllegalArgumentException e) {
            LOG.error("TAXII app not started: {}", e.getMessage());
            throw e;
        }
        if (config.page_size() < 1) {
            throw new IllegalArgumentException("taxii.page_size must be at least 1, got " + config.page_size());
        }
        this.api = new TaxiiApi(config.title(), access, history, bus, config.page_size(), Clock.systemUTC());
        LOG.info("TAXII 2.1 server at http://{}:{}/taxii2/ ({}; posting {})", config.host(), config.port(), access,
                access.anyWriter() ? "on" : "off");
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, String> query = new HashMap<>();
        for (String name : PARAMETERS) {
            String value = request.getParameter(name);
            if (value != null) {
                query.put(name, value);
            }
        }
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        String url = request.getRequestURL().toString();
        String base = url.substring(0, url.length() - path.length());
        TaxiiResponse answer = api.handle(new TaxiiRequest(request.getMethod(), path, query,
                request.getHeader("Accept"), request.getContentType(), request.getHeader("Authorization"),
                body(request), base));
        response.setStatus(answer.status());
        answer.headers().forEach(response::setHeader);
        response.setContentLength(answer.body().length);
        response.getOutputStream().write(answer.body());
    }

    /** At most one byte more than the API accepts, so that it can tell a body that is too large. */
    private static byte[] body(HttpServletRequest request) throws IOException {
        if (!"POST".equals(request.getMethod())) {
            return new byte[0];
        }
        try (InputStream in = request.getInputStream()) {
            return in.readNBytes(ObjectPosts.MAX_CONTENT_LENGTH + 1);
        }
    }
}
