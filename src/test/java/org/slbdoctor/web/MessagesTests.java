package org.slbdoctor.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every label exists in English and Simplified Chinese, and every literal #{key} in a template exists. */
class MessagesTests {

    private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([A-Za-z][A-Za-z0-9_.-]*)");

    @Test
    void englishAndChineseHaveExactlyTheSameKeys() throws IOException {
        Set<String> english = load("messages.properties").stringPropertyNames();
        Set<String> chinese = load("messages_zh_CN.properties").stringPropertyNames();
        assertThat(new TreeSet<>(chinese)).as("keys of messages_zh_CN.properties")
                .containsExactlyElementsOf(new TreeSet<>(english));
    }

    @Test
    void chineseLabelsAreTranslated() throws IOException {
        Properties chinese = load("messages_zh_CN.properties");
        assertThat(chinese.getProperty("nav.dashboard")).isEqualTo("概览");
        assertThat(chinese.getProperty("login.submit")).isEqualTo("登录");
    }

    @Test
    void everyKeyUsedInATemplateExists() throws IOException {
        Set<String> known = load("messages.properties").stringPropertyNames();
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher m = MESSAGE_KEY.matcher(Files.readString(file));
                while (m.find()) {
                    if (!known.contains(m.group(1))) {
                        missing.add(file.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(missing).as("message keys used in templates but absent from messages.properties").isEmpty();
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTests.class.getClassLoader().getResourceAsStream(name);
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
