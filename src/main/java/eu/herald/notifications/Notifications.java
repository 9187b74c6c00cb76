package eu.herald.notifications;

/** Delivers notices in-app and by email. */
public interface Notifications {

    /**
     * Stores an in-app notice for every active recipient (joining the caller's transaction) and, if the notice asks
     * for it, emails each one in their own language after that transaction commits (at once without one). A failed
     * email never undoes the in-app notice; the notice records whether its email went out.
     */
    void notify(Notice notice);
}
