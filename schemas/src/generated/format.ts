/* eslint-disable */
/**
 * DO NOT EDIT. Generated from schemas/json/*.schema.json by `npm run gen`;
 * `npm run gen:check` (part of `npm test`) fails when this file is stale.
 */

/**
 * Identifier of a page, block, item, option, band or rule. Unique within its module. Starts with a letter; letters, digits, '_', '-' and '.' follow.
 *
 * This interface was referenced by `CareloomFormat`'s JSON-Schema
 * via the `definition` "Id".
 */
export type Id = string;
/**
 * Identifier of a module or program: lower-case letters, digits and '-', 2 to 64 characters. Stable across versions.
 *
 * This interface was referenced by `CareloomFormat`'s JSON-Schema
 * via the `definition` "Slug".
 */
export type Slug = string;
/**
 * BCP 47 language tag of the form 'sv', 'nb' or 'en-GB'.
 *
 * This interface was referenced by `CareloomFormat`'s JSON-Schema
 * via the `definition` "LanguageTag".
 */
export type LanguageTag = string;
/**
 * Lower-case hex SHA-256 of a version's canonical JSON.
 *
 * This interface was referenced by `CareloomFormat`'s JSON-Schema
 * via the `definition` "Sha256".
 */
export type Sha256 = string;
/**
 * A test on answers given earlier in the module (or in the same registration entry), told apart by 'op'.
 *
 * This interface was referenced by `CareloomFormat`'s JSON-Schema
 * via the `definition` "Condition".
 */
export type Condition =
  CompareCondition | IncludesCondition | AnsweredCondition | AllCondition | AnyCondition | NotCondition;
/**
 * A test on the total, a subscale, an item's score or the band, told apart by 'of'.
 *
 * This interface was referenced by `CareloomFormat`'s JSON-Schema
 * via the `definition` "ScoreTest".
 */
export type ScoreTest = TotalScoreTest | SubscaleScoreTest | ItemScoreTest | BandScoreTest;
/**
 * Comparison: equals, not equals, greater than, greater or equal, less than, less or equal.
 *
 * This interface was referenced by `CareloomFormat`'s JSON-Schema
 * via the `definition` "NumericOp".
 */
export type NumericOp = 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte';
/**
 * One piece of page content, told apart by 'type'.
 *
 * This interface was referenced by `CareloomFormat`'s JSON-Schema
 * via the `definition` "Block".
 */
export type Block =
  | TextBlock
  | ImageBlock
  | FilmBlock
  | AudioBlock
  | QuestionBlock
  | GridBlock
  | InstrumentBlock
  | ExerciseBlock
  | RegistrationBlock
  | UnitContactBlock;
/**
 * Address of a media file: an https URL or a path on the Careloom server.
 *
 * This interface was referenced by `CareloomFormat`'s JSON-Schema
 * via the `definition` "MediaSource".
 */
export type MediaSource = string;
/**
 * The answer format of a question or registration field, told apart by 'kind'.
 *
 * This interface was referenced by `CareloomFormat`'s JSON-Schema
 * via the `definition` "Input".
 */
export type Input =
  | SingleChoiceInput
  | MultipleChoiceInput
  | ScaleInput
  | SliderInput
  | NumberInput
  | TextInput
  | DateTimeInput
  | YesNoInput;

export interface CareloomFormat {
  [k: string]: unknown;
}
/**
 * Plain text in each of the module's languages, keyed by language tag. Every declared language must be present.
 *
 * This interface was referenced by `CareloomFormat`'s JSON-Schema
 * via the `definition` "LocalizedText".
 */
export interface LocalizedText {
  [k: string]: string;
}
/**
 * Rich text in each of the module's languages, keyed by language tag. Every declared language must be present.
 *
 * This interface was referenced by `CareloomFormat`'s JSON-Schema
 * via the `definition` "LocalizedRichText".
 */
export interface LocalizedRichText {
  [k: string]: RichTextDoc;
}
/**
 * A Tiptap/ProseMirror document restricted to the node and mark types the designer offers. This allow-list is the whitelist for content that reaches patients.
 *
 * This interface was referenced by `CareloomFormat`'s JSON-Schema
 * via the `definition` "RichTextDoc".
 */
export interface RichTextDoc {
  /**
   * Always 'doc'.
   */
  type: 'doc';
  /**
   * Top-level block nodes of the document.
   */
  content: RichTextNode[];
}
/**
 * One ProseMirror node: a block (paragraph, heading, list, list item, blockquote, callout, horizontal rule), a hard break or a run of text.
 *
 * This interface was referenced by `CareloomFormat`'s JSON-Schema
 * via the `definition` "RichTextNode".
 */
export interface RichTextNode {
  /**
   * Node type, from the allowed set.
   */
  type:
    | 'paragraph'
    | 'heading'
    | 'bulletList'
    | 'orderedList'
    | 'listItem'
    | 'blockquote'
    | 'callout'
    | 'horizontalRule'
    | 'hardBreak'
    | 'text';
  attrs?: RichTextAttrs;
  /**
   * Child nodes (block nodes only).
   */
  content?: RichTextNode[];
  /**
   * The characters of a text node.
   */
  text?: string;
  /**
   * Formatting applied to a text node.
   */
  marks?: RichTextMark[];
}
/**
 * Node attributes the allowed node types use.
 *
 * This interface was referenced by `CareloomFormat`'s JSON-Schema
 * via the `definition` "RichTextAttrs".
 */
