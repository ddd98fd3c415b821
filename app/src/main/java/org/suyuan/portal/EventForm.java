package org.suyuan.portal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an event form sends: the type, the day, the event it corrects, and the type's fields as typed (strings, so
 * that a wrong value comes back to the user exactly as entered).
 */
public class EventForm {

    private String type;
    private String occurredOn;
    private Long supersedes;
    private boolean confirmed;
    private Map<String, String> details = new LinkedHashMap<>();

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getOccurredOn() {
        return occurredOn;
    }

    public void setOccurredOn(String occurredOn) {
        this.occurredOn = occurredOn;
    }

    public Long getSupersedes() {
        return supersedes;
    }

    public void setSupersedes(Long supersedes) {
        this.supersedes = supersedes;
    }

    /** Whether the farmer ticked the confirmation a recall asks for. */
    public boolean isConfirmed() {
        return confirmed;
    }

    public void setConfirmed(boolean confirmed) {
        this.confirmed = confirmed;
    }

    public Map<String, String> getDetails() {
        return details;
    }

    public void setDetails(Map<String, String> details) {
        this.details = details;
    }
}
