package fr.esante.medimail.support.texts;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The French texts people read (problem details, page messages, mail subjects), kept in the service's
 * {@code messages_fr.properties} instead of the code, so that wording changes without touching Java. Every text goes
 * through {@link java.text.MessageFormat}, with or without arguments: an apostrophe is written {@code ''} everywhere
 * (the typographic {@code ’} needs nothing). Bean Validation messages written {@code {key}} read the same file.
 */
public final class UserTexts {

    /** Users see French whatever their browser asks for. */
    public static final Locale FRENCH = Locale.FRENCH;

    private final MessageSource source;

    public UserTexts(MessageSource source) {
        this.source = source;
    }

    /** The text of {@code key}, its {@code {0}}, {@code {1}}… replaced by the arguments; a missing key fails loudly. */
    public String text(String key, Object... arguments) {
        return source.getMessage(key, arguments, FRENCH);
    }

    /** The service's {@code messages_fr.properties}, read as UTF-8, French whatever the locale asked. */
    public static MessageSource messageSource() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setDefaultLocale(FRENCH);
        source.setAlwaysUseMessageFormat(true);
        return source;
    }
}
