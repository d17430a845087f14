package leaderlab.kafka.local;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** The kernel's listener table is read for what was bound: an address other than 127.0.0.1 shows as itself. */
class ListeningSocketsTest {

    @Test
    void aSocketBoundElsewhereOnLoopbackIsSeenWithItsOwnAddress() throws Exception {
        InetAddress other = InetAddress.getByName("127.0.0.2");
        try (ServerSocket socket = new ServerSocket(0, 1, other)) {
            ListeningSockets.Listener expected = new ListeningSockets.Listener(other, socket.getLocalPort());
            var listeners = ListeningSockets.of(ProcessHandle.current().pid());
            assertTrue(listeners.contains(expected), expected + " not in " + listeners);
        }
    }
}
