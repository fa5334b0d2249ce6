// SPDX-License-Identifier: BSD-3-Clause
package threatbus.backbone.rabbitmq;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/** {@link RabbitSettings} for tests: the annotation's defaults, with overrides by method name. */
final class TestSettings {

    private TestSettings() {
    }

    static RabbitConfig config(Object... overrides) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < overrides.length; i += 2) {
            values.put((String) overrides[i], overrides[i + 1]);
        }
        return (RabbitConfig) Proxy.newProxyInstance(RabbitConfig.class.getClassLoader(),
                new Class<?>[] {RabbitConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "annotationType" -> RabbitConfig.class;
                    case "toString" -> "RabbitConfig" + values;
                    case "hashCode" -> values.hashCode();
                    case "equals" -> proxy == args[0];
                    default -> values.containsKey(method.getName()) ? values.get(method.getName())
                            : method.getDefaultValue();
                });
    }

    /** Settings for a broker on {@code port} with a queue of its own ({@code suffix}), reconnecting quickly. */
    static RabbitSettings forPort(int port, String suffix, Object... overrides) {
        Object[] all = new Object[overrides.length + 8];
        all[0] = "host";
        all[1] = "127.0.0.1";
        all[2] = "port";
        all[3] = port;
        all[4] = "queue_name__suffix";
        all[5] = suffix;
        all[6] = "reconnect_initial__millis";
        all[7] = 100L;
        System.arraycopy(overrides, 0, all, 8, overrides.length);
        return RabbitSettings.from(config(all));
    }
}
