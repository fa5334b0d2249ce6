// SPDX-License-Identifier: BSD-3-Clause
package threatbus.dist;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;

/** Runs Gogo commands the way a user at the {@code g!} prompt does, and captures what they print. */
final class Shell {

    private final CommandProcessor processor;

    Shell(CommandProcessor processor) {
        this.processor = processor;
    }

    /** Executes one command line; returns its result as text (or the error, prefixed with {@code gogo: }). */
    String run(String commandLine) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        try (CommandSession session = processor.createSession(new ByteArrayInputStream(new byte[0]), print, print)) {
            Object result = session.execute(commandLine);
            print.flush();
            String printed = out.toString(StandardCharsets.UTF_8);
            return printed + (result == null ? "" : result.toString());
        } catch (Exception e) {
            return "gogo: " + e;
        }
    }
}
