package ai.andy.chat.intent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code email.*}: "show my unread emails from today", "any new mail from Marcus since Monday", "read Sarah's last
 * email", "email sarah@example.com about the report saying it is done", "reply to Sarah's last email saying yes",
 * "mark the email from Marcus as read", "archive the last email from Bob".
 *
 * <p>A single email is named the way email-service resolves it: {@code reference} (the words, for the person) plus
 * {@code from} (the resolved address, else the name) and {@code query}; the service takes the newest match.
 * Listings look back in time, so "since Monday" is the Monday just past; "from today" is a date, "from Marcus" a
 * sender.
 */
final class EmailGrammar implements Grammar {

    static final String ONE = "(?:e-?mail|mail|message|note|newsletter)";
    private static final String NEWEST = "(?:last|latest|most recent|newest|recent|new)";

    // --- reply -----------------------------------------------------------------------------------------------------
    private static final Pattern REPLY = Pattern.compile("^(?:reply|respond|answer|write back)(\\s+(?:to\\s+)?(?:all|everyone|everybody))?\\b\\s*(?:to\\s+)?(.*)$");
    private static final Pattern REPLY_BODY = Pattern.compile(
            "\\s+(?:saying|with|that says|telling (?:him|her|them)(?: that)?|that"
                    + "|and (?:say|tell (?:him|her|them))(?: that)?)(?:\\s+|$)|\\s*:\\s*");

    // --- update ----------------------------------------------------------------------------------------------------
    private static final Pattern MARK = Pattern.compile("^mark\\s+(.+?)\\s+(?:as\\s+)?(read|unread|seen|unseen|not read|new)$");
    private static final Pattern ARCHIVE = Pattern.compile("^archive\\s+(.+)$");
    private static final Pattern LABEL = Pattern.compile("^(?:label|tag)\\s+(.+?)\\s+(?:as|with)\\s+(.+)$");
    private static final Pattern MOVE = Pattern.compile(
            "^(?:move|put|file|drop)\\s+(.+?)\\s+(?:to|in|into)\\s+(?:the\\s+|my\\s+)?(.+?)(?:\\s+(?:folder|label))?$");
    /** "remove the Urgent label from Bob's email". */
    private static final Pattern UNLABEL = Pattern.compile(
            "^(?:remove|take off|take|delete|drop)\\s+(?:the\\s+)?(.+?)\\s+(?:label|tag)\\s+(?:off\\s+|from\\s+)(.+)$");
    /** "whats in my Travel folder": the emails under that label. */
    private static final Pattern IN_FOLDER = Pattern.compile(
            "^(?:what's|whats|what is|show(?:\\s+me)?|list|open|check)\\s+(?:what's\\s+|whats\\s+)?(?:in\\s+)?(?:my|the)\\s+(.+?)\\s+(?:folder|label)$");

    // --- send ------------------------------------------------------------------------------------------------------
    private static final Pattern SEND = Pattern.compile(
            "^(?:(?:send|write|compose|draft)\\s+(?:an?\\s+)?(?:new\\s+)?(?:e-?mail|mail)\\s+to|e-?mail(?:\\s+to)?|mail(?:\\s+to)?|write\\s+to)\\s+(.+)$");
    private static final Pattern SEND_X_AN_EMAIL = Pattern.compile(
            "^(?:send|write|compose|draft|shoot)\\s+(.+?)\\s+an?\\s+(?:quick\\s+)?(?:e-?mail|mail)\\b\\s*(.*)$");
    private static final Pattern SEND_NOBODY = Pattern.compile("^(?:(?:send|write|compose|draft)\\s+an?\\s+(?:new\\s+)?(?:e-?mail|mail)|e-?mail)$");
    private static final Pattern BODY = Pattern.compile(
            "\\s+(?:saying|that says|to say|telling (?:him|her|them)(?: that)?|with the message"
                    + "|and (?:tell|let) (?:him|her|them)(?: know)?(?: that)?|and say(?: that)?)\\s+|\\s*:\\s+");
    private static final Pattern SUBJECT_LABEL = Pattern.compile(
            "(?:\\s*,\\s*|\\s+)(?:with\\s+)?(?:the\\s+|a\\s+)?subject(?:\\s+line)?(?:\\s*:\\s*|\\s+)");
    private static final Pattern BODY_LABEL = Pattern.compile(
            "(?:\\s*,\\s*|\\s+)(?:and\\s+)?(?:with\\s+)?(?:the\\s+|a\\s+)?(?:body(?:\\s*:\\s*|\\s+)|(?:message|text)\\s*:\\s*)");
    private static final Pattern SUBJECT = Pattern.compile("\\s+(?:about|regarding|re:?|with (?:the )?subject|subject:?)\\s+");
    private static final Pattern CC = Pattern.compile("\\s+(?:and\\s+)?(?:cc|cc:|cc'?ing|copy|copying|copy in)\\s+");

