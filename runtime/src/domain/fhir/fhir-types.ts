// The parts of FHIR R4 resources Careloom reads and writes, by hand: the full typings are a large
// package for a few shapes, and the tests validate every produced resource against the R4
// StructureDefinitions anyway (r4-validator.testing.ts).

export interface Coding {
  system?: string;
  version?: string;
  code?: string;
  display?: string;
  /** Translations of `display`. */
  _display?: PrimitiveElement;
}

export interface CodeableConcept {
  coding?: Coding[];
  text?: string;
}

export interface Reference {
  reference?: string;
  type?: string;
  display?: string;
}

export interface Expression {
  name?: string;
  language: string;
  expression?: string;
  description?: string;
}

/** An extension; only the value types Careloom uses are listed. */
export interface Extension {
  url: string;
  extension?: Extension[];
  valueString?: string;
  valueCode?: string;
  valueCoding?: Coding;
  valueCodeableConcept?: CodeableConcept;
  valueDecimal?: number;
  valueInteger?: number;
  valueBoolean?: boolean;
  valueExpression?: Expression;
  valueMarkdown?: string;
  valueUri?: string;
  valueReference?: Reference;
}

/** The element extension of a primitive (`_text`), where translations go. */
export interface PrimitiveElement {
  extension?: Extension[];
}

export type QuestionnaireItemType =
  | 'group' | 'display' | 'boolean' | 'decimal' | 'integer' | 'date' | 'dateTime' | 'time'
  | 'string' | 'text' | 'url' | 'choice' | 'open-choice' | 'attachment' | 'reference' | 'quantity';

export interface QuestionnaireEnableWhen {
  question: string;
  operator: 'exists' | '=' | '!=' | '>' | '<' | '>=' | '<=';
  answerBoolean?: boolean;
  answerDecimal?: number;
  answerInteger?: number;
  answerDate?: string;
  answerDateTime?: string;
  answerTime?: string;
  answerString?: string;
  answerCoding?: Coding;
}

export interface QuestionnaireAnswerOption {
  extension?: Extension[];
  valueInteger?: number;
  valueDate?: string;
  valueTime?: string;
  valueString?: string;
  valueCoding?: Coding;
  initialSelected?: boolean;
}

export interface QuestionnaireItem {
  extension?: Extension[];
  linkId: string;
  definition?: string;
  code?: Coding[];
  prefix?: string;
  text?: string;
  _text?: PrimitiveElement;
  type: QuestionnaireItemType;
  enableWhen?: QuestionnaireEnableWhen[];
  enableBehavior?: 'all' | 'any';
  required?: boolean;
  repeats?: boolean;
  readOnly?: boolean;
  maxLength?: number;
  answerValueSet?: string;
  answerOption?: QuestionnaireAnswerOption[];
  item?: QuestionnaireItem[];
}

export interface Questionnaire {
  resourceType: 'Questionnaire';
  id?: string;
  meta?: { profile?: string[]; lastUpdated?: string; tag?: Coding[] };
  language?: string;
  extension?: Extension[];
  url?: string;
  identifier?: Array<{ system?: string; value?: string }>;
  version?: string;
  name?: string;
  title?: string;
  _title?: PrimitiveElement;
  status: 'draft' | 'active' | 'retired' | 'unknown';
  subjectType?: string[];
  date?: string;
  publisher?: string;
  description?: string;
  _description?: PrimitiveElement;
  copyright?: string;
  code?: Coding[];
  item?: QuestionnaireItem[];
}

export interface QuestionnaireResponseAnswer {
  valueBoolean?: boolean;
  valueDecimal?: number;
  valueInteger?: number;
  valueDate?: string;
  valueDateTime?: string;
  valueTime?: string;
  valueString?: string;
  valueCoding?: Coding;
  item?: QuestionnaireResponseItem[];
}

export interface QuestionnaireResponseItem {
  linkId: string;
  text?: string;
  answer?: QuestionnaireResponseAnswer[];
  item?: QuestionnaireResponseItem[];
}

export interface QuestionnaireResponse {
  resourceType: 'QuestionnaireResponse';
  id?: string;
  meta?: { lastUpdated?: string };
  identifier?: { system?: string; value?: string };
  questionnaire?: string;
  status: 'in-progress' | 'completed' | 'amended' | 'entered-in-error' | 'stopped';
  subject?: Reference;
  authored?: string;
  author?: Reference;
  source?: Reference;
  item?: QuestionnaireResponseItem[];
}

export interface Observation {
  resourceType: 'Observation';
  id?: string;
  meta?: { lastUpdated?: string };
  status: 'registered' | 'preliminary' | 'final' | 'amended' | 'corrected' | 'cancelled' | 'entered-in-error' | 'unknown';
  category?: CodeableConcept[];
  code: CodeableConcept;
  subject?: Reference;
  effectiveDateTime?: string;
  issued?: string;
  valueQuantity?: { value?: number; unit?: string; system?: string; code?: string };
  dataAbsentReason?: CodeableConcept;
  interpretation?: CodeableConcept[];
  derivedFrom?: Reference[];
  component?: Array<{ code: CodeableConcept; valueQuantity?: { value?: number; unit?: string; system?: string; code?: string }; dataAbsentReason?: CodeableConcept }>;
  note?: Array<{ text: string }>;
}
