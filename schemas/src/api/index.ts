// The HTTP API's request and response bodies as the server sends them and the designer, the clinic
// and the patient app read them: one place both sides import, so a change on one side breaks the
// other's build instead of its users. Types only: nothing here reaches a bundle.
export type * from './accounts.js';
export type * from './authoring.js';
export type * from './care.js';
export type * from './staff.js';
