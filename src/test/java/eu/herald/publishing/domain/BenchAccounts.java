package eu.herald.publishing.domain;

import eu.herald.channels.ChannelAccount;
import eu.herald.channels.ChannelAccountId;
import eu.herald.channels.ChannelGateway;
import eu.herald.publishing.PublishingFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.context.ApplicationContext;

/** The benchmark's webhook accounts, created through the channels API (as an organisation would), eight at a time. */
final class BenchAccounts {

    private BenchAccounts() {}

    static List<ChannelAccount> create(ApplicationContext context, PublishingFixtures fixtures, String hook, int count)
            throws InterruptedException {
        ChannelGateway gateway = context.getBean(ChannelGateway.class);
        List<Future<String>> ids = new ArrayList<>(count);
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < count; i++) {
                int n = i;
                ids.add(pool.submit(() -> fixtures.account(
                        "WEBHOOK", "Bench hook " + n, Map.of("url", hook, "signingSecret", "bench-secret-" + n))));
            }
        }
        List<ChannelAccount> accounts = new ArrayList<>(count);
        for (Future<String> id : ids) {
            try {
                accounts.add(gateway.account(ChannelAccountId.of(id.get())).orElseThrow());
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        return accounts;
    }
}
