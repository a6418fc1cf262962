package io.github.ordersync.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryJavaTest {

    @TempDir
    Path dir;

    @Test
    void readsTheFeatureVersionOfAJavaHomeFromItsReleaseFile() throws IOException {
        assertThat(RegistryJava.version(javaHome("jdk-21", "21.0.5"))).hasValue(21);
        assertThat(RegistryJava.version(javaHome("jdk-8", "1.8.0_412"))).hasValue(8);
        assertThat(RegistryJava.version(dir)).isEmpty();
    }

    @Test
    void aRegistryJavaHomeOlderThan21IsRefusedWithWhatItNeeds() throws IOException {
        Path java17 = javaHome("jdk-17", "17.0.13");

        assertThatThrownBy(() -> RegistryJava.find(Map.of("REGISTRY_JAVA_HOME", java17.toString())))
                .hasMessageContaining("is not a Java 21 or newer");
    }

    @Test
    void aRegistryJavaHomeOf21OrNewerIsTaken() throws IOException {
        Path java25 = javaHome("jdk-25", "25.0.3");

        assertThat(RegistryJava.find(Map.of("REGISTRY_JAVA_HOME", java25.toString())))
                .isEqualTo(java25);
    }

    private Path javaHome(String name, String version) throws IOException {
        Path home = Files.createDirectories(dir.resolve(name));
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("bin/java"), "");
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\n");
        return home;
    }
}
