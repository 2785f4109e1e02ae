package fr.esante.medimail.local;

import java.util.concurrent.locks.ReentrantLock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.SmartApplicationListener;
import org.springframework.core.Ordered;

/**
 * Spring Boot sets logback up while each application starts (reset, then configure). Where the services start two
 * at a time in one JVM with Boot's logging on (the end-to-end and fault-injection tests), two set-ups interleave and
 * the console appender ends up attached twice: every line is printed twice. The set-up of one application is made to
 * finish before the next begins; the second one then finds logback set up and leaves it alone.
 */
final class OneLoggingSetUpAtATime {

    private static final ReentrantLock SET_UP = new ReentrantLock();

    private OneLoggingSetUpAtATime() {
    }

    static void applyTo(SpringApplication application) {
        application.addListeners(new Before(), new After());
    }

    /** Runs before Boot's LoggingApplicationListener, in the thread that starts the application. */
    private static final class Before implements SmartApplicationListener {
        @Override
        public boolean supportsEventType(Class<? extends ApplicationEvent> eventType) {
            return ApplicationStartingEvent.class.isAssignableFrom(eventType);
        }

        @Override
        public void onApplicationEvent(ApplicationEvent event) {
            SET_UP.lock();
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }

    /** Runs after it: logging is set up (or the start failed before getting there). */
    private static final class After implements SmartApplicationListener {
        @Override
        public boolean supportsEventType(Class<? extends ApplicationEvent> eventType) {
            return ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(eventType)
                    || ApplicationFailedEvent.class.isAssignableFrom(eventType);
        }

        @Override
        public void onApplicationEvent(ApplicationEvent event) {
            if (SET_UP.isHeldByCurrentThread()) {
                SET_UP.unlock();
            }
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
