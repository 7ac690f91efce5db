package ai.andy.email.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Makes mail HTML safe to show: jsoup's allow-list keeps formatting and links and drops scripts, styles, forms,
 * frames and every event handler; images survive only when inline ({@code cid:} or {@code data:}), because a remote
 * image is a tracking pixel that tells the sender when the mail was read.
 */
@ApplicationScoped
public class HtmlSanitizer {
    private final Safelist allowed = Safelist.relaxed()
            .removeProtocols("img", "src", "http", "https")
            .addProtocols("img", "src", "cid", "data")
            .addAttributes("a", "rel", "target")
            .preserveRelativeLinks(false);

    public String sanitize(String html) {
        if (html == null) {
            return null;
        }
        Document.OutputSettings output = new Document.OutputSettings().prettyPrint(false);
        String clean = Jsoup.clean(html, "", allowed, output);
        // Links open outside the client and carry no referrer back to the sender.
        Document doc = Jsoup.parseBodyFragment(clean);
        doc.outputSettings(output);
        doc.select("a[href]").attr("rel", "noopener noreferrer nofollow").attr("target", "_blank");
        doc.select("img:not([src])").remove();
        return doc.body().html();
    }
}
