// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zmq;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

/**
 * {@link ZmqConfig} instances for tests from configuration keys as in a {@code .cfg} file ({@code manage},
 * {@code curve.secret_key}), mapped to the attribute methods by Declarative Services' rule (a dot is a single
 * underscore, an underscore a double one); the annotation's defaults for the rest.
 */
final class ZmqConfigs {

    private ZmqConfigs() {
    }

    static ZmqConfig with(Map<String, Object> keys) {
        Map<String, Object> values = new HashMap<>();
        keys.forEach((key, value) -> {
            String method = key.replace("_", "__").replace('.', '_');
            try {
                ZmqConfig.class.getDeclaredMethod(method);
            } catch (NoSuchMethodException e) {
                throw new IllegalArgumentException("ZmqConfig has no key " + key);
            }
            values.put(method, value);
        });
        return (ZmqConfig) Proxy.newProxyInstance(ZmqConfig.class.getClassLoader(), new Class<?>[] {ZmqConfig.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "annotationType" -> ZmqConfig.class;
                    case "toString" -> "ZmqConfig" + values;
                    case "hashCode" -> values.hashCode();
                    case "equals" -> false;
                    default -> values.getOrDefault(method.getName(), method.getDefaultValue());
                });
    }

    static ZmqSettings settings(Map<String, Object> keys) {
        return ZmqSettings.of(with(keys));
    }

    /** Settings from these keys, with {@code manage}, {@code pub} and {@code sub} on ports free now. */
    static ZmqSettings onFreePorts(Map<String, Object> keys) throws IOException {
        Map<String, Object> withPorts = new HashMap<>(keys);
        // held open together, so that the three differ
        try (ServerSocket manage = new ServerSocket(0); ServerSocket pub = new ServerSocket(0);
                ServerSocket sub = new ServerSocket(0)) {
            withPorts.put("manage", manage.getLocalPort());
            withPorts.put("pub", pub.getLocalPort());
            withPorts.put("sub", sub.getLocalPort());
        }
        return settings(withPorts);
    }

    static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }
}
