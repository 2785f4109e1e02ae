package fr.esante.medimail.backoffice.identityreview.web;

import java.security.Principal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import fr.esante.medimail.backoffice.identityreview.IdentityReview;
import fr.esante.medimail.backoffice.identityreview.IdentityReviewAlreadyDecided;
import fr.esante.medimail.backoffice.identityreview.IdentityReviewDesk;
import fr.esante.medimail.backoffice.identityreview.IdentityReviewNotFound;
import fr.esante.medimail.backoffice.BackofficeApplication;
import fr.esante.medimail.support.texts.UserTexts;

/** The buttons of the identity reviews on the staff page (listed by the reviews page, /reviews). */
@Controller
class IdentityReviewPageController {

    private static final UserTexts TEXTS = UserTexts.of(BackofficeApplication.NAME);

    private final IdentityReviewDesk desk;

    IdentityReviewPageController(IdentityReviewDesk desk) {
        this.desk = desk;
    }

    @PostMapping("/identity-reviews/{id}/confirmation")
    String confirm(@PathVariable String id, Principal staff, RedirectAttributes flash) {
        try {
            IdentityReview concluded = desk.confirm(IdentityReviewApiController.reviewId(id), staff.getName());
            flash.addFlashAttribute("success", TEXTS.text("identityreview.page.confirmed", name(concluded)));
        } catch (IdentityReviewNotFound | IdentityReviewAlreadyDecided e) {
            flash.addFlashAttribute("error", refusal(e));
        }
        return "redirect:/reviews";
    }

    @PostMapping("/identity-reviews/{id}/refusal")
    String refuse(@PathVariable String id, @RequestParam(required = false) String reason, Principal staff,
                  RedirectAttributes flash) {
        if (!IdentityReview.validReason(reason)) {
            flash.addFlashAttribute("error", reason == null || reason.isBlank()
                    ? TEXTS.text("identityreview.reason.required")
                    : TEXTS.text("identityreview.reason.too-long.page", Integer.toString(IdentityReview.MAX_REASON_LENGTH)));
            return "redirect:/reviews";
        }
        try {
            IdentityReview concluded = desk.refuse(IdentityReviewApiController.reviewId(id), staff.getName(), reason);
            flash.addFlashAttribute("success", TEXTS.text("identityreview.page.refused", name(concluded)));
        } catch (IdentityReviewNotFound | IdentityReviewAlreadyDecided e) {
            flash.addFlashAttribute("error", refusal(e));
        }
        return "redirect:/reviews";
    }

    private static String refusal(RuntimeException e) {
        if (e instanceof IdentityReviewAlreadyDecided decided) {
            return IdentityReviewApiController.alreadyDecidedMessage(decided.review());
        }
        return TEXTS.text("identityreview.page.not-found");
    }

    private static String name(IdentityReview review) {
        return review.request().declaredFirstName() + " " + review.request().declaredLastName();
    }
}
