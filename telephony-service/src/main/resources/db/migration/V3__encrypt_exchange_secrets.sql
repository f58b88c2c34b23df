-- The webhook's signing secret and the exchange's password are stored encrypted (SecretEncryption:
-- v1:<base64 of iv + ciphertext>), longer than the 200 characters they may have. Values stored before are
-- encrypted when first read.
alter table telephony_settings
    alter column signing_secret type text,
    alter column exchange_password type text;
