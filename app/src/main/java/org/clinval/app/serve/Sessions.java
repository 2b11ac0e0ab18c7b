package org.clinval.app.serve;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.clinval.workflows.signature.UserAccount;

/**
 * The server's sessions and its defence against password guessing.
 *
 * <p>A session is a random 256-bit token (the cookie's value) mapped to the user, a CSRF token of
 * its own and the time of its last request; it ends after {@code idle} without a request, on log
 * out, and when the server stops (sessions are not records: the user logs in again). Lock-out:
 * after {@value #MAX_FAILURES} wrong passwords for one user id within {@code lockFor}, that id is
 * refused, right password or not, until {@code lockFor} has passed since the last failure; the
 * counter applies to ids that do not exist too, so the answer never says whether an id exists.
 */
final class Sessions {

    /** Wrong passwords in a row that lock a user id. */
    static final int MAX_FAILURES = 5;

    private static final SecureRandom RANDOM = new SecureRandom();

    /** One logged-in user. */
    static final class Session {
        final String token;
        final String csrf;
        final String userId;
        final String name;
        final java.util.Set<String> groups;
        volatile Instant lastSeen;
        volatile Instant passwordConfirmed;

        Session(UserAccount user, Instant now) {
            this.token = random();
            this.csrf = random();
            this.userId = user.id();
            this.name = user.printedName();
            this.groups = java.util.Set.copyOf(user.groups());
            this.lastSeen = now;
            this.passwordConfirmed = now;
        }

        boolean isIn(String... any) {
            for (String g : any) if (groups.contains(g)) return true;
            return false;
        }
    }

    private record Failures(int count, Instant last) {}

    private final Map<String, Session> byToken = new ConcurrentHashMap<>();
    private final Map<String, Failures> failures = new HashMap<>();
    private final Duration idle;
    private final Duration lockFor;
    private final Clock clock;

    Sessions(Duration idle, Duration lockFor, Clock clock) {
        this.idle = idle;
        this.lockFor = lockFor;
        this.clock = clock;
    }

    Duration idle() {
        return idle;
    }

    /** Returns when {@code userId} is locked until, if it is locked now. */
    synchronized Optional<Instant> lockedUntil(String userId) {
        Failures f = failures.get(userId);
        if (f == null || f.count() < MAX_FAILURES) return Optional.empty();
        Instant until = f.last().plus(lockFor);
        if (clock.instant().isBefore(until)) return Optional.of(until);
        failures.remove(userId);
        return Optional.empty();
    }

    /** Counts a wrong password; returns whether this failure locked the id. */
    synchronized boolean failed(String userId) {
        Failures f = failures.get(userId);
        int n = f == null ? 1 : f.count() + 1;
        failures.put(userId, new Failures(n, clock.instant()));
        return n == MAX_FAILURES;
    }

    /** Starts a session for {@code user} after a right password. */
    synchronized Session open(UserAccount user) {
        failures.remove(user.id());
        Session s = new Session(user, clock.instant());
        byToken.put(s.token, s);
        return s;
    }

    /** Returns the live session of {@code token}, touching it; an idle one is ended. */
    Optional<Session> find(String token) {
        if (token == null) return Optional.empty();
        Session s = byToken.get(token);
        if (s == null) return Optional.empty();
        Instant now = clock.instant();
        if (!now.isBefore(s.lastSeen.plus(idle))) {
            byToken.remove(token);
            return Optional.empty();
        }
        s.lastSeen = now;
        return Optional.of(s);
    }

    void close(String token) {
        if (token != null) byToken.remove(token);
    }

    Instant now() {
        return clock.instant();
    }

    private static String random() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
