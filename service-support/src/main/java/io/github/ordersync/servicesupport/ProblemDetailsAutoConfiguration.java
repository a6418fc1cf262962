package io.github.ordersync.servicesupport;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error a service answers is an RFC 9457 problem detail, whether Spring MVC or Tomcat itself refused the
 * request. Runs before Spring MVC's auto-configuration so that Boot's own problem-details handler backs off.
 */
@AutoConfiguration(before = WebMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public final class ProblemDetailsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(ResponseEntityExceptionHandler.class)
    ProblemDetails problemDetails() {
        return new ProblemDetails();
    }

    /** Only where Tomcat is the server (not in a MockMvc slice). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.apache.catalina.startup.Tomcat")
    static class TomcatConfiguration {

        @Bean
        TomcatErrors problemDetailsForTomcatsOwnErrors() {
            return new TomcatErrors();
        }
    }
}
