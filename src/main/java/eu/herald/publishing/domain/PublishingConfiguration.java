package eu.herald.publishing.domain;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import eu.herald.campaigns.CampaignDirectory;
import eu.herald.channels.ChannelGateway;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The delivery engine and its db-scheduler, started once the application is ready and stopped gracefully first. */
@Configuration(proxyBeanMethods = false)
class PublishingConfiguration {

    static String nodeName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "herald";
        }
        return host + "-" + ProcessHandle.current().pid();
    }

    @Bean
    RetryPolicy deliveryRetryPolicy(PublishingProperties properties) {
        return new RetryPolicy(properties);
    }

    @Bean
    DeliveryEngine deliveryEngine(
            Deliveries deliveries,
            PlatformTransactionManager transactions,
            ChannelGateway gateway,
            CampaignDirectory directory,
            ApplicationEventPublisher events,
            DeliveryNotices notices,
            RetryPolicy retries) {
        return new DeliveryEngine(
                deliveries,
                new TransactionTemplate(transactions),
                gateway,
                directory,
                events,
                notices,
                retries,
                nodeName(),
                Clock.systemUTC());
    }

    @Bean(destroyMethod = "")
    Scheduler deliveryScheduler(
            DataSource dataSource, DeliveryEngine engine, Watchdog watchdog, PublishingProperties properties) {
        RecurringTask<Void> watch = PublishingScheduler.watchdogTask(watchdog, properties.watchdogInterval());
        // start tasks (the recurring watchdog) are known to the scheduler through startTasks alone
        List<Task<?>> tasks = List.of(PublishingScheduler.deliveryTask(engine));
        return PublishingScheduler.create(dataSource, tasks, List.of(watch), properties.scheduler(), nodeName());
    }

    @Bean
    DeliverySchedulerLifecycle deliverySchedulerLifecycle(
            Scheduler deliveryScheduler, PublishingProperties properties) {
        return new DeliverySchedulerLifecycle(
                deliveryScheduler, properties.scheduler().enabled());
    }

    /**
     * Starts polling once the application is ready (not while it starts: migrations, demo data) and stops before the
     * web server and the data source, letting running sends finish up to the configured wait.
     */
    static final class DeliverySchedulerLifecycle implements SmartLifecycle {

        private final Scheduler scheduler;
        private final boolean enabled;
        private volatile boolean running;

        DeliverySchedulerLifecycle(Scheduler scheduler, boolean enabled) {
            this.scheduler = scheduler;
            this.enabled = enabled;
        }

        @EventListener(ApplicationReadyEvent.class)
        public void ready() {
            if (enabled && !running) {
                scheduler.start();
                running = true;
            }
        }

        @Override
        public void start() {
            // started by ready(): the application must be ready first
        }

        @Override
        public void stop() {
            if (running) {
                scheduler.stop();
                running = false;
            }
        }

        @Override
        public boolean isRunning() {
            return running;
        }

        @Override
        public int getPhase() {
            return Integer.MAX_VALUE - 100;
        }
    }
}
