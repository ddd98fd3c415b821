-- Goods received on Suyuan stay what they are (issue 12): a batch opened by confirming a receipt refers to the
-- product and plot (产地) of the batch the goods came from, which belong to the producer of origin. Until now the
-- buyer picked one of its own products and plots, so a consumer scanning a market's code saw the market's product
-- and plot instead of the farm's. This repoints the batches received so far at their source's product and plot.
-- Their 建档 events are part of the hash chain and stay exactly as recorded; only the batch rows change.
--
-- One pass follows one supply link; a chain farm -> collector -> wholesaler -> market needs one pass per link, so
-- the pass is repeated (chains recorded before this migration are short). Processing links are not followed:
-- processing makes a new product.
CREATE TABLE received_origin (
    batch_id   BIGINT NOT NULL PRIMARY KEY,
    product_id BIGINT NOT NULL,
    plot_id    BIGINT NOT NULL
);

INSERT INTO received_origin (batch_id, product_id, plot_id)
SELECT l.target_batch_id, s.product_id, s.plot_id FROM batch_link l JOIN batch s ON s.id = l.source_batch_id
WHERE l.kind = 'SHIPMENT' AND l.target_batch_id IS NOT NULL;
UPDATE batch SET product_id = (SELECT r.product_id FROM received_origin r WHERE r.batch_id = batch.id),
                 plot_id = (SELECT r.plot_id FROM received_origin r WHERE r.batch_id = batch.id)
WHERE id IN (SELECT batch_id FROM received_origin);
DELETE FROM received_origin;

INSERT INTO received_origin (batch_id, product_id, plot_id)
SELECT l.target_batch_id, s.product_id, s.plot_id FROM batch_link l JOIN batch s ON s.id = l.source_batch_id
WHERE l.kind = 'SHIPMENT' AND l.target_batch_id IS NOT NULL;
UPDATE batch SET product_id = (SELECT r.product_id FROM received_origin r WHERE r.batch_id = batch.id),
                 plot_id = (SELECT r.plot_id FROM received_origin r WHERE r.batch_id = batch.id)
WHERE id IN (SELECT batch_id FROM received_origin);
DELETE FROM received_origin;

INSERT INTO received_origin (batch_id, product_id, plot_id)
SELECT l.target_batch_id, s.product_id, s.plot_id FROM batch_link l JOIN batch s ON s.id = l.source_batch_id
WHERE l.kind = 'SHIPMENT' AND l.target_batch_id IS NOT NULL;
UPDATE batch SET product_id = (SELECT r.product_id FROM received_origin r WHERE r.batch_id = batch.id),
                 plot_id = (SELECT r.plot_id FROM received_origin r WHERE r.batch_id = batch.id)
WHERE id IN (SELECT batch_id FROM received_origin);
DELETE FROM received_origin;

INSERT INTO received_origin (batch_id, product_id, plot_id)
SELECT l.target_batch_id, s.product_id, s.plot_id FROM batch_link l JOIN batch s ON s.id = l.source_batch_id
WHERE l.kind = 'SHIPMENT' AND l.target_batch_id IS NOT NULL;
UPDATE batch SET product_id = (SELECT r.product_id FROM received_origin r WHERE r.batch_id = batch.id),
                 plot_id = (SELECT r.plot_id FROM received_origin r WHERE r.batch_id = batch.id)
WHERE id IN (SELECT batch_id FROM received_origin);
DELETE FROM received_origin;

INSERT INTO received_origin (batch_id, product_id, plot_id)
SELECT l.target_batch_id, s.product_id, s.plot_id FROM batch_link l JOIN batch s ON s.id = l.source_batch_id
WHERE l.kind = 'SHIPMENT' AND l.target_batch_id IS NOT NULL;
UPDATE batch SET product_id = (SELECT r.product_id FROM received_origin r WHERE r.batch_id = batch.id),
                 plot_id = (SELECT r.plot_id FROM received_origin r WHERE r.batch_id = batch.id)
WHERE id IN (SELECT batch_id FROM received_origin);
DELETE FROM received_origin;

INSERT INTO received_origin (batch_id, product_id, plot_id)
SELECT l.target_batch_id, s.product_id, s.plot_id FROM batch_link l JOIN batch s ON s.id = l.source_batch_id
WHERE l.kind = 'SHIPMENT' AND l.target_batch_id IS NOT NULL;
UPDATE batch SET product_id = (SELECT r.product_id FROM received_origin r WHERE r.batch_id = batch.id),
                 plot_id = (SELECT r.plot_id FROM received_origin r WHERE r.batch_id = batch.id)
WHERE id IN (SELECT batch_id FROM received_origin);

DROP TABLE received_origin;