export interface RichTextAttrs {
  /**
   * Heading level, 1 to 4.
   */
  level?: number;
  /**
   * First number of an ordered list.
   */
  start?: number;
  /**
   * List style of an ordered list (Tiptap writes null for the default).
   */
  type?: string | null;
  /**
   * Kind of callout: a neutral note, a tip, a warning, or crisis information.
   */
  tone?: 'note' | 'tip' | 'warning' | 'crisis';
}
/**
 * A formatting mark on a text node.
 *
 * This interface was referenced by `CareloomFormat`'s JSON-Schema
 * via the `definition` "RichTextMark".
 */
export interface RichTextMark {
  /**
   * Mark type, from the allowed set.
   */
  type: 'bold' | 'italic' | 'underline' | 'strike' | 'code' | 'link';
  attrs?: RichTextMarkAttrs;
}
/**
 * Attributes of a link mark.
 */
export interface RichTextMarkAttrs {
  /**
   * Link target: an http(s) address with a host, a mailto or tel address, or a path or fragment on the same site; never a protocol-relative //host, another scheme, whitespace or control characters.
   */
  href?: string;
  /**
   * Where the link opens (Tiptap writes '_blank' or null).
   */
  target?: '_blank' | null;
  /**
   * Link relation (Tiptap default).
   */
  rel?: string | null;
  /**
   * Unused; Tiptap writes null.
   */
  class?: null;
}
/**
 * A reference to a module, optionally pinned to one released version.
 *
 * This interface was referenced by `CareloomFormat`'s JSON-Schema
 * via the `definition` "ModuleRef".
 */
export interface ModuleRef {
  moduleId: Slug;
  /**
   * Released version number to use. Left out while authoring; fixed when the program is released.
   */
  version?: number;
}
/**
 * A rating scale (PHQ-9, GAD-7, …) with its items, scoring, severity bands and alert rules, its codes and licence, and scoring test cases that validation runs.
 *
 * This interface was referenced by `CareloomFormat`'s JSON-Schema
 * via the `definition` "InstrumentBlock".
 */
export interface InstrumentBlock {
  /**
   * Block type.
   */
  type: 'instrument';
  id: Id;
  visibleWhen?: Condition;
  name: LocalizedText;
  /**
   * Short name used in charts and alerts, e.g. 'PHQ-9'.
   */
  abbreviation: string;
  instructions?: LocalizedText;
  codes?: InstrumentCodes;
  licence?: Licence;
  /**
   * A validated instrument: its wording, item order, options and scoring may not be edited, only translated.
   */
  locked?: boolean;
  /**
   * The response scale shared by every item that does not list its own options.
   *
   * @minItems 2
   */
  options?: [ScoredOption, ScoredOption, ...ScoredOption[]];
  /**
   * The items, in order.
   *
   * @minItems 1
   */
  items: [InstrumentItem, ...InstrumentItem[]];
  scoring: Scoring;
  /**
   * Scoring test cases: answers and the expected result. Validation computes each and rejects the module if any disagrees.
   *
   * @minItems 1
   */
  tests: [ScoringTest, ...ScoringTest[]];
}
/**
 * Compares an answer with a value. For choice answers the value is an option id (only 'eq' and 'ne'); for numbers any comparison; for yes/no a boolean. An unanswered item makes every comparison false.
 *
 * This interface was referenced by `CareloomFormat`'s JSON-Schema
 * via the `definition` "CompareCondition".
 */
export interface CompareCondition {
  /**
   * equals, not equals, greater than, greater or equal, less than, less or equal.
   */
  op: 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte';
  item: Id;
  /**
   * The value compared with.
   */
  value: string | number | boolean;
}
/**
 * Holds when a multiple-choice answer includes the option.
 *
 * This interface was referenced by `CareloomFormat`'s JSON-Schema
 * via the `definition` "IncludesCondition".
 */
export interface IncludesCondition {
  /**
   * Operator.
   */
  op: 'includes';
  item: Id;
  value: Id;
}
/**
 * Holds when the item has an answer.
 *
 * This interface was referenced by `CareloomFormat`'s JSON-Schema
 * via the `definition` "AnsweredCondition".
 */
export interface AnsweredCondition {
  /**
   * Operator.
   */
  op: 'answered';
  item: Id;
}
/**
 * Holds when every one of the conditions holds.
 *
 * This interface was referenced by `CareloomFormat`'s JSON-Schema
 * via the `definition` "AllCondition".
 */
export interface AllCondition {
  /**
   * Operator.
   */
  op: 'all';
  /**
   * The conditions.
   *
   * @minItems 1
   */
  conditions: [Condition, ...Condition[]];
}
/**
 * Holds when at least one of the conditions holds.
 *
 * This interface was referenced by `CareloomFormat`'s JSON-Schema
 * via the `definition` "AnyCondition".
 */
export interface AnyCondition {
  /**
   * Operator.
   */
  op: 'any';
  /**
   * The conditions.
   *
   * @minItems 1
   */
  conditions: [Condition, ...Condition[]];
}
/**
 * Holds when the condition does not.
 *
 * This interface was referenced by `CareloomFormat`'s JSON-Schema
 * via the `definition` "NotCondition".
 */
