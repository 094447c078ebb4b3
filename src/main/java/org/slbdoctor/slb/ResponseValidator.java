package org.slbdoctor.slb;

import com.aliyuncs.AcsResponse;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a response body with a real JSON parser before the SDK sees it. The SDK's own reader
 * (reference §2.1) loops forever on an unclosed object, exhausts the heap on a body cut mid-string,
 * throws unchecked exceptions for {@code 80.0}, {@code true} or an out-of-range number in an
 * Integer/Long field, for {@code [[…]]} and for {@code [null]}, and silently reads a wrapper-less
 * array ({@code "BackendServers":[…]}, or a wrapped one in DescribeLoadBalancerListeners) as empty.
 * All of that is refused here; what the SDK parses correctly passes.
 *
 * <p>Two valid shapes the SDK reader garbles are rewritten instead ({@link #normalised}): &#92;uXXXX
 * escapes (it drops the backslash) and a leading byte-order mark (it then reads nothing).
 */
final class ResponseValidator {

    private static final String MODEL_PACKAGE = "com.aliyuncs.slb.model.v20140515.";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, FieldTypes> TYPES = new ConcurrentHashMap<>();
    /**
     * The lists whose shape is checked: those the application reads (a wrongly shaped list of tags or
     * ACL ids loses nothing we use, and refusing the whole answer for it would).
     */
    private static final Set<String> READ_LISTS = Set.of("regions", "loadbalancers", "backendservers", "listeners",
            "listenerports", "listenerportsandprotocol", "listenerportsandprotocal", "vservergroups", "rules");
    private static final FieldTypes SYNTAX_ONLY = new FieldTypes(Set.of(), Set.of(), Set.of(), true);

    /**
     * Lower-cased JSON names the SDK reads as Integer, as Long and as String; whether the
     * response class wants arrays inside wrapper objects ({@code checkShowJsonItemName()}).
     */
    record FieldTypes(Set<String> ints, Set<String> longs, Set<String> strings, boolean wrapped) {
    }

    private ResponseValidator() {
    }

    /** Empty when the body is acceptable, else why not (for the error message). */
    static Optional<String> problem(String action, byte[] body) {
        if (body == null || body.length == 0) {
            return Optional.of("empty body");
        }
        FieldTypes types = action == null ? SYNTAX_ONLY : TYPES.computeIfAbsent(action, ResponseValidator::fieldTypes);
        try (JsonParser p = JSON.createParser(body)) {
            JsonToken first = p.nextToken();
            if (first != JsonToken.START_OBJECT) {
                return Optional.of("not a JSON object");
            }
            // an array just opened whose first token tells whether it is a non-empty bare array
            String openedBare = null;
            // inside a wrapper object where the action wants a bare array: nesting level, and its name
            int wrapperLevel = 0;
            String wrapperName = null;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (openedBare != null) {
                    if (t != JsonToken.END_ARRAY) {
                        return Optional.of("array \"" + openedBare + "\" without its wrapper object (the SDK reads it as empty)");
                    }
                    openedBare = null;
                }
                if (wrapperLevel > 0) {
                    if (t == JsonToken.START_OBJECT || t.isScalarValue()) {
                        return Optional.of("\"" + wrapperName + "\" is a wrapper object where this action has a bare "
                                + "array (the SDK reads it as empty)");
                    }
                    wrapperLevel += t == JsonToken.START_ARRAY ? 1 : t == JsonToken.END_ARRAY || t == JsonToken.END_OBJECT ? -1 : 0;
                }
                TokenStreamContext parent = p.streamReadContext().getParent();
                switch (t) {
                    case START_ARRAY -> {
                        if (parent != null && parent.inArray()) {
                            return Optional.of("an array directly inside an array");
                        }
                        String name = p.currentName();
                        if (types.wrapped() && name != null && READ_LISTS.contains(lower(name))) {
                            openedBare = name;
                        }
                    }
                    case START_OBJECT -> {
                        String name = p.currentName();
                        if (!types.wrapped() && wrapperLevel == 0 && name != null && parent != null && parent.inObject()
                                && READ_LISTS.contains(lower(name))) {
                            wrapperLevel = 1;
                            wrapperName = name;
                        }
                    }
                    case VALUE_NULL -> {
                        if (p.streamReadContext().inArray()) {
                            return Optional.of("null inside an array");
                        }
                    }
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_STRING, VALUE_TRUE, VALUE_FALSE -> {
                        Optional<String> wrong = wrongScalar(p, t, types);
                        if (wrong.isPresent()) {
                            return wrong;
                        }
                    }
                    default -> {
                    }
                }
                if (t == JsonToken.END_OBJECT && p.streamReadContext().inRoot()) {
                    if (p.nextToken() != null) {
                        return Optional.of("content after the JSON object");
                    }
                    return Optional.empty();
                }
            }
            return Optional.of("JSON ends before the object is closed");
        } catch (JacksonException e) {
            return Optional.of("invalid JSON: " + abbreviate(e.getOriginalMessage()));
        }
    }

    /** A value the SDK's UnmarshallerContext cannot convert for the field it belongs to. */
    private static Optional<String> wrongScalar(JsonParser p, JsonToken t, FieldTypes types) {
        String name = nameOf(p);
        if (name == null) {
            return Optional.empty();
        }
        String key = lower(name);
        boolean isLong = types.longs().contains(key);
        if (!isLong && !types.ints().contains(key)) {
            return Optional.empty();
        }
        // a name the SDK reads as a string somewhere else in the same answer: only numbers are certain
        boolean alsoString = types.strings().contains(key);
        String kind = isLong ? "Long" : "Integer";
        switch (t) {
            case VALUE_NUMBER_FLOAT -> {
                return Optional.of("non-integral number " + p.getString() + " in " + kind + " field " + name);
            }
            case VALUE_NUMBER_INT -> {
                JsonParser.NumberType n = p.getNumberType();
                boolean fits = n == JsonParser.NumberType.INT || (isLong && n == JsonParser.NumberType.LONG);
                return fits ? Optional.empty() : Optional.of(p.getString() + " out of range of " + kind + " field " + name);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return alsoString ? Optional.empty() : Optional.of(t.asString() + " in " + kind + " field " + name);
            }
            default -> {
                String s = p.getString();
                if (s.isEmpty() || alsoString || parses(s, isLong)) {
                    return Optional.empty(); // "" is read as null, "80" as 80
                }
                return Optional.of("\"" + abbreviate(s) + "\" in " + kind + " field " + name);
            }
        }
    }

    private static boolean parses(String s, boolean isLong) {
        try {
            if (isLong) {
                Long.parseLong(s);
            } else {
                Integer.parseInt(s);
            }
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * The body rewritten for the SDK's reader when it holds &#92;u escapes or starts with a BOM:
     * the same JSON with every string written raw in UTF-8. Empty when the body needs no change.
     * Only called for bodies {@link #problem} accepted.
     */
    static Optional<byte[]> normalised(byte[] body) {
        boolean bom = body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF;
        if (!bom && !containsUnicodeEscape(body)) {
            return Optional.empty();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length);
        try (JsonParser p = JSON.createParser(body); JsonGenerator g = JSON.createGenerator(out)) {
            while (p.nextToken() != null) {
                g.copyCurrentEvent(p);
            }
        } catch (JacksonException e) {
            return Optional.empty(); // cannot happen for an accepted body; the SDK then reads it as it is
        }
        return Optional.of(out.toByteArray());
    }

    private static boolean containsUnicodeEscape(byte[] body) {
        for (int i = 0; i + 1 < body.length; i++) {
            if (body[i] == '\\' && body[i + 1] == 'u') {
                return true;
            }
        }
        return false;
    }

    /** The field a value belongs to: its own name, or for array items the array's name. */
    private static String nameOf(JsonParser p) {
        TokenStreamContext ctx = p.streamReadContext();
        while (ctx != null && ctx.inArray()) {
            ctx = ctx.getParent();
        }
        return ctx == null ? null : ctx.currentName();
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static FieldTypes fieldTypes(String action) {
        Set<String> ints = new HashSet<>();
        Set<String> longs = new HashSet<>();
        Set<String> strings = new HashSet<>();
        boolean wrapped = true;
        try {
            Class<?> response = Class.forName(MODEL_PACKAGE + action + "Response");
            collect(response, ints, longs, strings, new HashSet<>());
            if (AcsResponse.class.isAssignableFrom(response)) {
                wrapped = ((AcsResponse) response.getDeclaredConstructor().newInstance()).checkShowJsonItemName();
            }
        } catch (ReflectiveOperationException e) {
            // an action this SDK does not model: only the JSON syntax is checked
            return SYNTAX_ONLY;
        }
        return new FieldTypes(Set.copyOf(ints), Set.copyOf(longs), Set.copyOf(strings), wrapped);
    }

    private static void collect(Class<?> type, Set<String> ints, Set<String> longs, Set<String> strings,
            Set<Class<?>> seen) {
        if (!seen.add(type)) {
            return;
        }
        for (Field f : type.getDeclaredFields()) {
            String name = lower(f.getName());
            Class<?> ft = f.getType();
            if (ft == Integer.class || ft == int.class) {
                ints.add(name);
            } else if (ft == Long.class || ft == long.class) {
                longs.add(name);
            } else if (ft == String.class) {
                strings.add(name);
            } else if (java.util.List.class.isAssignableFrom(ft)) {
                Type g = f.getGenericType();
                if (g instanceof ParameterizedType pt && pt.getActualTypeArguments()[0] instanceof Class<?> item) {
                    // List<Integer> ListenerPorts: items under "ListenerPort" in {"ListenerPorts":{"ListenerPort":[…]}},
                    // directly under "ListenerPorts" when the action has bare arrays
                    String inner = name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
                    if (item == Integer.class) {
                        ints.add(name);
                        ints.add(inner);
                    } else if (item == Long.class) {
                        longs.add(name);
                        longs.add(inner);
                    } else if (item == String.class) {
                        strings.add(name);
                        strings.add(inner);
                    }
                }
            }
        }
        for (Class<?> nested : type.getDeclaredClasses()) {
            collect(nested, ints, longs, strings, seen);
        }
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        return s.length() <= 120 ? s : s.substring(0, 120) + "…";
    }
}
