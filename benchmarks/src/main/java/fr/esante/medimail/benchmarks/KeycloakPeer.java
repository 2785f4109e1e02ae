package fr.esante.medimail.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keycloak run side by side on loopback, the peer of the sign-in comparison: its Maven distribution
 * ({@code org.keycloak:keycloak-quarkus-dist}, taken from the local Maven repository or downloaded from Maven Central
 * into {@code ~/.cache/medimail-benchmarks}), started in its own process with a Java 25 JDK, a realm whose password
 * policy is Argon2id with our parameters, and users signing in with the password grant.
 */
final class KeycloakPeer implements AutoCloseable {

    static final String VERSION = System.getProperty("bench.keycloak.version", "26.7.3");
    private static final String REALM = "medimail-bench";
    private static final String ADMIN = "bench-admin";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Keycloak's own Argon2 defaults: parameters equal to these need no server option. */
    private static final int KEYCLOAK_MEMORY_KIB = 7168, KEYCLOAK_ITERATIONS = 5, KEYCLOAK_PARALLELISM = 1;
    /** USER_HZ of Linux on the platforms the JDK supports ({@code getconf CLK_TCK}). */
    private static final int CLOCK_TICKS_PER_SECOND = 100;

    private final Process process;
    private final String baseUrl;
    private final String adminPassword;
    private final HttpClient http;