export interface NotCondition {
  /**
   * Operator.
   */
  op: 'not';
  condition: Condition;
}
/**
 * Codes that identify the instrument in a terminology, usually LOINC.
 *
 * This interface was referenced by `CareloomFormat`'s JSON-Schema
 * via the `definition` "InstrumentCodes".
 */
export interface InstrumentCodes {
  /**
   * URI of the code system, e.g. 'http://loinc.org'.
   */
  system: string;
  /**
   * Code of the whole questionnaire (LOINC panel).
   */
  panel?: string;
  /**
   * Code of the total score.
   */
  total?: string;
}
/**
 * Terms of use of an instrument.
 *
 * This interface was referenced by `CareloomFormat`'s JSON-Schema
 * via the `definition` "Licence".
 */
export interface Licence {
  /**
   * Licence name, e.g. 'Public domain, no permission required'.
   */
  name: string;
  /**
   * Where the licence or permission statement is published.
   */
  url?: string;
  /**
   * Attribution text to show with the instrument.
   */
  attribution: string;
}
/**
 * A response option with its score.
 *
 * This interface was referenced by `CareloomFormat`'s JSON-Schema
 * via the `definition` "ScoredOption".
 */
export interface ScoredOption {
  id: Id;
  label: LocalizedText;
  /**
   * Points given for this option (before reversal).
   */
  score: number;
  /**
   * Terminology code of the answer, e.g. LOINC answer code 'LA6568-5'.
   */
  code?: string;
}
/**
 * One item of the instrument. Its answer (an option id) is stored under the item's id.
 *
 * This interface was referenced by `CareloomFormat`'s JSON-Schema
 * via the `definition` "InstrumentItem".
 */
export interface InstrumentItem {
  id: Id;
  text: LocalizedText;
  /**
   * Terminology code of the item, e.g. a LOINC question code.
   */
  code?: string;
  /**
   * This item's own response options, replacing the instrument's shared scale.
   *
   * @minItems 2
   */
  options?: [ScoredOption, ScoredOption, ...ScoredOption[]];
  /**
   * Reverse-keyed item: its score is (lowest + highest option score) − the chosen option's score.
   */
  reversed?: boolean;
  /**
   * Whether the item counts toward the total by default. Unscored items (such as PHQ-9's difficulty question) are still recorded.
   */
  scored?: boolean;
  /**
   * The patient must answer the item before leaving the page.
   */
  required?: boolean;
}
/**
 * How the total and subscales are computed, how missing answers are handled, and how totals map to bands and alerts.
 *
 * This interface was referenced by `CareloomFormat`'s JSON-Schema
 * via the `definition` "Scoring".
 */
export interface Scoring {
  total: ScoreDefinition;
  /**
   * Subscale scores over subsets of items.
   */
  subscales?: Subscale[];
  missing: MissingRule;
  /**
   * Severity bands of the total, lowest first. Together they cover every possible total once, with no gaps or overlaps.
   *
   * @minItems 1
   */
  bands: [Band, ...Band[]];
  /**
   * Rules that raise an alert to the therapist.
   */
  alerts?: AlertRule[];
  reliableChange?: ReliableChange;
}
/**
 * How a score is computed from item scores.
 *
 * This interface was referenced by `CareloomFormat`'s JSON-Schema
 * via the `definition` "ScoreDefinition".
 */
export interface ScoreDefinition {
  /**
   * Sum or mean of the item scores.
   */
  method: 'sum' | 'mean';
  /**
   * Ids of the items included. Left out: every scored item.
   *
   * @minItems 1
   */
  items?: [Id, ...Id[]];
  /**
   * Decimals the score is rounded to (half away from zero); bands are compared with the rounded score.
   */
  decimals?: number;
  /**
   * Terminology code of the score.
   */
  code?: string;
}
/**
 * A score over a subset of the items.
 *
 * This interface was referenced by `CareloomFormat`'s JSON-Schema
 * via the `definition` "Subscale".
 */
export interface Subscale {
  id: Id;
  name: LocalizedText;
  /**
   * Sum or mean of the item scores.
   */
  method: 'sum' | 'mean';
  /**
   * Ids of the items in the subscale.
   *
   * @minItems 1
   */
  items: [Id, ...Id[]];
  /**
   * Decimals the score is rounded to.
   */
  decimals?: number;
  /**
   * Most unanswered items allowed in this subscale; overrides the instrument's rule.
   */
  maxMissing?: number;
}
/**
 * Rule for unanswered items: up to maxMissing may be missing and are filled in by the impute method; with more missing, the score is not computed.
 *
 * This interface was referenced by `CareloomFormat`'s JSON-Schema
 * via the `definition` "MissingRule".
 */
export interface MissingRule {
  /**
   * Most unanswered items allowed for a score to be computed.
   */
  maxMissing: number;
  /**
   * 'mean': a missing item counts as the mean of the answered items (prorating); 'zero': it counts as 0.
   */
  impute: 'mean' | 'zero';
  /**
   * Where the rule comes from, e.g. the scoring manual.
   */
  source?: string;
}
/**
 * A range of the (rounded) total with a severity label. min and max are both included.
 *
 * This interface was referenced by `CareloomFormat`'s JSON-Schema
 * via the `definition` "Band".
 */
