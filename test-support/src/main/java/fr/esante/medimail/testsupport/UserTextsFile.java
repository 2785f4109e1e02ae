package fr.esante.medimail.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks a service's {@code texts/<service>/messages_fr.properties} (platform-support's {@code UserTexts}) from its unit tests: every key
 * the code names exists, and every text survives {@link MessageFormat} (an apostrophe written {@code '} alone would
 * swallow the rest of the sentence; it must be {@code ''}).
 */
public final class UserTextsFile {

    /** {@code texts.text("key"} and {@code UserTexts.…("key"} in code, {@code "{key}"} in validation annotations. */
    private static final Pattern KEY_IN_CODE = Pattern.compile("\\.text\\(\\s*\"([a-z][\\w.-]+)\"|\"\\{([a-z][\\w-]*(?:\\.[\\w-]+)+)}\"");
    /** Enough arguments for the longest text (the service desk's reminder has six). */
    private static final Object[] ARGUMENTS = {"a", "b", "c", "d", "e", "f", "g", "h", "i"};
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

    private UserTextsFile() {
    }

    public static Properties load(String service) {
        Properties texts = new Properties();
        String resource = "texts/" + service + "/messages_fr.properties";
        try (InputStream in = UserTextsFile.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on the classpath").isNotNull();
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }

    /** Every text formats as it will be shown; {@code sources} is the module's {@code src/main/java}. */
    public static void assertComplete(String service, Path sources) {
        Properties texts = load(service);
        for (String key : texts.stringPropertyNames()) {
            String text = texts.getProperty(key);
            assertThat(LONE_APOSTROPHE.matcher(text).find()).as("%s: write '' for an apostrophe: %s", key, text).isFalse();
            assertThat(new MessageFormat(text, Locale.FRENCH).format(ARGUMENTS))
                    .as(key).doesNotContain("{");
        }
        assertThat(keysNamedIn(sources)).as("keys named in the code but missing from messages_fr.properties")
                .allSatisfy(key -> assertThat(texts).containsKey(key));
    }

    static Set<String> keysNamedIn(Path sources) {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher matcher = KEY_IN_CODE.matcher(Files.readString(file));
                while (matcher.find()) {
                    keys.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }
}
