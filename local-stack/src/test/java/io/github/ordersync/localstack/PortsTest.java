package io.github.ordersync.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void freePortsAreBelowTheEphemeralRangeAndNeverHandedOutTwice() {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            ports.add(Ports.free());
        }

        assertThat(ports).hasSize(50).allSatisfy(port -> assertThat(port).isBetween(Ports.FIRST, Ports.LAST));
    }

    @Test
    void aPortInUseIsNamedWithTheSettingThatMovesIt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> Ports.requireFree(taken.getLocalPort(), "Kafka", "KAFKA_PORT"))
                    .hasMessageContaining("is already in use")
                    .hasMessageContaining("KAFKA_PORT=<port>");
        }
    }
}
