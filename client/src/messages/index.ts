// The one message system of the designer, the clinic, the patient app, the renderer and the
// server's e-mails. Pure code (no DOM, no Node): the server imports it too.
export { LANGUAGES, LANGUAGE_NAMES, acceptedLanguages, languageOf, matchLanguage, pickLanguage, type Language } from './language.js';
export { formatMessage, messageParameters, pluralSelectors, type MessageParams } from './format.js';
export { combineCatalogs, translate, translator, type Catalog, type Catalogs, type Translate } from './catalog.js';
export { commonMessages, type CommonMessageKey } from './common.js';
export { checkCatalogs } from './check-catalogs.js';
