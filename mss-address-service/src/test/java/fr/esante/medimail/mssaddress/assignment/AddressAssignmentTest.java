package fr.esante.medimail.mssaddress.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.esante.medimail.mssaddress.derivation.MssAddress;
import fr.esante.medimail.mssaddress.derivation.RefusalReason;
import fr.esante.medimail.mssaddress.derivation.TreG15;

class AddressAssignmentTest {

    private final InMemoryIssuedAddresses register = new InMemoryIssuedAddresses();
    private final List<AssignmentOutcome> published = new ArrayList<>();
    private final AddressAssignment assignment =
            new AddressAssignment(TreG15.derivation(), register, published::add);

    @Test
    void givesTheDerivedAddressWhenItIsFree() {
        AssignmentOutcome outcome = assignment.assign(request(UUID.randomUUID(), "Marie-Hélène", "DUPONT-MARTIN", "21", MailboxType.PER));

        IssuedAddress issued = assigned(outcome).issued();
        assertThat(issued.address().address()).isEqualTo("marie-helene.dupont-martin@pharmacien.oc.mssante.fr");
        assertThat(issued.mailboxType()).isEqualTo(MailboxType.PER);
        assertThat(assigned(outcome).newlyIssued()).isTrue();
        assertThat(published).containsExactly(outcome);
    }

    @Test
    void numbersHomonymsInTheOrderTheyArrive() {
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            addresses.add(address(assignment.assign(request(UUID.randomUUID(), "Jean", "DURAND", "10", MailboxType.PER))));
        }

