package org.suyuan.archive;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.suyuan.account.CurrentUser;
import org.suyuan.archive.ArchiveResponses.BatchResponse;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Supply chain", description = "来源与去向：向平台上的买方发货、买方确认收货、加工原料")
class SupplyChainController {

    private final SupplyChainService supplyChain;

    SupplyChainController(SupplyChainService supplyChain) {
        this.supplyChain = supplyChain;
    }

    /**
     * The batch the buyer keeps the goods as. There is no product or plot to choose: received goods keep the
     * source's product, variety and origin.
     */
    record ConfirmReceiptRequest(
            @NotBlank @Size(max = 20) String batchNumber,
            @Size(max = 500) String notes) {}

    @GetMapping("/receipts")
    @Operation(summary = "Shipments to my organization waiting for me to confirm receipt")
    List<SupplyChainService.LinkView> pendingReceipts(CurrentUser user) {
        return supplyChain.pendingReceipts(user.requireOrganization());
    }

    @PostMapping("/receipts/{id}/confirm")
    @Operation(
            summary = "Confirm receipt: opens my own batch linked to the source batch (来源)",
            description = "The new batch keeps the source's product, variety and origin (plot and producer);"
                    + " only processing makes a new product.")
    ResponseEntity<BatchResponse> confirm(
            CurrentUser user, @PathVariable Long id, @Valid @RequestBody ConfirmReceiptRequest request) {
        var batch = supplyChain.confirmReceipt(
                user, id, new BatchService.ReceivedBatch(request.batchNumber(), request.notes()));
        return ResponseEntity.created(URI.create("/api/v1/batches/" + batch.getId()))
                .body(BatchResponse.of(batch));
    }

    @GetMapping("/batches/{id}/links")
    @Operation(summary = "Where this batch's goods came from and went to, one step each way")
    List<SupplyChainService.LinkView> links(CurrentUser user, @PathVariable Long id) {
        return supplyChain.links(user.requireOrganization(), id);
    }
}
