package eu.herald.links.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The visitor hash: SHA-256 of the day's random salt, the address and the user agent. The salt is kept in the
 * database (so every node hashes alike) and deleted after two days, so yesterday's hashes cannot be recomputed and
 * the address is never stored.
 */
@Component
class Visitors {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final ConcurrentMap<LocalDate, byte[]> salts = new ConcurrentHashMap<>();

    Visitors(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    byte[] hash(LocalDate day, String address, @Nullable String userAgent) {
        return hash(salt(day), address, userAgent);
    }

    static byte[] hash(byte[] salt, String address, @Nullable String userAgent) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update(address.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update((userAgent == null ? "" : userAgent).getBytes(StandardCharsets.UTF_8));
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] salt(LocalDate day) {
        return salts.computeIfAbsent(day, d -> {
            byte[] fresh = new byte[32];
            RANDOM.nextBytes(fresh);
            jdbc.sql("INSERT INTO links.salt (day, salt) VALUES (?, ?) ON CONFLICT (day) DO NOTHING")
                    .params(d, fresh)
                    .update();
            return jdbc.sql("SELECT salt FROM links.salt WHERE day = ?")
                    .param(d)
                    .query(byte[].class)
                    .single();
        });
    }

    @Scheduled(cron = "0 5 0 * * *", zone = "Europe/Brussels")
    void forgetOldSalts() {
        LocalDate keepFrom = LocalDate.now(Links.BRUSSELS).minusDays(1);
        salts.keySet().removeIf(d -> d.isBefore(keepFrom));
        jdbc.sql("DELETE FROM links.salt WHERE day < ?").param(keepFrom).update();
    }
}
