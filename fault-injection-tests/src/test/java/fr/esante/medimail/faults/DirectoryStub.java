package fr.esante.medimail.faults;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The Annuaire Santé FHIR API as identity-verification-service calls it ({@code GET /fhir/v2/Practitioner?identifier=8…}),
 * answering for the suite's fictional professionals, with the two failures the suite injects: slow (answers after the
 * service's call timeout) and down (the port refuses connections). The imported directory then answers instead.
 */
final class DirectoryStub implements AutoCloseable {

    enum Mode { NORMAL, SLOW, DOWN }

    private final Map<String, String[]> professionals = new ConcurrentHashMap<>();
    private final int port;
    private final AtomicInteger calls = new AtomicInteger();
    private volatile Mode mode = Mode.NORMAL;
    private HttpServer server;

    DirectoryStub(int port) {
        this.port = port;
        start();
    }

    /** A professional of profession 10 (médecin), active, with these names. */
    void add(String rpps, String lastName, String firstName) {
        professionals.put("8" + rpps, new String[] {rpps, lastName, firstName});
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port + "/fhir/v2";
    }

    int calls() {
        return calls.get();
    }

    synchronized void mode(Mode next) {
        if (next == Mode.DOWN && server != null) {
            server.stop(0);
            server = null;
        } else if (next != Mode.DOWN && server == null) {
            start();
        }
        mode = next;
    }

    private synchronized void start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        } catch (IOException e) {
            throw new IllegalStateException("Directory stub cannot listen on " + port, e);
        }
        server.createContext("/fhir/v2/Practitioner", this::practitioner);
        server.setExecutor(Executors.newFixedThreadPool(4, task -> {
            Thread thread = new Thread(task, "directory-stub");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    private void practitioner(HttpExchange exchange) throws IOException {
        calls.incrementAndGet();
        if (mode == Mode.SLOW) {
            try {
                Thread.sleep(6_000); // beyond the service's 4 s call timeout
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String query = URLDecoder.decode(String.valueOf(exchange.getRequestURI().getRawQuery()), StandardCharsets.UTF_8);
        String nationalId = query.replaceAll(".*identifier=(?:[^&|]*\\|)?([0-9]+).*", "$1");
        String[] professional = professionals.get(nationalId);
        String body = professional == null ? EMPTY : bundle(nationalId, professional[0], professional[1], professional[2]);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/fhir+json;charset=UTF-8");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        } catch (IOException e) {
            // The caller gave up (slow mode): nothing to do.
        }
    }

    private static final String EMPTY = """
            {"resourceType":"Bundle","type":"searchset","total":0}""";

    /** Shaped like identity-verification-service's test resource practitioner-durand.json (Annuaire Santé API v2). */
    private static String bundle(String nationalId, String rpps, String lastName, String firstName) {
        String g15 = "https://mos.esante.gouv.fr/NOS/TRE_G15-ProfessionSante/FHIR/TRE-G15-ProfessionSante";
        String id = "003-" + rpps;
        return """
                {"resourceType":"Bundle","type":"searchset","total":1,"entry":[
                 {"fullUrl":"https://gateway.api.esante.gouv.fr/fhir/v2/Practitioner/%1$s","resource":{
                   "resourceType":"Practitioner","id":"%1$s",
                   "identifier":[
                    {"use":"official","type":{"coding":[{"system":"http://interopsante.org/fhir/CodeSystem/fr-v2-0203","code":"IDNPS"}]},"system":"urn:oid:1.2.250.1.71.4.2.1","value":"%2$s"},
                    {"use":"official","type":{"coding":[{"system":"http://interopsante.org/fhir/CodeSystem/fr-v2-0203","code":"RPPS"}]},"system":"http://rpps.fr","value":"%3$s"}],
                   "active":true,
                   "name":[{"use":"usual","prefix":["M"],"family":"%4$s","given":["%5$s"]}],
                   "qualification":[{"code":{"coding":[{"system":"%6$s","code":"10","display":"Médecin"}]}}]},
                  "search":{"mode":"match"}},
                 {"fullUrl":"https://gateway.api.esante.gouv.fr/fhir/v2/PractitionerRole/005-%3$s-1","resource":{
                   "resourceType":"PractitionerRole","id":"005-%3$s-1","active":true,
                   "practitioner":{"reference":"Practitioner/%1$s"},
                   "code":[{"coding":[{"system":"%6$s","code":"10"},
                     {"system":"https://mos.esante.gouv.fr/NOS/TRE_R09-CategorieProfessionnelle/FHIR/TRE-R09-CategorieProfessionnelle","code":"C"},
                     {"system":"https://mos.esante.gouv.fr/NOS/TRE_R23-ModeExercice/FHIR/TRE-R23-ModeExercice","code":"L"}]}]},
                  "search":{"mode":"include"}}]}
                """.formatted(id, nationalId, rpps, lastName.toUpperCase(), firstName, g15);
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
        }
    }
}
