package org.slbdoctor.artifact;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Text pasted on the artifacts page travels as a multipart form field, and Tomcat caps form fields of
 * a multipart request at the connector's maxPostSize ({@code server.tomcat.max-http-form-post-size}).
 * Keep it above {@code slbdoctor.artifacts.max-bytes}, so whatever the API accepts the page accepts.
 */
@Configuration(proxyBeanMethods = false)
class ArtifactFormPostSizeConfig {

    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> artifactFormPostSize(ArtifactProperties artifacts) {
        return factory -> factory.addConnectorCustomizers(connector -> connector.setMaxPostSize(
                (int) Math.min(Integer.MAX_VALUE, Math.max(connector.getMaxPostSize() < 0 ? Long.MAX_VALUE
                        : connector.getMaxPostSize(), required(artifacts)))));
    }

    static long required(ArtifactProperties artifacts) {
        return artifacts.maxBytes() + 2 * ArtifactMultipartConfig.MARGIN;
    }
}