    // --- read ------------------------------------------------------------------------------------------------------
    private static final Pattern READ = Pattern.compile("^(?:read|open|show|get|pull up|find|display)\\s+(?:me\\s+)?(.+)$");
    /** "what did Bob say in his last email", "what did Marcus write about the invoice": one email, read. */
    private static final Pattern WHAT_DID = Pattern.compile(
            "^what did\\s+(.+?)\\s+(?:say|write|email|e-mail|mail)(?:\\s+me)?(?:\\s+(?:in|on)\\s+(?:his|her|their|the|that)\\s+"
                    + "(?:" + NEWEST + "\\s+)?" + ONE + ")?(?:\\s+about\\s+(.+))?$");
    /** "what did Marcus send me": everything he sent, newest first. */
    private static final Pattern WHAT_SENT = Pattern.compile(
            "^what (?:did|has)\\s+(.+?)\\s+(?:sent|send|emailed|email|mailed|forwarded|forward)(?:\\s+me)?(?:\\s+(.+))?$");
    /** "what does the email from Priya say", "what does Bob's last email say". */
    private static final Pattern WHAT_DOES = Pattern.compile("^what (?:does|did)\\s+(.+?)\\s+(?:say|said)(?:\\s+about\\s+(.+))?$");

    private static final Pattern DID_EMAIL = Pattern.compile(
            "^(?:did|has)\\s+(.+?)\\s+(email(?:ed)?|e-mail(?:ed)?|mail(?:ed)?|write|written|wrote|reply|replied)(?:\\s+(?:to\\s+)?me|\\s+back)?\\b");
    private static final Pattern LATEST_FROM = Pattern.compile(
            "^(?:what's|what is|whats|show me|read me|read)\\s+(?:the\\s+)?(?:latest|newest|last)\\s+from\\s+(.+)$");
    /** "whats the latest email from Priya about the visa": that one email. */
    private static final Pattern WHAT_LATEST = Pattern.compile(
            "^(?:what's|what is|whats|what was)\\s+((?:the|my)\\s+(?:latest|newest|last|most recent)\\s+" + ONE + "\\b.*)$");
    /** "show unread mail from Marcus since Monday": "mail" and a window are a listing, not one email. */
    private static final Pattern MAIL_LISTING = Pattern.compile(
            "^(?:(?:my|all|any|all my)\\s+)?(?:unread\\s+|new\\s+)?mail\\b.*|.*\\b(?:since|this week|today|yesterday)\\b.*");
    private static final Pattern ALL_FROM = Pattern.compile(
            "^(?:(?:all|every|each)\\s+(?:of\\s+)?(?:the\\s+|my\\s+)?(?:unread\\s+|new\\s+)?" + ONE + "s?"
                    + "|(?:the|my)\\s+(?:unread\\s+|new\\s+)?" + ONE + "s)\\s+from\\s+(.+)$");

