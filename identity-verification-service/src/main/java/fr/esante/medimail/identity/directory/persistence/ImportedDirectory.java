package fr.esante.medimail.identity.directory.persistence;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

import fr.esante.medimail.identity.directory.DirectoryAnswer;
import fr.esante.medimail.identity.directory.DirectorySource;
import fr.esante.medimail.identity.directory.PractitionerActivity;
import fr.esante.medimail.identity.directory.Professional;
import fr.esante.medimail.identity.directory.ProfessionalDirectory;
import fr.esante.medimail.identity.directory.Structure;
import fr.esante.medimail.identity.directory.StructureDirectory;
import fr.esante.medimail.identity.identifiers.IdentifierType;

/**
 * Look-ups in the imported directory. Each is one statement joining {@code directory_state}, so the rows
 * and the import id they are attributed to come from the same snapshot, even during a swap.
 */
public class ImportedDirectory implements ProfessionalDirectory, StructureDirectory {

    private final JdbcClient jdbc;

    public ImportedDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Row(Long importId, Professional professional, PractitionerActivity activity) {
    }

    @Override
    public DirectoryAnswer findProfessional(IdentifierType type, String identifier) {
        String nationalId = (type == IdentifierType.RPPS ? "8" : "0") + identifier;
        List<Row> rows = jdbc.sql("""
                        SELECT s.current_import_id, a.* FROM directory_state s
                        LEFT JOIN directory_activity a ON a.national_id = :nationalId
                        ORDER BY a.line_number""")
                .param("nationalId", nationalId)
                .query((rs, n) -> {
                    long importId = rs.getLong("current_import_id");
                    Long current = rs.wasNull() ? null : importId;
                    if (rs.getString("national_id") == null) {
                        return new Row(current, null, null);
                    }
                    Professional professional = new Professional("8".equals(rs.getString("identifier_type")) ? "RPPS" : "ADELI",
                            rs.getString("identifier"), rs.getString("civility_code"), rs.getString("last_name"),
                            rs.getString("first_name"), true, List.of());
                    PractitionerActivity activity = new PractitionerActivity(rs.getString("profession_code"),
                            rs.getString("profession_label"), rs.getString("category_code"), rs.getString("skill_type_code"),
                            rs.getString("skill_code"), rs.getString("skill_label"), rs.getString("practice_mode_code"),
                            rs.getString("practice_mode_label"), rs.getString("siret"), rs.getString("siren"),
                            rs.getString("finess_site"), rs.getString("finess_legal"),
                            firstNonNull(rs.getString("structure_name"), rs.getString("trade_name")),
                            rs.getString("postal_code"), rs.getString("city"), rs.getLong("line_number"));
                    return new Row(current, professional, activity);
                })
                .list();
        Long importId = rows.isEmpty() ? null : rows.get(0).importId();
        if (importId == null) {
            return new DirectoryAnswer.Unavailable(DirectorySource.IMPORTED_DIRECTORY, "no directory has been imported yet");
        }
        if (rows.get(0).professional() == null) {
            return new DirectoryAnswer.NotFound(DirectorySource.IMPORTED_DIRECTORY, importId);
        }
        // The extraction file lists practising professionals only: being in it is being active.
        Professional first = rows.get(0).professional();
        List<PractitionerActivity> activities = new ArrayList<>();
        rows.forEach(row -> activities.add(row.activity()));
        return new DirectoryAnswer.Found(new Professional(first.identifierType(), first.identifier(), first.civilityCode(),
                first.lastName(), first.firstName(), true, activities), DirectorySource.IMPORTED_DIRECTORY, importId);
    }

    @Override
    public StructureAnswer findFiness(String finess) {
        List<StructureAnswer> answers = jdbc.sql("""
                        SELECT s.current_import_id, a.* FROM directory_state s
                        LEFT JOIN LATERAL (
                            SELECT finess_site, finess_legal, structure_name, trade_name, siret, postal_code, city
                            FROM directory_activity WHERE finess_site = :finess OR finess_legal = :finess
                            ORDER BY (finess_site = :finess) DESC, line_number LIMIT 1) a ON true""")
                .param("finess", finess)
                .query((rs, n) -> {
                    long importId = rs.getLong("current_import_id");
                    if (rs.wasNull()) {
                        return (StructureAnswer) new StructureAnswer.Unavailable("no directory has been imported yet");
                    }
                    if (rs.getString("finess_site") == null && rs.getString("finess_legal") == null) {
                        return new StructureAnswer.Unknown(importId);
                    }
                    boolean site = finess.equals(rs.getString("finess_site"));
                    return new StructureAnswer.Known(new Structure(finess, site,
                            site ? firstNonNull(rs.getString("structure_name"), rs.getString("trade_name")) : null,
                            site ? rs.getString("siret") : null, site ? rs.getString("postal_code") : null,
                            site ? rs.getString("city") : null), importId);
                })
                .list();
        return answers.get(0);
    }

    private static String firstNonNull(String first, String second) {
        return first != null ? first : second;
    }
}
