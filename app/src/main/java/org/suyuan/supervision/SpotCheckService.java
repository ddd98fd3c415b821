package org.suyuan.supervision;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suyuan.SuyuanProperties;
import org.suyuan.account.CurrentUser;
import org.suyuan.archive.EventDetails;
import org.suyuan.db.supervision.Notice;
import org.suyuan.db.supervision.NoticeRepository;
import org.suyuan.db.supervision.SpotCheckRound;
import org.suyuan.db.supervision.SpotCheckRoundRepository;
import org.suyuan.db.supervision.SpotCheckTask;
import org.suyuan.db.supervision.SpotCheckTaskRepository;
import org.suyuan.ledger.RecordHash;
import org.suyuan.ledger.proof.CanonicalJson;
import org.suyuan.problem.NotFoundException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Spot checks (抽检): plan a round by risk-weighted random sampling that anyone can re-run from the recorded seed
 * and inputs, then record the sampling (at least two samplers, seal number) and the result. A failure flags the
 * batch, tells the producer and can start a recall.
 */
@Service
public class SpotCheckService {

    private final SupervisionQueries queries;
    private final SpotCheckRoundRepository rounds;
    private final SpotCheckTaskRepository tasks;
    private final NoticeRepository notices;
    private final RecallService recalls;
    private final JsonMapper json;
    private final SuyuanProperties properties;
    private final Clock clock;

