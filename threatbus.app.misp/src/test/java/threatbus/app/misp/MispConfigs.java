// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.misp;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/**
 * {@link MispConfig} instances for tests from configuration keys as in a {@code .cfg} file ({@code zmq.host},
 * {@code kafka.poll_interval}), mapped to the attribute methods by Declarative Services' rule (a dot is a
 * single underscore, an underscore a double one); the annotation's defaults for the rest.
 */
final class MispConfigs {

    private MispConfigs() {
    }

    static MispConfig with(Map<String, Object> keys) {
        Map<String, Object> values = new HashMap<>();
        keys.forEach((key, value) -> {
            if (key.startsWith(MispSettings.KAFKA_CONFIG_PREFIX)) {
                return; // not an attribute: read from the raw properties
            }
            String method = key.replace("_", "__").replace('.', '_');
            try {
                MispConfig.class.getDeclaredMethod(method);
            } catch (NoSuchMethodException e) {
                throw new IllegalArgumentException("MispConfig has no key " + key);
            }
            values.put(method, value);
        });
        return (MispConfig) Proxy.newProxyInstance(MispConfig.class.getClassLoader(), new Class<?>[] {MispConfig.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "annotationType" -> MispConfig.class;
                    case "toString" -> "MispConfig" + values;
                    case "hashCode" -> values.hashCode();
                    case "equals" -> false;
                    default -> values.getOrDefault(method.getName(), method.getDefaultValue());
                });
    }

    static MispSettings settings(Map<String, Object> keys) {
        return MispSettings.of(with(keys), keys);
    }
}
