import type { ResponseRecord } from '../care/ports.js';

/** Finds a recorded response by its id alone, as a FHIR read of `QuestionnaireResponse/<id>` needs. */
export interface ResponseLookup {
  findResponse(id: string): Promise<ResponseRecord | undefined>;
}
