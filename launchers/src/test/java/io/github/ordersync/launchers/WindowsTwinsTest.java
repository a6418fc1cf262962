package io.github.ordersync.launchers;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ordersync.localstack.ProjectLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * kafka.cmd and run-local.cmd, the Windows twins of ./kafka and ./run-local.sh, cannot run here: they are held to
 * their twins instead, so the two cannot drift apart (tools, main classes, options), and kept in CRLF, which cmd needs.
 */
class WindowsTwinsTest {

    private static final Path ROOT = ProjectLayout.root();

    @Test
    void kafkaCmdOffersTheSameToolsWithTheSameMainClassesAsTheScript() throws IOException {
        Map<String, String> script = tools(read("kafka"), Pattern.compile("^  ([a-z-]+)\\) main=([\\w.]+) ;;$"));
        Map<String, String> cmd =
                tools(read("kafka.cmd"), Pattern.compile("^if \"%tool%\"==\"([a-z-]+)\" set \"main=([\\w.]+)\"$"));

        assertThat(script).hasSizeGreaterThan(8);
        assertThat(cmd).isEqualTo(script);
        assertThat(read("kafka.cmd")).contains("--bootstrap-server 127.0.0.1:%KAFKA_PORT%");
    }

    @Test
    void runLocalCmdStartsTheSameLaunchersWithTheSameOptionsAsTheScript() throws IOException {
        String script = read("run-local.sh");
        String cmd = read("run-local.cmd");

        for (String launcher :
                new String[] {"io.github.ordersync.localstack.LocalStackMain", "io.github.ordersync.launchers.RunDemo"
                }) {
            assertThat(script).contains(launcher);
            assertThat(cmd).contains(launcher);
        }
        for (String option : new String[] {"--stack-only", "--fresh", "--rebuild"}) {
            assertThat(script).contains(option + ")");
            assertThat(cmd).contains("\"%~1\"==\"" + option + "\"");
        }
    }

    @Test
    void batchFilesHaveCrlfLineEndings() throws IOException {
        for (String file : new String[] {"kafka.cmd", "run-local.cmd"}) {
            String text = Files.readString(ROOT.resolve(file));
            assertThat(text.replace("\r\n", ""))
                    .as("%s without its CRLFs", file)
                    .doesNotContain("\n");
        }
    }

    private static Map<String, String> tools(String text, Pattern line) {
        Map<String, String> tools = new TreeMap<>();
        for (String each : text.split("\r?\n")) {
            Matcher tool = line.matcher(each);
            if (tool.matches()) {
                tools.put(tool.group(1), tool.group(2));
            }
        }
        return tools;
    }

    private static String read(String file) throws IOException {
        return Files.readString(ROOT.resolve(file));
    }
}
