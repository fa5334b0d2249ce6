// SPDX-License-Identifier: BSD-3-Clause
package threatbus.config.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The schema and the components agree: every property a component's configuration declares has a key in the
 * config file, and every key sets a property the component declares, with the component's default.
 */
class SchemaTest {

    private static final Map<PluginSpec, String> CONFIGS = Map.of(
            Schema.BUS, "threatbus.bus.impl.BusConfig",
            Schema.METRICS, "threatbus.metrics.MetricsConfig",
            Schema.INMEM, "threatbus.backbone.inmem.InmemConfig",
            Schema.ZMQ, "threatbus.app.zmq.ZmqConfig",
            Schema.ZEEK, "threatbus.app.zeek.ZeekConfig",
            Schema.MISP, "threatbus.app.misp.MispConfig",
            Schema.RABBITMQ, "threatbus.backbone.rabbitmq.RabbitConfig",
            Schema.LOGGING, "threatbus.config.impl.LoggingConfig");

    @Test
    void everyComponentPropertyHasAKeyWithTheComponentsDefault() throws Exception {
        for (Map.Entry<PluginSpec, String> entry : CONFIGS.entrySet()) {
            PluginSpec spec = entry.getKey();
            Map<String, Object> declared = declared(Class.forName(entry.getValue()));
            Map<String, KeySpec> keys = new LinkedHashMap<>();
            spec.keys().stream().filter(k -> k.type() != ValueType.STRING_MAP).forEach(k -> keys.put(k.property(), k));

            assertThat(keys.keySet()).as(spec.path()).containsExactlyInAnyOrderElementsOf(declared.keySet());
            keys.forEach((property, key) -> {
                if (key.defaultValue() != null && !(key.required() && spec == Schema.MISP)) {
                    assertThat(String.valueOf(key.defaultValue())).as(spec.path() + "." + key.key())
                            .isEqualTo(String.valueOf(declared.get(property)));
                }
            });
        }
    }

    @Test
    void sectionsArePluginsOrCoreAndPidsAreUnique() {
        assertThat(Schema.ALL.stream().filter(PluginSpec::implemented).map(PluginSpec::pid))
                .doesNotHaveDuplicates();
        assertThat(Schema.ALL.stream().filter(PluginSpec::plugin).map(PluginSpec::path))
                .allMatch(p -> Schema.PLUGIN_GROUPS.stream().anyMatch(g -> p.startsWith(g + ".")));
    }

    /** Property name → default, by Declarative Services' naming rule ({@code a_b} is a.b, {@code a__b} is a_b). */
    private static Map<String, Object> declared(Class<?> annotation) {
        Map<String, Object> declared = new LinkedHashMap<>();
        for (Method method : annotation.getDeclaredMethods()) {
            String property = method.getName().replace("__", "\u0000").replace('_', '.').replace('\u0000', '_');
            Object value = method.getDefaultValue();
            if (value instanceof Object[] array) {
                value = array.length == 0 ? null : List.of(array);
            } else if (value instanceof Enum<?> constant) {
                value = constant.name();
            }
            declared.put(property, value);
        }
        return declared;
    }

}
