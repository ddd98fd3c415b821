package org.suyuan.portal;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.suyuan.archive.QuantityUnit;
import org.suyuan.db.archive.BatchStatus;
import org.suyuan.db.archive.EventType;

/** The portal's words in the current request's language (see {@code messages*.properties}). */
@Component
class PortalMessages {

    private final MessageSource messages;

    PortalMessages(MessageSource messages) {
        this.messages = messages;
    }

    String get(String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale());
    }

    String get(Locale locale, String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    String orNull(String key) {
        return messages.getMessage(key, null, null, locale());
    }

    /** A field's label: the event type's own word where it has one (施药方式), else the general one (方式). */
    String label(EventType type, EventField field) {
        return label(locale(), type, field);
    }

    String label(Locale locale, EventType type, EventField field) {
        String own = messages.getMessage("field." + type.name() + "." + field.name(), null, null, locale);
        return own != null ? own : messages.getMessage("field." + field.name(), null, field.name(), locale);
    }

    String eventType(EventType type) {
        return get("event.type." + type.name());
    }

    String status(BatchStatus status) {
        return get("batch.status." + status.name());
    }

    String unit(QuantityUnit unit) {
        return get("unit." + unit.name());
    }

    Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
