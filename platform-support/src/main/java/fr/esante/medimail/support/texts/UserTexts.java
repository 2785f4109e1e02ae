package fr.esante.medimail.support.texts;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The French texts people read (problem details, page messages, mail subjects), kept in the service's
 * {@code texts/<spring.application.name>/messages_fr.properties} instead of the code (a path of its own: the local stack
 * and the end-to-end tests put the five services on one classpath), so that wording changes without touching Java. Every text goes
 * through {@link java.text.MessageFormat}, with or without arguments: an apostrophe is written {@code ''} everywhere
 * (the typographic {@code ’} needs nothing). Bean Validation messages written {@code {key}} read the same file.
 */
public final class UserTexts {

    /** Users see French whatever their browser asks for. */
    public static final Locale FRENCH = Locale.FRENCH;

    private static final Map<String, UserTexts> BY_SERVICE = new ConcurrentHashMap<>();

    private final MessageSource source;

    public UserTexts(MessageSource source) {
        this.source = source;
    }

    /** The text of {@code key}, its {@code {0}}, {@code {1}}… replaced by the arguments; a missing key fails loudly. */
    public String text(String key, Object... arguments) {
        return source.getMessage(key, arguments, FRENCH);
    }

    /** The text of {@code key} without arguments, or {@code null} when there is none (keys built from data). */
    public String textOrNull(String key) {
        return source.getMessage(key, null, null, FRENCH);
    }

    /**
     * The texts of {@code service}, for static helpers, value types and refusals built outside a bean: the same file
     * as the {@code UserTexts} bean, read once per service.
     */
    public static UserTexts of(String service) {
        return BY_SERVICE.computeIfAbsent(service, name -> new UserTexts(messageSource(name)));
    }

    /** Where the texts of {@code service} are: {@code <basename>_fr.properties} on the classpath. */
    public static String basename(String service) {
        return "texts/" + service + "/messages";
    }

    /** The texts of {@code service}, read as UTF-8, French whatever the locale asked. */
    public static MessageSource messageSource(String service) {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename(basename(service));
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setDefaultLocale(FRENCH);
        source.setAlwaysUseMessageFormat(true);
        return source;
    }
}
