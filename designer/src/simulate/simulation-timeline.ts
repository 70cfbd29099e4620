import { addDays } from '@careloom/format/engine';
import type { SimulationEvent, SimulationResult } from '@careloom/format/engine';
import type { LocalizedText } from '@careloom/format';
import { t } from '../i18n/i18n.js';

/** One program week of a simulated run, with its local dates and what happened in it. */
export interface TimelineWeek {
  week: number;
  /** Local dates of its first and last day. */
  from: string;
  to: string;
  events: SimulationEvent[];
  alerts: number;
}

/**
 * The run's events grouped by program week, every week of the program listed (an empty week says
 * so), events in time order. Daily registration entries are left out unless `entries`: a daily
 * report over 26 weeks would bury the alerts.
 *
 * @example
 * timelineWeeks(result, false)[2]!.events.filter((event) => event.kind === 'alert');
 */
export function timelineWeeks(result: SimulationResult, entries: boolean): TimelineWeek[] {
  return Array.from({ length: result.durationWeeks }, (_, index) => {
    const week = index + 1;
    const from = addDays(result.startDate, 7 * index);
    const events = result.events.filter((event) => event.week === week && (entries || event.kind !== 'registration' || event.zone === 'red' || event.late));
    return { week, from, to: addDays(from, 6), events, alerts: events.filter((event) => event.kind === 'alert' || event.kind === 'missingReport').length };
  });
}

/** How a timeline line is shown: alerts stand out, with their urgency in words. */
export type EventTone = 'alert' | 'warning' | 'plain';

export interface EventText {
  text: string;
  /** A second line: the rule's message, a deadline. */
  details: string[];
  tone: EventTone;
}

export interface EventWords {
  /** A module's title by id (its id when unknown). */
  moduleTitle: (moduleId: string) => string;
  /** Text in the content language. */
  text: (value: LocalizedText | string) => string;
  /** An instant as a local date and time, in the simulated patient's time zone. */
  instant: (at: string) => string;
  /** A deadline: an instant, or the day before with "end of day" when it falls at local midnight (a window that closes as a day ends). */
  deadline: (at: string) => string;
  /** A local date. */
  date: (date: string) => string;
  /** The highest score of an instrument, by module and instrument id. */
  scoreMax: (moduleId: string, instrumentId: string) => number | undefined;
}

const LEVEL = { info: 'common.levelInfo', warning: 'common.levelWarning', urgent: 'common.levelUrgent' } as const;
const ZONE = { green: 'common.zoneGreen', yellow: 'common.zoneYellow', red: 'common.zoneRed' } as const;

/** The words of one timeline event, in the designer's language. */
export function eventText(event: SimulationEvent, words: EventWords): EventText {
  switch (event.kind) {
    case 'unlock':
      return plain(t(event.notified ? 'simulate.event.unlockNotified' : 'simulate.event.unlock', { title: words.moduleTitle(event.moduleId) }));
    case 'reminder':
      return plain(t('simulate.event.reminder', { channels: t(event.channels.includes('email') ? 'simulate.event.channels.appEmail' : 'simulate.event.channels.app'), title: words.moduleTitle(event.moduleId), due: words.deadline(event.dueAt) }));
    case 'moduleCompleted':
      return plain(t('simulate.event.completed', { title: words.moduleTitle(event.moduleId) }));
    case 'measurement': {
      const scores = event.scores.map((score) => {
        const max = words.scoreMax(event.moduleId, score.instrumentId);
        return score.total === null ? t('simulate.event.scoreMissing', { name: score.title }) : t('simulate.event.score', { name: score.title, total: score.total, max: max ?? '?' });
      });
      return { text: t(event.late ? 'simulate.event.measurementLate' : 'simulate.event.measurement', { title: words.moduleTitle(event.moduleId) }), details: scores, tone: 'plain' };
    }
    case 'registration': {
      const text = t(event.late ? 'simulate.event.registrationLate' : 'simulate.event.registration', { title: words.moduleTitle(event.moduleId), date: words.date(event.date) });
      return { text, details: event.zone ? [t(ZONE[event.zone])] : [], tone: event.zone === 'red' ? 'warning' : 'plain' };
    }
    case 'alert': {
      const details = event.messages.map((message) => words.text(message));
      if (event.respondBy) details.push(t('simulate.event.respondBy', { deadline: words.deadline(event.respondBy) }));
      if (event.escalates) details.push(t('simulate.event.escalates'));
      return { text: t('simulate.event.alert', { severity: t(LEVEL[event.severity]), title: words.text(event.title) }), details, tone: event.severity === 'info' ? 'warning' : 'alert' };
    }
    case 'missingReport':
      return { text: t('simulate.event.missingReport', { title: words.moduleTitle(event.moduleId), date: words.date(event.date), deadline: words.deadline(event.dueAt) }), details: [], tone: 'alert' };
    case 'measurementMissed':
      return { text: t('simulate.event.measurementMissed', { title: words.moduleTitle(event.moduleId), n: event.measurementWeek }), details: [], tone: 'warning' };
  }
}

function plain(text: string): EventText {
  return { text, details: [], tone: 'plain' };
}
