import type { CollabSession } from '../collab/collab-session.js';
import type { MediaList, MediaUpload } from '@careloom/format/api';
import type { AnswerableItem } from './conditions/answerable-items.js';

/** The owning organisation's media library, for the file fields' picker. */
export interface MediaLibraryAccess {
  list(): Promise<MediaList>;
  upload(file: File): Promise<MediaUpload>;
}

/** What every block and field editor needs: handed down by the canvas on each render. */
export interface EditContext {
  session: CollabSession;
  languages: readonly string[];
  defaultLanguage: string;
  /** The language labels and pickers are shown in (the editor's content language). */
  language: string;
  readOnly: boolean;
  /** Answerable items of the module in document order, for condition and goal pickers. */
  items: readonly AnswerableItem[];
  /** Ids of the pages in order with their titles, for branch targets. */
  pages: ReadonlyArray<{ id: string; title: string; index: number }>;
  /** Index of the page being edited. */
  pageIndex: number;
  /** Every id in the module now (a fresh copy each call): for new unique ids. */
  takenIds(): Set<string>;
  /** Says something to screen-reader users (an aria-live region). */
  announce(message: string): void;
  /** The media library of the organisation that owns the module; absent where there is none to reach (a read-only preview, tests). */
  media?: MediaLibraryAccess;
}
