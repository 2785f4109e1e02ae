package fr.esante.medimail.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Before anything starts: every fixed port of the local stack must be free. A busy one is told in one sentence,
 * French then English, naming the port, what it is for and, when the system can tell, the program holding it —
 * instead of a broker's stack trace a hundred lines long.
 */
final class PortCheck {

    private PortCheck() {
    }

    /** @return the sentence for the first busy port, if any */
    static Optional<String> firstBusy(Map<Integer, String> ports) {
        for (Map.Entry<Integer, String> port : ports.entrySet()) {
            if (!isFree(port.getKey())) {
                String holder = holderOf(port.getKey()).map(h -> " (" + h + ")").orElse("");
                return Optional.of(String.format("Le port %1$d (%2$s) est déjà utilisé%3$s : arrêtez ce programme"
                                + " ou une plateforme déjà lancée, puis relancez. / Port %1$d (%2$s) is already in use%3$s:"
                                + " stop that program or the platform already running, then start again.",
                        port.getKey(), port.getValue(), holder));
            }
        }
        return Optional.empty();
    }

    static Map<Integer, String> localStackPorts() {
        Map<Integer, String> ports = new LinkedHashMap<>();
        ports.put(LocalPlatform.KAFKA_PORT, "Kafka");
        ports.put(LocalPlatform.POSTGRES_PORT, "PostgreSQL");
        ports.put(LocalPlatform.SMTP_PORT, "SMTP");
        ports.put(LocalPlatform.IMAP_PORT, "IMAP");
        ports.put(LocalPlatform.MAIL_VIEWER_PORT, "mail viewer");
        PlatformServices.SERVICES.forEach(service -> ports.put(service.defaultPort(), service.name()));
        return ports;
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** "java, pid 1234" from lsof where it is installed (Linux, macOS); nothing elsewhere. */
    private static Optional<String> holderOf(int port) {
        try {
            Process lsof = new ProcessBuilder("lsof", "-nP", "-iTCP:" + port, "-sTCP:LISTEN", "-Fpc")
                    .redirectErrorStream(true).start();
            if (!lsof.waitFor(3, TimeUnit.SECONDS)) {
                lsof.destroyForcibly();
                return Optional.empty();
            }
            String pid = null;
            String command = null;
            for (String line : new String(lsof.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("p") && pid == null) {
                    pid = line.substring(1).strip();
                } else if (line.startsWith("c") && command == null) {
                    command = line.substring(1).strip();
                }
            }
            return pid == null ? Optional.empty() : Optional.of((command == null ? "" : command + ", ") + "pid " + pid);
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
