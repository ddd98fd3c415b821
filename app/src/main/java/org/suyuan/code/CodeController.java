package org.suyuan.code;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PagedModel;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartFile;
import org.suyuan.account.CurrentUser;
import org.suyuan.archive.Regions;
import org.suyuan.code.CodeResponses.CodeResponse;
import org.suyuan.code.CodeResponses.DecodedResponse;
import org.suyuan.code.CodeResponses.IssuedSerial;
import org.suyuan.code.CodeResponses.OwnedCodeResponse;
import org.suyuan.code.CodeResponses.SerialsIssuedResponse;
import org.suyuan.ledger.RecordHash;
import org.suyuan.qr.ErrorCorrection;
import org.suyuan.qr.ImageTooLargeException;
import org.suyuan.qr.NoQrCodeFoundException;
import org.suyuan.qr.QrCode;
import org.suyuan.qr.QrDecoder;
import org.suyuan.qr.UnreadableImageException;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Codes and labels", description = "追溯码、单品码（一物一码）、二维码图片、标签、承诺达标合格证、识别标签照片")
class CodeController {

    private final CodeService codes;
    private final LabelService labels;
    private final TraceLinks links;
    private final Regions regions;
    private final QrDecoder decoder;
    private final CodeProperties properties;

    CodeController(
            CodeService codes,
            LabelService labels,
            TraceLinks links,
            Regions regions,
            QrDecoder decoder,
            CodeProperties properties) {
        this.codes = codes;
        this.labels = labels;
        this.links = links;
        this.regions = regions;
        this.decoder = decoder;
        this.properties = properties;
    }

    record SerialRequest(
            @NotNull @Min(1) @Max(CodeService.MAX_SERIALS_PER_REQUEST)
            Integer count) {}

    record DisableRequest(@NotBlank @Size(max = 200) String reason) {}

    @PostMapping("/batches/{id}/codes")
    @Operation(
            summary = "Issue per-item serials (一物一码) for my batch",
            description = "At most 10,000 per request. The serials of a batch are capped by its harvest: harvested "
                    + "quantity divided by the product's itemSize, or one per harvested unit without it; asking for "
                    + "more is refused with 409 /problems/serials-exceed-harvest, numbers in the detail.")
    ResponseEntity<SerialsIssuedResponse> issueSerials(
            CurrentUser user, @PathVariable Long id, @Valid @RequestBody SerialRequest request) {
        CodeService.SerialsIssued issued = codes.issueSerials(user, id, request.count());
        return ResponseEntity.created(URI.create("/api/v1/batches/" + id + "/codes"))
                .body(new SerialsIssuedResponse(
                        id,
                        issued.codes().size(),
                        issued.serialsIssued(),
                        issued.serialCap(),
                        issued.codes().stream()
                                .map(code -> new IssuedSerial(
                                        code.getCode(), code.getItemNumber(), links.traceUrl(code.getCode())))
                                .toList()));
    }

    @GetMapping("/batches/{id}/codes")
    @Operation(summary = "My batch's codes: its trace code (item 0, issued now if missing) and its serials")
    PagedModel<OwnedCodeResponse> batchCodes(
            CurrentUser user,
            @PathVariable Long id,
            @PageableDefault(size = 100, sort = "itemNumber", direction = Sort.Direction.ASC) Pageable pageable) {
        return new PagedModel<>(codes.codes(user, id, pageable).map(code -> OwnedCodeResponse.of(code, links)));
    }

    @GetMapping("/codes/{code}")
    @Operation(
            summary = "A code and what it stands for (public, no login)",
            description = "400 /problems/invalid-trace-code for a malformed code (wrong length or check character: "
                    + "a typo, caught before any lookup); 404 /problems/unknown-code for a well-formed code never "
                    + "issued. A disabled code answers 200 with status DISABLED.")
    CodeResponse code(@PathVariable String code) {
        return CodeResponse.of(codes.view(QrParameters.traceCode(code)), links, regions);
    }

