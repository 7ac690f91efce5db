package ai.andy.chat.intent;

import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code email.list} for {@link EmailGrammar}: who from ("from Marcus", "the email Sarah sent"), when (mail looks
 * back: "yesterday" is that whole day, "since Monday" the Monday just past), unread, words to search, how many.
 */
final class MailListing {

    /** "the email Sarah sent yesterday": the sender said after the noun. */
    private static final Pattern SENT_BY = Pattern.compile(
            "\\b" + EmailGrammar.ONE + "s?\\s+(?:that\\s+)?(?!i\\b)(.+?)\\s+(?:sent|wrote|forwarded|emailed)(?:\\s+me)?\\b");
    private static final Pattern UNREAD = Pattern.compile("\\b(?:unread|new|unseen|unopened)\\b");
    private static final Pattern FROM = Pattern.compile(
            "\\bfrom\\s+(.+?)(?=\\s+(?:about|regarding|containing|mentioning|with|that|in|on|since)\\b|$)");
    private static final Pattern QUERY = Pattern.compile(
            "\\b(?:about|regarding|containing|mentioning|with the subject|that mention|for)\\s+(.+?)$");
    private static final Pattern LIMIT = Pattern.compile(
            "\\b(?:last|latest|recent|newest|top|first)\\s+(\\d+|two|three|four|five|six|seven|eight|nine|ten|twenty)\\b"
                    + "|\\b(\\d+|two|three|four|five|six|seven|eight|nine|ten|twenty)\\s+(?:(?:latest|newest|recent|most recent|unread|new)\\s+)?(?:e-?mails|messages)\\b");
    private static final Pattern SEARCH = Pattern.compile("^search\\s+(?:my\\s+)?(?:e-?mails?|mail|inbox)\\s+for\\s+(.+)$");

    private MailListing() {
    }

    static Interpretation list(Phrase p, Context ctx) {
        Map<String, Object> params = new LinkedHashMap<>();
        When when = TimeGrammar.parse(p, ctx, true);
        when.requireReadableDate();
        Phrase rest = when.rest;
        if (rest.matcher(UNREAD).find()) {
            params.put("unreadOnly", true);
        }
        ZonedDateTime[] window = when.window();
        if (window != null) {
            if (window[0] != null) {
                params.put("since", When.iso(window[0]));
            }
            if (window[1] != null && !window[1].isAfter(ctx.now())) {
                params.put("until", When.iso(window[1]));
            }
        }
        Matcher m = rest.matcher(FROM);
        Matcher sentBy = rest.matcher(SENT_BY);
        if (sentBy.find() && People.looksLikePerson(sentBy.group(1))) {
            params.put("from", People.sender(rest.group(sentBy, 1), ctx));
            rest = rest.cut(sentBy.start(1), sentBy.end());
        } else if (m.find()) {
            params.put("from", People.sender(rest.group(m, 1), ctx));
            rest = rest.cut(m);
        }
        Matcher q = rest.matcher(QUERY);
        Matcher search = rest.matcher(SEARCH);
        if (search.find()) {
            params.put("query", Words.stripArticles(rest.group(search, 1)));
        } else if (q.find()) {
            params.put("query", Words.stripArticles(rest.group(q, 1)));
        }
        Matcher l = rest.matcher(LIMIT);
        if (l.find()) {
            String n = l.group(1) != null ? l.group(1) : l.group(2);
            params.put("limit", (int) TimeGrammar.amount(n));
        }
        return Interpretation.of(new Intent("email.list", params));
    }
}