        assertThat(addresses).containsExactly("jean.durand@medecin.oc.mssante.fr", "jean.durand2@medecin.oc.mssante.fr",
                "jean.durand3@medecin.oc.mssante.fr", "jean.durand4@medecin.oc.mssante.fr");
    }

    @Test
    void homonymsOfAnotherProfessionLiveOnAnotherDomain() {
        assignment.assign(request(UUID.randomUUID(), "Jean", "DURAND", "10", MailboxType.PER));

        assertThat(address(assignment.assign(request(UUID.randomUUID(), "Jean", "Durand", "21", MailboxType.PER))))
                .isEqualTo("jean.durand@pharmacien.oc.mssante.fr");
    }

    @Test
    void spellingVariantsOfOneNameAreHomonyms() {
        assignment.assign(request(UUID.randomUUID(), "Élodie", "D'ARCY", "70", MailboxType.PER));

        assertThat(address(assignment.assign(request(UUID.randomUUID(), "elodie", "Darcy", "70", MailboxType.PER))))
                .isEqualTo("elodie.darcy2@masseur-kinesitherapeute.oc.mssante.fr");
    }

    @Test
    void givesAnAccountThatAsksAgainTheAddressItHolds() {
        UUID account = UUID.randomUUID();
        assignment.assign(request(account, "Yves", "LE GALL", "60", MailboxType.PER));
        assignment.assign(request(UUID.randomUUID(), "Yves", "LE GALL", "60", MailboxType.PER));

        AssignmentOutcome again = assignment.assign(request(account, "Yves", "LE GALL", "60", MailboxType.PER));

        assertThat(address(again)).isEqualTo("yves.le-gall@infirmier.oc.mssante.fr");
        assertThat(assigned(again).newlyIssued()).isFalse();
        assertThat(published).hasSize(3).last().isEqualTo(again);
    }

    @Test
    void keepsTheAddressWhenTheAccountAsksAgainWithAnotherIdentity() {
        UUID account = UUID.randomUUID();
        assignment.assign(request(account, "Anne-Sophie", "BENOÎT", "50", MailboxType.PER));

        assertThat(address(assignment.assign(request(account, "Anne", "Benoit-Martin", "10", MailboxType.PER))))
                .isEqualTo("anne-sophie.benoit@sage-femme.oc.mssante.fr");
        assertThat(address(assignment.assign(request(account, "李", "Benoit", "93", MailboxType.PER))))
                .isEqualTo("anne-sophie.benoit@sage-femme.oc.mssante.fr");
    }

    @Test
    void upgradesAnIntMailboxToPerAndKeepsItsAddress() {
        UUID account = UUID.randomUUID();
        AssignmentOutcome first = assignment.assign(request(account, "François", "ŒUVRAY", "40", MailboxType.INT));

        AssignmentOutcome verified = assignment.assign(request(account, "François", "ŒUVRAY", "40", MailboxType.PER));

        assertThat(assigned(first).issued().mailboxType()).isEqualTo(MailboxType.INT);
        assertThat(assigned(verified).issued().mailboxType()).isEqualTo(MailboxType.PER);
        assertThat(address(verified)).isEqualTo(address(first)).isEqualTo("francois.oeuvray@chirurgien-dentiste.oc.mssante.fr");
        assertThat(register.findByAccount(account)).get().extracting(IssuedAddress::mailboxType).isEqualTo(MailboxType.PER);
    }

    @Test
    void neverTurnsAPerMailboxBackIntoInt() {
        UUID account = UUID.randomUUID();
        assignment.assign(request(account, "Jean", "Durand", "10", MailboxType.PER));

        AssignmentOutcome later = assignment.assign(request(account, "Jean", "Durand", "10", MailboxType.INT));

        assertThat(assigned(later).issued().mailboxType()).isEqualTo(MailboxType.PER);
    }

    @Test
    void refusesAnUnknownProfessionAndRecordsNothing() {
        UUID account = UUID.randomUUID();

        AssignmentOutcome outcome = assignment.assign(request(account, "Jean", "Durand", "93", MailboxType.PER));

        assertThat(outcome).isInstanceOfSatisfying(AssignmentOutcome.Refused.class, refused -> {
            assertThat(refused.reason()).isEqualTo(RefusalReason.UNKNOWN_PROFESSION);
            assertThat(refused.accountId()).isEqualTo(account);
            assertThat(refused.detail()).contains("« 93 »");
        });
        assertThat(published).containsExactly(outcome);
        assertThat(register.findByAccount(account)).isEmpty();
    }

    @Test
    void refusesANameWithoutRepresentableLetter() {
        AssignmentOutcome outcome = assignment.assign(request(UUID.randomUUID(), "Jean", "'-'", "10", MailboxType.PER));

        assertThat(outcome).isInstanceOfSatisfying(AssignmentOutcome.Refused.class,
                refused -> assertThat(refused.reason()).isEqualTo(RefusalReason.NAME_NOT_REPRESENTABLE));
    }

    @Test
    void startsAfterTheHighestRankAlreadyIssuedInsteadOfTryingEachOne() {
        for (int i = 0; i < 20; i++) {
            assignment.assign(request(UUID.randomUUID(), "Marie", "Martin", "60", MailboxType.PER));
        }
        register.insertAttempts = 0;

        assertThat(address(assignment.assign(request(UUID.randomUUID(), "Marie", "Martin", "60", MailboxType.PER))))
                .isEqualTo("marie.martin21@infirmier.oc.mssante.fr");
        assertThat(register.insertAttempts).isEqualTo(1);
    }

    @Test
    void skipsARankWhoseAddressIsHeldUnderAnotherName() {
        // "Jean-Baptiste Durand-<55 letters>" shortens to jean.durand: a homonym by name key, so it takes rank 2.
        // jean.durand3 is held under another key (as a shortened long name can produce): the hint says 3, the
        // register says taken, the next Jean Durand gets 4.
        String longLastName = "Durand-" + "a".repeat(55);
        assignment.assign(request(UUID.randomUUID(), "Jean", "Durand", "10", MailboxType.PER));
        assignment.assign(request(UUID.randomUUID(), "Jean-Baptiste", longLastName, "10", MailboxType.PER));
        UUID third = UUID.randomUUID();
        register.issueIfFree(new IssuedAddress(third, new MssAddress("jean.durand3", "medecin.oc.mssante.fr"),
                "someone.else", 1, MailboxType.PER));

        assertThat(address(assignment.assign(request(UUID.randomUUID(), "Jean", "Durand", "10", MailboxType.PER))))
                .isEqualTo("jean.durand4@medecin.oc.mssante.fr");
    }

    @Test
    void returnsTheAddressAnotherDeliveryForTheSameAccountJustReserved() {
        UUID account = UUID.randomUUID();
        IssuedAddress reservedMeanwhile = new IssuedAddress(account, new MssAddress("jean.durand", "medecin.oc.mssante.fr"),
                "jean.durand", 1, MailboxType.PER);
        // Empty on the first lookup, as if the other delivery committed between the lookup and the insert.
        IssuedAddresses racing = new InMemoryIssuedAddresses() {
            boolean looked;

            @Override
            public synchronized Optional<IssuedAddress> findByAccount(UUID accountId) {
                if (!looked) {
                    looked = true;
                    super.issueIfFree(reservedMeanwhile);
                    return Optional.empty();
                }
                return super.findByAccount(accountId);
            }
        };
        AddressAssignment racingAssignment = new AddressAssignment(TreG15.derivation(), racing, published::add);

        AssignmentOutcome outcome = racingAssignment.assign(request(account, "Jean", "Durand", "10", MailboxType.PER));

        assertThat(assigned(outcome).issued()).isEqualTo(reservedMeanwhile);
        assertThat(assigned(outcome).newlyIssued()).isFalse();
    }

    @Test
    void givesUpAfterTooManyAttemptsSoThatTheEventIsRetriedRatherThanLoopingForever() {
        IssuedAddresses full = new InMemoryIssuedAddresses() {
            @Override
            public synchronized boolean issueIfFree(IssuedAddress address) {
                return false;
            }
        };
        AddressAssignment stuck = new AddressAssignment(TreG15.derivation(), full, published::add);

        assertThatThrownBy(() -> stuck.assign(request(UUID.randomUUID(), "Jean", "Durand", "10", MailboxType.PER)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("jean.durand@medecin.oc.mssante.fr");
        assertThat(published).isEmpty();
    }

    static AssignmentRequest request(UUID account, String firstName, String lastName, String profession, MailboxType type) {
        return new AssignmentRequest(account, firstName, lastName, profession, type);
    }

    private static AssignmentOutcome.Assigned assigned(AssignmentOutcome outcome) {
        assertThat(outcome).isInstanceOf(AssignmentOutcome.Assigned.class);
        return (AssignmentOutcome.Assigned) outcome;
    }

    private static String address(AssignmentOutcome outcome) {
        return assigned(outcome).issued().address().address();
    }
}
