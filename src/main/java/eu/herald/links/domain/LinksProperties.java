package eu.herald.links.domain;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The links module's settings: months of raw clicks kept, the group commit's batch size and wait, and how long a
 * redirect waits for its click to be committed before answering 503; the fonts posters embed (Debian's
 * fonts-dejavu-core by default).
 */
@ConfigurationProperties("herald.links")
public record LinksProperties(
        @DefaultValue("13") int retention,
        @DefaultValue("200") int batchSize,
        @DefaultValue("5ms") Duration batchWait,
        @DefaultValue("1ms") Duration batchLinger,
        @DefaultValue("2") int writers,
        @DefaultValue("2s") Duration commitTimeout,

        @DefaultValue("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
        String posterFont,

        @DefaultValue("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
        String posterBoldFont) {}