    // --- references to one email -------------------------------------------------------------------------------------
    private static final Pattern REF_FROM = Pattern.compile(
            "^(?:the\\s+|my\\s+|that\\s+|this\\s+)?(?:" + NEWEST + "\\s+)?(?:unread\\s+)?" + ONE
                    + "(?:\\s+from\\s+(.+?))?(?:\\s+(?:about|regarding|on)\\s+(.+))?$");
    /** "the budget email": an email named by its topic. */
    private static final Pattern REF_TOPIC = Pattern.compile(
            "^(?:on\\s+|to\\s+)?(?:the|that|this)\\s+(?!(?:" + NEWEST + "|unread)\\b)([\\p{L}\\d-]+(?:\\s+[\\p{L}\\d-]+)?)\\s+" + ONE + "$");
    /** "Priya's visa email": the sender and the topic. */
    private static final Pattern REF_POSSESSIVE_TOPIC = Pattern.compile(
            "^(.+?)'s?\\s+(?!(?:" + NEWEST + "|unread|first)\\b)([\\p{L}\\d-]+)\\s+" + ONE + "$");
    private static final Pattern REF_POSSESSIVE = Pattern.compile(
            "^(.+?)'s?\\s+(?:" + NEWEST + "\\s+)?" + ONE + "(?:\\s+(?:about|regarding|on)\\s+(.+))?$");

    // --- list ------------------------------------------------------------------------------------------------------
    private static final Pattern MAILBOX = Pattern.compile("\\b(?:e-?mails?|mails|mail|inbox|messages)\\b");
    private static final Pattern LIST_START = Pattern.compile(
            "^(?:show|list|check|get|read|find|search|any|do i have|did i get|have i got|what|what's|whats|how many|"
                    + "give me|tell me|open|see|fetch|pull up|display|my|unread|new|e-?mails|latest|last|recent|are there|is there)\\b");

