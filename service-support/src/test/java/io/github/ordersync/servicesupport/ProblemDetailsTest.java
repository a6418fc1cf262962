package io.github.ordersync.servicesupport;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

class ProblemDetailsTest {

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Failing())
            .setControllerAdvice(new ProblemDetails())
            .build();

    @RestController
    static class Failing {

        @GetMapping("/no-connection")
        String noConnection() {
            throw new DataAccessResourceFailureException("Connection refused to db.internal:3306");
        }

        @GetMapping("/no-transaction")
        String noTransaction() {
            throw new CannotCreateTransactionException("Could not open JPA EntityManager for transaction");
        }

        @GetMapping("/bug")
        String bug() {
            throw new IllegalStateException("secret internals");
        }
    }

    @Test
    void anUnreachableDatabaseIsA503WorthRetryingWithoutInternals() throws Exception {
        for (String path : new String[] {"/no-connection", "/no-transaction"}) {
            mvc.perform(get(path))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "5"))
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.detail").value(not(containsString("db.internal"))))
                    .andExpect(jsonPath("$.detail").value(not(containsString("EntityManager"))));
        }
    }

    @Test
    void anythingUnexpectedIsA500WithoutInternals() throws Exception {
        mvc.perform(get("/bug"))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Internal error"))
                .andExpect(jsonPath("$.detail").value(not(containsString("secret"))));
    }
}
