// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/**
 * {@link ZeekConfig} instances for tests: the annotation's defaults, with some values overridden by their
 * configuration key as in a {@code .cfg} file ({@code disable_ssl}, {@code max.frame.bytes}), mapped to the
 * attribute methods by Declarative Services' rule (a dot is a single underscore, an underscore a double one).
 */
final class ZeekConfigs {

    private ZeekConfigs() {
    }

    static ZeekConfig defaults() {
        return with(Map.of());
    }

    /** @param keys configuration key to value, e.g. {@code "port" -> 0}; unknown keys fail */
    static ZeekConfig with(Map<String, Object> keys) {
        Map<String, Object> values = new HashMap<>();
        keys.forEach((key, value) -> {
            String method = key.replace("_", "__").replace('.', '_');
            try {
                ZeekConfig.class.getDeclaredMethod(method);
            } catch (NoSuchMethodException e) {
                throw new IllegalArgumentException("ZeekConfig has no key " + key);
            }
            values.put(method, value);
        });
        return (ZeekConfig) Proxy.newProxyInstance(ZeekConfig.class.getClassLoader(),
                new Class<?>[] {ZeekConfig.class}, (proxy, method, args) -> value(method, values));
    }

    private static Object value(Method method, Map<String, Object> values) {
        return switch (method.getName()) {
            case "annotationType" -> ZeekConfig.class;
            case "toString" -> "ZeekConfig" + values;
            case "hashCode" -> values.hashCode();
            case "equals" -> false;
            default -> values.containsKey(method.getName()) ? values.get(method.getName()) : method.getDefaultValue();
        };
    }
}
