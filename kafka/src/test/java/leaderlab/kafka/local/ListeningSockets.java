package leaderlab.kafka.local;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The TCP sockets a process really listens on, as the Linux kernel reports them (what {@code ss -ltnp}
 * reads): the process's socket inodes from {@code /proc/PID/fd}, matched against the LISTEN rows of
 * {@code /proc/PID/net/tcp} and {@code tcp6}. Not the config: what was bound.
 */
final class ListeningSockets {

    /** A listening socket's local address and port. */
    record Listener(InetAddress address, int port) {
        @Override
        public String toString() {
            return address.getHostAddress() + ":" + port;
        }
    }

    private static final String LISTEN = "0A";

    private ListeningSockets() {}

    static List<Listener> of(long pid) throws IOException {
        Set<String> inodes = socketInodes(pid);
        List<Listener> listeners = new ArrayList<>();
        for (String table : List.of("tcp", "tcp6")) {
            List<String> rows = Files.readAllLines(Path.of("/proc", Long.toString(pid), "net", table));
            // Columns: sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode ...
            for (String row : rows.subList(1, rows.size())) {
                String[] columns = row.trim().split("\\s+");
                if (columns[3].equals(LISTEN) && inodes.contains(columns[9])) {
                    listeners.add(listener(columns[1]));
                }
            }
        }
        return listeners;
    }

    private static Set<String> socketInodes(long pid) throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return fds.map(ListeningSockets::linkOrEmpty)
                    .filter(target -> target.startsWith("socket:["))
                    .map(target -> target.substring("socket:[".length(), target.length() - 1))
                    .collect(Collectors.toSet());
        }
    }

    private static String linkOrEmpty(Path fd) {
        try {
            return Files.readSymbolicLink(fd).toString();
        } catch (IOException e) {
            // Closed between listing and reading: not a socket we need.
            return "";
        }
    }

    /**
     * {@code 0100007F:1F90}: the address in hex, each 32-bit word in the kernel's (little-endian) byte
     * order, then the port. An IPv4-mapped IPv6 address comes back as the IPv4 address.
     */
    private static Listener listener(String hex) throws IOException {
        String[] parts = hex.split(":");
        byte[] word = HexFormat.of().parseHex(parts[0]);
        byte[] address = new byte[word.length];
        for (int i = 0; i < word.length; i += 4) {
            for (int b = 0; b < 4; b++) {
                address[i + b] = word[i + 3 - b];
            }
        }
        return new Listener(InetAddress.getByAddress(address), Integer.parseInt(parts[1], 16));
    }
}
