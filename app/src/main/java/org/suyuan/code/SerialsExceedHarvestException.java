package org.suyuan.code;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.suyuan.problem.ProblemException;

/** More serials asked for than the batch's harvest allows (mass balance between labels and produce). */
public final class SerialsExceedHarvestException extends ProblemException {

    private SerialsExceedHarvestException(String detail, Map<String, Object> properties) {
        super(HttpStatus.CONFLICT, "serials-exceed-harvest", "单品码数量超过采收量", detail, properties);
    }

    static SerialsExceedHarvestException of(SerialAllowance allowance, long issued, int requested) {
        long available = Math.max(0, allowance.cap() - issued);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("cap", allowance.cap());
        properties.put("issued", issued);
        properties.put("requested", requested);
        properties.put("available", available);
        properties.put("harvested", allowance.harvested());
        allowance.itemSize().ifPresent(size -> properties.put("itemSize", size.toString()));
        if (!allowance.anythingHarvested()) {
            return new SerialsExceedHarvestException(
                    "本批次还没有采收记录，不能发放单品码（本次申请 " + requested + " 个）。请先记录采收及数量。", properties);
        }
        String basis = allowance.itemSize().map(size -> "按每件 " + size + " 计").orElse("产品未设置每件规格，按每个计量单位一件计");
        return new SerialsExceedHarvestException(
                "本批次已采收 " + allowance.harvested() + "，" + basis + "最多可发 " + allowance.cap() + " 个单品码；已发 " + issued
                        + " 个，本次申请 " + requested + " 个，最多还能发 " + available + " 个。请减少数量，或先记录新的采收。",
                properties);
    }
}
