package io.github.ordersync.testinfra;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Asks the Docker engine of {@code DOCKER_HOST} (or {@code /var/run/docker.sock}) whether it has each image, with
 * a one-second budget in all: Testcontainers itself would wait minutes for an engine that cannot pull.
 */
final class DockerProbe {

    private static final Duration BUDGET = Duration.ofSeconds(1);

    private DockerProbe() {}

    /** True when the engine answers and has every image locally. */
    static boolean hasImages(List<String> images) {
        Instant deadline = Instant.now().plus(BUDGET);
        for (String image : images) {
            if (!"200".equals(status("/images/" + image + "/json", deadline))) {
                return false;
            }
        }
        return true;
    }

    /** The HTTP status code of {@code GET path}, or null when the engine does not answer in time. */
    private static String status(String path, Instant deadline) {
        SocketAddress address = engineAddress();
        if (address == null) {
            return null;
        }
        try (SocketChannel channel = SocketChannel.open(address);
                Selector selector = Selector.open()) {
            channel.write(ByteBuffer.wrap(
                    ("GET " + path + " HTTP/1.0\r\nHost: docker\r\n\r\n").getBytes(StandardCharsets.US_ASCII)));
            channel.configureBlocking(false);
            channel.register(selector, SelectionKey.OP_READ);
            ByteBuffer answer = ByteBuffer.allocate(64);
            // "HTTP/1.0 200" is 12 bytes
            while (answer.position() < 12) {
                long remaining = Duration.between(Instant.now(), deadline).toMillis();
                if (remaining <= 0 || selector.select(remaining) == 0 || channel.read(answer) < 0) {
                    break;
                }
                selector.selectedKeys().clear();
            }
            String head = new String(answer.array(), 0, answer.position(), StandardCharsets.US_ASCII);
            return head.length() >= 12 ? head.substring(9, 12) : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static SocketAddress engineAddress() {
        String host = System.getenv().getOrDefault("DOCKER_HOST", "unix:///var/run/docker.sock");
        URI uri = URI.create(host);
        if ("unix".equals(uri.getScheme())) {
            Path socket = Path.of(uri.getPath());
            return Files.exists(socket) ? UnixDomainSocketAddress.of(socket) : null;
        }
        if ("tcp".equals(uri.getScheme())) {
            return new InetSocketAddress(uri.getHost(), uri.getPort());
        }
        return null;
    }
}
