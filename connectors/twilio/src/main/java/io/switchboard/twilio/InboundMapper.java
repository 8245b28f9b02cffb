package io.switchboard.twilio;

import io.switchboard.core.model.ChannelAddress;
import io.switchboard.core.model.ChannelType;
import io.switchboard.core.model.InboundMessage;
import io.switchboard.twilio.MediaDownloader.Media;
import io.switchboard.twilio.WebhookVerifier.Verified;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** Turns a verified incoming-message webhook into the canonical {@link InboundMessage}. */
final class InboundMapper {

    /** More media than the bus takes is pointless to fetch (Twilio sends at most 10 for MMS). */
    private static final int MAX_MEDIA = 20;

    private static final Map<String, String> GEO = Map.of(
            "FromCountry", "geo.country", "FromState", "geo.region", "FromCity", "geo.city", "FromZip", "geo.zip");

    private final TwilioDirectory directory;
    private final PhoneNumbers phones;
    private final MediaDownloader media;

    InboundMapper(TwilioDirectory directory, PhoneNumbers phones, MediaDownloader media) {
        this.directory = directory;
        this.phones = phones;
        this.media = media;
    }

    InboundMessage map(Verified webhook) {
        String sid = required(webhook, "MessageSid");
        String from = required(webhook, "From");
        String to = required(webhook, "To");
        ChannelType channel = PhoneNumbers.isWhatsApp(to) || PhoneNumbers.isWhatsApp(from)
                ? ChannelType.WHATSAPP : ChannelType.SMS;
        String ours = phones.normalize(to);
        TwilioDirectory.Number number = directory.number(ours)
                .filter(n -> n.account().accountSid().equals(webhook.account().accountSid()))
                .filter(n -> n.serves(channel))
                .orElseThrow(() -> new WebhookRefusal(HttpStatus.NOT_FOUND, "no " + channel + " number " + ours
                        + " is configured for account " + webhook.account().accountSid()));
        ChannelAddress customer = new ChannelAddress(channel, number.e164(), phones.normalize(from));
        MediaDownloader.Result downloaded = media.download(webhook.account(), mediaOf(webhook, sid));
        String text = text(webhook, downloaded.notes());
        Instant now = Instant.now();
        String dedupe = channel.name() + ":" + number.e164() + ":" + sid;
        return new InboundMessage(UUID.nameUUIDFromBytes(("twilio:" + dedupe).getBytes(StandardCharsets.UTF_8)),
                customer, webhook.param("ProfileName"), sid, null, text, null, downloaded.attachments(), now, now,
                context(webhook), "twilio:" + sid);
    }

    private static List<Media> mediaOf(Verified webhook, String sid) {
        int count;
        try {
            count = Integer.parseInt(webhook.params().getOrDefault("NumMedia", "0").strip());
        } catch (NumberFormatException e) {
            throw new WebhookRefusal(HttpStatus.BAD_REQUEST, "NumMedia is not a number");
        }
        List<Media> items = new ArrayList<>();
        for (int i = 0; i < Math.min(count, MAX_MEDIA); i++) {
            String url = required(webhook, "MediaUrl" + i);
            String type = webhook.param("MediaContentType" + i);
            items.add(new Media(url, type, "media-" + (i + 1) + extension(type)));
        }
        return items;
    }

    /** The text, or what stands for it in messages without one (location, button), plus notes. */
    private static String text(Verified webhook, List<String> notes) {
        String text = webhook.param("Body");
        if (text == null) {
            text = webhook.param("ButtonText");
        }
        if (text == null && webhook.param("Latitude") != null && webhook.param("Longitude") != null) {
            text = "[Location " + webhook.param("Latitude") + ", " + webhook.param("Longitude") + "]";
        }
        List<String> lines = new ArrayList<>();
        if (text != null) {
            lines.add(text);
        }
        lines.addAll(notes);
        return lines.isEmpty() ? null : String.join("\n", lines);
    }

    private static Map<String, String> context(Verified webhook) {
        Map<String, String> context = new LinkedHashMap<>();
        context.put("twilio.accountSid", webhook.account().accountSid());
        GEO.forEach((param, key) -> {
            String value = webhook.param(param);
            if (value != null) {
                context.put(key, value);
            }
        });
        return context;
    }

    private static String required(Verified webhook, String name) {
        String value = webhook.param(name);
        if (value == null) {
            throw new WebhookRefusal(HttpStatus.BAD_REQUEST, name + " is missing");
        }
        return value;
    }

    static String extension(String contentType) {
        if (contentType == null) {
            return "";
        }
        String type = contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "image/jpeg", "image/jpg" -> ".jpg";
            case "image/png" -> ".png";
            case "image/gif" -> ".gif";
            case "image/webp" -> ".webp";
            case "video/mp4" -> ".mp4";
            case "audio/ogg" -> ".ogg";
            case "audio/mpeg" -> ".mp3";
            case "audio/amr" -> ".amr";
            case "application/pdf" -> ".pdf";
            case "text/vcard", "text/x-vcard" -> ".vcf";
            default -> "";
        };
    }
}
