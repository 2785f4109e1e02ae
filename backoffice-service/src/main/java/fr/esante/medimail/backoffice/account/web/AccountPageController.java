package fr.esante.medimail.backoffice.account.web;

import java.security.Principal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import fr.esante.medimail.backoffice.account.AccountAlreadyClosed;
import fr.esante.medimail.backoffice.account.AccountCare;
import fr.esante.medimail.backoffice.account.AccountClosedForCorrection;
import fr.esante.medimail.backoffice.account.AccountClosure;
import fr.esante.medimail.backoffice.account.AccountNotClosed;
import fr.esante.medimail.backoffice.account.AccountNotFound;
import fr.esante.medimail.backoffice.account.AccountNotValidated;
import fr.esante.medimail.backoffice.account.NothingToCorrect;
import fr.esante.medimail.backoffice.applicant.ApplicantFile;
import fr.esante.medimail.backoffice.applicant.ApplicantFiles;
import fr.esante.medimail.backoffice.applicant.ApplicantProfile;
import fr.esante.medimail.backoffice.applicant.PostalAddress;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import fr.esante.medimail.support.texts.UserTexts;
import fr.esante.medimail.support.web.PathIds;
import fr.esante.medimail.backoffice.BackofficeApplication;
import fr.esante.medimail.support.texts.UserTexts;

/**
 * The staff page of an existing account (role REVIEWER to read it): who it is, its address, whether it is closed; an
 * ADMIN closes it (with a reason), reopens it or corrects its contact details or names from here, as through the API.
 */
@Controller
class AccountPageController {

    private static final UserTexts TEXTS = UserTexts.of(BackofficeApplication.NAME);

    private static final DateTimeFormatter FRENCH_DATE_TIME =
            DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH'h'mm", Locale.FRENCH).withZone(ZoneId.of("Europe/Paris"));

    private final ApplicantFiles files;
    private final AccountCare care;
    private final Validator validator;
    private final UserTexts texts;

    AccountPageController(ApplicantFiles files, AccountCare care, Validator validator, UserTexts texts) {
        this.files = files;
        this.care = care;
        this.validator = validator;
        this.texts = texts;
    }

    /** The page's view of the account; the contact fields prefill the correction form. */
    record AccountView(UUID id, String name, String email, String mssAddress, boolean closed, String closure,
                       String phone, String secondPhone, PostalAddress address, String lastName, String firstName) {
    }