    @Override
    public Interpretation parse(Command command, Context ctx) {
        Phrase p = command.phrase();
        Matcher m;
        if ((m = p.matcher(REPLY)).find()) {
            return reply(p.sub(m.start(2)), m.group(1) != null, command, ctx);
        }
        if ((m = p.matcher(MARK)).find()) {
            String state = m.group(2);
            boolean unread = state.equals("unread") || state.equals("unseen") || state.equals("not read")
                    || state.equals("new");
            return update(p.group(m, 1), Map.of("unread", unread), true, ctx);
        }
        if ((m = p.matcher(ARCHIVE)).find()) {
            return update(p.group(m, 1), Map.of("archive", true), true, ctx);
        }
        if ((m = p.matcher(UNLABEL)).find() && hasEmailNoun(m.group(2))) {
            String label = p.group(m, 1).replaceAll("^[\"']|[\"']$", "");
            return update(p.group(m, 2), Map.of("removeLabels", List.of(label)), false, ctx);
        }
        if ((m = p.matcher(IN_FOLDER)).find() && !p.group(m, 1).matches("(?i)(?:e-?mail|mail|inbox)")) {
            return Interpretation.of(new Intent("email.list", Map.of("label", p.group(m, 1))));
        }
        if ((m = p.matcher(LABEL)).find() && hasEmailNoun(m.group(1))) {
            String label = p.group(m, 2).replaceAll("^[\"']|[\"']$", "");
            return update(p.group(m, 1), Map.of("addLabels", List.of(label)), false, ctx);
        }
        if ((m = p.matcher(MOVE)).find() && hasEmailNoun(m.group(1))) {
            String folder = p.group(m, 2);
            return update(p.group(m, 1), folder.equalsIgnoreCase("archive") ? Map.of("archive", true)
                    : Map.of("addLabels", List.of(folder)), false, ctx);
        }
        if (p.matcher(SEND_NOBODY).find()) {
            throw new Clarify("Who should the email go to?");
        }
        if ((m = p.matcher(SEND_X_AN_EMAIL)).find() && !m.group(1).matches("(?:me|myself)")) {
            return send(p.group(m, 1) + " " + p.text.substring(m.start(2)), command, ctx);
        }
        if ((m = p.matcher(SEND)).find() && !m.group(1).startsWith("from ")) {
            return send(p.group(m, 1), command, ctx);
        }
        if ((m = p.matcher(WHAT_DOES)).find()) {
            var ref = reference(p.group(m, 1), false);
            if (ref != null && ref.getKey().isBlank() && ref.getValue().isBlank()
                    && m.group(1).matches(".*\\b" + NEWEST + "\\b.*")) {
                return Interpretation.of(new Intent("email.read", Map.of("reference", "the last email")));
            }
            if (ref != null) {
                return read(ref, ctx);
            }
        }
        if ((m = p.matcher(WHAT_SENT)).find() && People.looksLikePerson(m.group(1))) {
            String tail = m.group(2) == null ? "" : " " + p.group(m, 2);
            return MailListing.list(new Phrase("emails from " + p.group(m, 1) + tail), ctx);
        }
        if ((m = p.matcher(DID_EMAIL)).find() && People.looksLikePerson(m.group(1))) {
            // "did Bob email me today?": his emails, in that window.
            return MailListing.list(new Phrase("emails from " + p.group(m, 1) + " " + p.text.substring(m.end())), ctx);
        }
        if ((m = p.matcher(WHAT_LATEST)).find()) {
            var ref = reference(p.group(m, 1), false);
            if (ref != null && ref.getKey().isBlank() && ref.getValue().isBlank()) {
                return Interpretation.of(new Intent("email.read", Map.of("reference", "the last email")));
            }
            if (ref != null) {
                return read(ref, ctx);
            }
        }
        if ((m = p.matcher(LATEST_FROM)).find()) {
            return read(Map.entry(p.group(m, 1), ""), ctx);
        }
        if (p.lower.matches("^(?:what|anything)\\s+(?:did|have)\\s+i\\s+(?:get|got|receive|received)\\s+from\\b.*")
                || p.lower.matches("^(?:did|have)\\s+i\\s+(?:get|got|receive|received)\\s+(?:anything|any\\s+(?:e-?mails?|mail))\\s+from\\b.*")) {
            return MailListing.list(p, ctx); // "what did I get from Marcus yesterday"
        }
        if ((m = p.matcher(WHAT_DID)).find()) {
            return read(Map.entry(p.group(m, 1), m.group(2) == null ? "" : p.group(m, 2)), ctx);
        }
        if ((m = p.matcher(READ)).find() && !m.group(1).matches(MAIL_LISTING.pattern())) {
            var ref = reference(p.group(m, 1).replaceFirst("(?i)\\s+(?:aloud|out loud|to me|for me)$", ""), false);
            if (ref != null && !(ref.getKey().isBlank() && ref.getValue().isBlank())) {
                return read(ref, ctx);
            }
            if (ref != null && p.lower.matches(".*\\b" + NEWEST + "\\b.*")) {
                // "open the most recent email": the newest one, from anyone.
                return Interpretation.of(new Intent("email.read", Map.of("reference", "the last email")));
            }
        }
        if (p.matcher(MAILBOX).find() && p.matcher(LIST_START).find()
                || p.lower.matches("^(?:check|search)\\s+(?:my\\s+)?(?:e-?mail|mail|inbox)\\b.*")) {
            return MailListing.list(p, ctx);
        }
        return null;
    }

    // --- one email ---------------------------------------------------------------------------------------------------

    static boolean hasEmailNoun(String s) {
        return s.toLowerCase().matches(".*\\b(?:e-?mails?|mails?|messages?|notes?|newsletters?)\\b.*");
    }

    /**
     * "Sarah's last email", "the email from Marcus about the invoice" as (sender words, query words); with
     * {@code personAlone}, a bare name ("reply to Sarah") is the sender. Null when it is not a reference to an email.
     */
    private static Map.Entry<String, String> reference(String raw, boolean personAlone) {
        Phrase ref = new Phrase(raw.trim());
        Matcher m = ref.matcher(REF_FROM);
        if (m.matches()) {
            return Map.entry(m.group(1) == null ? "" : ref.group(m, 1), m.group(2) == null ? "" : ref.group(m, 2));
        }
        m = ref.matcher(REF_TOPIC);
        if (m.matches()) {
            return Map.entry("", ref.group(m, 1));
        }
        m = ref.matcher(REF_POSSESSIVE);
        if (m.matches() && !m.group(1).matches("(?:the|my|that|this|your)")) {
            return Map.entry(ref.group(m, 1), m.group(2) == null ? "" : ref.group(m, 2));
        }
        m = ref.matcher(REF_POSSESSIVE_TOPIC);
        if (m.matches() && !m.group(1).matches("(?:the|my|that|this|your)") && People.looksLikePerson(m.group(1))) {
            return Map.entry(ref.group(m, 1), ref.group(m, 2));
        }
        if (personAlone && People.looksLikePerson(raw)) {
            return Map.entry(raw.trim(), "");
        }
        return null;
    }

