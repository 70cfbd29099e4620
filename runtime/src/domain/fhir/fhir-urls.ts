// Extension and code-system URLs: the HL7 core and SDC ones Careloom speaks, and Careloom's own for
// what FHIR has no element for (an instrument's bands, alert rules, missing-item rule and test cases).

export const LOINC = 'http://loinc.org';
export const UCUM = 'http://unitsofmeasure.org';

export const EXT = {
  translation: 'http://hl7.org/fhir/StructureDefinition/translation',
  ordinalValue: 'http://hl7.org/fhir/StructureDefinition/ordinalValue',
  /** SDC R4 (before `ordinalValue`) put the ordinal in this extension; read, never written. */
  iso21090Value: 'http://hl7.org/fhir/StructureDefinition/iso21090-CO-value',
  itemControl: 'http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl',
  minValue: 'http://hl7.org/fhir/StructureDefinition/minValue',
  maxValue: 'http://hl7.org/fhir/StructureDefinition/maxValue',
  maxDecimalPlaces: 'http://hl7.org/fhir/StructureDefinition/maxDecimalPlaces',
  sliderStepValue: 'http://hl7.org/fhir/StructureDefinition/questionnaire-sliderStepValue',
  unit: 'http://hl7.org/fhir/StructureDefinition/questionnaire-unit',
  minOccurs: 'http://hl7.org/fhir/StructureDefinition/questionnaire-minOccurs',
  maxOccurs: 'http://hl7.org/fhir/StructureDefinition/questionnaire-maxOccurs',
  hidden: 'http://hl7.org/fhir/StructureDefinition/questionnaire-hidden',
  variable: 'http://hl7.org/fhir/StructureDefinition/variable',
  calculatedExpression: 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression',
  enableWhenExpression: 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-enableWhenExpression',
  /** Careloom: an instrument's scoring rules, test cases and licence as JSON, so a Careloom export imports whole. */
  careloomInstrument: 'https://careloom.org/fhir/StructureDefinition/instrument',
  /** Careloom: the option id an answer option stands for, when its coding is a terminology code. */
  careloomOptionId: 'https://careloom.org/fhir/StructureDefinition/option-id',
} as const;

export const ITEM_CONTROL_SYSTEM = 'http://hl7.org/fhir/questionnaire-item-control';
export const SDC_QUESTIONNAIRE_PROFILE = 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire';
export const OBSERVATION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';
export const DATA_ABSENT_REASON = 'http://terminology.hl7.org/CodeSystem/data-absent-reason';
export const FHIRPATH = 'text/fhirpath';
