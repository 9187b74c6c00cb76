package eu.herald.campaigns.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** Hours someone spent on a campaign, and on what. */
public record Effort(UUID id, UUID userId, String userName, LocalDate workedOn, BigDecimal hours, String activity) {}
