// The telephony settings form and the PUT it sends: secrets are write-only, so a field left blank keeps the
// current value (null) rather than clearing it; clearing the signing secret is its own button ('').
import type { Format, TelephonySettingsChange } from './api';

export interface SettingsForm {
  format: Format;
  exchangeUrl: string;
  exchangeLogin: string;
  exchangePassword: string;
  signingSecret: string;
}

const keepIfBlank = (value: string | undefined | null) => (value && value.trim() !== '' ? value.trim() : null);

export function settingsChange(form: SettingsForm): TelephonySettingsChange {
  return {
    format: form.format,
    signingSecret: keepIfBlank(form.signingSecret),
    // the address is not a secret: blank means none
    exchangeUrl: form.exchangeUrl?.trim() ? form.exchangeUrl.trim() : null,
    exchangeLogin: keepIfBlank(form.exchangeLogin),
    exchangePassword: keepIfBlank(form.exchangePassword),
  };
}
