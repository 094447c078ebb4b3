package org.slbdoctor.artifact.nginx;

/** nginx's time and size syntax (http://nginx.org/en/docs/syntax.html). */
public final class NginxUnits {

    private NginxUnits() {
    }

    /**
     * {@code 90}, {@code 60s}, {@code 1m}, {@code 1h}, {@code 500ms}, {@code 1m30s}, {@code 1d}, {@code 1w},
     * {@code 1M} (30 days), {@code 1y} → seconds; a bare number is seconds; null when unreadable.
     */
    public static Double seconds(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        double total = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            int start = i;
            while (i < n && Character.isDigit(text.charAt(i))) {
                i++;
            }
            if (i == start || i - start > 12) {
                return null;
            }
            long value = Long.parseLong(text.substring(start, i));
            double unit;
            if (i == n) {
                unit = 1;
            } else if (text.startsWith("ms", i)) {
                unit = 0.001;
                i += 2;
            } else {
                unit = switch (text.charAt(i)) {
                    case 's' -> 1;
                    case 'm' -> 60;
                    case 'h' -> 3600;
                    case 'd' -> 86400;
                    case 'w' -> 7 * 86400;
                    case 'M' -> 30 * 86400;
                    case 'y' -> 365 * 86400;
                    default -> -1;
                };
                if (unit < 0) {
                    return null;
                }
                i++;
            }
            total += value * unit;
        }
        return total;
    }

    /** {@code 1024}, {@code 8k}, {@code 8K}, {@code 1m}, {@code 1g} → bytes; null when unreadable. */
    public static Long bytes(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        char last = text.charAt(text.length() - 1);
        long unit = switch (last) {
            case 'k', 'K' -> 1024L;
            case 'm', 'M' -> 1024L * 1024;
            case 'g', 'G' -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        String digits = unit == 1 ? text : text.substring(0, text.length() - 1);
        if (digits.isEmpty() || digits.length() > 12 || !digits.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Long.parseLong(digits) * unit;
    }
}
