package fr.esante.medimail.backoffice.profession.persistence;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import fr.esante.medimail.backoffice.profession.ProfessionNames;

/** Table {@code profession_name}: one row per TRE_G15 code, the latest label received wins. */
@Repository
class JdbcProfessionNames implements ProfessionNames {

    private final JdbcClient jdbc;

    JdbcProfessionNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void learn(String code, String label) {
        if (code == null || code.isBlank() || label == null || label.isBlank()) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO profession_name (code, label) VALUES (:code, :label)
                        ON CONFLICT (code) DO UPDATE SET label = EXCLUDED.label
                        WHERE profession_name.label IS DISTINCT FROM EXCLUDED.label""")
                .param("code", code.strip()).param("label", label.strip()).update();
    }

    @Override
    public Map<String, String> all() {
        Map<String, String> labels = new LinkedHashMap<>();
        jdbc.sql("SELECT code, label FROM profession_name ORDER BY code")
                .query(rs -> {
                    labels.put(rs.getString("code"), rs.getString("label"));
                });
        return labels;
    }
}
