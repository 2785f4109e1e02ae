package fr.esante.medimail.mssaddress.assignment.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.zaxxer.hikari.HikariDataSource;

import fr.esante.medimail.mssaddress.assignment.AddressAssignment;
import fr.esante.medimail.mssaddress.assignment.AssignmentOutcome;
import fr.esante.medimail.mssaddress.assignment.AssignmentRequest;
import fr.esante.medimail.mssaddress.assignment.MailboxType;
import fr.esante.medimail.mssaddress.derivation.TreG15;
import fr.esante.medimail.mssaddress.MssAddressApplication;
import fr.esante.medimail.testsupport.TestDatabases;

/**
 * Many homonyms at once, on the real PostgreSQL, through two "service instances" that share nothing but the
 * database (each its own connection pool, transaction manager and assignment), each call in its own
 * transaction as the event consumer runs it. Every account must end with its own address, none given twice.
 */
class ConcurrentAssignmentIT {

    private static final int ACCOUNTS = 40;

    private static HikariDataSource instanceA;
    private static HikariDataSource instanceB;

    @BeforeAll
    static void startInstances() {
        instanceA = TestDatabases.pool(TestDatabases.serviceDatabase(MssAddressApplication.NAME), "instance-a", 8);
        instanceB = TestDatabases.pool(TestDatabases.serviceDatabase(MssAddressApplication.NAME), "instance-b", 8);
    }

    @AfterAll
    static void stopInstances() {
        TestDatabases.close(instanceA);
        TestDatabases.close(instanceB);
    }

    @Test
    void homonymsAssignedAtTheSameTimeOnTwoInstancesAllGetDistinctAddresses() throws Exception {
        String lastName = "Durand-" + randomLetters(10);
        String stem = "jean-baptiste." + lastName.toLowerCase();
        List<UUID> accounts = IntStream.range(0, ACCOUNTS).mapToObj(i -> UUID.randomUUID()).toList();
        Instance a = new Instance(instanceA);
        Instance b = new Instance(instanceB);

        // Every account is asked for twice, once on each instance, as a redelivery racing the first delivery would.
        List<Callable> calls = new ArrayList<>();
        for (UUID account : accounts) {
            AssignmentRequest request = new AssignmentRequest(account, "Jean-Baptiste", lastName, "10", MailboxType.PER);
            calls.add(new Callable(a, request));
            calls.add(new Callable(b, request));
        }
        List<AssignmentOutcome> outcomes = runAllAtOnce(calls);

        Map<UUID, Set<String>> addressesByAccount = outcomes.stream().collect(Collectors.groupingBy(
                AssignmentOutcome::accountId, Collectors.mapping(ConcurrentAssignmentIT::address, Collectors.toSet())));
        assertThat(addressesByAccount).hasSize(ACCOUNTS);
        assertThat(addressesByAccount.values()).as("both deliveries for an account give the same address")
                .allSatisfy(addresses -> assertThat(addresses).hasSize(1));
        Set<String> issued = addressesByAccount.values().stream().map(s -> s.iterator().next()).collect(Collectors.toSet());
        Set<String> expected = IntStream.rangeClosed(1, ACCOUNTS)
                .mapToObj(rank -> stem + (rank == 1 ? "" : rank) + "@medecin.oc.mssante.fr").collect(Collectors.toSet());
        assertThat(issued).as("distinct addresses, ranks 1 to " + ACCOUNTS + " without gaps").isEqualTo(expected);

        JdbcClient jdbc = JdbcClient.create(instanceA);
        assertThat(jdbc.sql("SELECT count(*) FROM issued_address WHERE name_key = :stem").param("stem", stem)
                .query(Integer.class).single()).isEqualTo(ACCOUNTS);
        assertThat(jdbc.sql("SELECT count(DISTINCT address) FROM issued_address WHERE name_key = :stem").param("stem", stem)
                .query(Integer.class).single()).isEqualTo(ACCOUNTS);
        assertThat(a.published.size() + b.published.size()).as("one announcement per delivery").isEqualTo(2 * ACCOUNTS);
    }

    @Test
    void differentNamesDoNotWaitForEachOtherAndHomonymsStillGetDistinctAddresses() throws Exception {
        String suffix = randomLetters(8);
        List<String> lastNames = List.of("Martin-" + suffix, "Bernard-" + suffix, "Le Gall-" + suffix);
        Instance a = new Instance(instanceA);
        Instance b = new Instance(instanceB);
        List<Callable> calls = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            AssignmentRequest request = new AssignmentRequest(UUID.randomUUID(), "Marie", lastNames.get(i % 3),
                    i % 2 == 0 ? "60" : "10", i % 4 == 0 ? MailboxType.INT : MailboxType.PER);
            calls.add(new Callable(i % 2 == 0 ? a : b, request));
        }

        List<String> addresses = runAllAtOnce(calls).stream().map(ConcurrentAssignmentIT::address).toList();

        assertThat(addresses).hasSize(30).doesNotHaveDuplicates();
    }

    private static List<AssignmentOutcome> runAllAtOnce(List<Callable> calls) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch ready = new CountDownLatch(calls.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<AssignmentOutcome>> futures = new ArrayList<>();
            for (Callable call : calls) {
                futures.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    return call.run();
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<AssignmentOutcome> outcomes = new ArrayList<>();
            for (Future<AssignmentOutcome> future : futures) {
                outcomes.add(future.get(60, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            threads.shutdownNow();
        }
    }

    private static String address(AssignmentOutcome outcome) {
        assertThat(outcome).isInstanceOf(AssignmentOutcome.Assigned.class);
        return ((AssignmentOutcome.Assigned) outcome).issued().address().address();
    }

    private static String randomLetters(int length) {
        return ThreadLocalRandom.current().ints(length, 'a', 'z' + 1)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    /** What one service instance holds: its pool, its transactions, its assignment. */
    private static final class Instance {

        final ConcurrentLinkedQueue<AssignmentOutcome> published = new ConcurrentLinkedQueue<>();
        final TransactionTemplate transactions;
        final AddressAssignment assignment;

        Instance(HikariDataSource dataSource) {
            this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
            this.assignment = new AddressAssignment(TreG15.derivation(),
                    new JdbcIssuedAddresses(JdbcClient.create(dataSource)), published::add);
        }
    }

    private record Callable(Instance instance, AssignmentRequest request) {

        AssignmentOutcome run() {
            return instance.transactions.execute(status -> instance.assignment.assign(request));
        }
    }
}
