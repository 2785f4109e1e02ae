package fr.esante.medimail.embedded;

import java.nio.file.Path;

/**
 * The local stack's persistent KRaft broker, opened to the fault-injection suite (same package): it can be stopped
 * and started again on the same log directory and port, as a broker restart in production would be.
 */
public final class RestartableKafka {

    private final Path logDirectory;
    private final int port;
    private PersistentKafkaBroker broker;

    public RestartableKafka(Path logDirectory, int port) {
        this.logDirectory = logDirectory;
        this.port = port;
    }

    public synchronized void start() {
        broker = new PersistentKafkaBroker(logDirectory, port, port + 1);
    }

    public synchronized void stop() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }
}
