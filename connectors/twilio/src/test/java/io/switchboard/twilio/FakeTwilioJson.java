package io.switchboard.twilio;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A Message resource exactly as Twilio's Messages API answers a create (201). */
final class FakeTwilioJson {

    private FakeTwilioJson() {
    }

    static Map<String, Object> message(String accountSid, Map<String, String> params, String sid) {
        String now = ZonedDateTime.now().format(DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("account_sid", accountSid);
        m.put("api_version", "2010-04-01");
        m.put("body", params.getOrDefault("Body", ""));
        m.put("date_created", now);
        m.put("date_sent", null);
        m.put("date_updated", now);
        m.put("direction", "outbound-api");
        m.put("error_code", null);
        m.put("error_message", null);
        m.put("from", params.get("From"));
        m.put("messaging_service_sid", null);
        m.put("num_media", "0");
        m.put("num_segments", "1");
        m.put("price", null);
        m.put("price_unit", "USD");
        m.put("sid", sid);
        m.put("status", "queued");
        m.put("subresource_uris", Map.of("media", "/2010-04-01/Accounts/" + accountSid + "/Messages/" + sid + "/Media.json"));
        m.put("to", params.get("To"));
        m.put("uri", "/2010-04-01/Accounts/" + accountSid + "/Messages/" + sid + ".json");
        return m;
    }
}
