-- Private signing keys are now sealed by the vault (ai.andy.runtime.crypto.Vault). Keys stored in clear before this
-- version are dropped; a fresh key is made at start (tokens they signed stop verifying, which before any release is
-- acceptable).
delete from signing_key;
alter table signing_key drop column private_key;
alter table signing_key add column private_key bytea not null;
alter table signing_key add column vault_key_id integer not null;