export interface Band {
  id: Id;
  /**
   * Lowest total in the band.
   */
  min: number;
  /**
   * Highest total in the band.
   */
  max: number;
  label: LocalizedText;
  /**
   * Severity level for colours and sorting: 0 none/minimal, 1 mild, 2 moderate, 3 moderately severe, 4 severe.
   */
  level?: number;
}
/**
 * A rule that raises an alert to the therapist when a completed instrument matches it.
 *
 * This interface was referenced by `CareloomFormat`'s JSON-Schema
 * via the `definition` "AlertRule".
 */
export interface AlertRule {
  id: Id;
  /**
   * How urgent the alert is.
   */
  level: 'info' | 'warning' | 'urgent';
  message: LocalizedText;
  when: ScoreTest;
  response?: AlertResponse;
}
/**
 * Compares the total with a value.
 */
export interface TotalScoreTest {
  /**
   * What is tested.
   */
  of: 'total';
  op: NumericOp;
  /**
   * The value compared with.
   */
  value: number;
}
/**
 * Compares a subscale with a value.
 */
export interface SubscaleScoreTest {
  /**
   * What is tested.
   */
  of: 'subscale';
  subscale: Id;
  op: NumericOp;
  /**
   * The value compared with.
   */
  value: number;
}
/**
 * Compares one item's score (after reversal) with a value, e.g. PHQ-9 item 9 above 0.
 */
export interface ItemScoreTest {
  /**
   * What is tested.
   */
  of: 'item';
  item: Id;
  op: NumericOp;
  /**
   * The value compared with.
   */
  value: number;
}
/**
 * Holds when the total falls in one of the bands.
 */
export interface BandScoreTest {
  /**
   * What is tested.
   */
  of: 'band';
  /**
   * Ids of the bands.
   *
   * @minItems 1
   */
  bands: [Id, ...Id[]];
}
/**
 * The response deadline of an alert: within a number of hours, or by the end of the working day it was raised on (17:00 in the unit's time zone, Monday to Friday; after 17:00 or at a weekend, the next working day's). Give exactly one of the two.
 *
 * This interface was referenced by `CareloomFormat`'s JSON-Schema
 * via the `definition` "AlertResponse".
 */
export interface AlertResponse {
  /**
   * Hours from the alert to its deadline.
   */
  withinHours?: number;
  /**
   * The deadline is the end of the working day the alert was raised on.
   */
  sameWorkingDay?: true;
  /**
   * Unacknowledged at the deadline, the alert is e-mailed to the unit's other therapists and the care provider's administrators.
   */
  escalate?: boolean;
}
/**
 * Published psychometrics of the total for the reliable change index (Jacobson & Truax 1991): SEdiff = SD × √2 × √(1 − r); a change from the first total larger than 1.96 × SEdiff is reliable.
 *
 * This interface was referenced by `CareloomFormat`'s JSON-Schema
 * via the `definition` "ReliableChange".
 */
export interface ReliableChange {
  /**
   * The reliability r of the total: internal consistency (Cronbach's alpha) or test–retest correlation.
   */
  reliability: {
    /**
     * Which reliability was published.
     */
    kind: 'cronbachAlpha' | 'testRetest';
    /**
     * The coefficient, above 0 and below 1.
     */
    value: number;
  };
  /**
   * The standard deviation of the total in the published norm or clinical sample.
   */
  normSd: number;
  /**
   * Which way of the total is better: lowerIsBetter for symptom scales such as PHQ-9.
   */
  direction: 'lowerIsBetter' | 'higherIsBetter';
  /**
   * The publication the reliability and standard deviation come from, and the sample.
   */
  source: string;
}
/**
 * A scoring test case: answers and the result the manual gives for them.
 *
 * This interface was referenced by `CareloomFormat`'s JSON-Schema
 * via the `definition` "ScoringTest".
 */
export interface ScoringTest {
  /**
   * What the case checks, e.g. 'lowest moderate score'.
   */
  name: string;
  /**
   * Option id per item id; an item left out or null is unanswered.
   */
  answers: {
    [k: string]: Id | null;
  };
  expect: ScoringExpectation;
}
/**
 * The expected result.
 */
export interface ScoringExpectation {
  /**
   * Expected total, or null when too many items are missing.
   */
  total: number | null;
  /**
   * Expected subscale scores by subscale id.
   */
  subscales?: {
    [k: string]: number | null;
  };
  /**
   * Expected band id, or null when there is no total.
   */
  band?: Id | null;
  /**
   * Ids of exactly the alert rules expected to fire.
   */
  alerts?: Id[];
}
/**
 * A treatment module: pages of blocks (texts, media, questions, rating-scale instruments, exercises and registrations) with conditions and branching, in one or more languages. A submitted module version is immutable.
 *
 * This interface was referenced by `CareloomFormat`'s JSON-Schema
 * via the `definition` "Module".
 */
