package org.slbdoctor.report;

/**
 * Makes text safe for an XML 1.0 document, which the PDF renderer parses: control characters (a log
 * line with {@code \u001b[31m}, a name with {@code \u0001}), unpaired surrogates and the
 * non-characters U+FFFE/U+FFFF are not allowed there and would abort the whole record. They are
 * removed; tab and line breaks stay. Escaping of {@code <}, {@code &} etc. is Thymeleaf's job
 * ({@code th:text}); this only removes what no escaping can express.
 */
final class XmlText {

    private XmlText() {
    }

    static String clean(String text) {
        if (text == null) {
            return null;
        }
        int n = text.length();
        int first = 0;
        while (first < n && allowedAt(text, first)) {
            first += Character.charCount(text.codePointAt(first));
        }
        if (first == n) {
            return text; // the common case: nothing to remove, no copy
        }
        StringBuilder b = new StringBuilder(n);
        b.append(text, 0, first);
        for (int i = first; i < n; ) {
            int cp = text.codePointAt(i);
            int len = Character.charCount(cp);
            if (allowedAt(text, i)) {
                b.appendCodePoint(cp);
            }
            i += len;
        }
        return b.toString();
    }

    private static boolean allowedAt(String text, int i) {
        int cp = text.codePointAt(i);
        if (cp == '\t' || cp == '\n' || cp == '\r') {
            return true;
        }
        if (Character.isISOControl(cp)) { // C0, DEL and C1
            return false;
        }
        if (Character.isSurrogate((char) cp)) { // codePointAt gives a lone surrogate as itself
            return false;
        }
        return cp != 0xFFFE && cp != 0xFFFF;
    }
}
