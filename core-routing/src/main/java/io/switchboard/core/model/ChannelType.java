package io.switchboard.core.model;

/** Every channel family a customer can write from. */
public enum ChannelType {
    WEBCHAT, EMAIL, SMS, WHATSAPP, MESSENGER, INSTAGRAM, TELEGRAM
}
