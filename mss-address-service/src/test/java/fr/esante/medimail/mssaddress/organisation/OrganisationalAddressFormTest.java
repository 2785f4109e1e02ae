package fr.esante.medimail.mssaddress.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.esante.medimail.mssaddress.derivation.MssAddress;

class OrganisationalAddressFormTest {

    private final OrganisationalAddressForm form = new OrganisationalAddressForm("oc");

    @Test
    void theLabelBecomesTheLocalPartAndTheStructureTheDomain() {
        assertThat(form.address("Secrétariat cardiologie", "FINESS", "010780195", 1).address())
                .isEqualTo("secretariat-cardiologie@finess-010780195.oc.mssante.fr");
        assertThat(form.address("Accueil", "SIRET", "73282932000074", 1).address())
                .isEqualTo("accueil@siret-73282932000074.oc.mssante.fr");
    }

    @Test
    void accentsLigaturesApostrophesAndCorsicanFinessAreWrittenInAscii() {
        assertThat(form.address("Unité d'Œnologie  Médicale", "FINESS", "2A0000019", 1).address())
                .isEqualTo("unite-doenologie-medicale@finess-2a0000019.oc.mssante.fr");
    }

    @Test
    void aLabelWithNoUsableLetterGetsContact() {
        assertThat(form.address("☎ 24/24", "FINESS", "010780195", 1).localPart()).isEqualTo("contact");
    }

    @Test
    void aLongLabelIsCutAfterAWholeWordAndTheSuffixStaysWithin64Characters() {
        String label = "Service de consultation pluridisciplinaire de pathologie professionnelle et environnementale";
        String rank1 = form.address(label, "FINESS", "010780195", 1).localPart();
        String rank12 = form.address(label, "FINESS", "010780195", 12).localPart();

        assertThat(rank1).hasSizeLessThanOrEqualTo(64).isEqualTo("service-de-consultation-pluridisciplinaire-de-pathologie");
        assertThat(rank12).hasSizeLessThanOrEqualTo(64).endsWith("12").doesNotContain("-12");
        String oneWord = "a".repeat(80);
        assertThat(form.address(oneWord, "SIRET", "73282932000074", 2).localPart()).isEqualTo("a".repeat(63) + "2");
    }

    @Test
    void theSameLabelForTheSameStructureGetsTheNextRankAndARequestKeepsItsAddress() {
        InMemory register = new InMemory();
        OrganisationalAddressAssignment assignment = new OrganisationalAddressAssignment(form, register);
        var first = new OrganisationalAddressRequest(UUID.randomUUID(), UUID.randomUUID(), "Accueil", "FINESS", "010780195");
        var second = new OrganisationalAddressRequest(UUID.randomUUID(), UUID.randomUUID(), "ACCUEIL", "FINESS", "010780195");
        var elsewhere = new OrganisationalAddressRequest(UUID.randomUUID(), UUID.randomUUID(), "Accueil", "SIRET", "73282932000074");

        assertThat(assignment.assign(first).address()).isEqualTo("accueil@finess-010780195.oc.mssante.fr");
        assertThat(assignment.assign(second).address()).isEqualTo("accueil2@finess-010780195.oc.mssante.fr");
        assertThat(assignment.assign(first).address()).as("delivered again").isEqualTo("accueil@finess-010780195.oc.mssante.fr");
        assertThat(assignment.assign(elsewhere).address()).isEqualTo("accueil@siret-73282932000074.oc.mssante.fr");
    }

    /** The register's contract (unique request, unique address) without a database. */
    static final class InMemory implements IssuedOrganisationalAddresses {
        private final Map<UUID, MssAddress> byRequest = new HashMap<>();
        private final Map<String, Integer> ranks = new HashMap<>();

        @Override
        public Optional<MssAddress> findByRequest(UUID requestId) {
            return Optional.ofNullable(byRequest.get(requestId));
        }

        @Override
        public boolean issueIfFree(UUID requestId, UUID owner, MssAddress address, String nameKey, int rank) {
            if (byRequest.containsKey(requestId) || byRequest.containsValue(address)) {
                return false;
            }
            byRequest.put(requestId, address);
            ranks.merge(address.domain() + "|" + nameKey, rank, Math::max);
            return true;
        }

        @Override
        public int highestRank(String domain, String nameKey) {
            return ranks.getOrDefault(domain + "|" + nameKey, 0);
        }
    }
}