export interface Module {
  /**
   * Version of the module format this document follows. Older documents are upgraded by the format's migrations before validation.
   */
  formatVersion: 1;
  id: Slug;
  title: LocalizedText;
  summary?: LocalizedText;
  /**
   * Languages the module is written in. Every text must be given in each of them.
   *
   * @minItems 1
   */
  languages: [LanguageTag, ...LanguageTag[]];
  defaultLanguage: LanguageTag;
  /**
   * Free keywords for searching the library and catalog, e.g. 'panic', 'psychoeducation'.
   */
  tags?: string[];
  /**
   * People credited for the content.
   */
  authors?: Author[];
  targetGroup?: LocalizedText;
  /**
   * How long a patient typically needs for the module, in minutes.
   */
  estimatedMinutes?: number;
  /**
   * How easy the patient-facing pages must be to read, checked per page and language when the module is submitted (a warning, not an error): 'easy' is LIX at most 30 in Swedish and Norwegian, Flesch reading ease at least 70 in English; 'standard' is LIX at most 40, Flesch at least 60 (docs/plain-language.md). Left out: no level is checked.
   */
  readingLevel?: 'easy' | 'standard';
  /**
   * The module's pages in reading order. Navigation goes to the next visible page unless a branch of the current page says otherwise.
   *
   * @minItems 1
   */
  pages: [Page, ...Page[]];
}
/**
 * A person credited for the content.
 */
export interface Author {
  /**
   * Full name.
   */
  name: string;
  /**
   * Organisation the author worked for.
   */
  organisation?: string;
  /**
   * Contribution, e.g. 'psychologist', 'illustrator'.
   */
  role?: string;
}
/**
 * One screen of the module.
 *
 * This interface was referenced by `CareloomFormat`'s JSON-Schema
 * via the `definition` "Page".
 */
export interface Page {
  id: Id;
  title: LocalizedText;
  visibleWhen?: Condition;
  /**
   * The page's content, top to bottom.
   */
  blocks: Block[];
  /**
   * Where to go after this page. The first branch whose condition holds decides; when none does, the next visible page follows.
   */
  branches?: Branch[];
}
/**
 * Rich text: headings, paragraphs, lists, links, emphasis and callouts.
 *
 * This interface was referenced by `CareloomFormat`'s JSON-Schema
 * via the `definition` "TextBlock".
 */
export interface TextBlock {
  /**
   * Block type.
   */
  type: 'text';
  id: Id;
  visibleWhen?: Condition;
  content: LocalizedRichText;
}
/**
 * A picture with alternative text for screen readers.
 *
 * This interface was referenced by `CareloomFormat`'s JSON-Schema
 * via the `definition` "ImageBlock".
 */
export interface ImageBlock {
  /**
   * Block type.
   */
  type: 'image';
  id: Id;
  visibleWhen?: Condition;
  src: MediaSource;
  alt: LocalizedText;
  caption?: LocalizedText;
  /**
   * Photographer or licence line.
   */
  credit?: string;
}
/**
 * A film with captions and a transcript, so that it can be followed without sound or sight.
 *
 * This interface was referenced by `CareloomFormat`'s JSON-Schema
 * via the `definition` "FilmBlock".
 */
export interface FilmBlock {
  /**
   * Block type.
   */
  type: 'film';
  id: Id;
  visibleWhen?: Condition;
  src: MediaSource;
  poster?: MediaSource;
  /**
   * Length of the film in seconds, shown before playback.
   */
  durationSeconds?: number;
  alt: LocalizedText;
  caption?: LocalizedText;
  /**
   * Subtitle tracks (WebVTT), one per language.
   */
  captions?: CaptionTrack[];
  transcript: LocalizedRichText;
}
/**
 * A WebVTT caption track of a film or a recording.
 *
 * This interface was referenced by `CareloomFormat`'s JSON-Schema
 * via the `definition` "CaptionTrack".
 */
export interface CaptionTrack {
  language: LanguageTag;
  src: MediaSource;
}
/**
 * A recording (a guided exercise, a spoken explanation) with captions and a transcript, so that it can be followed without sound.
 *
 * This interface was referenced by `CareloomFormat`'s JSON-Schema
 * via the `definition` "AudioBlock".
 */
export interface AudioBlock {
  /**
   * Block type.
   */
  type: 'audio';
  id: Id;
  visibleWhen?: Condition;
  src: MediaSource;
  /**
   * Length of the recording in seconds, shown before playback.
   */
  durationSeconds?: number;
  alt: LocalizedText;
  caption?: LocalizedText;
  /**
   * Caption tracks (WebVTT), one per language, shown as the recording plays.
   */
  captions?: CaptionTrack[];
  transcript: LocalizedRichText;
}
/**
 * A single question. Its answer is stored under the block's id.
 *
 * This interface was referenced by `CareloomFormat`'s JSON-Schema
 * via the `definition` "QuestionBlock".
 */
export interface QuestionBlock {
  /**
   * Block type.
   */
  type: 'question';
  id: Id;
  visibleWhen?: Condition;
  prompt: LocalizedText;
  help?: LocalizedText;
  /**
   * The page cannot be left before a visible required question is answered.
   */
  required?: boolean;
  input: Input;
}
/**
 * Pick one option. Answer: the option id.
 *
 * This interface was referenced by `CareloomFormat`'s JSON-Schema
 * via the `definition` "SingleChoiceInput".
 */
