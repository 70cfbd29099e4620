import { localize } from '@careloom/format/engine';
import type { LocalizedText } from '@careloom/format';
import type { Alert } from '@careloom/format/api';
import type { MessageKey, Translate } from '../shared/i18n.js';

/** An alert in the reader's language: its main text and, for scores, a line of detail. */
export interface AlertText {
  text: string;
  details: string[];
}

const ZONE_KEY: Record<string, MessageKey> = { green: 'common.zoneGreen', yellow: 'common.zoneYellow', red: 'common.zoneRed' };

/**
 * Words an alert from its `code` and `params` in the interface language: the clinic's own phrases
 * from the catalog, the module's texts (rule messages, titles, explanations) in the module's
 * language closest to it. Alerts without a code (raised before codes were stored) show the
 * server's English `message`.
 *
 * @example
 * alertText(alert, 'sv', translator('sv')).text; // 'PHQ-9: Fråga 9 (…) besvarades med mer än "Inte alls". …'
 */
export function alertText(alert: Alert, language: string, t: Translate): AlertText {
  const fallback: AlertText = { text: alert.message, details: [] };
  if (!alert.code || !alert.params) return fallback;
  const text = (value: LocalizedText | null | undefined, fallbackLanguage: string) => (value ? localize(value, language, fallbackLanguage) : '');
  switch (alert.code) {
    case 'missing_report': {
      const { day, deadline, timeZone, title, defaultLanguage } = alert.params;
      const sentence = t('alertMissingReport', { day, deadline, timeZone });
      const name = text(title, defaultLanguage);
      return { text: name ? t('alertTitled', { title: name, text: sentence }) : sentence, details: [] };
    }
    case 'score_band':
    case 'item_threshold': {
      const { instrument, rule, total, bandLabel, item, defaultLanguage } = alert.params;
      const details: string[] = [];
      if (total !== null) {
        const band = text(bandLabel, defaultLanguage);
        details.push(band ? t('alertScoreTotalBand', { instrument, total: new Intl.NumberFormat(language).format(total), band }) : t('alertScoreTotal', { instrument, total: new Intl.NumberFormat(language).format(total) }));
      }
      if (item) details.push(t('alertItem', { item: text(item, defaultLanguage) }));
      return { text: t('alertTitled', { title: instrument, text: text(rule, defaultLanguage) }), details };
    }
    case 'zone': {
      const { title, zone, reasons, defaultLanguage } = alert.params;
      const sentence = t('alertZone', { title: text(title, defaultLanguage), zone: t(ZONE_KEY[zone] ?? 'common.zoneRed'), reasons: reasons.map((reason) => text(reason, defaultLanguage)).join(' ') });
      return { text: sentence.trim(), details: [] };
    }
    default:
      // A code this clinic does not know yet (a newer server): the English wording.
      return fallback;
  }
}
