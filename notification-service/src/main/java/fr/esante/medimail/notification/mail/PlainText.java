package fr.esante.medimail.notification.mail;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plain-text part of an e-mail, from its HTML template's output: paragraphs and line breaks kept, links
 * written out ({@code text (url)} when the text is not the url itself), tags dropped, entities decoded. One
 * template per e-mail is then enough for both parts, which always say the same thing.
 */
final class PlainText {

    private static final Pattern LINK = Pattern.compile("<a\\b[^>]*href=\"([^\"]*)\"[^>]*>(.*?)</a>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern HEAD = Pattern.compile("<head\\b.*?</head>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private PlainText() {
    }

    static String fromHtml(String html) {
        String text = HEAD.matcher(html).replaceAll("");
        Matcher link = LINK.matcher(text);
        StringBuilder withLinks = new StringBuilder();
        while (link.find()) {
            String url = decode(link.group(1));
            String label = decode(link.group(2).replaceAll("<[^>]+>", "")).strip();
            link.appendReplacement(withLinks, Matcher.quoteReplacement(
                    label.isEmpty() || label.equals(url) ? url : label + " (" + url + ")"));
        }
        link.appendTail(withLinks);
        text = withLinks.toString()
                .replaceAll("(?i)<br\\s*/?>", "\n")
                .replaceAll("(?i)</(p|div|blockquote|h[1-6]|li|tr)>", "\n\n")
                .replaceAll("<[^>]+>", "");
        text = decode(text);
        StringBuilder lines = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            lines.append(line.strip().replaceAll("[ \\t]+", " ")).append('\n');
        }
        return lines.toString().replaceAll("\n{3,}", "\n\n").strip() + "\n";
    }

    private static String decode(String text) {
        return text.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&apos;", "'").replace("&amp;", "&");
    }
}
