package org.slbdoctor.slb;

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
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a response body with a real JSON parser before the SDK sees it. The SDK's own reader loops
 * forever on an unclosed object, exhausts the heap on a body cut mid-string, and throws an unchecked
 * NumberFormatException for {@code 80.0} in an integer field; so anything that is not one complete
 * JSON object, or that has a non-integral number where the SDK's response class reads an
 * Integer/Long, is refused here.
 */
final class ResponseValidator {

    private static final String MODEL_PACKAGE = "com.aliyuncs.slb.model.v20140515.";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, FieldTypes> TYPES = new ConcurrentHashMap<>();

    /** Lower-cased JSON names the SDK reads as numbers, and those it (also) reads as strings. */
    record FieldTypes(Set<String> integers, Set<String> strings) {
    }

    private ResponseValidator() {
    }

    /** Empty when the body is acceptable, else why not (for the error message). */
    static Optional<String> problem(String action, byte[] body) {
        if (body == null || body.length == 0) {
            return Optional.of("empty body");
        }
        FieldTypes types = action == null ? new FieldTypes(Set.of(), Set.of())
                : TYPES.computeIfAbsent(action, ResponseValidator::fieldTypes);
        try (JsonParser p = JSON.createParser(body)) {
            JsonToken first = p.nextToken();
            if (first != JsonToken.START_OBJECT) {
                return Optional.of("not a JSON object");
            }
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_STRING) {
                    String name = nameOf(p);
                    if (name == null || !types.integers().contains(name)) {
                        continue;
                    }
                    if (t == JsonToken.VALUE_NUMBER_FLOAT) {
                        return Optional.of("non-integral number " + p.getString() + " in integer field " + name);
                    }
                    String s = p.getString().trim();
                    if (!s.isEmpty() && !types.strings().contains(name) && !s.matches("-?\\d{1,18}")) {
                        return Optional.of("\"" + abbreviate(s) + "\" in integer field " + name);
                    }
                }
                if (p.streamReadContext().inRoot() && (t == JsonToken.END_OBJECT)) {
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

    /** The field a value belongs to: its own name, or for array items the array's name. */
    private static String nameOf(JsonParser p) {
        TokenStreamContext ctx = p.streamReadContext();
        while (ctx != null && ctx.inArray()) {
            ctx = ctx.getParent();
        }
        String name = ctx == null ? null : ctx.currentName();
        return name == null ? null : name.toLowerCase(Locale.ROOT);
    }

    private static FieldTypes fieldTypes(String action) {
        Set<String> integers = new HashSet<>();
        Set<String> strings = new HashSet<>();
        try {
            collect(Class.forName(MODEL_PACKAGE + action + "Response"), integers, strings, new HashSet<>());
        } catch (ClassNotFoundException e) {
            // an action this SDK does not model: only the JSON syntax is checked
        }
        return new FieldTypes(Set.copyOf(integers), Set.copyOf(strings));
    }

    private static void collect(Class<?> type, Set<String> integers, Set<String> strings, Set<Class<?>> seen) {
        if (!seen.add(type)) {
            return;
        }
        for (Field f : type.getDeclaredFields()) {
            String name = f.getName().toLowerCase(Locale.ROOT);
            Class<?> ft = f.getType();
            if (isInteger(ft)) {
                integers.add(name);
            } else if (ft == String.class) {
                strings.add(name);
            } else if (java.util.List.class.isAssignableFrom(ft)) {
                Type g = f.getGenericType();
                if (g instanceof ParameterizedType pt && pt.getActualTypeArguments()[0] instanceof Class<?> item) {
                    if (isInteger(item)) {
                        // List<Integer> ListenerPorts → items under "ListenerPort" in {"ListenerPorts":{"ListenerPort":[…]}}
                        integers.add(name);
                        integers.add(name.endsWith("s") ? name.substring(0, name.length() - 1) : name);
                    } else if (item == String.class) {
                        strings.add(name);
                    }
                }
            }
        }
        for (Class<?> nested : type.getDeclaredClasses()) {
            collect(nested, integers, strings, seen);
        }
    }

    private static boolean isInteger(Class<?> t) {
        return t == Integer.class || t == Long.class || t == int.class || t == long.class;
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        return s.length() <= 120 ? s : s.substring(0, 120) + "…";
    }
}
