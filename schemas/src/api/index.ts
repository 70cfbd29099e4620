// The HTTP API's request and response bodies as the server sends them and the designer, the clinic
// and the patient app read them: generated from schemas/json/api/*.schema.json (`npm run gen`), the
// same schemas the server validates request bodies with and describes in /api/openapi.json, so a
// change on one side breaks the other's build instead of its users. Types only: nothing here
// reaches a bundle.
export type * from '../generated/api.js';
