package eu.herald.publishing.domain;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import eu.herald.publishing.DeliveryId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * db-scheduler set up for deliveries, by hand rather than through its Spring Boot starter (which targets Boot 3): one
 * one-time execution per delivery (instance id = delivery id) in {@code publishing.scheduled_tasks}, picked by any
 * node with lock-and-fetch polling, kept alive by heartbeats; an execution whose node stopped sending heartbeats is
 * revived on another node, whose run then sees "SENDING" and looks the post up first. The watchdog is a recurring
 * task, so one node at a time runs it.
 */
public final class PublishingScheduler {

    public static final String TABLE = "publishing.scheduled_tasks";
    public static final TaskDescriptor<Void> DELIVERY = TaskDescriptor.of("publishing-delivery");
    static final String WATCHDOG = "publishing-watchdog";

    private PublishingScheduler() {}

    /** The task that runs a delivery through the engine and reschedules it when the engine says so. */
    public static CustomTask<Void> deliveryTask(DeliveryEngine engine) {
        return Tasks.custom(DELIVERY)
                .onDeadExecutionRevive()
                // An error the engine did not expect (the database away, a bug): the delivery stays as it was and
                // is run again later; a SENDING one is then looked up first, and the watchdog raises it if it stays.
                .onFailure((complete, operations) ->
                        operations.reschedule(complete, Instant.now().plusSeconds(30)))
                .execute((instance, context) -> {
                    Optional<Instant> next = engine.run(DeliveryId.of(instance.getId()));
                    return next.<CompletionHandler<Void>>map(
                                    at -> (complete, operations) -> operations.reschedule(complete, at))
                            .orElse((complete, operations) -> operations.remove());
                });
    }

    public static RecurringTask<Void> watchdogTask(Watchdog watchdog, Duration interval) {
        return Tasks.recurring(WATCHDOG, FixedDelay.of(interval)).execute((instance, context) -> watchdog.raiseStuck());
    }

    /**
     * A scheduler on {@code dataSource} (wrapped so that scheduling joins the caller's Spring transaction: a delivery
     * and its execution are committed together).
     */
    public static Scheduler create(
            DataSource dataSource,
            List<Task<?>> tasks,
            List<RecurringTask<?>> startTasks,
            PublishingProperties.Scheduler settings,
            String name) {
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), tasks)
                .startTasks(startTasks)
                .tableName(TABLE)
                .schedulerName(new SchedulerName.Fixed(name))
                .threads(settings.threads())
                .pollingInterval(settings.pollingInterval())
                .pollUsingLockAndFetch(settings.lowerLimitFractionOfThreads(), settings.upperLimitFractionOfThreads())
                .heartbeatInterval(settings.heartbeatInterval())
                .missedHeartbeatsLimit(settings.missedHeartbeats())
                .shutdownMaxWait(settings.shutdownMaxWait())
                .enableImmediateExecution()
                .commitWhenAutocommitDisabled(false)
                .build();
    }
}
