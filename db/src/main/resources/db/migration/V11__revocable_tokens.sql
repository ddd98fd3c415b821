-- Bearer tokens that can be revoked: by their owner, and all of a user's at once when the password changes. A
-- revoked token is refused like an unknown one; the row stays, so the owner's list shows what was revoked and when.
ALTER TABLE api_token ADD COLUMN revoked_at DATETIME(6);

CREATE INDEX ix_api_token_user ON api_token (user_id, id);
