package fr.esante.medimail.mssaddress.assignment.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.zaxxer.hikari.HikariDataSource;

import fr.esante.medimail.mssaddress.assignment.IssuedAddress;
import fr.esante.medimail.mssaddress.assignment.MailboxType;
import fr.esante.medimail.mssaddress.derivation.MssAddress;
import fr.esante.medimail.mssaddress.MssAddressApplication;
import fr.esante.medimail.testsupport.TestDatabases;

/** The register's guarantees as the database itself enforces them, whoever writes to the table. */
class JdbcIssuedAddressesIT {

    private static HikariDataSource dataSource;
    private static JdbcClient jdbc;
    private static JdbcIssuedAddresses register;

    @BeforeAll
    static void connect() {
        dataSource = TestDatabases.pool(TestDatabases.serviceDatabase(MssAddressApplication.NAME), "register-test", 2);
        jdbc = JdbcClient.create(dataSource);
        register = new JdbcIssuedAddresses(jdbc);
    }

    @AfterAll
    static void disconnect() {
        TestDatabases.close(dataSource);
    }

    @Test
    void recordsAnAddressAndFindsItByAccount() {
        IssuedAddress issued = issued(UUID.randomUUID(), unique("jean.durand"), 1, MailboxType.INT);

        assertThat(register.issueIfFree(issued)).isTrue();

        assertThat(register.findByAccount(issued.accountId())).contains(issued);
        assertThat(register.findByAccount(UUID.randomUUID())).isEmpty();
    }

    @Test
    void refusesAnAddressAlreadyHeldAndASecondAddressForAnAccount() {
        String localPart = unique("marie.martin");
        IssuedAddress first = issued(UUID.randomUUID(), localPart, 1, MailboxType.PER);
        register.issueIfFree(first);

        assertThat(register.issueIfFree(issued(UUID.randomUUID(), localPart, 1, MailboxType.PER))).isFalse();
        assertThat(register.issueIfFree(issued(first.accountId(), localPart + "2", 2, MailboxType.PER))).isFalse();
        assertThat(register.findByAccount(first.accountId())).contains(first);
    }

    @Test
    void knowsTheHighestHomonymRankOfANameOnADomain() {
        String stem = unique("yves.le-gall");
        assertThat(register.highestRank("infirmier.oc.mssante.fr", stem)).isZero();
        register.issueIfFree(issued(UUID.randomUUID(), stem, 1, MailboxType.PER));
        register.issueIfFree(issued(UUID.randomUUID(), stem + "2", 2, MailboxType.PER));

        assertThat(register.highestRank("infirmier.oc.mssante.fr", stem)).isEqualTo(2);
        assertThat(register.highestRank("medecin.oc.mssante.fr", stem)).isZero();
    }

    @Test
    void upgradesIntToPerButNeverBack() {
        IssuedAddress issued = issued(UUID.randomUUID(), unique("elodie.darcy"), 1, MailboxType.INT);
        register.issueIfFree(issued);

        register.changeMailboxType(issued.accountId(), MailboxType.PER);

        assertThat(register.findByAccount(issued.accountId())).get().extracting(IssuedAddress::mailboxType)
                .isEqualTo(MailboxType.PER);
        assertThatThrownBy(() -> register.changeMailboxType(issued.accountId(), MailboxType.INT))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("cannot go back");
    }

    @Test
    void theDatabaseRefusesToDeleteOrRepointAnIssuedAddress() {
        IssuedAddress issued = issued(UUID.randomUUID(), unique("francois.oeuvray"), 1, MailboxType.PER);
        register.issueIfFree(issued);

        assertThatThrownBy(() -> jdbc.sql("DELETE FROM issued_address WHERE account_id = :id")
                .param("id", issued.accountId()).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("permanent");
        assertThatThrownBy(() -> jdbc.sql("UPDATE issued_address SET account_id = :other WHERE account_id = :id")
                .param("other", UUID.randomUUID()).param("id", issued.accountId()).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("cannot be changed");
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE issued_address").update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("permanent");
        assertThat(register.findByAccount(issued.accountId())).contains(issued);
    }

    private static IssuedAddress issued(UUID account, String localPart, int rank, MailboxType type) {
        String nameKey = rank == 1 ? localPart : localPart.substring(0, localPart.length() - String.valueOf(rank).length());
        return new IssuedAddress(account, new MssAddress(localPart, "infirmier.oc.mssante.fr"), nameKey, rank, type);
    }

    /** Tests share the database: every name is made unique with letters (digits would read as a rank). */
    private static String unique(String localPart) {
        StringBuilder letters = new StringBuilder();
        UUID.randomUUID().toString().chars().filter(Character::isLetter).limit(8).forEach(c -> letters.append((char) c));
        return localPart + "-" + letters;
    }
}
