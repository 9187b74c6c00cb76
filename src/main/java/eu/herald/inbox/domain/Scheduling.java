package eu.herald.inbox.domain;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The inbox's settings and scheduled work (polling, listening, SLA breaches, retention, IMAP). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties({InboxProperties.class, ImapProperties.class})
class Scheduling {}