    /** The params naming one email: reference, from, query. */
    private static Map<String, Object> named(Map.Entry<String, String> ref, Context ctx) {
        if (ref.getKey().isBlank() && ref.getValue().isBlank()) {
            throw new Clarify("Which email? For example \"the last email from Sarah\".");
        }
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder words = new StringBuilder("the last email");
        String from = null;
        if (!ref.getKey().isBlank()) {
            from = People.sender(ref.getKey(), ctx);
            words.append(" from ").append(People.EMAIL.matcher(ref.getKey().trim()).matches() ? ref.getKey().trim()
                    : Words.name(People.clean(ref.getKey())));
        }
        if (!ref.getValue().isBlank()) {
            words.append(" about ").append(ref.getValue());
        }
        params.put("reference", words.toString());
        if (from != null) {
            params.put("from", from);
        }
        if (!ref.getValue().isBlank()) {
            params.put("query", Words.stripArticles(ref.getValue()));
        }
        return params;
    }

    private Interpretation read(Map.Entry<String, String> ref, Context ctx) {
        return Interpretation.of(new Intent("email.read", named(ref, ctx)));
    }

    private Interpretation reply(Phrase rest, boolean all, Command command, Context ctx) {
        String refWords = rest.text;
        String body = command.quoted();
        Matcher b = rest.matcher(REPLY_BODY);
        if (b.find()) {
            refWords = rest.text.substring(0, b.start());
            if (body == null) {
                body = Words.capitalize(rest.text.substring(b.end()).trim());
            }
        }
        refWords = refWords.trim();
        if (refWords.isBlank() || refWords.matches("(?i)(?:it|that|this|him|her|them)")) {
            throw new Clarify("Which email should I reply to?");
        }
        var ref = reference(refWords, true);
        if (ref == null) {
            throw new Clarify("Which email should I reply to? For example \"Sarah's last email\".");
        }
        Map<String, Object> params = ref.getKey().isBlank() && ref.getValue().isBlank()
                && refWords.toLowerCase().matches(".*\\b" + NEWEST + "\\b.*")
                ? new LinkedHashMap<>(Map.of("reference", "the last email")) : named(ref, ctx);
        if (body == null || body.isBlank()) {
            String who = ref.getKey().isBlank() ? "" : " to " + Words.name(People.clean(ref.getKey()));
            throw new Clarify("What should the reply" + who + " say?");
        }
        params.put("body", body);
        if (all) {
            params.put("replyAll", true);
        }
        return Interpretation.of(new Intent("email.reply", params));
    }

    private Interpretation update(String refWords, Map<String, Object> change, boolean personAlone, Context ctx) {
        Matcher all = ALL_FROM.matcher(refWords.toLowerCase());
        if (all.matches()) {
            // "mark all emails from Marcus as read": every email of that sender, named for email-service.
            String who = refWords.substring(all.start(1), all.end(1)).trim();
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("reference", "all emails from " + (People.EMAIL.matcher(who).matches() ? who
                    : Words.name(People.clean(who))));
            params.put("from", People.sender(who, ctx));
            params.putAll(change);
            return Interpretation.of(new Intent("email.update", params));
        }
        if (refWords.toLowerCase().matches("^(?:all|every|everything)\\b.*")) {
            throw new Clarify("I can change one email at a time here: which one? For example \"the last email from "
                    + "Marcus\".");
        }
        if (refWords.matches("(?i)(?:it|that|this|that one|this one)")) {
            throw new Clarify("Which email? For example \"the last email from Sarah\".");
        }
        var ref = reference(refWords, personAlone);
        if (ref == null) {
            return null;
        }
        Map<String, Object> params = named(ref, ctx);
        params.putAll(change);
        return Interpretation.of(new Intent("email.update", params));
    }

