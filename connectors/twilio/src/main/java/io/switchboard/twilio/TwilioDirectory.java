package io.switchboard.twilio;

import com.twilio.security.RequestValidator;
import io.switchboard.core.model.ChannelAddress;
import io.switchboard.core.model.ChannelType;
import io.switchboard.twilio.TwilioProperties.Account;
import io.switchboard.twilio.TwilioProperties.Line;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Our accounts and numbers, numbers keyed by E.164, checked once at start-up. */
final class TwilioDirectory {

    /** One of our numbers, with the account it belongs to. */
    record Number(String e164, Line settings, Account account) {

        boolean serves(ChannelType channel) {
            return channel == ChannelType.SMS || channel == ChannelType.WHATSAPP && settings.whatsapp();
        }
    }

    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private final Map<String, RequestValidator> validators = new LinkedHashMap<>();
    private final Map<String, Number> numbers = new LinkedHashMap<>();

    TwilioDirectory(List<Account> configured, PhoneNumbers phones) {
        for (int a = 0; a < configured.size(); a++) {
            Account account = configured.get(a);
            if (accounts.putIfAbsent(account.accountSid(), account) != null) {
                throw new IllegalStateException("hub.channels.twilio.accounts[" + a + "]: account "
                        + account.accountSid() + " is configured twice");
            }
            validators.put(account.accountSid(), new RequestValidator(account.authToken()));
            for (int n = 0; n < account.numbers().size(); n++) {
                add(account, account.numbers().get(n), "hub.channels.twilio.accounts[" + a + "].numbers[" + n + "]",
                        phones);
            }
        }
    }

    private void add(Account account, Line line, String property, PhoneNumbers phones) {
        String e164 = phones.e164(line.number()).orElseThrow(() -> new IllegalStateException(
                property + ".number '" + line.number() + "' is not a phone number; write it in E.164, e.g. +15550001111"));
        if (numbers.putIfAbsent(e164, new Number(e164, line, account)) != null) {
            throw new IllegalStateException(property + ".number " + e164 + " is configured twice");
        }
    }

    List<Account> accounts() {
        return List.copyOf(accounts.values());
    }

    Optional<Account> account(String accountSid) {
        return Optional.ofNullable(accountSid).map(accounts::get);
    }

    /** Twilio's validator for the account's auth token (thread-safe: a fresh Mac per call). */
    RequestValidator validator(Account account) {
        return validators.get(account.accountSid());
    }

    Optional<Number> number(String e164) {
        return Optional.ofNullable(e164).map(numbers::get);
    }

    Map<String, Number> numbers() {
        return Map.copyOf(numbers);
    }

    /** Whether {@code target} is reached through one of our numbers on its channel. */
    boolean serves(ChannelAddress target) {
        return number(target.account()).map(number -> number.serves(target.channel())).orElse(false);
    }
}