export interface SingleChoiceInput {
  /**
   * Input kind.
   */
  kind: 'singleChoice';
  /**
   * The options, in display order.
   *
   * @minItems 2
   */
  options: [Option, Option, ...Option[]];
  /**
   * Radio buttons (default) or a drop-down list for long option lists.
   */
  display?: 'radio' | 'dropdown';
}
/**
 * One answer option of a choice or scale question. The answer stores the option's id.
 *
 * This interface was referenced by `CareloomFormat`'s JSON-Schema
 * via the `definition` "Option".
 */
export interface Option {
  id: Id;
  label: LocalizedText;
  /**
   * Numeric value of the option, used by conditions and charts (and as the score outside instruments).
   */
  value?: number;
}
/**
 * Pick any number of options. Answer: the list of option ids.
 *
 * This interface was referenced by `CareloomFormat`'s JSON-Schema
 * via the `definition` "MultipleChoiceInput".
 */
export interface MultipleChoiceInput {
  /**
   * Input kind.
   */
  kind: 'multipleChoice';
  /**
   * The options, in display order.
   *
   * @minItems 1
   */
  options: [Option, ...Option[]];
  /**
   * Fewest options that must be picked when answered.
   */
  minSelected?: number;
  /**
   * Most options that may be picked.
   */
  maxSelected?: number;
}
/**
 * An ordered Likert-type scale shown as a row of steps. Answer: the option id. Every option carries a value.
 *
 * This interface was referenced by `CareloomFormat`'s JSON-Schema
 * via the `definition` "ScaleInput".
 */
export interface ScaleInput {
  /**
   * Input kind.
   */
  kind: 'scale';
  /**
   * Scale steps from one end to the other.
   *
   * @minItems 2
   */
  options: [ScaleOption, ScaleOption, ...ScaleOption[]];
}
/**
 * One step of a scale.
 */
export interface ScaleOption {
  id: Id;
  label: LocalizedText;
  /**
   * Numeric value of the step.
   */
  value: number;
}
/**
 * A number chosen on a slider between two labelled ends. Answer: a number.
 *
 * This interface was referenced by `CareloomFormat`'s JSON-Schema
 * via the `definition` "SliderInput".
 */
export interface SliderInput {
  /**
   * Input kind.
   */
  kind: 'slider';
  /**
   * Lowest value.
   */
  min: number;
  /**
   * Highest value.
   */
  max: number;
  /**
   * Distance between selectable values.
   */
  step?: number;
  minLabel?: LocalizedText;
  maxLabel?: LocalizedText;
}
/**
 * A typed number, optionally with a unit and a valid range. Answer: a number.
 *
 * This interface was referenced by `CareloomFormat`'s JSON-Schema
 * via the `definition` "NumberInput".
 */
export interface NumberInput {
  /**
   * Input kind.
   */
  kind: 'number';
  unit?: Unit;
  /**
   * Smallest accepted value.
   */
  min?: number;
  /**
   * Largest accepted value.
   */
  max?: number;
  /**
   * Decimals accepted; 0 means whole numbers only.
   */
  decimals?: number;
}
/**
 * A unit of measurement.
 *
 * This interface was referenced by `CareloomFormat`'s JSON-Schema
 * via the `definition` "Unit".
 */
export interface Unit {
  /**
   * UCUM code, e.g. 'kg', 'mm[Hg]', '%', '/min', 'min'.
   */
  code: string;
  label: LocalizedText;
}
/**
 * Free text. Answer: a string.
 *
 * This interface was referenced by `CareloomFormat`'s JSON-Schema
 * via the `definition` "TextInput".
 */
export interface TextInput {
  /**
   * Input kind.
   */
  kind: 'text';
  /**
   * A text area rather than a single line.
   */
  multiline?: boolean;
  /**
   * Most characters accepted.
   */
  maxLength: number;
}
/**
 * A date, a time of day, or both. Answer: an ISO 8601 string ('2026-03-01', '07:30' or '2026-03-01T07:30'); dates from 1900-01-01 to 2199-12-31.
 *
 * This interface was referenced by `CareloomFormat`'s JSON-Schema
 * via the `definition` "DateTimeInput".
 */
export interface DateTimeInput {
  /**
   * Input kind.
   */
  kind: 'dateTime';
  /**
   * What is asked for.
   */
  mode: 'date' | 'time' | 'dateTime';
}
/**
 * Yes or no. Answer: true or false.
 *
 * This interface was referenced by `CareloomFormat`'s JSON-Schema
 * via the `definition` "YesNoInput".
 */
export interface YesNoInput {
  /**
   * Input kind.
   */
  kind: 'yesNo';
  yesLabel?: LocalizedText;
  noLabel?: LocalizedText;
}
/**
 * Several questions answered on one shared scale, shown as a grid. Each row's answer (an option id) is stored under the row's id.
 *
 * This interface was referenced by `CareloomFormat`'s JSON-Schema
 * via the `definition` "GridBlock".
 */
export interface GridBlock {
  /**
   * Block type.
   */
  type: 'grid';
  id: Id;
  visibleWhen?: Condition;
  prompt: LocalizedText;
  /**
   * Every row must be answered before leaving the page.
   */
  required?: boolean;
  /**
   * The shared scale, as columns.
   *
   * @minItems 2
   */
  options: [Option, Option, ...Option[]];
  /**
   * The questions, as rows.
   *
   * @minItems 1
   */
  rows: [GridRow, ...GridRow[]];
}
/**
 * One question of the grid.
 */
