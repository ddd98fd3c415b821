package org.suyuan.portal;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.format.DateTimeFormatter;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.suyuan.account.CurrentUser;
import org.suyuan.archive.BatchService;
import org.suyuan.archive.SupplyChainService;
import org.suyuan.db.archive.Batch;
import org.suyuan.problem.NotFoundException;
import org.suyuan.problem.ProblemException;
import org.suyuan.web.FormErrors;
import org.suyuan.web.PageController;

/**
 * Goods shipped to this organization by another on Suyuan: the buyer confirms receipt and gets a batch of its own,
 * linked to the source (来源), from which it can sell no more than it received.
 */
@PageController
class ReceiptPageController {

    private final SupplyChainService supplyChain;
    private final PortalMessages messages;
    private final Today today;

    ReceiptPageController(SupplyChainService supplyChain, PortalMessages messages, Today today) {
        this.supplyChain = supplyChain;
        this.messages = messages;
        this.today = today;
    }

    @GetMapping("/portal/receipts")
    String receipts(CurrentUser user, Model model) {
        model.addAttribute("receipts", supplyChain.pendingReceipts(user.requireOrganization()));
        return "portal/receipts";
    }

    @GetMapping("/portal/receipts/{id}")
    String receipt(CurrentUser user, @PathVariable Long id, Model model) {
        ReceiptForm form = new ReceiptForm();
        form.setBatchNumber("R" + DateTimeFormatter.BASIC_ISO_DATE.format(today.date()) + "-" + id);
        return page(user.requireOrganization(), id, form, model);
    }

    @PostMapping("/portal/receipts/{id}/confirm")
    String confirm(
            CurrentUser user,
            @PathVariable Long id,
            @Valid @ModelAttribute("form") ReceiptForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Long organizationId = user.requireOrganization();
        if (!errors.hasErrors()) {
            try {
                Batch batch = supplyChain.confirmReceipt(
                        user,
                        id,
                        new BatchService.ReceivedBatch(
                                form.getBatchNumber().strip(),
                                form.getNotes() == null || form.getNotes().isBlank()
                                        ? null
                                        : form.getNotes().strip()));
                redirect.addFlashAttribute("saved", messages.get("receipt.confirmed", batch.getBatchNumber()));
                return "redirect:/portal/batches/" + batch.getId();
            } catch (NotFoundException gone) {
                throw gone;
            } catch (ProblemException problem) {
                FormErrors.reject(errors, problem, field -> field);
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return page(organizationId, id, form, model);
    }

    private String page(Long organizationId, Long id, ReceiptForm form, Model model) {
        SupplyChainService.LinkView receipt = supplyChain.pendingReceipts(organizationId).stream()
                .filter(link -> link.id().equals(id))
                .findFirst()
                .orElseThrow(() -> NotFoundException.receipt(id));
        model.addAttribute("receipt", receipt);
        model.addAttribute("form", form);
        return "portal/receipt";
    }
}
