// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;

/** {@link ZeekConfig} instances for tests: the annotation's defaults, with some values overridden by name. */
final class ZeekConfigs {

    private ZeekConfigs() {
    }

    static ZeekConfig defaults() {
        return with(Map.of());
    }

    /** @param values attribute name to value, e.g. {@code "port" -> 0}; unknown names fail */
    static ZeekConfig with(Map<String, Object> values) {
        for (String name : values.keySet()) {
            try {
                ZeekConfig.class.getDeclaredMethod(name);
            } catch (NoSuchMethodException e) {
                throw new IllegalArgumentException("ZeekConfig has no attribute " + name);
            }
        }
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
