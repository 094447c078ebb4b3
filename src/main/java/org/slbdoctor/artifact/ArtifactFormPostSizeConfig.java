package org.slbdoctor.artifact;

import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat limits that must follow {@code slbdoctor.artifacts.max-bytes}:
 * <ul>
 * <li>Text pasted on the artifacts page travels as a multipart form field, and Tomcat caps form fields of
 * a multipart request at the connector's maxPostSize ({@code server.tomcat.max-http-form-post-size}).
 * Keep it above the artifact limit, so whatever the API accepts the page accepts.</li>
 * <li>When the application answers before reading the whole body (401/403 on an upload, the multipart
 * parser refusing a file far over the limit), Tomcat reads and discards the rest only up to its
 * maxSwallowSize ({@code server.tomcat.max-swallow-size}, 2 MB by default) and otherwise closes the
 * connection: a client still sending its upload then gets a reset instead of the answer. Keep it
 * above twice the artifact limit, so such uploads get their 400/401/403.</li>
 * </ul>
 * Both only ever raise what is configured.
 */
@Configuration(proxyBeanMethods = false)
class ArtifactFormPostSizeConfig {

    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> artifactFormPostSize(ArtifactProperties artifacts) {
        return factory -> factory.addConnectorCustomizers(connector -> {
            connector.setMaxPostSize(raise(connector.getMaxPostSize(), required(artifacts)));
            if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
                http.setMaxSwallowSize(raise(http.getMaxSwallowSize(), swallowed(artifacts)));
            }
        });
    }

    static long required(ArtifactProperties artifacts) {
        return artifacts.maxBytes() + 2 * ArtifactMultipartConfig.MARGIN;
    }

    static long swallowed(ArtifactProperties artifacts) {
        return 2 * required(artifacts);
    }

    /** A negative Tomcat limit means unlimited: keep it. */
    private static int raise(int current, long required) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(current < 0 ? Long.MAX_VALUE : current, required));
    }
}
