package org.suyuan.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The CBV 2.0 event hash against a published example, then the properties the algorithm exists for: the same event
 * in another serialisation keeps its id, any change of content changes it.
 */
class EventHashTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * "Example 2" of the reference implementation the reference notes name (github.com/RalphTro/epcis-event-hash-generator,
     * {@code tests/examples/documents/ReferenceEventHashAlgorithm2.jsonld}, with its {@code .prehashes} and
     * {@code .hashes}): an inspecting event with sensor reports, in JSON-LD with bare CBV strings and EPC URNs.
     */
    private static final String PUBLISHED_EVENT = """
            {
              "type": "ObjectEvent",
              "eventTime": "2020-04-01T15:00:00+01:00",
              "eventTimeZoneOffset": "+01:00",
              "epcList": ["urn:epc:id:sgtin:4012345.011111.9876"],
              "action": "OBSERVE",
              "bizStep": "inspecting",
              "readPoint": {"id": "urn:epc:id:sgln:4012345.00005.0"},
              "sensorElementList": [
                {
                  "sensorMetadata": {
                    "deviceID": "urn:epc:id:giai:4000001.111",
                    "deviceMetadata": "https://id.gs1.org/8004/4000001111"
                  },
                  "sensorReport": [
                    {"type": "Temperature", "value": 26, "sDev": 0.1, "uom": "CEL"},
                    {"type": "AbsoluteHumidity", "value": 12.1, "uom": "A93"},
                    {"type": "Dimensionless", "microorganism": "https://www.ncbi.nlm.nih.gov/taxonomy/1126011",
                     "value": 0.05, "uom": "C35"},
                    {"type": "Dimensionless",
                     "chemicalSubstance": "https://identifiers.org/inchikey:CZMRCDWAGMRECN-UGDNZRGBSA-N",
                     "value": 0.18, "uom": "C35"}
                  ]
                }
              ]
            }
            """;

    private static final String PUBLISHED_PRE_HASH = "eventType=ObjectEventeventTime=2020-04-01T14:00:00.000Z"
            + "eventTimeZoneOffset=+01:00epcListepc=https://id.gs1.org/01/04012345111118/21/9876action=OBSERVE"
            + "bizStep=https://ref.gs1.org/cbv/BizStep-inspectingreadPointid=https://id.gs1.org/414/4012345000054"
            + "sensorElementListsensorElementsensorMetadatadeviceID=https://id.gs1.org/8004/4000001111"
            + "deviceMetadata=https://id.gs1.org/8004/4000001111"
            + "sensorReporttype=https://gs1.org/voc/AbsoluteHumidityvalue=12.1uom=A93"
            + "sensorReporttype=https://gs1.org/voc/Dimensionless"
            + "chemicalSubstance=https://identifiers.org/inchikey:CZMRCDWAGMRECN-UGDNZRGBSA-Nvalue=0.18uom=C35"
            + "sensorReporttype=https://gs1.org/voc/Dimensionless"
            + "microorganism=https://www.ncbi.nlm.nih.gov/taxonomy/1126011value=0.05uom=C35"
            + "sensorReporttype=https://gs1.org/voc/Temperaturevalue=26sDev=0.1uom=CEL";

    private static final String PUBLISHED_ID =
            "ni:///sha-256;49b13037c36e84ad9307c531671b00e901318c3957e4b1151f816ec49eb668da?ver=CBV2.0";

    private final EventHash hash = new EventHash(Map.of("suyuan", "https://trace.example.cn/ns/epcis/"));

    @Test
    void reproducesThePublishedPreHashAndHash() {
        JsonNode event = JSON.readTree(PUBLISHED_EVENT);

        assertThat(hash.preHash(event)).isEqualTo(PUBLISHED_PRE_HASH);
        assertThat(hash.id(event)).isEqualTo(PUBLISHED_ID);
    }

    @Test
    void theSameEventWrittenDifferentlyKeepsItsId() {
        JsonNode ours = JSON.readTree(shipment(
                "2026-05-01T08:00:00+08:00",
                "\"https://trace.example.cn/t/ABCD\", \"https://trace.example.cn/t/WXYZ\"",
                "\"shipping\"",
                "\"https://trace.example.cn/01/6901234567892/10/QYJ-2026-001?x=1\""));
        JsonNode reordered = JSON.readTree(shipment(
                "2026-05-01T00:00:00.0004Z",
                "\"https://trace.example.cn/t/WXYZ\", \"https://trace.example.cn/t/ABCD\"",
                "\"urn:epcglobal:cbv:bizstep:shipping\"",
                "\"https://id.gs1.org/01/06901234567892/10/QYJ-2026-001\""));

        assertThat(hash.id(reordered)).isEqualTo(hash.id(ours));
        assertThat(hash.preHash(ours))
                .contains("eventTime=2026-05-01T00:00:00.000Z")
                .contains("epcClass=https://id.gs1.org/01/06901234567892/10/QYJ-2026-001quantity=1200uom=KGM")
                .contains("bizStep=https://ref.gs1.org/cbv/BizStep-shipping")
                .contains(
                        "sourceListsource=https://trace.example.cn/org/7type=https://ref.gs1.org/cbv/SDT-owning_party")
                .endsWith("{https://trace.example.cn/ns/epcis/}recordHash=" + "ab".repeat(32));
    }

    @Test
    void anyChangeOfContentChangesTheId() {
        String original = shipment(
                "2026-05-01T08:00:00+08:00",
                "\"https://trace.example.cn/t/ABCD\"",
                "\"shipping\"",
                "\"https://trace.example.cn/01/6901234567892/10/L1\"");
        String id = hash.id(JSON.readTree(original));

        assertThat(hash.id(JSON.readTree(original.replace("1200", "1201")))).isNotEqualTo(id);
        assertThat(hash.id(JSON.readTree(original.replace("\"ab", "\"cb")))).isNotEqualTo(id);
        assertThat(hash.id(JSON.readTree(original.replace("08:00:00+08", "08:00:01+08"))))
                .isNotEqualTo(id);
        assertThat(hash.id(JSON.readTree(original.replace("\"shipping\"", "\"receiving\""))))
                .isNotEqualTo(id);
        // What the algorithm leaves out: the record time and the event id itself.
        assertThat(hash.id(JSON.readTree(original.replace("2026-05-02T01:02:03+08:00", "2026-06-02T01:02:03+08:00"))))
                .isEqualTo(id);
    }

    /** Conversions as the reference implementation's published pre-hashes show them (shipping/transporting example). */
    @Test
    void convertsEpcUrnsToTheirCanonicalDigitalLinks() {
        assertThat(EpcUris.toDigitalLink("urn:epc:id:sscc:4012345.1112223334"))
                .contains("https://id.gs1.org/00/140123451122233341");
        assertThat(EpcUris.toDigitalLink("urn:epc:id:sgln:4012345.00022.0"))
                .contains("https://id.gs1.org/414/4012345000221");
        assertThat(EpcUris.toDigitalLink("urn:epc:id:pgln:4023333.00000"))
                .contains("https://id.gs1.org/417/4023333000000");
        assertThat(EpcUris.toDigitalLink("urn:epc:id:sgln:4012345.00011.987"))
                .contains("https://id.gs1.org/414/4012345000115/254/987");
        assertThat(EpcUris.toDigitalLink("urn:epc:class:lgtin:4012345.012345.998877"))
                .contains("https://id.gs1.org/01/04012345123456/10/998877");
        assertThat(EpcUris.constrainedDigitalLink(
                        "https://trace.example.cn/01/6901234567892/22/A/10/L%2F1/21/9?17=261231"))
                .contains("https://id.gs1.org/01/06901234567892/21/9");
        assertThat(EpcUris.constrainedDigitalLink("https://trace.example.cn/t/K7Q2-XM4P"))
                .isEmpty();
        assertThat(EpcUris.constrainedDigitalLink("https://trace.example.cn/org/12/plot/3"))
                .isEmpty();
    }

    private static String shipment(String eventTime, String epcs, String bizStep, String epcClass) {
        return """
                {
                  "type": "ObjectEvent",
                  "eventID": "ni:///sha-256;0000?ver=CBV2.0",
                  "recordTime": "2026-05-02T01:02:03+08:00",
                  "eventTime": "%s",
                  "eventTimeZoneOffset": "+08:00",
                  "epcList": [%s],
                  "quantityList": [{"epcClass": %s, "quantity": 1200.0, "uom": "KGM"}],
                  "action": "OBSERVE",
                  "bizStep": %s,
                  "disposition": "in_transit",
                  "readPoint": {"id": "https://trace.example.cn/org/7/plot/3"},
                  "sourceList": [{"type": "owning_party", "source": "https://trace.example.cn/org/7"}],
                  "destinationList": [{"type": "owning_party", "destination": "https://trace.example.cn/org/9"}],
                  "suyuan:recordHash": "%s"
                }
                """.formatted(eventTime, epcs, epcClass, bizStep, "ab".repeat(32));
    }
}
