package org.suyuan.exchange;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.suyuan.account.CurrentUser;
import tools.jackson.databind.node.ObjectNode;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Exchange", description = "数据交换：EPCIS 2.0 JSON-LD（CBV 2.0 业务步骤与事件哈希）与 NY/T 4712-2025 追溯数据（入库/出库批次、来源、去向）")
class ExchangeController {

    private static final MediaType LINKED_DATA = MediaType.parseMediaType(EpcisDocuments.MEDIA_TYPE);

    private final ExchangeService exchange;
    private final EpcisImport epcisImport;

    ExchangeController(ExchangeService exchange, EpcisImport epcisImport) {
        this.exchange = exchange;
        this.epcisImport = epcisImport;
    }

    @PostMapping(
            path = "/imports/epcis",
            consumes = {EpcisDocuments.MEDIA_TYPE, MediaType.APPLICATION_JSON_VALUE})
    @Operation(
            summary = "Import an EPCIS 2.0 document of my receiving events as receipts (all or none)",
            description = "For a market's or supermarket's integrator, signed in as the receiving organization. The "
                    + "document must validate against GS1's EPCIS 2.0 JSON schema. Each ObjectEvent with bizStep "
                    + "receiving names the batch received by its trace URL (…/t/{code}) or GS1 Digital Link in "
                    + "epcList or quantityList; a shipment of it to my organization must be waiting, in the quantity "
                    + "stated. It confirms that receipt, opening my batch (number from suyuan:batchNumber, else made "
                    + "from the eventID). A receipt Suyuan already holds with the same CBV event hash is recognised "
                    + "(ALREADY_RECORDED); other business steps are SKIPPED. One refused event refuses the document.")
    EpcisImport.ImportResult importEpcis(
            CurrentUser user,
            // Read as text: validated against GS1's schema as sent, before anything binds it.
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            description = "An EPCIS 2.0 EPCISDocument (JSON-LD)",
                            content = {
                                @Content(mediaType = EpcisDocuments.MEDIA_TYPE, schema = @Schema(type = "object")),
                                @Content(
                                        mediaType = MediaType.APPLICATION_JSON_VALUE,
                                        schema = @Schema(type = "object"))
                            })
                    @RequestBody
                    String document) {
        return epcisImport.importDocument(user, document);
    }

    @GetMapping("/batches/{id}/epcis")
    @Operation(
            summary = "A batch's archive as an EPCIS 2.0 document (JSON-LD)",
            description = "Its producer, and regulators of its jurisdiction (403 outside it). Each event's eventID is "
                    + "its CBV 2.0 event hash; suyuan:recordHash is the archive record's own hash.")
    ResponseEntity<ObjectNode> epcis(CurrentUser user, @PathVariable long id) {
        return ResponseEntity.ok().contentType(LINKED_DATA).body(exchange.epcisDocument(user, id));
    }

    @GetMapping("/supervision/exports/epcis")
    @Operation(
            summary = "Every batch of my jurisdiction (or of ?region= inside it) as one EPCIS 2.0 document, streamed")
    ResponseEntity<StreamingResponseBody> epcisOfJurisdiction(
            CurrentUser user, @RequestParam(required = false) String region) {
        ExchangeBatches.Scope scope = exchange.jurisdiction(user, region);
        return download(LINKED_DATA, "supervision-epcis.jsonld", out -> exchange.writeEpcis(scope, out));
    }

    @GetMapping("/exports/epcis")
    @Operation(summary = "Every batch of my organization as one EPCIS 2.0 document, streamed")
    ResponseEntity<StreamingResponseBody> epcisOfOrganization(CurrentUser user) {
        ExchangeBatches.Scope scope = exchange.ownOrganization(user);
        return download(LINKED_DATA, "archive-epcis.jsonld", out -> exchange.writeEpcis(scope, out));
    }

    @GetMapping("/batches/{id}/nyt4712")
    @Operation(summary = "A batch as its NY/T 4712-2025 record: stage, 入库/出库批次, 来源 and 去向")
    Nyt4712Records.Record nyt4712(CurrentUser user, @PathVariable long id) {
        return exchange.nyt4712Record(user, id);
    }

    @GetMapping("/supervision/exports/nyt4712.{format}")
    @Operation(
            summary = "NY/T 4712-2025 records of my jurisdiction (or of ?region= inside it) as JSON or XLSX, streamed",
            description = "For upward exchange to provincial and national platforms; docs/nyt4712-mapping.md maps "
                    + "every field.")
    ResponseEntity<StreamingResponseBody> nyt4712OfJurisdiction(
            CurrentUser user, @PathVariable String format, @RequestParam(required = false) String region) {
        Nyt4712Files.Format chosen = format(format);
        ExchangeBatches.Scope scope = exchange.jurisdiction(user, region);
        return nyt4712Download(chosen, "supervision-nyt4712." + format, scope);
    }

    @GetMapping("/exports/nyt4712.{format}")
    @Operation(summary = "NY/T 4712-2025 records of my organization's batches as JSON or XLSX, streamed")
    ResponseEntity<StreamingResponseBody> nyt4712OfOrganization(CurrentUser user, @PathVariable String format) {
        Nyt4712Files.Format chosen = format(format);
        ExchangeBatches.Scope scope = exchange.ownOrganization(user);
        return nyt4712Download(chosen, "archive-nyt4712." + format, scope);
    }

    private ResponseEntity<StreamingResponseBody> nyt4712Download(
            Nyt4712Files.Format format, String filename, ExchangeBatches.Scope scope) {
        MediaType type = format == Nyt4712Files.Format.JSON
                ? MediaType.APPLICATION_JSON
                : MediaType.parseMediaType(Nyt4712Files.XLSX);
        return download(type, filename, out -> exchange.writeNyt4712(scope, format, out));
    }

    private static Nyt4712Files.Format format(String format) {
        return switch (format) {
            case "json" -> Nyt4712Files.Format.JSON;
            case "xlsx" -> Nyt4712Files.Format.XLSX;
            default -> throw ExchangeException.unknownFormat(format);
        };
    }

    private static ResponseEntity<StreamingResponseBody> download(
            MediaType type, String filename, StreamingResponseBody body) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(filename)
                                .build()
                                .toString())
                .body(body);
    }
}
