package io.github.ordersync.servicesupport;

import java.io.IOException;
import java.io.PrintWriter;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat answers some requests itself, before Spring MVC sees them: a URL with an encoded slash, a NUL or invalid
 * UTF-8, a path climbing out of the root. Its error report valve writes those answers as an HTML page; this one
 * writes them as RFC 9457 problem details like every other error, without internals.
 */
final class TomcatErrors implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> {

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        // Runs after Boot's own customizer, which adds Tomcat's valve: this replaces it.
        factory.addContextCustomizers(context -> {
            Pipeline host = context.getParent().getPipeline();
            for (Valve valve : host.getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.removeValve(valve);
                }
            }
            host.addValve(new ProblemDetailValve());
            ((StandardHost) context.getParent()).setErrorReportValveClass(ProblemDetailValve.class.getName());
        });
    }

    static final class ProblemDetailValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            HttpStatus known = HttpStatus.resolve(status);
            String problem =
                    "{\"type\":\"about:blank\",\"title\":\"" + (known == null ? "Error" : known.getReasonPhrase())
                            + "\",\"status\":" + status
                            + ",\"detail\":\"The server refused the request before it reached the service; check its URL and headers.\"}";
            try {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                PrintWriter writer = response.getReporter();
                if (writer != null) {
                    writer.write(problem);
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the client is gone; nothing left to answer
            }
        }
    }
}