    // --- send --------------------------------------------------------------------------------------------------------

    private Interpretation send(String rest, Command command, Context ctx) {
        Phrase r = new Phrase(rest.trim());
        String body = command.quoted();
        String head = r.text;
        String labelled = null;
        Matcher sl = r.matcher(SUBJECT_LABEL);
        if (sl.find()) {
            // "email Priya, subject: Visa letter, body: Could you ...": the fields as labelled.
            head = r.text.substring(0, sl.start());
            Phrase after = r.sub(sl.end());
            Matcher bl = after.matcher(BODY_LABEL);
            Matcher connector = after.matcher(BODY);
            if (bl.find() || (bl = connector).find()) {
                labelled = after.text.substring(0, bl.start());
                if (body == null) {
                    body = Words.capitalize(after.text.substring(bl.end()));
                }
            } else {
                labelled = after.text;
            }
            r = new Phrase(head);
        }
        Matcher b = r.matcher(BODY);
        int that = r.lower.indexOf(" that ");
        int about = r.lower.indexOf(" about ");
        if (labelled != null) {
            head = r.text;
        } else if (b.find()) {
            head = r.text.substring(0, b.start());
            if (body == null) {
                body = Words.capitalize(r.text.substring(b.end()));
            }
        } else if (that > 0 && (about < 0 || about > that)) {
            // "email Bob that the report is done" - but not "email Bob about the fact that ...".
            head = r.text.substring(0, that);
            if (body == null) {
                body = Words.capitalize(r.text.substring(that + 6));
            }
        }
        if (body == null && labelled == null && !SUBJECT.matcher(" " + r.lower).find()) {
            // "email Marcus the report is done": the person the directory knows, then the message.
            String[] words = r.text.split("\\s+");
            for (int n = Math.min(3, words.length - 1); n >= 1; n--) {
                String candidate = String.join(" ", java.util.Arrays.copyOfRange(words, 0, n));
                if (People.looksLikePerson(candidate) && !ctx.people().find(People.clean(candidate)).isEmpty()) {
                    head = candidate;
                    body = Words.capitalize(String.join(" ", java.util.Arrays.copyOfRange(words, n, words.length)));
                    break;
                }
            }
        }
        Phrase h = new Phrase(head);
        String subject = labelled == null ? null : Words.capitalize(labelled.replaceAll("^[\\s,;:]+|[\\s,;:]+$", ""));
        Matcher s = h.matcher(SUBJECT);
        if (s.find()) {
            subject = Words.capitalize(h.text.substring(s.end()).trim());
            h = h.sub(0, s.start());
        }
        List<Object> cc = new ArrayList<>();
        Matcher c = h.matcher(CC);
        if (c.find()) {
            for (String who : Words.splitList(h.text.substring(c.end()))) {
                cc.add(People.recipient(who, People.Channel.EMAIL, ctx));
            }
            h = h.sub(0, c.start());
        }
        List<Object> to = new ArrayList<>();
        for (String who : Words.splitList(h.text)) {
            to.add(People.recipient(who, People.Channel.EMAIL, ctx));
        }
        if (to.isEmpty()) {
            throw new Clarify("Who should the email go to?");
        }
        if (body == null || body.isBlank()) {
            List<String> names = new ArrayList<>();
            to.forEach(t -> names.add(People.display(t)));
            throw new Clarify("What should the email to " + String.join(" and ", names) + " say?");
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("to", to);
        if (!cc.isEmpty()) {
            params.put("cc", cc);
        }
        if (subject != null && !subject.isBlank()) {
            params.put("subject", subject);
        }
        params.put("body", body.trim());
        return Interpretation.of(new Intent("email.send", params));
    }


}