export interface GridRow {
  id: Id;
  prompt: LocalizedText;
}
/**
 * An exercise or homework assignment: instructions and the fields the patient fills in about it.
 *
 * This interface was referenced by `CareloomFormat`'s JSON-Schema
 * via the `definition` "ExerciseBlock".
 */
export interface ExerciseBlock {
  /**
   * Block type.
   */
  type: 'exercise';
  id: Id;
  visibleWhen?: Condition;
  title: LocalizedText;
  instructions: LocalizedRichText;
  /**
   * How many days the patient is asked to practise, for reminders and progress.
   */
  practiceDays?: number;
  /**
   * Questions about the exercise, answered by the patient (for example what they did and how it went).
   */
  fields?: Field[];
}
/**
 * One input of an exercise or registration. Its answer is stored under the field's id.
 *
 * This interface was referenced by `CareloomFormat`'s JSON-Schema
 * via the `definition` "Field".
 */
export interface Field {
  id: Id;
  label: LocalizedText;
  help?: LocalizedText;
  /**
   * The field must be filled in.
   */
  required?: boolean;
  input: Input;
}
/**
 * A repeated self-report or measurement (a daily diary, a weight, an activity log). Each entry is scored into a green, yellow or red zone, and the self-treatment plan says what to do in each zone. How often it is due is set by the program.
 *
 * This interface was referenced by `CareloomFormat`'s JSON-Schema
 * via the `definition` "RegistrationBlock".
 */
export interface RegistrationBlock {
  /**
   * Block type.
   */
  type: 'registration';
  id: Id;
  visibleWhen?: Condition;
  title: LocalizedText;
  description?: LocalizedText;
  /**
   * What is registered each time.
   *
   * @minItems 1
   */
  fields: [Field, ...Field[]];
  zones?: ZonePlan;
  goal?: Goal;
}
/**
 * Rules that put an entry in a zone: red when any red rule holds, otherwise yellow when any yellow rule holds, otherwise green. Thresholds can be overridden per patient by the therapist.
 *
 * This interface was referenced by `CareloomFormat`'s JSON-Schema
 * via the `definition` "ZonePlan".
 */
export interface ZonePlan {
  /**
   * The zone rules.
   *
   * @minItems 1
   */
  rules: [ZoneRule, ...ZoneRule[]];
  actions: ZoneActions;
}
/**
 * A condition that puts an entry in the yellow or red zone.
 */
export interface ZoneRule {
  id: Id;
  /**
   * Zone the entry falls in when the rule holds.
   */
  zone: 'yellow' | 'red';
  when: Condition;
  explanation?: LocalizedText;
  /**
   * Raise an alert to the therapist when the rule holds.
   */
  alert?: boolean;
}
/**
 * The self-treatment plan: what the patient should do in each zone.
 */
export interface ZoneActions {
  green: LocalizedRichText;
  yellow: LocalizedRichText;
  red: LocalizedRichText;
}
/**
 * A target for a numeric field over a day or a week, e.g. at least 150 minutes of activity a week.
 *
 * This interface was referenced by `CareloomFormat`'s JSON-Schema
 * via the `definition` "Goal".
 */
export interface Goal {
  field: Id;
  /**
   * How the period's entries are combined.
   */
  aggregate: 'sum' | 'mean' | 'max' | 'min' | 'count';
  /**
   * Period the goal is measured over; weeks run from the start of the program.
   */
  period: 'day' | 'week';
  /**
   * Whether the result should reach the target or stay under it.
   */
  comparison: 'atLeast' | 'atMost';
  /**
   * The target value, in the field's unit.
   */
  target: number;
  label?: LocalizedText;
}
/**
 * Shows the care unit's own contact details, filled in from the unit's settings where the module is delivered.
 *
 * This interface was referenced by `CareloomFormat`'s JSON-Schema
 * via the `definition` "UnitContactBlock".
 */
export interface UnitContactBlock {
  /**
   * Block type.
   */
  type: 'unitContact';
  id: Id;
  visibleWhen?: Condition;
  /**
   * Which of the unit's details to show.
   *
   * @minItems 1
   */
  show: [
    'name' | 'phone' | 'crisisPhone' | 'openingHours' | 'address' | 'email',
    ...('name' | 'phone' | 'crisisPhone' | 'openingHours' | 'address' | 'email')[]
  ];
  intro?: LocalizedText;
}
/**
 * A jump to another page, taken when its condition holds.
 *
 * This interface was referenced by `CareloomFormat`'s JSON-Schema
 * via the `definition` "Branch".
 */
export interface Branch {
  when: Condition;
  /**
   * Id of the page to go to, or '#end' to finish the module.
   */
  goTo: Id | '#end';
}
/**
 * A treatment program: modules on a weekly schedule, repeated measurements with rating scales, and registrations with deadlines and reminders. Weeks count from the day the patient starts: week 1 is the first seven days.
 *
 * This interface was referenced by `CareloomFormat`'s JSON-Schema
 * via the `definition` "Program".
 */
