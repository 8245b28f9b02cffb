package io.switchboard.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretTokenTest {

    @Test
    void matchesOnlyTheExactSecret() {
        assertThat(SecretToken.matches("s3cr3t-Token_1", "s3cr3t-Token_1")).isTrue();
        assertThat(SecretToken.matches("s3cr3t-Token_1", "s3cr3t-Token_2")).isFalse();
        assertThat(SecretToken.matches("s3cr3t-Token_1", "s3cr3t-Token_")).isFalse();
        assertThat(SecretToken.matches("s3cr3t-Token_1", "s3cr3t-Token_11")).isFalse();
        assertThat(SecretToken.matches("s3cr3t-Token_1", "S3CR3T-TOKEN_1")).isFalse();
    }

    @Test
    void nothingMatchesAMissingOrEmptySecret() {
        assertThat(SecretToken.matches("s3cr3t", null)).isFalse();
        assertThat(SecretToken.matches("s3cr3t", "")).isFalse();
        assertThat(SecretToken.matches(null, null)).isFalse();
        assertThat(SecretToken.matches("", "")).isFalse();
    }
}
