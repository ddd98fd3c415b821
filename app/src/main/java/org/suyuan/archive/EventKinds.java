package org.suyuan.archive;

import java.util.Map;
import org.suyuan.db.archive.EventType;

/** Which details record belongs to which event type. */
final class EventKinds {

    private static final Map<EventType, Class<? extends EventDetails>> DETAILS = Map.ofEntries(
            Map.entry(EventType.CREATED, EventDetails.Created.class),
            Map.entry(EventType.PLANTING, EventDetails.Planting.class),
            Map.entry(EventType.FERTILISING, EventDetails.Fertilising.class),
            Map.entry(EventType.PESTICIDE_USE, EventDetails.PesticideUse.class),
            Map.entry(EventType.IRRIGATION, EventDetails.Irrigation.class),
            Map.entry(EventType.HARVEST, EventDetails.Harvest.class),
            Map.entry(EventType.INSPECTION, EventDetails.Inspection.class),
            Map.entry(EventType.PACKING, EventDetails.Packing.class),
            Map.entry(EventType.SHIPMENT, EventDetails.Shipment.class),
            Map.entry(EventType.PROCESSING, EventDetails.Processing.class),
            Map.entry(EventType.RECEIPT, EventDetails.Receipt.class),
            Map.entry(EventType.RECALL, EventDetails.Recall.class),
            Map.entry(EventType.RAPID_TEST, EventDetails.RapidTest.class));

    private EventKinds() {}

    static Class<? extends EventDetails> detailsOf(EventType type) {
        return DETAILS.get(type);
    }
}
