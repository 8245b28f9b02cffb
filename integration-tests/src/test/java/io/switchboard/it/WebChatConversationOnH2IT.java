package io.switchboard.it;

/** The vertical slice on the embedded default database. */
class WebChatConversationOnH2IT extends WebChatConversationContract {

    @Override
    Hub.Database database() {
        return Hub.Database.h2();
    }
}
