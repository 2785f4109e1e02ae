package fr.esante.medimail.identity.directory;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import fr.esante.medimail.identity.directory.persistence.PostgresDirectoryStore;
import fr.esante.medimail.identity.identifiers.Luhn;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Imports a generated extraction file of 2,000,000 rows (real 56-column layout) into an embedded PostgreSQL and
 * prints the throughput and the peak heap. Not a test: run it on demand, with a small heap to show that the
 * import streams (see the module README for the command). Arguments: [rows] [file] [jdbc-url].
 */
public final class DirectoryImportBenchmark {

    private static final String[] LAST_NAMES = {"MARTIN", "BERNARD", "THOMAS", "PETIT", "ROBERT", "RICHARD", "DURAND",
            "DUBOIS", "MOREAU", "LAURENT", "SIMON", "MICHEL", "LEFÈVRE", "LEROY", "ROUX", "DAVID", "BERTRAND", "MOREL",
            "FOURNIER", "GIRARD", "BONNET", "DUPONT", "LAMBERT", "FONTAINE", "ROUSSEAU", "VINCENT", "MÜLLER", "LE GALL",
            "D'ARCY", "ŒUVRAY", "BENOÎT", "DUPONT-MARTIN"};
    private static final String[] FIRST_NAMES = {"Jean", "Marie", "Pierre", "Anne", "Michel", "Françoise", "Élodie",
            "François", "Anne-Sophie", "Marie-Hélène", "Yves", "Camille", "Louis", "Zoé", "Hélène", "Jérôme"};
    private static final String[][] PROFESSIONS = {{"10", "Médecin"}, {"21", "Pharmacien"}, {"60", "Infirmier"},
            {"70", "Masseur-Kinésithérapeute"}, {"40", "Chirurgien-Dentiste"}, {"50", "Sage-Femme"}, {"91", "Orthophoniste"}};
    private static final String[] CITIES = {"Toulouse", "Montpellier", "Nîmes", "Lyon", "Paris", "Marseille", "Bordeaux"};

