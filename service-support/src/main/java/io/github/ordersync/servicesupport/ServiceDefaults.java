package io.github.ordersync.servicesupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code service-defaults.yml} (management, tracing and logging settings every service shares) below
 * everything else: a service's application.yml, its profiles, the environment and the command line all override
 * it. Boot reads only one {@code application.yml} from the classpath, hence a file of its own.
 */
class ServiceDefaults implements EnvironmentPostProcessor {

    static final String NAME = "service-defaults.yml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(NAME)) {
            return;
        }
        try {
            for (PropertySource<?> defaults : new YamlPropertySourceLoader().load(NAME, new ClassPathResource(NAME))) {
                environment.getPropertySources().addLast(defaults);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + NAME, e);
        }
        DefaultPropertiesPropertySource.moveToEnd(environment);
    }
}
