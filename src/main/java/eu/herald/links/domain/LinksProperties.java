package eu.herald.links.domain;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The links module's settings: months of raw clicks kept, the group commit's largest batch and number of writer
 * threads, and how long a redirect waits for its click to be committed before answering 503; the fonts posters embed (Debian's
 * fonts-dejavu-core by default); the redirect's own listener (off unless a port is given; 0 = any free port), its
 * address and number of event-loop threads (0 = one per core).
 */
@ConfigurationProperties("herald.links")
public record LinksProperties(
        @DefaultValue("13") int retention,
        @DefaultValue("200") int batchSize,
        @DefaultValue("1") int writers,
        @DefaultValue("2s") Duration commitTimeout,

        @DefaultValue("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
        String posterFont,

        @DefaultValue("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
        String posterBoldFont,

        @Nullable Integer listenerPort,
        @DefaultValue("0.0.0.0") String listenerAddress,
        @DefaultValue("0") int listenerThreads) {}
