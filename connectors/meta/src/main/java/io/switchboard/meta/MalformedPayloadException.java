package io.switchboard.meta;

/** A correctly signed webhook whose JSON is not what Meta sends: answered 400 with this reason. */
class MalformedPayloadException extends RuntimeException {

    MalformedPayloadException(String reason) {
        super(reason);
    }
}