export interface Program {
  /**
   * Version of the program format this document follows.
   */
  formatVersion: 1;
  id: Slug;
  title: LocalizedText;
  summary?: LocalizedText;
  /**
   * Languages the program is offered in; each scheduled module must be available in them.
   *
   * @minItems 1
   */
  languages: [LanguageTag, ...LanguageTag[]];
  defaultLanguage: LanguageTag;
  /**
   * Keywords for the catalog.
   */
  tags?: string[];
  /**
   * Length of the program in weeks; nothing is scheduled after it.
   */
  durationWeeks: number;
  /**
   * The treatment modules and when each unlocks.
   *
   * @minItems 1
   */
  modules: [ScheduledModule, ...ScheduledModule[]];
  /**
   * Rating scales the patient fills in at set weeks (before, during and after treatment).
   */
  measurements?: Measurement[];
  /**
   * Repeated self-reports with deadlines.
   */
  registrations?: ScheduledRegistration[];
}
/**
 * A module in the program and the rule that unlocks it.
 *
 * This interface was referenced by `CareloomFormat`'s JSON-Schema
 * via the `definition` "ScheduledModule".
 */
export interface ScheduledModule {
  key: Id;
  module: ModuleRef;
  unlock: UnlockRule;
  /**
   * Not needed to complete the program.
   */
  optional?: boolean;
  /**
   * Tell the patient when the module unlocks.
   */
  remind?: boolean;
}
/**
 * A module unlocks when every given part holds: the week has begun and the listed modules are completed. An empty rule unlocks at the start.
 *
 * This interface was referenced by `CareloomFormat`'s JSON-Schema
 * via the `definition` "UnlockRule".
 */
export interface UnlockRule {
  /**
   * Unlocks at the start of this program week (1 = the first day).
   */
  week?: number;
  /**
   * Keys of modules that must be completed first.
   */
  afterCompleting?: Id[];
}
/**
 * A rating-scale module filled in at given weeks, e.g. PHQ-9 before treatment, every week, and after.
 *
 * This interface was referenced by `CareloomFormat`'s JSON-Schema
 * via the `definition` "Measurement".
 */
export interface Measurement {
  id: Id;
  module: ModuleRef;
  /**
   * Weeks in which it is due. The first is the baseline (pre) and the last the outcome (post) in reports.
   *
   * @minItems 1
   */
  weeks: [number, ...number[]];
  /**
   * Days from the start of the week within which it should be filled in; after that it is overdue.
   */
  dueWithinDays: number;
  /**
   * Reminders before it falls overdue.
   */
  reminders?: Reminder[];
}
/**
 * A reminder sent a given time before something falls due.
 *
 * This interface was referenced by `CareloomFormat`'s JSON-Schema
 * via the `definition` "Reminder".
 */
export interface Reminder {
  /**
   * Minutes before the deadline the reminder is sent.
   */
  minutesBefore: number;
  /**
   * Where the reminder goes; the app always shows it.
   */
  channels?: ('app' | 'email')[];
}
/**
 * A registration block of a module, due every day or on given weekdays by a local time.
 *
 * This interface was referenced by `CareloomFormat`'s JSON-Schema
 * via the `definition` "ScheduledRegistration".
 */
export interface ScheduledRegistration {
  id: Id;
  module: ModuleRef;
  registration: Id;
  /**
   * Daily, or on the listed weekdays.
   */
  frequency: 'daily' | 'weekly';
  /**
   * ISO weekdays (1 = Monday … 7 = Sunday) it is due on, for weekly registrations.
   *
   * @minItems 1
   */
  weekdays?: [number, ...number[]];
  /**
   * Local time of day (HH:MM, in the patient's time zone) by which the day's entry is due.
   */
  deadline: string;
  /**
   * First program week it is due in.
   */
  fromWeek?: number;
  /**
   * Last program week it is due in; left out: the program's last week.
   */
  toWeek?: number;
  /**
   * Alert the therapist when an entry has not arrived by the deadline.
   */
  alertWhenMissing?: boolean;
  /**
   * Reminders before the deadline.
   */
  reminders?: Reminder[];
}
/**
 * What a patient submits: answers to one module version, keyed by item id, with a client-generated id so that a retried submission is recorded once.
 *
 * This interface was referenced by `CareloomFormat`'s JSON-Schema
 * via the `definition` "Response".
 */
export interface Response {
  /**
   * Version of the response format.
   */
  formatVersion: 1;
  /**
   * Id the patient's device generated for this submission (a UUID). Sending the same id again returns the first result.
   */
  clientId: string;
  moduleId: Slug;
  /**
   * Version number of the module answered.
   */
  moduleVersion: number;
  contentHash?: Sha256;
  pageId?: Id;
  registrationId?: Id;
  /**
   * Answers by item id: an option id for choice, scale, grid and instrument items; a list of option ids for multiple choice; a number for number and slider; a string for text and date/time; a boolean for yes/no; null to clear an answer.
   */
  answers: {
    [k: string]: string | number | boolean | Id[] | null;
  };
  /**
   * This submission finishes the module (the patient pressed 'Done').
   */
  completes?: boolean;
  /**
   * When the patient answered, by the device's clock (ISO 8601 with offset), between 1900-01-01 and 2199-12-31. Answers given offline keep the time they were given.
   */
  answeredAt: string;
}
