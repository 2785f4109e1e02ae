package fr.esante.medimail.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** The local stack's PostgreSQL keeps what it acknowledged across an operating-system crash (issue 13). */
class PostgresDurabilityIT {

    @Test
    void withADataDirectoryEveryCommitIsFlushedToDisk(@TempDir Path data) throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedInfrastructure.startPostgres(
                new EmbeddedInfrastructure.Settings(0, null, 0, data.resolve("pg"), true, 0, 0))) {
            assertThat(setting(postgres, "fsync")).isEqualTo("on");
            assertThat(setting(postgres, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(postgres, "full_page_writes")).isEqualTo("on");
        }
    }

    @Test
    void testDatabasesThrownAwayWithTheJvmKeepTheFastSettings() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedInfrastructure.startPostgres(EmbeddedInfrastructure.Settings.forTests())) {
            assertThat(setting(postgres, "fsync")).isEqualTo("off");
        }
    }

    private static String setting(EmbeddedPostgres postgres, String name) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SHOW " + name)) {
            result.next();
            return result.getString(1);
        }
    }
}
