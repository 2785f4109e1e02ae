package fr.esante.medimail.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** An operator follows one account through the logs: its requests' lines carry the service and the account id. */
class RequestLogContextTest {

    private final Logger handlerLog = (Logger) LoggerFactory.getLogger("fr.esante.medimail.test.Handler");
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final RequestLogContext filter = new RequestLogContext("registration-service");

    @BeforeEach
    void listen() {
        lines.start();
        handlerLog.addAppender(lines);
    }

    @AfterEach
    void stopListening() {
        handlerLog.detachAppender(lines);
    }

    @Test
    void theLinesOfARequestNameTheServiceAndTheAccountOnceKnown() throws Exception {
        UUID account = UUID.randomUUID();
        handle(() -> {
            handlerLog.info("before the session is read");
            RequestLogContext.account(account);
            handlerLog.info("profile submitted");
        });

        assertThat(lines.list).hasSize(2);
        assertThat(lines.list.get(0).getMDCPropertyMap())
                .containsEntry("service", "registration-service").doesNotContainKey("accountId");
        assertThat(lines.list.get(1).getMDCPropertyMap())
                .containsEntry("service", "registration-service").containsEntry("accountId", account.toString());
    }

    @Test
    void theNextRequestOnTheSameThreadDoesNotInheritTheAccount() throws Exception {
        handle(() -> RequestLogContext.account(UUID.randomUUID()));
        handle(() -> handlerLog.info("anonymous registration"));

        assertThat(lines.list.get(0).getMDCPropertyMap()).doesNotContainKey("accountId");
        handlerLog.info("outside any request");
        assertThat(lines.list.get(1).getMDCPropertyMap()).doesNotContainKey("service").doesNotContainKey("accountId");
    }

    private void handle(Runnable handler) throws Exception {
        HttpServlet servlet = new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response) {
                handler.run();
            }
        };
        filter.doFilter(new MockHttpServletRequest("GET", "/api/v1/me"), new MockHttpServletResponse(), new MockFilterChain(servlet));
    }
}
