package fr.esante.medimail.registration.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class AccountTest {

    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final MssAddress ADDRESS = new MssAddress("jean.durand@medecin.oc.mssante.fr", "PER");
    private static final Rejection NOT_FOUND = RejectionMessages.identityRejected("NOT_FOUND");

    @Test
    void confirmationConsumesTheTokenAndRefusesAnExpiredOne() {
        Account account = requested();
        account.confirmEmail(T0.plus(Duration.ofHours(1)));
        assertThat(account.status()).isEqualTo(AccountStatus.EMAIL_CONFIRMED);
        assertThat(account.confirmationTokenHash()).isNull();
        assertThatThrownBy(() -> account.confirmEmail(T0)).isInstanceOf(Refusal.class).hasFieldOrPropertyWithValue("code", "TOKEN_INVALID");

        Account late = requested();
        assertThatThrownBy(() -> late.confirmEmail(T0.plus(Duration.ofHours(24))))
                .isInstanceOf(Refusal.class).hasFieldOrPropertyWithValue("code", "TOKEN_EXPIRED");
        assertThat(late.status()).isEqualTo(AccountStatus.EMAIL_CONFIRMATION_PENDING);
    }

    @Test
    void anUnconfirmedAccountGetsANewTokenThatReplacesTheOldOneButAConfirmedOneDoesNot() {
        Account account = requested();
        Instant later = T0.plus(Duration.ofHours(30));
        assertThat(account.renewConfirmation("b".repeat(64), later.plus(Duration.ofHours(24)), later)).isTrue();
        assertThat(account.confirmationTokenHash()).isEqualTo("b".repeat(64));
        assertThat(account.confirmationExpiresAt()).isEqualTo(later.plus(Duration.ofHours(24)));
        assertThat(account.status()).isEqualTo(AccountStatus.EMAIL_CONFIRMATION_PENDING);
        account.confirmEmail(later.plusSeconds(60));
        assertThat(account.status()).isEqualTo(AccountStatus.EMAIL_CONFIRMED);

        assertThat(account.renewConfirmation("c".repeat(64), later.plus(Duration.ofHours(48)), later)).isFalse();
        assertThat(account.confirmationTokenHash()).isNull();
        assertThat(account.status()).isEqualTo(AccountStatus.EMAIL_CONFIRMED);
    }

    @Test
    void aProfileIsExpectedOnlyAfterConfirmationOrAnIdentityRejection() {
        Account account = requested();
        assertThatThrownBy(() -> account.submitProfile(profile(), T0)).isInstanceOf(Refusal.class)
                .hasFieldOrPropertyWithValue("kind", Refusal.Kind.CONFLICT);
        account.confirmEmail(T0);
        account.submitProfile(profile(), T0);
        assertThat(account.status()).isEqualTo(AccountStatus.IDENTITY_CHECK_PENDING);
        assertThatThrownBy(() -> account.submitProfile(profile(), T0)).isInstanceOf(Refusal.class);

        assertThat(account.identityRejected(NOT_FOUND, T0)).isTrue();
        assertThat(account.rejection()).isEqualTo(NOT_FOUND);
        account.submitProfile(profile(), T0);
        assertThat(account.status()).isEqualTo(AccountStatus.IDENTITY_CHECK_PENDING);
        assertThat(account.rejection()).isNull();
    }

    @Test
    void eventsThatComeTooLateAreIgnored() {
        Account account = withProfile();
        assertThat(account.mssAddressAssigned(ADDRESS, T0)).isTrue();
        assertThat(account.status()).isEqualTo(AccountStatus.VALIDATION_PENDING);
        assertThat(account.identityRejected(NOT_FOUND, T0)).isFalse();
        assertThat(account.mssAddressAssigned(ADDRESS, T0)).isFalse();
        assertThat(account.validated(ADDRESS, T0)).isTrue();

        assertThat(account.identityRejected(NOT_FOUND, T0)).isFalse();
        assertThat(account.mssAddressRefused(RejectionMessages.addressRefused("UNKNOWN_PROFESSION"), T0)).isFalse();
        assertThat(account.rejectedByStaff(RejectionMessages.rejectedByReviewer("non"), T0)).isFalse();
        assertThat(account.status()).isEqualTo(AccountStatus.VALIDATED);
        assertThat(account.mssAddress()).isEqualTo(ADDRESS);
        assertThat(account.rejection()).isNull();
    }

    @Test
    void aValidationSeenBeforeTheAddressAssignmentCarriesTheAddress() {
        Account account = withProfile();
        assertThat(account.validated(ADDRESS, T0)).isTrue();
        assertThat(account.mssAddressAssigned(new MssAddress("other@x.mssante.fr", "PER"), T0)).isFalse();
        assertThat(account.mssAddress()).isEqualTo(ADDRESS);
    }

    @Test
    void aRejectedAccountCorrectsItsProfileAndIsCheckedAgain() {
        Account refused = withProfile();
        assertThat(refused.mssAddressRefused(RejectionMessages.addressRefused("NAME_NOT_REPRESENTABLE"), T0)).isTrue();
        assertThat(refused.status()).isEqualTo(AccountStatus.REJECTED);
        assertThat(refused.validated(ADDRESS, T0)).isFalse();
        assertThat(RejectionMessages.addressRefused("SOMETHING_ELSE").message()).contains("centre de services");

        refused.submitProfile(profile(), T0.plusSeconds(60));
        assertThat(refused.status()).isEqualTo(AccountStatus.IDENTITY_CHECK_PENDING);
        assertThat(refused.rejection()).isNull();

        assertThat(refused.mssAddressAssigned(ADDRESS, T0)).isTrue();
        assertThat(refused.rejectedByStaff(RejectionMessages.rejectedByReviewer("Pièce illisible"), T0)).isTrue();
        refused.submitProfile(profile(), T0.plusSeconds(120));
        assertThat(refused.status()).isEqualTo(AccountStatus.IDENTITY_CHECK_PENDING);
    }

    @Test
    void aValidatedIntMailboxBecomesPerKeepingItsAddressOnceItsRppsIsVerified() {
        Account account = requested();
        account.confirmEmail(T0);
        account.submitProfile(new ProfessionalProfile(ProfilePath.FOREIGN_OR_IN_TRAINING, IdentifierType.FINESS, "310000013",
                "10", null, false, "0561000000", null, address(), null, null, true, true), T0);
        MssAddress intAddress = new MssAddress("jean.durand@medecin.oc.mssante.fr", "INT");
        assertThat(account.mssAddressAssigned(intAddress, T0)).isTrue();
        assertThat(account.validated(intAddress, T0)).isTrue();

        account.submitProfile(profile(), T0.plusSeconds(60));
        assertThat(account.status()).as("the mailbox keeps working meanwhile").isEqualTo(AccountStatus.VALIDATED);
        assertThat(account.profile().identifierType()).isEqualTo(IdentifierType.RPPS);
        assertThat(account.identityRejected(NOT_FOUND, T0)).as("shown, the mailbox stays INT").isTrue();
        assertThat(account.status()).isEqualTo(AccountStatus.VALIDATED);
        assertThat(account.mssAddress()).isEqualTo(intAddress);

        assertThat(account.mssAddressAssigned(new MssAddress("other@medecin.oc.mssante.fr", "PER"), T0)).isFalse();
        assertThat(account.mssAddressAssigned(new MssAddress(intAddress.address(), "PER"), T0)).isTrue();
        assertThat(account.status()).isEqualTo(AccountStatus.VALIDATED);
        assertThat(account.mssAddress()).isEqualTo(new MssAddress(intAddress.address(), "PER"));
        assertThat(account.rejection()).isNull();
        assertThatThrownBy(() -> account.submitProfile(profile(), T0)).as("a PER account has nothing to upgrade")
                .isInstanceOf(Refusal.class);
    }

    @Test
    void aProfileKeepsItsPathAndIdentifierConsistent() {
        assertThatThrownBy(() -> new ProfessionalProfile(ProfilePath.NATIONAL_ID, IdentifierType.SIRET, "73282932000074",
                "21", null, false, "0561000000", null, address(), null, null, true, true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Account requested() {
        return Account.requested(UUID.randomUUID(), "jean.durand@example.org", "DURAND", "Jean", "76", "$2a$10$hash",
                "a".repeat(64), T0.plus(Duration.ofHours(24)), T0);
    }

    private static Account withProfile() {
        Account account = requested();
        account.confirmEmail(T0);
        account.submitProfile(profile(), T0);
        return account;
    }

    private static ProfessionalProfile profile() {
        return new ProfessionalProfile(ProfilePath.NATIONAL_ID, IdentifierType.RPPS, "99800000012", "10", "SM54", true,
                "0561000000", null, address(), null, null, true, true);
    }

    private static PostalAddress address() {
        return new PostalAddress("10 rue des Trente-six Ponts", "31400", "Toulouse", "76", "31");
    }
}
