-- An organization's GS1 Global Location Number (GLN, 13 digits with a mod-10 check digit), if it has one:
-- EPCIS exports then name its location and party by GS1 key (SGLN/PGLN as Digital Links) instead of a URI on the
-- service. One GLN identifies one party, so no two organizations share one.
ALTER TABLE organization ADD COLUMN gln VARCHAR(13) NULL;

CREATE UNIQUE INDEX ux_organization_gln ON organization (gln);
