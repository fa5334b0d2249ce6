// SPDX-License-Identifier: BSD-3-Clause
package threatbus.config.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** .env files are read as python-dotenv read them. */
class DotEnvTest {

    @Test
    void readsAssignmentsCommentsExportAndQuotes() {
        String text = """
                # a comment
                THREATBUS_PLUGINS__APPS__ZMQ__MANAGE=23370
                export THREATBUS_LOGGING__CONSOLE=false
                THREATBUS_A='single # not a comment'
                THREATBUS_B="double\\nline"
                THREATBUS_C=plain value # comment
                not an assignment

                THREATBUS_D=
                """;
        assertThat(DotEnv.parse(text))
                .containsEntry("THREATBUS_PLUGINS__APPS__ZMQ__MANAGE", "23370")
                .containsEntry("THREATBUS_LOGGING__CONSOLE", "false")
                .containsEntry("THREATBUS_A", "single # not a comment")
                .containsEntry("THREATBUS_B", "double\nline")
                .containsEntry("THREATBUS_C", "plain value")
                .containsEntry("THREATBUS_D", "")
                .hasSize(6);
    }
}
