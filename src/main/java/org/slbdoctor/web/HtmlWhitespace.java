package org.slbdoctor.web;

/**
 * Drops the templates' indentation from rendered HTML before it is kept: a run of white space between
 * two tags that holds a line break becomes that one line break. A browser renders both the same (white
 * space between tags collapses to one space); the templates hold no {@code <pre>}, and the few
 * {@code white-space: pre-line} elements get their text from th:text, which this never changes unless
 * that text is nothing but white space. An instance page's report was ~18 % indentation.
 */
final class HtmlWhitespace {

    private HtmlWhitespace() {
    }

    /** One pass, no regular expression: a regex replace was a third of rendering a page to keep it. */
    static String trim(String html) {
        int n = html.length();
        StringBuilder out = new StringBuilder(n);
        int i = 0;
        while (i < n) {
            char c = html.charAt(i++);
            out.append(c);
            if (c != '>') {
                continue;
            }
            int j = i;
            boolean lineBreak = false;
            while (j < n && isSpace(html.charAt(j))) {
                lineBreak |= html.charAt(j) == '\n';
                j++;
            }
            if (lineBreak && j < n && html.charAt(j) == '<') {
                out.append('\n');
                i = j;
            }
        }
        return out.toString();
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }
}
