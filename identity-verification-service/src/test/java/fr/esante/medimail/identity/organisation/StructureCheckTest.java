package fr.esante.medimail.identity.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import fr.esante.medimail.identity.directory.Structure;
import fr.esante.medimail.identity.directory.StructureDirectory;
import fr.esante.medimail.identity.directory.StructureDirectory.StructureAnswer;

class StructureCheckTest {

    /** The sample directory's knowledge: 310000013 is a site, the rest is unknown. */
    private final StructureDirectory directory = finess -> finess.equals("310000013")
            ? new StructureAnswer.Known(new Structure("310000013", true, "CENTRE HOSPITALIER FICTIF", null, "31059", "TOULOUSE"), 1L)
            : new StructureAnswer.Unknown(1L);
    private final StructureCheck check = new StructureCheck(directory);

    @Test
    void aKnownFinessIsAcceptedWithItsName() {
        var verdict = check.check("FINESS", "31 000 001 3");

        assertThat(verdict.accepted()).isTrue();
        assertThat(verdict.normalised()).isEqualTo("310000013");
        assertThat(verdict.structureName()).isEqualTo("CENTRE HOSPITALIER FICTIF");
    }

    @Test
    void aWellFormedFinessUnknownToTheDirectoryIsRefusedInFrench() {
        var verdict = check.check("FINESS", "310000021");

        assertThat(verdict.accepted()).isFalse();
        assertThat(verdict.reason()).isEqualTo("STRUCTURE_NOT_FOUND");
        assertThat(verdict.detail()).contains("annuaire santé national");
    }

    @Test
    void aWrongKeyIsRefusedForFinessAndSiret() {
        assertThat(check.check("FINESS", "310000014").reason()).isEqualTo("INVALID_CHECK_DIGIT");
        var siret = check.check("SIRET", "73282932000075");
        assertThat(siret.reason()).isEqualTo("INVALID_CHECK_DIGIT");
        assertThat(siret.detail()).isEqualTo("Le numéro de la structure n'est pas valide : sa clé de contrôle est incorrecte.");
    }

    @Test
    void aSiretWithAValidKeyIsAcceptedIncludingLaPoste() {
        assertThat(check.check("SIRET", "73282932000074").accepted()).isTrue();
        assertThat(check.check("SIRET", "35600000009075").accepted()).isTrue();
    }

    @Test
    void onlyFinessAndSiretIdentifyAStructure() {
        assertThat(check.check("RPPS", "10000001916").reason()).isEqualTo("UNKNOWN_TYPE");
        assertThat(check.check("SIREN", "404833048").reason()).isEqualTo("UNKNOWN_TYPE");
    }

    @Test
    void whenTheDirectoryCannotAnswerAWellFormedFinessGoesToStaffWithoutName() {
        var verdict = new StructureCheck(finess -> new StructureAnswer.Unavailable("down")).check("FINESS", "340000017");

        assertThat(verdict.accepted()).isTrue();
        assertThat(verdict.structureName()).isNull();
    }
}
