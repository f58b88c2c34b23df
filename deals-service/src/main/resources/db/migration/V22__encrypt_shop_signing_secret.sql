-- The shop's signing secret is stored encrypted (SecretEncryption: v1:<base64 of iv + ciphertext>), longer than
-- the 200 characters the secret itself may have. Values stored before are encrypted when first read.
alter table shop_settings alter column signing_secret type text;