    private DirectoryImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        Path file = Path.of(args.length > 1 ? args[1] : "target/benchmark/PS_LibreAcces_Personne_activite_" + rows + ".txt");
        if (!Files.exists(file) || Files.size(file) == 0) {
            long started = System.nanoTime();
            generate(file, rows);
            System.out.printf("Generated %s (%d rows, %.0f MB) in %.1f s%n", file, rows, Files.size(file) / 1e6,
                    (System.nanoTime() - started) / 1e9);
        }
        EmbeddedPostgres postgres = null;
        String url;
        if (args.length > 2) {
            url = args[2];
        } else {
            postgres = EmbeddedPostgres.builder().setServerConfig("max_wal_size", "2GB").start();
            url = postgres.getJdbcUrl("postgres", "postgres");
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("postgres");
        config.setPassword("postgres");
        config.setMaximumPoolSize(3);
        try (HikariDataSource dataSource = new HikariDataSource(config)) {
            Flyway.configure().dataSource(dataSource)
                    .locations("classpath:db/platform-support", "classpath:db/migration/identity-verification-service")
                    .cleanDisabled(false).load().migrate();
            run(dataSource, file, rows);
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    private static void run(DataSource dataSource, Path file, int rows) throws InterruptedException {
        DirectoryImportService imports = new DirectoryImportService(new PostgresDirectoryStore(dataSource, "128MB"),
                ImportPolicy.defaults(), Clock.systemUTC(), Runnable::run);
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        AtomicLong sampledPeak = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                sampledPeak.accumulateAndGet(used, Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        long started = System.nanoTime();
        ImportSummary summary = imports.importNow(ExtractionSource.of(file), ImportTrigger.OPERATOR, true);
        double seconds = (System.nanoTime() - started) / 1e9;
        sampler.interrupt();
        sampler.join();
        long poolPeaks = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        System.out.printf("%nImport %s: %d rows read, %d imported, %d rejected, encoding %s%n", summary.status(),
                summary.rowsRead(), summary.rowsImported(), summary.rowsRejected(), summary.encoding());
        System.out.printf("Wall time %.1f s (read + COPY + 3 indexes + ANALYZE + swap): %.0f rows/s (target >= 50,000)%n",
                seconds, summary.rowsImported() / seconds);
        System.out.printf("Max heap (-Xmx) %d MB; peak heap used: %d MB sampled, %d MB sum of pool peaks%n",
                Runtime.getRuntime().maxMemory() >> 20, sampledPeak.get() >> 20, poolPeaks >> 20);
        if (summary.status() != ImportStatus.COMPLETED || summary.rowsImported() != rows) {
            throw new IllegalStateException("Benchmark import did not complete: " + summary.failure());
        }
    }

    /** Professionals with one to three activities each, realistic column widths, every key computed. */
    static void generate(Path file, int rows) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Random random = new Random(42);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(String.join("|", ExtractionColumns.ALL));
            out.write("|\n");
            String[] values = new String[ExtractionColumns.ALL.size()];
            int written = 0;
            long professional = 0;
            while (written < rows) {
                professional++;
                String body = String.format("1%09d", professional);
                String rpps = body + Luhn.keyFor(body);
                String last = LAST_NAMES[random.nextInt(LAST_NAMES.length)];
                String first = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)];
                String[] profession = PROFESSIONS[random.nextInt(PROFESSIONS.length)];
                int activities = 1 + random.nextInt(3);
                for (int a = 0; a < activities && written < rows; a++, written++) {
                    java.util.Arrays.fill(values, "");
                    values[0] = "8";
                    values[1] = rpps;
                    values[2] = "8" + rpps;
                    values[3] = "DR";
                    values[4] = "Docteur";
                    values[5] = random.nextBoolean() ? "M" : "MME";
                    values[6] = "M".equals(values[5]) ? "Monsieur" : "Madame";
                    values[7] = last;
                    values[8] = first;
                    values[9] = profession[0];
                    values[10] = profession[1];
                    values[11] = "C";
                    values[12] = "Civil";
                    if ("10".equals(profession[0])) {
                        values[13] = "S";
                        values[14] = "Spécialité ordinale";
                        values[15] = "SM54";
                        values[16] = "Médecine générale";
                    }
                    boolean liberal = random.nextBoolean();
                    values[17] = liberal ? "L" : "S";
                    values[18] = liberal ? "Libéral, indépendant, artisan, commerçant" : "Salarié";
                    String siren = String.format("%08d", random.nextInt(100_000_000));
                    siren = siren + Luhn.keyFor(siren);
                    String nic = String.format("%04d", random.nextInt(10_000));
                    values[19] = siren + nic + Luhn.keyFor(siren + nic);
                    values[20] = siren;
                    if (!liberal) {
                        String finess = String.format("%02d%06d", 1 + random.nextInt(95), random.nextInt(1_000_000));
                        values[21] = finess + Luhn.keyFor(finess);
                        String legal = String.format("%02d%06d", 1 + random.nextInt(95), random.nextInt(1_000_000));
                        values[22] = legal + Luhn.keyFor(legal);
                    }
                    values[23] = "S" + values[19];
                    values[24] = liberal ? "CABINET DU DOCTEUR " + last : "CENTRE HOSPITALIER DE " + CITIES[random.nextInt(CITIES.length)];
                    values[28] = String.valueOf(1 + random.nextInt(200));
                    values[30] = "R";
                    values[31] = "Rue";
                    values[32] = "DES TRENTE-SIX PONTS";
                    values[35] = String.format("%05d", random.nextInt(100_000));
                    values[36] = values[35];
                    values[37] = CITIES[random.nextInt(CITIES.length)];
                    values[38] = "99000";
                    values[39] = "France";
                    values[40] = "0561000000";
                    values[43] = "secretariat@cabinet.example";
                    values[44] = values[35].substring(0, 2);
                    values[45] = "Département";
                    values[47] = "CNOM/CNOM/CNOM";
                    values[48] = liberal ? "SA07" : "SA01";
                    values[49] = liberal ? "Cabinet individuel" : "Etablissement public de santé";
                    values[52] = "FON-01";
                    values[53] = "Titulaire de cabinet";
                    values[54] = "GENR01";
                    values[55] = "Activité standard de soin ou de pharmacien";
                    out.write(String.join("|", values));
                    out.write("|\n");
                }
            }
        }
    }
}