    @GetMapping(path = "/codes/{code}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    @Operation(
            summary = "The code's QR symbol as PNG (public)",
            description = "Whole pixels per module, 4-module quiet zone, so the image may be a little smaller than "
                    + "size. size 64–2048 (default 300), else 400; ec M (default), Q or H; link trace (default, "
                    + "{base}/t/{code}) or gs1 (GS1 Digital Link, products with a GTIN only).")
    ResponseEntity<byte[]> png(
            @PathVariable String code,
            @RequestParam(defaultValue = "300") int size,
            @Parameter(description = "M, Q or H") @RequestParam(required = false) String ec,
            @Parameter(description = "trace or gs1") @RequestParam(required = false) String link,
            WebRequest request) {
        QrCode symbol = symbol(code, ec, link);
        String etag = etag("png", size, symbol);
        if (request.checkNotModified(etag)) {
            return null;
        }
        byte[] png = labels.png(symbol, size);
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_PNG)
                .cacheControl(CacheControl.maxAge(properties.qrImageMaxAge()).cachePublic())
                .eTag(etag)
                .body(png);
    }

    @GetMapping(path = "/codes/{code}/qr.svg", produces = "image/svg+xml")
    @Operation(
            summary = "The code's QR symbol as SVG (public)",
            description = "Vector, 0.5 mm per module; ec and link as for qr.png.")
    ResponseEntity<String> svg(
            @PathVariable String code,
            @Parameter(description = "M, Q or H") @RequestParam(required = false) String ec,
            @Parameter(description = "trace or gs1") @RequestParam(required = false) String link,
            WebRequest request) {
        QrCode symbol = symbol(code, ec, link);
        String etag = etag("svg", 0, symbol);
        if (request.checkNotModified(etag)) {
            return null;
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("image/svg+xml"))
                .cacheControl(CacheControl.maxAge(properties.qrImageMaxAge()).cachePublic())
                .eTag(etag)
                .body(labels.svg(symbol));
    }

    @PostMapping("/codes/{code}/disable")
    @Operation(
            summary = "Disable one of my codes for good (lost or stolen labels)",
            description = "Scans then show the code as DISABLED. 409 /problems/code-already-disabled if it is; "
                    + "403 for another producer's code.")
    OwnedCodeResponse disable(CurrentUser user, @PathVariable String code, @Valid @RequestBody DisableRequest request) {
        CodeView view = codes.disable(
                user, QrParameters.traceCode(code), request.reason().strip());
        return OwnedCodeResponse.of(view.code(), links);
    }

    @PostMapping(path = "/codes/decode", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Read the QR code in a photo of a label (signed-in users, e.g. inspectors in the field)",
            description = "Multipart part 'file': PNG, JPEG, GIF or BMP. Answers the decoded text and, when it is "
                    + "one of this service's trace URLs or Digital Links (or a bare code), the code it resolves to. "
                    + "400 /problems/unreadable-image, 413 /problems/image-too-large, 422 /problems/no-qr-code-found.")
    DecodedResponse decode(@RequestPart("file") MultipartFile file) throws IOException {
        if (file.getSize() > properties.maxUploadSize().toBytes()) {
            throw UploadedImageException.tooLarge(properties.maxUploadSize().toMegabytes() + " MB");
        }
        String text;
        try {
            text = decoder.decode(file.getBytes());
        } catch (UnreadableImageException e) {
            throw UploadedImageException.unreadable();
        } catch (ImageTooLargeException e) {
            throw UploadedImageException.tooLarge(QrDecoder.DEFAULT_MAX_PIXELS / 1_000_000 + " 百万像素");
        } catch (NoQrCodeFoundException e) {
            throw UploadedImageException.noQrCode();
        }
        TraceLinks.Recognised recognised = links.recognise(text);
        CodeResponse resolved = null;
        try {
            if (recognised.code() != null) {
                resolved = CodeResponse.of(codes.view(recognised.code()), links, regions);
            } else if (recognised.link() != null) {
                resolved = CodeResponse.of(codes.resolve(recognised.link()), links, regions);
            }
        } catch (UnknownCodeException | CodeConflictException e) {
            resolved = null;
        }
        return new DecodedResponse(text, recognised.kind().name(), resolved);
    }

    private QrCode symbol(String code, String ec, String link) {
        ErrorCorrection errorCorrection = QrParameters.errorCorrection(ec);
        LinkKind kind = LinkKind.parse(link);
        CodeView view = codes.view(QrParameters.traceCode(code));
        return labels.qrCode(view, kind, errorCorrection);
    }

    /** Strong validator of exactly what is drawn: format, size, error correction and content. */
    private static String etag(String format, int size, QrCode symbol) {
        String key = format + "|" + size + "|" + symbol.errorCorrection() + "|"
                + symbol.content().text();
        return "\""
                + RecordHash.sha256(key.getBytes(StandardCharsets.UTF_8)).hex().substring(0, 32) + "\"";
    }
}