    SpotCheckService(
            SupervisionQueries queries,
            SpotCheckRoundRepository rounds,
            SpotCheckTaskRepository tasks,
            NoticeRepository notices,
            RecallService recalls,
            JsonMapper json,
            SuyuanProperties properties,
            Clock clock) {
        this.queries = queries;
        this.rounds = rounds;
        this.tasks = tasks;
        this.notices = notices;
        this.recalls = recalls;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * A candidate batch with its weight and the weight's parts, and what an inspector recognises it by: its batch
     * number, product and producer.
     */
    public record Draw(
            long batchId,
            long organizationId,
            BigDecimal weight,
            Map<String, BigDecimal> parts,
            String batchNumber,
            String productName,
            String organizationName) {}

    /** A round as planned: the seed and inputs to re-run it, and the tasks it produced. */
    public record PlannedRound(SpotCheckRound round, List<SpotCheckTask> tasks) {}

    /** The result of re-running a round's draw from its recorded seed and inputs. */
    public record Reproduction(boolean inputsIntact, boolean sameSample, List<Long> recorded, List<Long> redrawn) {}

    /** Sampling as recorded on the 抽样单. */
    public record Sampling(
            String sampleNumber, List<String> samplers, LocalDate sampledOn, String place, String sealNumber) {}

    /** A tested item: what was measured, its value and limit, and whether it passed. */
    public record TestedItem(String item, String measured, String limit, String unit, boolean passed) {}

    @Transactional
    public PlannedRound plan(CurrentUser regulator, String title, int sampleSize, String seed) {
        Jurisdiction jurisdiction = Jurisdiction.of(regulator);
        LocalDate today = LocalDate.now(clock.withZone(properties.timeZone()));
        List<Draw> candidates = candidates(jurisdiction, today);
        if (candidates.isEmpty()) {
            throw SupervisionException.noCandidates();
        }
        String inputs = inputsJson(candidates);
        List<SpotCheckDraw.Candidate> drawn = SpotCheckDraw.draw(
                seed,
                candidates.stream()
                        .map(c -> new SpotCheckDraw.Candidate(c.batchId(), c.weight()))
                        .toList(),
                sampleSize);
        SpotCheckRound round = rounds.save(new SpotCheckRound(
                jurisdiction.code(),
                title,
                regulator.username(),
                clock.instant(),
                seed,
                sampleSize,
                RiskWeights.VERSION,
                inputs,
                RecordHash.sha256(inputs.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .hex()));
        List<SpotCheckTask> planned = new ArrayList<>();
        int rank = 1;
        for (SpotCheckDraw.Candidate candidate : drawn) {
            Draw draw = candidates.stream()
                    .filter(c -> c.batchId() == candidate.batchId())
                    .findFirst()
                    .orElseThrow();
            planned.add(tasks.save(new SpotCheckTask(
                    round.getId(),
                    draw.batchId(),
                    draw.organizationId(),
                    rank++,
                    draw.weight().toPlainString())));
        }
        return new PlannedRound(round, planned);
    }

    /** The weighted candidates as they would be drawn today, for the console to show before planning. */
    @Transactional(readOnly = true)
    public List<Draw> candidates(CurrentUser regulator) {
        return candidates(Jurisdiction.of(regulator), LocalDate.now(clock.withZone(properties.timeZone())));
    }

    @Transactional(readOnly = true)
    public PlannedRound round(CurrentUser regulator, long roundId) {
        SpotCheckRound round = roundInJurisdiction(regulator, roundId);
        return new PlannedRound(round, tasks.findAllByRoundIdOrderByDrawRank(round.getId()));
    }

    /**
     * A drawn batch as the round's page shows it: the batch (number, product, producer), its trace code, and the
     * tested items once a result is recorded.
     */
    record TaskView(SpotCheckTask task, SupervisionQueries.BatchRow batch, String traceCode, List<TestedItem> items) {}

    /** A round with everything its page shows. */
    record RoundView(SpotCheckRound round, List<TaskView> tasks) {}

    @Transactional(readOnly = true)
    RoundView roundView(CurrentUser regulator, long roundId) {
        PlannedRound planned = round(regulator, roundId);
        List<Long> batchIds =
                planned.tasks().stream().map(SpotCheckTask::getBatchId).toList();
        Map<Long, SupervisionQueries.BatchRow> batches = queries.anyBatches(batchIds);
        Map<Long, String> codes = queries.traceCodes(batchIds);
        return new RoundView(
                planned.round(),
                planned.tasks().stream()
                        .map(task -> new TaskView(
                                task, batches.get(task.getBatchId()), codes.get(task.getBatchId()), testedItems(task)))
                        .toList());
    }

    private List<TestedItem> testedItems(SpotCheckTask task) {
        return task.getResult() == null ? List.of() : List.of(json.readValue(task.getResult(), TestedItem[].class));
    }

    @Transactional(readOnly = true)
    public List<SpotCheckRound> rounds(CurrentUser regulator) {
        return rounds.findAllByJurisdictionCodeStartingWithOrderByIdDesc(
                Jurisdiction.of(regulator).prefix());
    }

    /** Re-runs the draw from the round's recorded seed and inputs, as any third party could. */
    @Transactional(readOnly = true)
    public Reproduction reproduce(CurrentUser regulator, long roundId) {
        SpotCheckRound round = roundInJurisdiction(regulator, roundId);
        boolean intact = RecordHash.sha256(round.getInputs().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .hex()
                .equals(round.getInputsHash());
        List<SpotCheckDraw.Candidate> candidates = new ArrayList<>();
        json.readTree(round.getInputs())
                .forEach(node -> candidates.add(new SpotCheckDraw.Candidate(
                        node.path("batchId").asLong(),
                        new BigDecimal(node.path("weight").asText()))));
        List<Long> redrawn = SpotCheckDraw.draw(round.getSeed(), candidates, round.getSampleSize()).stream()
                .map(SpotCheckDraw.Candidate::batchId)
                .toList();
        List<Long> recorded = tasks.findAllByRoundIdOrderByDrawRank(round.getId()).stream()
                .map(SpotCheckTask::getBatchId)
                .toList();
        return new Reproduction(intact, redrawn.equals(recorded), recorded, redrawn);
    }

    @Transactional
    public SpotCheckTask recordSampling(CurrentUser regulator, long taskId, Sampling sampling) {
        SpotCheckTask task = taskInJurisdiction(regulator, taskId);
        Set<String> samplers = new LinkedHashSet<>();
        sampling.samplers().stream()
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .forEach(samplers::add);
        if (samplers.size() < 2) {
            throw SupervisionException.tooFewSamplers();
        }
        if (task.getState() != SpotCheckTask.State.PLANNED) {
            throw SupervisionException.taskNotAwaiting("已经抽样");
        }
        task.recordSampling(
                sampling.sampleNumber(),
                String.join("、", samplers),
                sampling.sampledOn(),
                sampling.place(),
                sampling.sealNumber(),
                regulator.username());
        return task;
    }

    /**
     * Records the laboratory's result. A failure notifies the producer and, when asked, recalls the batch and
     * everything made or sold from it.
     */
    @Transactional
    public SpotCheckTask recordResult(
            CurrentUser regulator, long taskId, List<TestedItem> items, Long reportAttachmentId, String recallReason) {
        SpotCheckTask task = taskInJurisdiction(regulator, taskId);
        if (task.getState() != SpotCheckTask.State.SAMPLED) {
            throw SupervisionException.taskNotAwaiting(
                    task.getState() == SpotCheckTask.State.PLANNED ? "还没有抽样记录" : "已经有检测结果");
        }
        boolean passed = items.stream().allMatch(TestedItem::passed);
        task.recordResult(
                json.writeValueAsString(items), passed, reportAttachmentId, regulator.username(), clock.instant());
        if (!passed) {
            String failures = String.join(
                    "、",
                    items.stream()
                            .filter(i -> !i.passed())
                            .map(i -> i.item() + " " + i.measured() + i.unit() + "（限量 " + i.limit() + i.unit() + "）")
                            .toList());
            notices.save(new Notice(
                    task.getOrganizationId(),
                    task.getBatchId(),
                    "SPOT_CHECK_FAILED",
                    "监督抽检不合格（样品编号 " + task.getSampleNumber() + "）：" + failures + "。请停止销售该批次，配合监管部门处置。",
                    clock.instant()));
            if (recallReason != null && !recallReason.isBlank()) {
                recalls.recall(
                        regulator,
                        task.getBatchId(),
                        new EventDetails.Recall(recallReason, "请停止销售、下架并退回该批次产品。", "抽检样品 " + task.getSampleNumber()));
            }
        }
        return task;
    }

    private List<Draw> candidates(Jurisdiction jurisdiction, LocalDate today) {
        Map<Long, Map<String, Integer>> refusals = queries.refusalsByBatch(jurisdiction);
        Map<Long, Integer> failedTests = queries.failedTestsByBatch(jurisdiction);
        Map<Long, SupervisionQueries.ProducerHistory> histories = queries.producerHistories(jurisdiction, today);
        return queries.batches(jurisdiction).stream()
                .filter(batch -> !"RECALLED".equals(batch.status()))
                .map(batch -> {
                    Map<String, Integer> refused = refusals.getOrDefault(batch.id(), Map.of());
                    SupervisionQueries.ProducerHistory history = histories.getOrDefault(
                            batch.organizationId(), new SupervisionQueries.ProducerHistory(0, null));
                    RiskWeights.Weight weight = RiskWeights.of(
                            new RiskWeights.Evidence(
                                    batch.category(),
                                    refused.getOrDefault("banned-pesticide", 0)
                                            + refused.getOrDefault("restricted-pesticide", 0),
                                    refused.getOrDefault("harvest-inside-safety-interval", 0),
                                    failedTests.getOrDefault(batch.id(), 0),
                                    history.failedSpotChecks(),
                                    history.lastSpotCheck()),
                            today);
                    return new Draw(
                            batch.id(),
                            batch.organizationId(),
                            weight.total(),
                            weight.parts(),
                            batch.batchNumber(),
                            batch.productName(),
                            batch.organizationName());
                })
                .sorted(Comparator.comparingLong(Draw::batchId))
                .toList();
    }

    private String inputsJson(List<Draw> candidates) {
        ArrayNode array = json.createArrayNode();
        for (Draw draw : candidates) {
            ObjectNode node = array.addObject();
            node.put("batchId", draw.batchId());
            node.put("organizationId", draw.organizationId());
            node.put("weight", draw.weight().toPlainString());
            ObjectNode parts = node.putObject("parts");
            draw.parts()
                    .forEach((name, value) ->
                            parts.put(name, value.stripTrailingZeros().toPlainString()));
        }
        return CanonicalJson.canonicalize(json.writeValueAsString(array));
    }

    private SpotCheckRound roundInJurisdiction(CurrentUser regulator, long roundId) {
        Jurisdiction jurisdiction = Jurisdiction.of(regulator);
        return rounds.findById(roundId)
                .filter(round -> jurisdiction.contains(round.getJurisdictionCode()))
                .orElseThrow(() -> NotFoundException.spotCheck(roundId));
    }

    private SpotCheckTask taskInJurisdiction(CurrentUser regulator, long taskId) {
        Jurisdiction jurisdiction = Jurisdiction.of(regulator);
        SpotCheckTask task = tasks.findById(taskId).orElseThrow(() -> NotFoundException.spotCheck(taskId));
        queries.batch(jurisdiction, task.getBatchId()).orElseThrow(() -> NotFoundException.spotCheck(taskId));
        return task;
    }
}
