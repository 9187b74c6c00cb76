package eu.herald.channels.oauth;

import eu.herald.accounts.OrganisationId;
import eu.herald.channels.ChannelAccount;
import eu.herald.channels.ChannelAccountId;
import eu.herald.channels.ChannelType;
import eu.herald.channels.domain.ChannelAccountService;
import java.util.Map;
import org.springframework.stereotype.Component;

/** What the connect flow needs of the channels module's account store (reach checks included). */
interface ChannelAccountStore {

    boolean canManage(OrganisationId organisation);

    /** The account's organisation, if the current user may manage it (otherwise NotFoundException). */
    OrganisationId organisationOf(ChannelAccountId account);

    ChannelAccount connect(OrganisationId organisation, ChannelType type, String name, Map<String, String> values);

    /** New credentials for an existing account, keeping its name. */
    ChannelAccount reconnect(ChannelAccountId account, Map<String, String> values);

    /** The store as {@link ChannelAccountService} keeps it. */
    @Component
    class Service implements ChannelAccountStore {
        private final ChannelAccountService accounts;

        Service(ChannelAccountService accounts) {
            this.accounts = accounts;
        }

        @Override
        public boolean canManage(OrganisationId organisation) {
            return accounts.canManage(organisation);
        }

        @Override
        public OrganisationId organisationOf(ChannelAccountId account) {
            var view = accounts.account(account);
            if (!view.manageable()) {
                throw new eu.herald.common.NotFoundException("channel account");
            }
            return view.account().organisation();
        }

        @Override
        public ChannelAccount connect(
                OrganisationId organisation, ChannelType type, String name, Map<String, String> values) {
            return accounts.connect(organisation, type, name, values);
        }

        @Override
        public ChannelAccount reconnect(ChannelAccountId account, Map<String, String> values) {
            var view = accounts.account(account);
            return accounts.reconnect(account, view.version(), view.account().name(), values);
        }
    }
}
