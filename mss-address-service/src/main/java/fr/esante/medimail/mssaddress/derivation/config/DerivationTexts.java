package fr.esante.medimail.mssaddress.derivation.config;

import fr.esante.medimail.mssaddress.derivation.RefusalExplanations;
import fr.esante.medimail.mssaddress.derivation.RefusalReason;
import fr.esante.medimail.support.texts.UserTexts;

/** The derivation's refusals worded from {@code messages_fr.properties}. */
public final class DerivationTexts implements RefusalExplanations {

    private final UserTexts texts;

    public DerivationTexts(UserTexts texts) {
        this.texts = texts;
    }

    @Override
    public String explain(RefusalReason reason, String field, String value) {
        return switch (reason) {
            case NAME_NOT_REPRESENTABLE -> "firstName".equals(field)
                    ? texts.text("address.refusal.first-name-not-representable", value)
                    : texts.text("address.refusal.last-name-not-representable", value);
            case UNKNOWN_PROFESSION -> texts.text("address.refusal.unknown-profession", value);
        };
    }
}