    private KeycloakPeer(Process process, String baseUrl, String adminPassword, HttpClient http) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.adminPassword = adminPassword;
        this.http = http;
    }

    /** Why Keycloak cannot run here, or empty when it can. */
    static Optional<String> unavailable(Path javaHome) {
        if (!Files.isExecutable(javaHome.resolve("bin/java"))) {
            return Optional.of("no Java 25 JDK at " + javaHome + " (set -Dbench.keycloak.java=<JDK home>)");
        }
        return Optional.empty();
    }

    /** Unpacks (once) and starts Keycloak; returns when it answers. Its output goes to {@code log}. */
    static KeycloakPeer start(Path javaHome, int port, int memoryKib, int iterations, int parallelism, Path log,
                              HttpClient http) throws Exception {
        Path home = unpacked(distribution());
        // A fresh development database each run: the bootstrap admin (a new password each run) and the realm are
        // created anew, and the users' hashes are made with this run's parameters.
        deleteTree(home.resolve("data"));
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + port, "--http-management-port=" + (port + 1)));
        // The same Argon2id parameters as ours; Keycloak's defaults (7 MiB, 5 passes, 1 lane) need no option.
        if (memoryKib != KEYCLOAK_MEMORY_KIB) {
            command.add("--spi-password-hashing--argon2--memory=" + memoryKib);
        }
        if (parallelism != KEYCLOAK_PARALLELISM) {
            command.add("--spi-password-hashing--argon2--parallelism=" + parallelism);
        }
        if (iterations != KEYCLOAK_ITERATIONS) {
            command.add("--spi-password-hashing--argon2--iterations=" + iterations);
        }
        String adminPassword = "bench-" + Long.toHexString(System.nanoTime());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", javaHome.toString());
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        builder.environment().put("KC_LOG_LEVEL", "warn");
        KeycloakPeer peer = new KeycloakPeer(builder.start(), "http://127.0.0.1:" + port, adminPassword, http);
        try {
            peer.awaitReady(Duration.ofSeconds(Integer.getInteger("bench.keycloak.start-timeout", 600)));
        } catch (Exception e) {
            peer.close();
            throw e;
        }
        return peer;
    }

    /**
     * Creates the realm (password policy Argon2id, {@code iterations} passes), and users with that password; returns
     * what Keycloak stored for the first one (algorithm and parameters), as evidence of equal strength.
     */
    String configure(List<String> usernames, String password, int iterations) throws Exception {
        // Admin tokens live 60 s and each user costs a hash on a busy machine: a fresh token every few users.
        String admin = adminToken();
        Map<String, Object> realm = new LinkedHashMap<>();
        realm.put("realm", REALM);
        realm.put("enabled", true);
        realm.put("passwordPolicy", "hashAlgorithm(argon2) and hashIterations(" + iterations + ")");
        realm.put("bruteForceProtected", false);
        expect(adminCall(admin, "POST", "/admin/realms", realm), 201, 409);
        for (int i = 0; i < usernames.size(); i++) {
            String username = usernames.get(i);
            if (i % 5 == 4) {
                admin = adminToken();
            }
            Map<String, Object> user = new LinkedHashMap<>();
            user.put("username", username);
            user.put("email", username + "@example.org");
            user.put("emailVerified", true);
            user.put("firstName", "Jean");
            user.put("lastName", "Durand");
            user.put("enabled", true);
            user.put("credentials", List.of(Map.of("type", "password", "value", password, "temporary", false)));
            expect(adminCall(admin, "POST", "/admin/realms/" + REALM + "/users", user), 201, 409);
        }
        admin = adminToken();
        JsonNode users = JSON.readTree(expect(adminCall(admin, "GET", "/admin/realms/" + REALM + "/users?exact=true&username="
                + URLEncoder.encode(usernames.get(0), StandardCharsets.UTF_8), null), 200).body());
        JsonNode credentials = JSON.readTree(expect(adminCall(admin, "GET", "/admin/realms/" + REALM + "/users/"
                + users.get(0).get("id").asString() + "/credentials", null), 200).body());
        return credentials.get(0).get("credentialData").asString();
    }

    /** One password-grant sign-in (the realm's built-in public client {@code admin-cli} allows the grant). */
    HttpResponse<String> signIn(String username, String password) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/realms/" + REALM + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "password", "client_id", "admin-cli",
                        "username", username, "password", password)))).build(), HttpResponse.BodyHandlers.ofString());
    }

    long pid() {
        return process.pid();
    }

    /**
     * Waits until Keycloak's processes use less than {@code maxCpuShare} of one core over a few seconds: after its
     * start and its realm set-up, it goes on compiling and warming caches for a while, which would steal CPU from a
     * measured phase of ours.
     */
    double awaitIdle(double maxCpuShare, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        double share = Double.NaN;
        while (System.nanoTime() < deadline) {
            long before = cpuTicks();
            long start = System.nanoTime();
            Thread.sleep(3000);
            share = (cpuTicks() - before) / (double) CLOCK_TICKS_PER_SECOND / ((System.nanoTime() - start) / 1e9);
            if (share <= maxCpuShare) {
                return share;
            }
        }
        return share;
    }

    /**
     * Freezes Keycloak (SIGSTOP) outside its sign-in rounds, so that its background threads take no CPU from ours;
     * {@link #resume} (SIGCONT) before it is used again.
     */
    void pause() throws IOException, InterruptedException {
        signal("STOP");
    }

    void resume() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String name) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("kill", "-" + name));
        processes().forEach(pid -> command.add(Long.toString(pid)));
        new ProcessBuilder(command).inheritIO().start().waitFor();
    }

    private List<Long> processes() {
        List<Long> pids = new ArrayList<>();
        pids.add(process.pid());
        process.descendants().forEach(child -> pids.add(child.pid()));
        return pids;
    }

    /** User and system CPU time of Keycloak's processes (the script and its JVM), in clock ticks. */
    private long cpuTicks() {
        long ticks = 0;
        for (long pid : processes()) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                // after the command name in parentheses: state, ppid, … utime is the 12th field, stime the 13th
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            } catch (IOException | RuntimeException e) {
                // process gone, or not Linux
            }
        }
        return ticks;
    }

    @Override
    public void close() {
        try {
            resume(); // a stopped process does not act on SIGTERM until it is continued
        } catch (IOException e) {
            // gone already
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady(Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak stopped during start (exit " + process.exitValue() + ")");
            }
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                                URI.create(baseUrl + "/realms/master/.well-known/openid-configuration"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("Keycloak not ready after " + patience.toSeconds() + " s");
    }

    private String adminToken() throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/realms/master/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "password", "client_id", "admin-cli",
                        "username", ADMIN, "password", adminPassword)))).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(expect(answer, 200).body()).get("access_token").asString();
    }

    private HttpResponse<String> adminCall(String token, String method, String path, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> expect(HttpResponse<String> answer, int... statuses) {
        for (int status : statuses) {
            if (answer.statusCode() == status) {
                return answer;
            }
        }
        throw new IllegalStateException("Keycloak answered " + answer.statusCode() + " to " + answer.request().uri() + ": "
                + answer.body());
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    // ---------------------------------------------------------------- the distribution

    /** The zip from the local Maven repository if there, else from Maven Central into the cache (SHA-1 checked). */
    private static Path distribution() throws Exception {
        String name = "keycloak-quarkus-dist-" + VERSION + ".zip";
        String relative = "org/keycloak/keycloak-quarkus-dist/" + VERSION + "/" + name;
        Path local = Path.of(System.getProperty("user.home"), ".m2", "repository").resolve(relative);
        if (Files.isRegularFile(local)) {
            return local;
        }
        Path cached = cache().resolve(name);
        if (Files.isRegularFile(cached)) {
            return cached;
        }
        Files.createDirectories(cache());
        String url = System.getProperty("bench.maven-central", "https://repo1.maven.org/maven2") + "/" + relative;
        System.out.println("Downloading " + url + " …");
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
        Path partial = cache().resolve(name + ".part");
        HttpResponse<Path> zip = client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofFile(partial));
        HttpResponse<String> sha1 = client.send(HttpRequest.newBuilder(URI.create(url + ".sha1")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (zip.statusCode() != 200 || sha1.statusCode() != 200) {
            throw new IllegalStateException("Download of " + url + " failed: " + zip.statusCode() + " / " + sha1.statusCode());
        }
        MessageDigest digest = MessageDigest.getInstance("SHA-1");
        try (InputStream in = Files.newInputStream(partial)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        String actual = HexFormat.of().formatHex(digest.digest());
        if (!sha1.body().trim().startsWith(actual)) {
            throw new IllegalStateException("Checksum mismatch for " + url);
        }
        Files.move(partial, cached, StandardCopyOption.REPLACE_EXISTING);
        return cached;
    }

    private static Path unpacked(Path zip) throws IOException {
        Path target = cache().resolve("keycloak-" + VERSION);
        Path marker = target.resolve(".unpacked");
        if (Files.exists(marker)) {
            return target.resolve("keycloak-" + VERSION);
        }
        Files.createDirectories(target);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                Path file = target.resolve(entry.getName()).normalize();
                if (!file.startsWith(target)) {
                    throw new IOException("Unexpected entry " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                } else {
                    Files.createDirectories(file.getParent());
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                    if (file.getFileName().toString().endsWith(".sh")) {
                        file.toFile().setExecutable(true);
                    }
                }
            }
        }
        Files.createFile(marker);
        return target.resolve("keycloak-" + VERSION);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static Path cache() {
        return Path.of(System.getProperty("user.home"), ".cache", "medimail-benchmarks");
    }
}
