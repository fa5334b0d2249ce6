// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

import threatbus.api.Application;
import threatbus.api.ApplicationName;
import threatbus.api.Bus;

/**
 * The Zeek app (spec §3.1): a Broker endpoint that Zeek running {@code threatbus.zeek} peers with. Zeek
 * subscribes to intel and gets {@code <ns>::intel} events, and reports {@code <ns>::sighting}s. The app
 * answers no snapshot requests: it only asks for them on Zeek's behalf, as the original.
 */
@Component(name = ZeekApp.PID, immediate = true, service = {Application.class, ZeekApp.class})
@ApplicationName(name = "zeek")
@Designate(ocd = ZeekConfig.class)
public final class ZeekApp implements Application {

    public static final String PID = "threatbus.app.zeek";

    private final ZeekEndpoint endpoint;

    @Activate
    public ZeekApp(@Reference Bus bus, ZeekConfig config) {
        ZeekSettings settings = ZeekSettings.of(config);
        try {
            endpoint = new ZeekEndpoint(settings, bus, Clock.systemUTC());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen for Zeek on " + settings.host() + ":" + settings.port()
                    + ": " + e.getMessage(), e);
        }
    }

    ZeekEndpoint endpoint() {
        return endpoint;
    }

    @Deactivate
    void deactivate() {
        endpoint.close();
    }
}
