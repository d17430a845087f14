package leaderlab.kafka.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Free loopback ports for every listener, chosen once: a restarted broker must come back on the port
 * it advertised. Each is found by binding port 0 on 127.0.0.1 (never a wildcard address) and closing it.
 */
final class Ports {

    private final int[] brokerPorts;
    private final int[] controllerPorts;

    Ports(int brokers, int controllers) {
        brokerPorts = free(brokers);
        controllerPorts = free(controllers);
    }

    /** The client port of broker id 1..N. */
    int broker(int id) {
        return brokerPorts[id - 1];
    }

    int controller(int index) {
        return controllerPorts[index];
    }

    private static int[] free(int count) {
        int[] ports = new int[count];
        ServerSocket[] held = new ServerSocket[count];
        try {
            // All held open together, so one search never hands out the same port twice.
            for (int i = 0; i < count; i++) {
                held[i] = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ports[i] = held[i].getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port: " + e.getMessage(), e);
        } finally {
            for (ServerSocket socket : held) {
                closeQuietly(socket);
            }
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        if (socket == null) {
            return;
        }
        try {
            socket.close();
        } catch (IOException e) {
            // Nothing to undo: the port is free either way.
        }
    }
}
