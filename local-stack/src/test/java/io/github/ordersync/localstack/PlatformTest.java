package io.github.ordersync.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PlatformTest {

    @Test
    void machinesMariaDb4jHasBinariesForAreAccepted() {
        assertThat(Platform.hasMariaDbBinaries("Linux", "amd64")).isTrue();
        assertThat(Platform.hasMariaDbBinaries("Mac OS X", "aarch64")).isTrue();
        assertThat(Platform.hasMariaDbBinaries("Windows 11", "amd64")).isTrue();
    }

    @Test
    void anyOtherMachineIsToldToUseDockerCompose() {
        assertThat(Platform.hasMariaDbBinaries("Mac OS X", "x86_64")).isFalse();
        assertThat(Platform.hasMariaDbBinaries("Linux", "aarch64")).isFalse();
        assertThatThrownBy(() -> Platform.requireMariaDbBinaries("Linux", "aarch64"))
                .hasMessageContaining("no MariaDB for Linux on aarch64")
                .hasMessageContaining("docker compose up --build");
    }
}
