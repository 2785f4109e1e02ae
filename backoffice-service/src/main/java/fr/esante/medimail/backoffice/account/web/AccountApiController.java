package fr.esante.medimail.backoffice.account.web;

import java.security.Principal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import fr.esante.medimail.backoffice.account.AccountAlreadyClosed;
import fr.esante.medimail.backoffice.account.AccountCare;
import fr.esante.medimail.backoffice.account.AccountClosedForCorrection;
import fr.esante.medimail.backoffice.account.AccountClosure;
import fr.esante.medimail.backoffice.account.AccountNotClosed;
import fr.esante.medimail.backoffice.account.AccountNotFound;
import fr.esante.medimail.backoffice.account.AccountNotValidated;
import fr.esante.medimail.backoffice.account.CorrectionSubject;
import fr.esante.medimail.backoffice.account.NothingToCorrect;
import fr.esante.medimail.support.web.PathIds;
import fr.esante.medimail.support.web.ProblemDetailsAdvice;
import fr.esante.medimail.backoffice.BackofficeApplication;
import fr.esante.medimail.support.texts.UserTexts;

/** Staff actions on validated accounts (HTTP Basic, role ADMIN): close, reopen, correct the contact details or names. */
@RestController
@RequestMapping("/api/v1/accounts")
class AccountApiController {

    private static final UserTexts TEXTS = UserTexts.of(BackofficeApplication.NAME);

    private static final DateTimeFormatter FRENCH_DATE_TIME =
            DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH'h'mm", Locale.FRENCH).withZone(ZoneId.of("Europe/Paris"));

    private final AccountCare care;

    AccountApiController(AccountCare care) {
        this.care = care;
    }

    /** The account's standing after the action. */
    record AccountStandingJson(UUID accountId, String status, Instant closedAt, String closedBy, String closureReason) {
    }

    @PostMapping("/{accountId}/closure")
    AccountStandingJson close(@PathVariable String accountId, @Validated @RequestBody ClosureRequest request, Principal staff) {
        AccountClosure closure = care.close(accountId(accountId), staff.getName(), request.reason());
        return new AccountStandingJson(closure.accountId(), "CLOSED", closure.closedAt(), closure.closedBy(), closure.reason());
    }

    /** The body, if any, is ignored. */
    @PostMapping("/{accountId}/reopening")
    AccountStandingJson reopen(@PathVariable String accountId, Principal staff) {
        UUID id = accountId(accountId);
        care.reopen(id, staff.getName());
        return new AccountStandingJson(id, "VALIDATED", null, null, null);
    }

    /** What a correction answers: registration-service applies it and announces it, a moment later. */
    record CorrectionJson(UUID accountId, String status) {
    }

    /**
     * 202: the correction is recorded and on its way to registration-service, which owns the contact details; the
     * new state reaches the directory feed once it applies it.
     */
    @PostMapping("/{accountId}/contact-correction")
    @ResponseStatus(HttpStatus.ACCEPTED)
    CorrectionJson correctContact(@PathVariable String accountId, @Validated @RequestBody ContactCorrectionRequest request,
                                  Principal staff) {
        UUID id = accountId(accountId);
        care.correctContact(id, staff.getName(), request.toCorrection());
        return new CorrectionJson(id, "CORRECTION_REQUESTED");
    }

    /**
     * 202: the correction is recorded and on its way to registration-service, which owns the names; the identity is
     * then checked again and the account comes back to the review queue. The MSSante address does not change.
     */
    @PostMapping("/{accountId}/name-correction")
    @ResponseStatus(HttpStatus.ACCEPTED)
    CorrectionJson correctNames(@PathVariable String accountId, @Validated @RequestBody NameCorrectionRequest request,
                                Principal staff) {
        UUID id = accountId(accountId);
        care.correctNames(id, staff.getName(), request.toCorrection());
        return new CorrectionJson(id, "CORRECTION_REQUESTED");
    }

    @ExceptionHandler(AccountClosedForCorrection.class)
    ResponseEntity<Object> closedForCorrection(AccountClosedForCorrection e) {
        return ProblemDetailsAdvice.problem(HttpStatus.CONFLICT, "ACCOUNT_CLOSED", TEXTS.text("account.closed-for-correction.title"),
                e.subject() == CorrectionSubject.NAMES ? TEXTS.text("backoffice.name-correction.closed")
                        : TEXTS.text("account.closed-for-correction"), List.of());
    }

    @ExceptionHandler(NothingToCorrect.class)
    ResponseEntity<Object> nothingToCorrect(NothingToCorrect e) {
        return ProblemDetailsAdvice.problem(HttpStatus.UNPROCESSABLE_ENTITY, "NOTHING_TO_CORRECT", TEXTS.text("account.nothing-to-correct.title"),
                e.subject() == CorrectionSubject.NAMES ? TEXTS.text("backoffice.name-correction.nothing")
                        : TEXTS.text("account.nothing-to-correct"), List.of());
    }

    @ExceptionHandler(AccountNotFound.class)
    ResponseEntity<Object> notFound(AccountNotFound e) {
        return ProblemDetailsAdvice.problem(HttpStatus.NOT_FOUND, "ACCOUNT_NOT_FOUND", TEXTS.text("account.account-not-found.title"),
                TEXTS.text("account.account-not-found"), List.of());
    }

    @ExceptionHandler(AccountNotValidated.class)
    ResponseEntity<Object> notValidated(AccountNotValidated e) {
        return ProblemDetailsAdvice.problem(HttpStatus.CONFLICT, "ACCOUNT_NOT_VALIDATED", TEXTS.text("account.account-not-validated.title"),
                TEXTS.text("account.account-not-validated"), List.of());
    }

    @ExceptionHandler(AccountAlreadyClosed.class)
    ResponseEntity<Object> alreadyClosed(AccountAlreadyClosed e) {
        AccountClosure closure = e.closure();
        return ProblemDetailsAdvice.problem(HttpStatus.CONFLICT, "ACCOUNT_ALREADY_CLOSED", TEXTS.text("account.account-already-closed.title"),
                TEXTS.text("account.account-already-closed", closure.closedBy(), FRENCH_DATE_TIME.format(closure.closedAt())),
                List.of());
    }

    @ExceptionHandler(AccountNotClosed.class)
    ResponseEntity<Object> notClosed(AccountNotClosed e) {
        return ProblemDetailsAdvice.problem(HttpStatus.CONFLICT, "ACCOUNT_NOT_CLOSED", TEXTS.text("account.account-not-closed.title"),
                TEXTS.text("account.account-not-closed"), List.of());
    }

    private static UUID accountId(String id) {
        return PathIds.uuid(id).orElseThrow(() -> new AccountNotFound(null));
    }
}
