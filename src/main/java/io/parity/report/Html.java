package io.parity.report;

/** Escaping for text and attribute values in the HTML report (and parity serve's page): every value from a database or a spec goes through it. */
public final class Html {

    private Html() {
    }

    public static String esc(Object value) {
        String s = String.valueOf(value);
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        out.append("&#x2423;"); // a visible mark for control characters, which HTML cannot show
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
