import { describe, expect, it } from 'vitest';
import { reminderMail } from './reminder-mail.js';

const input = { unitName: 'Unit one', title: 'Daily report', dueAt: '2026-03-03T11:00:00.000Z', timeZone: 'Europe/Stockholm', url: 'https://careloom.example.org' };

describe('reminderMail', () => {
  it('writes the reminder in the program\'s language, with the deadline in the unit\'s time zone', () => {
    const en = reminderMail({ ...input, language: 'en' });
    expect(en.subject).toBe('Reminder: Daily report');
    expect(en.text).toMatch(/^Unit one reminds you: "Daily report" is due by Mar 3, 2026, 12:00/);
    expect(en.text).toContain('https://careloom.example.org');
    const sv = reminderMail({ ...input, language: 'sv-SE' });
    expect(sv.subject).toBe('Påminnelse: Daily report');
    expect(sv.text).toMatch(/^Unit one påminner dig: "Daily report" ska fyllas i senast 3 mars 2026 12:00/);
    const nb = reminderMail({ ...input, language: 'no' });
    expect(nb.subject).toBe('Påminnelse: Daily report');
    expect(nb.text).toMatch(/^Unit one minner deg på: "Daily report" skal fylles ut innen 3\. mars 2026, 12:00/);
  });

  it('leaves the deadline out when the item has none, and falls back to English', () => {
    expect(reminderMail({ ...input, dueAt: null, language: 'de' }).text).toBe('Unit one reminds you: "Daily report" is due. Open Careloom to fill it in: https://careloom.example.org');
  });
});
