package io.switchboard.webchat;

/** A frame the hub answers with an error frame; the connection stays open. */
final class FrameException extends RuntimeException {

    private final String code;
    private final String clientId;

    FrameException(String code, String reason, String clientId) {
        super(reason, null, false, false);
        this.code = code;
        this.clientId = clientId;
    }

    static FrameException malformed(String reason) {
        return new FrameException("malformed", reason, null);
    }

    String code() {
        return code;
    }

    String clientId() {
        return clientId;
    }
}