    @GetMapping("/accounts/{accountId}")
    String account(@PathVariable String accountId, Model model, Authentication staff, RedirectAttributes flash) {
        Optional<ApplicantFile> file = PathIds.uuid(accountId).flatMap(files::find);
        if (file.isEmpty()) {
            flash.addFlashAttribute("error", TEXTS.text("account.page.not-found"));
            return "redirect:/reviews";
        }
        ApplicantFile f = file.get();
        Optional<AccountClosure> closure = care.closure(f.accountId());
        model.addAttribute("account", new AccountView(f.accountId(),
                f.profile() == null ? "" : f.profile().firstName() + " " + f.profile().lastName(),
                f.profile() == null ? null : f.profile().email(), f.address() == null ? null : f.address().address(),
                closure.isPresent(), closure.map(c -> TEXTS.text("account.page.closure",
                        FRENCH_DATE_TIME.format(c.closedAt()), c.closedBy(), c.reason())).orElse(null),
                f.profile() == null ? null : f.profile().phone(), f.profile() == null ? null : f.profile().secondPhone(),
                f.profile() == null ? null : f.profile().address(),
                f.profile() == null ? null : f.profile().lastName(), f.profile() == null ? null : f.profile().firstName()));
        model.addAttribute("admin", staff.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority())));
        model.addAttribute("maxReasonLength", AccountCare.MAX_REASON_LENGTH);
        model.addAttribute("username", staff.getName());
        return "backoffice/account";
    }

    @PostMapping("/accounts/{accountId}/closure")
    String close(@PathVariable String accountId, @RequestParam(required = false) String reason, Principal staff,
                 RedirectAttributes flash) {
        UUID id = PathIds.uuid(accountId).orElse(null);
        if (reason == null || reason.isBlank() || reason.strip().length() > AccountCare.MAX_REASON_LENGTH) {
            flash.addFlashAttribute("error", reason == null || reason.isBlank()
                    ? TEXTS.text("account.reason.required")
                    : TEXTS.text("account.reason.too-long.page", Integer.toString(AccountCare.MAX_REASON_LENGTH)));
            return back(id);
        }
        try {
            care.close(require(id), staff.getName(), reason);
            flash.addFlashAttribute("success", TEXTS.text("account.page.closed"));
        } catch (AccountNotFound e) {
            flash.addFlashAttribute("error", TEXTS.text("account.page.not-found"));
        } catch (AccountNotValidated e) {
            flash.addFlashAttribute("error", TEXTS.text("account.account-not-validated"));
        } catch (AccountAlreadyClosed e) {
            flash.addFlashAttribute("error", TEXTS.text("account.page.already-closed", e.closure().closedBy()));
        }
        return back(id);
    }

    @PostMapping("/accounts/{accountId}/reopening")
    String reopen(@PathVariable String accountId, Principal staff, RedirectAttributes flash) {
        UUID id = PathIds.uuid(accountId).orElse(null);
        try {
            care.reopen(require(id), staff.getName());
            flash.addFlashAttribute("success", TEXTS.text("account.page.reopened"));
        } catch (AccountNotFound | AccountNotValidated e) {
            flash.addFlashAttribute("error", TEXTS.text("account.page.not-found-or-never-validated"));
        } catch (AccountNotClosed e) {
            flash.addFlashAttribute("error", TEXTS.text("account.account-not-closed"));
        }
        return back(id);
    }

    /**
     * The form sends every field, prefilled with the current values: what staff left unchanged is not corrected, an
     * emptied second phone is removed. Refused input stays unsent and is named in French.
     */
    @PostMapping("/accounts/{accountId}/contact-correction")
    String correctContact(@PathVariable String accountId, @RequestParam(required = false) String phone,
                          @RequestParam(required = false) String secondPhone,
                          @RequestParam(required = false) String addressLine,
                          @RequestParam(required = false) String postalCode, @RequestParam(required = false) String city,
                          @RequestParam(required = false) String region, @RequestParam(required = false) String department,
                          Principal staff, RedirectAttributes flash) {
        UUID id = PathIds.uuid(accountId).orElse(null);
        Optional<ApplicantProfile> current = Optional.ofNullable(id).flatMap(files::find).map(ApplicantFile::profile);
        if (current.isEmpty()) {
            flash.addFlashAttribute("error", TEXTS.text("account.page.not-found"));
            return back(id);
        }
        ContactCorrectionRequest request = changedFields(current.get(), new ContactCorrectionRequest(phone,
                secondPhone == null ? "" : secondPhone,
                new ContactCorrectionRequest.AddressRequest(addressLine, postalCode, city, region, department)));
        var problems = validator.validate(request);
        if (!problems.isEmpty()) {
            flash.addFlashAttribute("error", TEXTS.text("account.page.correction-refused") + " " + problems.stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(ConstraintViolation::getMessage).collect(Collectors.joining(" ")));
            return back(id);
        }
        try {
            care.correctContact(id, staff.getName(), request.toCorrection());
            flash.addFlashAttribute("success", TEXTS.text("account.page.corrected"));
        } catch (AccountNotFound | AccountNotValidated e) {
            flash.addFlashAttribute("error", TEXTS.text("account.page.not-validated-for-correction"));
        } catch (AccountClosedForCorrection e) {
            flash.addFlashAttribute("error", TEXTS.text("account.closed-for-correction"));
        } catch (NothingToCorrect e) {
            flash.addFlashAttribute("error", TEXTS.text("account.nothing-to-correct"));
        }
        return back(id);
    }

    /** As the API: the names are checked for shape, then sent to registration-service; refused input is named in French. */
    @PostMapping("/accounts/{accountId}/name-correction")
    String correctNames(@PathVariable String accountId, @RequestParam(required = false) String lastName,
                        @RequestParam(required = false) String firstName, @RequestParam(required = false) String reason,
                        Principal staff, RedirectAttributes flash) {
        UUID id = PathIds.uuid(accountId).orElse(null);
        NameCorrectionRequest request = new NameCorrectionRequest(lastName, firstName, reason);
        var problems = validator.validate(request);
        if (!problems.isEmpty()) {
            flash.addFlashAttribute("error", texts.text("backoffice.name-correction.page.refused", problems.stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(ConstraintViolation::getMessage).collect(Collectors.joining(" "))));
            return back(id);
        }
        try {
            care.correctNames(require(id), staff.getName(), request.toCorrection());
            flash.addFlashAttribute("success", texts.text("backoffice.name-correction.page.done"));
        } catch (AccountNotFound e) {
            flash.addFlashAttribute("error", texts.text("backoffice.name-correction.page.not-found"));
        } catch (AccountNotValidated e) {
            flash.addFlashAttribute("error", texts.text("backoffice.name-correction.not-validated"));
        } catch (AccountClosedForCorrection e) {
            flash.addFlashAttribute("error", texts.text("backoffice.name-correction.closed"));
        } catch (NothingToCorrect e) {
            flash.addFlashAttribute("error", texts.text("backoffice.name-correction.nothing"));
        }
        return back(id);
    }

    /** Keeps only what the form changed, so that an untouched field is not rewritten with its own value. */
    private static ContactCorrectionRequest changedFields(ApplicantProfile current, ContactCorrectionRequest form) {
        String phone = form.phone() != null && !form.phone().equals(current.phone()) ? form.phone() : null;
        String currentSecond = current.secondPhone() == null ? "" : current.secondPhone();
        String secondPhone = form.secondPhone().equals(currentSecond) ? null : form.secondPhone();
        ContactCorrectionRequest.AddressRequest address = form.address().toAddress().equals(current.address())
                ? null : form.address();
        return new ContactCorrectionRequest(phone, secondPhone, address);
    }

    private static UUID require(UUID id) {
        if (id == null) {
            throw new AccountNotFound(null);
        }
        return id;
    }

    private static String back(UUID id) {
        return id == null ? "redirect:/reviews" : "redirect:/accounts/" + id;
    }
}
